//! The `small-promise` kind: one small, concrete act each for the week, and a look back.
//!
//! Trust grows when what someone says matches what they do, again and again, in small things.
//! Each session first looks back at the promises of the last session (from `history`), without
//! blame, then each person makes a new one. A gentle check hints when a promise names no act
//! or no time, and the person may always keep their own words.

use nearer_core::script::outcome;
use nearer_core::step::PriorSession;
use nearer_core::{Block, Flow, JournalEntry, Outcome, Score, Script, ScriptExercise};

use crate::promise_check::{Findings, PromiseCheck};
use crate::{carry_key, other_of};

/// The score recorded for each look back: 1 kept, 0.5 partly, 0 not yet.
pub const SCORE: &str = "promise_kept";

/// How many times a person is offered to reword a promise the check finds vague.
const MAX_REWORDS: usize = 2;

/// The options of the look back, in order, with the score each records.
const LOOK_BACK: [(&str, f64); 3] = [("Kept it", 1.0), ("Partly", 0.5), ("Not yet", 0.0)];

/// The small-promise exercise, with the word lists its check reads.
#[derive(Debug, Clone)]
pub struct SmallPromise {
    check: PromiseCheck,
}

impl SmallPromise {
    /// An exercise using `check` for its hints and examples.
    pub fn new(check: PromiseCheck) -> Self {
        SmallPromise { check }
    }
}

/// The kind hints for a promise the check finds vague; empty when it is concrete.
pub fn hints(f: &Findings) -> Vec<String> {
    let mut out = Vec::new();
    if f.act.is_none() {
        out.push(if let Some(blur) = f.blurs.first() {
            format!(
                "Words like \"{blur}\" say how you hope things will be. What would someone see you do?"
            )
        } else if let Some(hedge) = f.hedges.first() {
            format!("\"{hedge}\" leaves the act itself open. What is the one thing you will do?")
        } else {
            "What would someone see you do? A doing word helps: cook, call, bring, plan, put the phone away."
                .to_owned()
        });
    }
    if f.when.is_none() {
        out.push(
            "When will it happen? A day, a time of day, or how many times this week.".to_owned(),
        );
    }
    out
}

/// One mark per look back: `*` kept, `+` partly, `.` not yet.
fn mark(value: f64) -> &'static str {
    if value >= 0.75 {
        "*"
    } else if value >= 0.25 {
        "+"
    } else {
        "."
    }
}

/// The values of every earlier look back by `who`, oldest first.
fn earlier_marks(history: &[PriorSession], who: Option<&str>) -> Vec<f64> {
    history
        .iter()
        .flat_map(|session| {
            session
                .scores
                .iter()
                .filter(|sc| sc.name == SCORE && sc.participant.as_deref() == who)
                .map(|sc| sc.value)
        })
        .collect()
}

impl ScriptExercise for SmallPromise {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        let turns = s.turns();
        let history = s.ctx().history.clone();
        // Only the last session's promises are looked back on: an older one was already asked
        // about in the session after it.
        let previous: Vec<(Option<String>, String)> = turns
            .iter()
            .filter_map(|who| {
                let key = carry_key("promise", who.as_deref());
                let promise = history.last()?.carry.get(&key)?;
                Some((who.clone(), promise.clone()))
            })
            .collect();

        s.show(Block::Heading("Small promise".into()));
        s.say(if s.is_pair() {
            "Trust grows in small steps: you say you will do something, and then you do it. \
             Today each of you names one small act for the coming week, small enough that you \
             can surely keep it."
        } else {
            "Trust grows in small steps: you say you will do something, and then you do it. \
             Today you name one small act for the coming week, small enough that you can surely \
             keep it."
        });
        s.say(if history.is_empty() {
            "This is your first time here. Next time, nearer will remember your promises and ask \
             how they went: not to score you, only to look back together."
        } else if previous.is_empty() {
            "There is no promise from last time to look back on, so today you start fresh. Next \
             time, nearer will ask how today's promises went."
        } else {
            "First, a look back at last time. This is not a test. Whatever happened, saying it \
             honestly is part of building trust."
        });
        s.pause_here()?;

        for (who, promise) in &previous {
            s.set_turn(who.clone());
            s.show(Block::Heading("Looking back".into()));
            s.say("Last time, you promised:");
            s.show(Block::Quote(promise.clone()));
            let options = LOOK_BACK.map(|(label, _)| label);
            let how = s.choice("How did it go?", &options)?;
            let value = how.and_then(|i| LOOK_BACK.get(i)).map(|(_, v)| *v);
            match how {
                Some(0) => s.say(
                    "You did what you said you would. That is how trust is built: one kept word \
                     at a time.",
                ),
                Some(1) => s.say(
                    "Part of it happened, and that counts. What got in the way is worth knowing, \
                     not judging.",
                ),
                Some(_) => s.say(
                    "Not yet is an honest answer, and honesty builds trust too. Weeks get full. \
                     You can make it again, or make it smaller.",
                ),
                None => s.say("That is fine. You do not have to say."),
            }
            if matches!(how, Some(1 | 2)) {
                let note = s.text(
                    "If you like, write what got in the way. It can help your next promise fit \
                     your week.",
                )?;
                if let Some(text) = note {
                    out.journal.push(JournalEntry {
                        private: false,
                        participant: who.clone(),
                        title: "What got in the way".into(),
                        text,
                    });
                }
            }
            let Some(value) = value else {
                s.pause_here()?;
                continue;
            };
            out.scores.push(Score {
                name: SCORE.into(),
                participant: who.clone(),
                value,
            });
            let mut marks = earlier_marks(&history, who.as_deref());
            marks.push(value);
            let row: Vec<&str> = marks.iter().map(|v| mark(*v)).collect();
            s.say(if marks.len() == 1 {
                "Your first look back. Next time, the row grows."
            } else {
                "Your promises so far, oldest first. Every mark is a promise you made and looked \
                 at honestly."
            });
            s.show(Block::Picture(format!(
                "   {}\n\n   * kept   + partly   . not yet",
                row.join("  ")
            )));
            s.pause_here()?;
        }

        let mut examples = s.rng("examples").draw(self.check.examples(), turns.len());
        let mut promises: Vec<(Option<String>, Option<String>)> = Vec::new();
        for who in &turns {
            s.set_turn(who.clone());
            let other = other_of(s, who.as_deref());
            s.show(Block::Heading("Your promise for this week".into()));
            s.say(match &other {
                Some(name) => format!(
                    "Think of one small thing you will do for {name}, or for the two of you, in \
                     the coming week. Say what you will do, and when."
                ),
                None => "Think of one small thing you will do for someone close to you in the \
                         coming week. Say what you will do, and when."
                    .to_owned(),
            });
            if !examples.is_empty() {
                let example = examples.remove(0);
                s.say(format!("For example: \"{example}\""));
            }
            let mut promise = s.text("Your promise:")?;
            let mut rewords = 0;
            while let Some(text) = &promise {
                let hints = hints(&self.check.check(text));
                if hints.is_empty() || rewords == MAX_REWORDS {
                    break;
                }
                s.say(
                    "A small promise is easiest to keep, and to notice, when it says what you \
                     will do and when.",
                );
                for hint in hints {
                    s.show(Block::Hint(hint));
                }
                let reword = s.choice(
                    "Would you like to reword it?",
                    &["Reword it", "Keep it as it is"],
                )?;
                if reword != Some(0) {
                    break;
                }
                rewords += 1;
                match s.text("Your promise, reworded:")? {
                    Some(again) => promise = Some(again),
                    None => break,
                }
            }
            if let Some(text) = &promise {
                out.carry
                    .insert(carry_key("promise", who.as_deref()), text.clone());
                out.journal.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: "My small promise for this week".into(),
                    text: text.clone(),
                });
            }
            promises.push((who.clone(), promise));
        }
        s.set_turn(None);

        let made = promises.iter().filter(|(_, p)| p.is_some()).count();
        if made == 0 {
            s.say(
                "No promise this time, and that is fine. You can make one whenever you are ready.",
            );
        } else {
            s.show(Block::Heading("Your promises for this week".into()));
            for (who, promise) in &promises {
                match (who, promise) {
                    (Some(name), Some(p)) => s.show(Block::Quote(format!("{name}: {p}"))),
                    (None, Some(p)) => s.show(Block::Quote(p.clone())),
                    (Some(name), None) => s.say(format!(
                        "{name} is not making one this time, and that is fine."
                    )),
                    (None, None) => {}
                }
            }
            s.say(if made > 1 {
                "If you like, say your promises aloud to each other. Next time you open this \
                 exercise, you will look back at how they went."
            } else if s.is_pair() {
                "If you like, say it aloud to each other. Next time you open this exercise, you \
                 will look back at how it went."
            } else {
                "Next time you open this exercise, you will look back at how it went."
            });
        }
        out.summary = match (made, turns.len()) {
            (0, _) => "No promise this time; come back whenever you like.".into(),
            (1, 1) => "You made a small promise for this week.".into(),
            (m, n) if m == n => "You each made a small promise for this week.".into(),
            _ => "One small promise for this week is made.".into(),
        };
        Ok(out)
    }
}
