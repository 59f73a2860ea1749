//! The good-news round: one shares, the other replies, the sharer says how it felt; then swap.
//!
//! The sharer picks how the reply felt before any hint is shown, so that the hint cannot sway
//! them; their pick is what is recorded. The hint from [`crate::replies`] follows, addressed
//! to the one who replied, with a chance to try a second reply.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, Score};

use crate::data::{name_or, person_key};
use crate::replies::{ReplyData, ReplyKind};

/// The good-news exercise.
#[derive(Debug)]
pub struct GoodNews {
    data: ReplyData,
}

impl GoodNews {
    /// The exercise, with its markers and texts.
    pub fn new(data: ReplyData) -> Self {
        GoodNews { data }
    }
}

impl ScriptExercise for GoodNews {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Good news".into()));
        s.say(
            "When someone shares good news, the way the other replies matters more than it \
             seems. Replies that are glad and curious, and ask for more, tend to bring people \
             closer.",
        );
        if !s.is_pair() {
            s.say(
                "This one is for two people at one keyboard. Try it together some time: one \
                 shares a bit of good news, the other replies, and you swap.",
            );
            out.summary =
                "This exercise needs two people; it will be here when you are together.".into();
            return Ok(out);
        }
        s.say(
            "Take turns: one shares something good, big or small, and the other replies. Then \
             the one who shared says how the reply felt. Then you swap.",
        );
        s.pause_here()?;
        let turns = s.turns();
        let mut shared = 0;
        for round in 0..2 {
            let sharer = turns.get(round).cloned().flatten();
            let responder = turns.get(1 - round).cloned().flatten();
            if self.round(s, sharer.as_deref(), responder.as_deref(), &mut out)? {
                shared += 1;
            }
        }
        s.set_turn(None);
        out.summary = match shared {
            0 => "No news shared this time. Small good things count too; try again another day."
                .into(),
            1 => "One piece of good news was shared and met. Thank you both.".into(),
            _ => "You both shared good news and said how the replies felt. Thank you both.".into(),
        };
        Ok(out)
    }
}

impl GoodNews {
    /// One round; returns whether news was shared.
    fn round(
        &self,
        s: &mut Script,
        sharer: Option<&str>,
        responder: Option<&str>,
        out: &mut Outcome,
    ) -> Flow<bool> {
        let sharer_name = name_or(sharer, "the one who shared");
        let responder_name = name_or(responder, "the other person");
        s.set_turn(sharer.map(str::to_owned));
        let Some(news) = s.text(format!(
            "Something good from the last few days, big or small. Write it in a line, then tell \
             {responder_name} aloud:"
        ))?
        else {
            s.say(
                "That is fine. Good news can be small: a kind word, a plan that worked, a good \
                 meal. Maybe next time.",
            );
            s.pause_here()?;
            return Ok(false);
        };
        out.journal.push(JournalEntry {
            private: false,
            participant: sharer.map(str::to_owned),
            title: "Good news".into(),
            text: news.clone(),
        });

        s.set_turn(responder.map(str::to_owned));
        s.show(Block::Quote(news.clone()));
        let reply = s.text(format!(
            "Reply as you naturally would. Type it, then say it to {sharer_name} out loud:"
        ))?;
        if let Some(reply) = &reply {
            out.journal.push(JournalEntry {
                private: false,
                participant: responder.map(str::to_owned),
                title: format!("Reply to {sharer_name}'s good news"),
                text: reply.clone(),
            });
        }

        s.set_turn(sharer.map(str::to_owned));
        let felt = self.ask_felt(s, &format!("How did {responder_name}'s reply feel to you?"))?;
        s.set_turn(None);
        match felt {
            Some(kind) => {
                s.say(format!("How it felt to {sharer_name}:"));
                s.show(Block::Quote(self.data.text(kind).felt.clone()));
                out.carry
                    .insert(person_key("felt", sharer), kind.id().into());
                out.scores.push(Score {
                    name: format!("felt_{}", kind.id().replace('-', "_")),
                    participant: sharer.map(str::to_owned),
                    value: 1.0,
                });
            }
            None => s.say(format!(
                "{sharer_name} found it hard to say, and that is fine."
            )),
        }
        self.show_hint(s, &news, reply.as_deref(), felt, sharer_name);
        if felt == Some(ReplyKind::ActiveConstructive) {
            s.pause_here()?;
            return Ok(true);
        }
        let again = s.choice(
            format!(
                "{responder_name}, would you like to try a second reply, with one question about \
                 the news?"
            ),
            &["Try once more", "Go on"],
        )?;
        if again == Some(0) {
            if let Some(second) = s.text(format!(
                "{responder_name}, your second reply. Type it, then say it to {sharer_name}:"
            ))? {
                // The sharer answers first again, so the hint cannot sway them.
                s.set_turn(sharer.map(str::to_owned));
                let felt_again =
                    self.ask_felt(s, &format!("And how did that one feel, {sharer_name}?"))?;
                s.set_turn(None);
                self.show_hint(s, &news, Some(&second), felt_again, sharer_name);
                if let Some(kind) = felt_again {
                    out.carry
                        .insert(person_key("felt_again", sharer), kind.id().into());
                }
                out.journal.push(JournalEntry {
                    private: false,
                    participant: responder.map(str::to_owned),
                    title: format!("Second reply to {sharer_name}'s good news"),
                    text: second,
                });
                s.say("Thank you for trying again. It gets easier each time.");
            }
        }
        s.pause_here()?;
        Ok(true)
    }

    /// The sharer's own sense of a reply; `None` for "hard to say" or a pass.
    fn ask_felt(&self, s: &mut Script, prompt: &str) -> Flow<Option<ReplyKind>> {
        let mut options: Vec<&str> = ReplyKind::ALL
            .iter()
            .map(|k| self.data.text(*k).felt.as_str())
            .collect();
        options.push("Hard to say");
        let pick = s.choice(prompt, &options)?;
        Ok(pick.and_then(|i| ReplyKind::ALL.get(i).copied()))
    }

    /// The hint from the words of a reply, for the one who replied. When the words read
    /// otherwise than the sharer felt them, it says so, and that the sharer's sense counts.
    fn show_hint(
        &self,
        s: &mut Script,
        news: &str,
        reply: Option<&str>,
        felt: Option<ReplyKind>,
        sharer_name: &str,
    ) {
        let Some(reply) = reply else {
            return;
        };
        let guess = self.data.classify(news, reply);
        let hint = match guess {
            Some(kind) => format!(
                "{} (This reads only the words; it cannot hear your tone.)",
                self.data.text(kind).hint
            ),
            None => format!(
                "The words alone do not say much here. How it felt to {sharer_name} is what counts."
            ),
        };
        s.show(Block::Hint(hint));
        if felt.is_some() && guess.is_some() && felt != guess {
            s.say(format!(
                "The words read differently from how {sharer_name} felt them. Tone and face \
                 carry a lot, and {sharer_name}'s sense of it is what counts."
            ));
        }
    }
}
