//! The thank-you builder: the act, what it shows about them, what it meant to me; then the
//! whole thank-you, to say or to send.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome};

use crate::data::{person_key, sentence};
use crate::gratitude::{Focus, GratitudeData};

/// How many times the second part may be rewritten after a hint; the person can always keep it.
const REWRITES: usize = 2;

/// The thank-you builder exercise.
#[derive(Debug)]
pub struct ThankYou {
    data: GratitudeData,
}

impl ThankYou {
    /// The exercise, with its markers and hints.
    pub fn new(data: GratitudeData) -> Self {
        ThankYou { data }
    }
}

impl ScriptExercise for ThankYou {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Thank-you builder".into()));
        s.say(
            "A thank-you lands best when it says three things: what they did, what it shows \
             about them, and what it meant to you. You build it one part at a time.",
        );
        let turns = s.turns();
        if s.is_pair() {
            s.say(
                "You will each write one for the other, in turn. Keep your parts to yourself \
                 until you read the whole thank-you aloud.",
            );
        }
        s.pause_here()?;
        let mut written = 0;
        for (n, who) in turns.iter().enumerate() {
            s.set_turn(who.clone());
            let recipient = if s.is_pair() {
                turns.get(1 - n.min(1)).cloned().flatten()
            } else {
                s.text("Who is it for? A first name is enough.")?
            };
            if let Some(thanks) = self.build(s, recipient.as_deref())? {
                written += 1;
                out.carry
                    .insert(person_key("focus", who.as_deref()), thanks.focus.into());
                out.journal.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: match &recipient {
                        Some(r) => format!("Thank-you for {r}"),
                        None => "Thank-you".into(),
                    },
                    text: thanks.text,
                });
            }
        }
        s.set_turn(None);
        out.summary = match written {
            0 => {
                "No thank-you this time. The three parts will be here when a moment comes to mind."
                    .into()
            }
            1 if !s.is_pair() => {
                "You built a thank-you in three parts. It is in your journal.".into()
            }
            1 => "One thank-you was built and said aloud. The other can come another day.".into(),
            _ => "You each built a thank-you and said it aloud.".into(),
        };
        Ok(out)
    }
}

/// A finished thank-you.
struct Built {
    text: String,
    focus: &'static str,
}

impl ThankYou {
    /// One person's thank-you for `recipient`; `None` when they passed on the act.
    fn build(&self, s: &mut Script, recipient: Option<&str>) -> Flow<Option<Built>> {
        // Without a name: "what did they do", "what it shows about them".
        let (they, them) = recipient.map_or(("they", "them"), |r| (r, r));
        let pair = s.is_pair();
        let ask = |s: &mut Script, prompt: String| {
            if pair {
                s.private_text(prompt)
            } else {
                s.text(prompt)
            }
        };
        let Some(act) = ask(
            s,
            format!("Part one: what did {they} do? Finish the sentence: Thank you for ..."),
        )?
        else {
            s.say("That is fine. Come back to it when a moment comes to mind.");
            s.pause_here()?;
            return Ok(None);
        };
        let mut quality = ask(
            s,
            format!(
                "Part two: what does it show about {them}, as a person? Finish the sentence: It \
                 shows ..."
            ),
        )?;
        let mut focus = quality.as_deref().and_then(|q| self.data.focus(q));
        for _ in 0..REWRITES {
            let Some(hint) = focus.and_then(|f| self.data.hint(f)) else {
                break;
            };
            s.show(Block::Hint(hint.into()));
            let again = s.choice(
                "Would you like to write part two again?",
                &["Write it again", "Keep it as it is"],
            )?;
            if again != Some(0) {
                break;
            }
            if let Some(rewritten) = ask(s, "Part two, again: It shows ...".into())? {
                focus = self.data.focus(&rewritten);
                quality = Some(rewritten);
            }
        }
        let effect = ask(
            s,
            "Part three: what did it mean to you? Finish the sentence: It meant ...".into(),
        )?;
        let text = assemble(recipient, &act, quality.as_deref(), effect.as_deref());
        s.show(Block::Heading("Your thank-you".into()));
        s.show(Block::Quote(text.clone()));
        if pair {
            s.say(format!(
                "Now read it aloud to {them}. {them}, you need not thank back: just let it land."
            ));
            s.pause_here()?;
            // Read aloud, so it is no longer private in the journal.
            s.mark_revealed();
        } else {
            let how = s.choice(
                "How would you like to give it?",
                &[
                    "Say it in person",
                    "Send it as a message",
                    "Keep it for now",
                ],
            )?;
            s.say(match how {
                Some(0) => "Say it when you are both unhurried, and look at them while you do.",
                Some(1) => "Copy it into a message as it is. Short and specific is plenty.",
                _ => "It is in your journal. A thank-you keeps; it can be given any day.",
            });
            s.pause_here()?;
        }
        Ok(Some(Built {
            text,
            focus: match focus {
                Some(Focus::Them) => "them",
                Some(Focus::OnlyMe) => "me",
                _ => "unclear",
            },
        }))
    }
}

/// Removes a sentence stem the person typed themselves ("Thank you for ..."), whatever its case.
pub fn strip_stem<'a>(text: &'a str, stems: &[&str]) -> &'a str {
    let trimmed = text.trim();
    for stem in stems {
        if let Some(head) = trimmed.get(..stem.len()) {
            let rest = &trimmed[stem.len()..];
            let at_word_end = rest.is_empty() || rest.starts_with(char::is_whitespace);
            if head.eq_ignore_ascii_case(stem) && at_word_end {
                return rest.trim_start();
            }
        }
    }
    trimmed
}

/// The three parts as one thank-you; a part passed over is left out.
pub fn assemble(
    recipient: Option<&str>,
    act: &str,
    quality: Option<&str>,
    effect: Option<&str>,
) -> String {
    let act = strip_stem(
        act,
        &["thank you so much for", "thank you for", "thanks for"],
    );
    let mut text = match recipient {
        Some(name) => format!("{name}, thank you for {}", sentence(act)),
        None => format!("Thank you for {}", sentence(act)),
    };
    if let Some(q) = quality {
        text.push_str(&format!(
            " It shows {}",
            sentence(strip_stem(q, &["it shows"]))
        ));
    }
    if let Some(e) = effect {
        text.push_str(&format!(
            " It meant {}",
            sentence(strip_stem(e, &["it meant"]))
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_stems_are_not_doubled() {
        let cases: &[(&str, &str)] = &[
            ("Thank you for the soup", "the soup"),
            ("thank you so much for the soup", "the soup"),
            ("THANKS FOR the soup", "the soup"),
            ("the soup", "the soup"),
            ("  thank you for   the soup ", "the soup"),
            ("thanksgiving dinner", "thanksgiving dinner"),
            ("Thank you", "Thank you"),
            ("", ""),
            ("thank you forever", "thank you forever"),
            ("caf\u{e9} trip", "caf\u{e9} trip"),
        ];
        let stems = ["thank you so much for", "thank you for", "thanks for"];
        for (typed, want) in cases {
            assert_eq!(strip_stem(typed, &stems), *want, "typed: {typed:?}");
        }
    }

    #[test]
    fn the_parts_become_one_thank_you() {
        assert_eq!(
            assemble(
                Some("Sam"),
                "Thank you for cooking on Tuesday",
                Some("It shows how you notice when I'm worn out"),
                Some("I could rest for once!")
            ),
            "Sam, thank you for cooking on Tuesday. It shows how you notice when I'm worn out. \
             It meant I could rest for once!"
        );
        assert_eq!(
            assemble(None, "the lift", None, Some("it meant a lot")),
            "Thank you for the lift. It meant a lot."
        );
    }
}
