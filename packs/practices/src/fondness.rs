//! The fondness list: qualities you cherish in someone, each with one real moment that shows it.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, PriorSession, Score};

use crate::data::person_key;
use crate::moments::FondnessData;

/// How many qualities one list holds at most: enough to mean something, few enough to finish.
pub const MAX_QUALITIES: usize = 5;
/// How many starter qualities are shown.
const STARTERS: usize = 8;

/// The fondness list exercise.
#[derive(Debug)]
pub struct Fondness {
    data: FondnessData,
}

impl Fondness {
    /// The exercise, with its starter qualities and markers.
    pub fn new(data: FondnessData) -> Self {
        Fondness { data }
    }
}

/// One quality and its moment.
struct Item {
    quality: String,
    moment: Option<String>,
}

impl ScriptExercise for Fondness {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Fondness list".into()));
        s.say(
            "Think of qualities you cherish in someone, and for each, one real moment when you \
             saw it. A quality with a moment is easier to believe, and warmer to hear.",
        );
        let turns = s.turns();
        if s.is_pair() {
            s.say(
                "You will each write a list about the other, in turn. It stays private until you \
                 both choose to share.",
            );
        }
        s.pause_here()?;
        let mut shared = Vec::new();
        let mut subject_of_solo = None;
        for (n, who) in turns.iter().enumerate() {
            s.set_turn(who.clone());
            let subject = if s.is_pair() {
                turns.get(1 - n.min(1)).cloned().flatten()
            } else {
                s.text("Who is this list about? A first name is enough.")?
            };
            let them = subject.clone().unwrap_or_else(|| "them".to_owned());
            let items = self.list(s, who.as_deref(), subject.as_deref(), n)?;
            if items.is_empty() {
                s.say("No list today, and that is fine. The qualities will still be there.");
                s.pause_here()?;
                continue;
            }
            s.show(Block::Heading(format!("Your list for {them}")));
            let mut lines = Vec::new();
            for item in &items {
                let (line, short) = match &item.moment {
                    Some(m) => (
                        format!("{}: {m}", item.quality),
                        format!("{} ({m})", item.quality),
                    ),
                    None => (item.quality.clone(), item.quality.clone()),
                };
                s.show(Block::Quote(line));
                lines.push(short);
                out.journal.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: format!("Fondness for {them}: {}", item.quality),
                    text: item
                        .moment
                        .clone()
                        .unwrap_or_else(|| "(no moment written yet)".to_owned()),
                });
            }
            let names: Vec<&str> = items.iter().map(|i| i.quality.as_str()).collect();
            out.carry
                .insert(person_key("qualities", who.as_deref()), names.join("; "));
            if let Some(subject) = &subject {
                out.carry
                    .insert(person_key("about", who.as_deref()), subject.clone());
            }
            out.scores.push(Score {
                name: "qualities".into(),
                participant: who.clone(),
                value: items.len() as f64,
            });
            shared.push(JournalEntry {
                private: false,
                participant: who.clone(),
                title: format!("Fondness list for {them}"),
                text: lines.join("; "),
            });
            subject_of_solo = Some(them);
            s.pause_here()?;
        }
        s.set_turn(None);
        if s.is_pair() {
            if !shared.is_empty() && s.offer_reveal(&shared)? {
                s.say(
                    "Now take turns reading your lists aloud. The one listening: just take it in; \
                     no need to answer.",
                );
            }
        } else if let Some(them) = &subject_of_solo {
            s.say(format!(
                "You might tell {them} one of these this week: the quality, and the moment you saw it."
            ));
        }
        let total: usize = out.scores.iter().map(|sc| sc.value as usize).sum();
        out.summary = match total {
            0 => "No list this time. It will be here when you want it.".into(),
            1 => "You named one quality, with what shows it.".into(),
            n => format!("You named {n} qualities, with what shows them."),
        };
        Ok(out)
    }
}

impl Fondness {
    /// One person's list about `subject`.
    fn list(
        &self,
        s: &mut Script,
        who: Option<&str>,
        subject: Option<&str>,
        n: usize,
    ) -> Flow<Vec<Item>> {
        let them = subject.unwrap_or("them");
        let pair = s.is_pair();
        let ask = |s: &mut Script, prompt: String| {
            if pair {
                s.private_text(prompt)
            } else {
                s.text(prompt)
            }
        };
        let earlier = earlier_qualities(&s.ctx().history, who, subject);
        if !earlier.is_empty() {
            s.say(format!(
                "Before, you named: {}. Today you might find a new quality, or a new moment for \
                 one of those.",
                earlier.join(", ")
            ));
        }
        let starters = s
            .rng(&format!("qualities-{n}"))
            .draw(&self.data.qualities, STARTERS);
        s.say(format!("If you need a start: {}.", starters.join(", ")));
        let mut items: Vec<Item> = Vec::new();
        while items.len() < MAX_QUALITIES {
            let prompt = if items.is_empty() {
                format!("A quality you cherish in {them}:")
            } else {
                "Another quality:".to_owned()
            };
            let Some(quality) = ask(s, prompt)? else {
                break;
            };
            let mut moment = ask(
                s,
                format!(
                    "When did you see it? One real moment: when, where, what {them} did or said."
                ),
            )?;
            match moment.as_deref().and_then(|m| self.data.read(m)) {
                None => s.show(Block::Hint(
                    "A quality without a moment is still a gift. If one comes to mind later, you \
                     can add it next time."
                        .into(),
                )),
                Some(kind) => {
                    if let Some(hint) = self.data.hint(kind) {
                        s.show(Block::Hint(hint.into()));
                        let more = s.choice(
                            "Would you like to add to the moment?",
                            &["Add to it", "Keep it as it is"],
                        )?;
                        if more == Some(0) {
                            if let Some(again) = ask(
                                s,
                                "Write the moment again, with a little more of it:".into(),
                            )? {
                                moment = Some(again);
                            }
                        }
                    }
                }
            }
            items.push(Item { quality, moment });
            if items.len() < MAX_QUALITIES {
                let more = s.choice(
                    "Add another quality, or is that your list?",
                    &["Add another", "That is my list"],
                )?;
                if more != Some(0) {
                    break;
                }
            }
        }
        Ok(items)
    }
}

/// The qualities `who` named before about `subject` (any subject when unnamed), first use
/// first, each once.
pub fn earlier_qualities(
    history: &[PriorSession],
    who: Option<&str>,
    subject: Option<&str>,
) -> Vec<String> {
    let key = person_key("qualities", who);
    let about = person_key("about", who);
    let mut found: Vec<String> = Vec::new();
    for session in history {
        let same_subject = match (subject, session.carry.get(&about)) {
            (Some(want), Some(had)) => want.trim().eq_ignore_ascii_case(had.trim()),
            (None, _) => true,
            (Some(_), None) => false,
        };
        let Some(list) = session.carry.get(&key).filter(|_| same_subject) else {
            continue;
        };
        for q in list.split(';').map(str::trim).filter(|q| !q.is_empty()) {
            if !found.iter().any(|f| f.eq_ignore_ascii_case(q)) {
                found.push(q.to_owned());
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(pairs: &[(&str, &str)]) -> PriorSession {
        PriorSession {
            finished_at: "2025-01-01T00:00:00Z".into(),
            participants: Vec::new(),
            carry: pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            scores: Vec::new(),
        }
    }

    #[test]
    fn earlier_qualities_belong_to_the_writer_and_the_subject() {
        let history = vec![
            session(&[("qualities", "patient; funny"), ("about", "Sam")]),
            session(&[("qualities", "Funny; brave"), ("about", "sam ")]),
            session(&[("qualities", "loyal"), ("about", "Kim")]),
            session(&[("qualities:Ada", "steady"), ("about:Ada", "Sam")]),
            session(&[("qualities", " ; ;")]),
        ];
        let cases: &[(Option<&str>, Option<&str>, &[&str])] = &[
            (None, Some("Sam"), &["patient", "funny", "brave"]),
            (None, Some("Kim"), &["loyal"]),
            (None, Some("Lee"), &[]),
            (None, None, &["patient", "funny", "brave", "loyal"]),
            (Some("Ada"), Some("Sam"), &["steady"]),
            (Some("Ada"), Some("Kim"), &[]),
        ];
        for (who, subject, want) in cases {
            assert_eq!(
                earlier_qualities(&history, *who, *subject),
                *want,
                "{who:?} {subject:?}"
            );
        }
    }
}
