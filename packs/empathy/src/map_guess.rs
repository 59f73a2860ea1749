//! Map guess: one answers questions about their inner world in private, the other guesses, and
//! after both agree to look, the guesser says what was new to them. Then they swap.
//!
//! What is counted is what was newly learned, never right or wrong: a guess that misses is how
//! a map of the other person gets updated. Questions asked in earlier sessions are remembered
//! (by id, in the outcome's `carry`) so the next session draws fresh ones first.

use std::collections::BTreeSet;

use nearer_core::diag::ContentError;
use nearer_core::kinds::Validate;
use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, Score};
use serde::Deserialize;
use toml::Spanned;

use crate::data::{bad_entry, too_few};
use crate::plural;

/// The file the bank comes from, relative to the pack.
pub const FILE: &str = "content/map-guess.toml";

/// The built-in copy of [`FILE`].
pub const BUILTIN: &str = include_str!("../content/map-guess.toml");

/// Questions each person answers per session.
pub const PER_ROUND: usize = 3;

/// The key in `carry` listing the ids of the questions a session asked.
pub const CARRY_ASKED: &str = "asked";

/// The score: how many answers were new to the guesser, per guesser.
pub const SCORE: &str = "newly_learned";

/// The placeholder in `guess` for the answerer's name.
const NAME: &str = "{name}";

/// The question bank.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// The questions.
    #[serde(rename = "question")]
    pub questions: Spanned<Vec<Question>>,
}

/// One question, in the answerer's form and the guesser's form.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id, remembered between sessions.
    pub id: String,
    /// What the answerer reads.
    pub ask: String,
    /// What the guesser reads; `{name}` is the answerer's name.
    pub guess: String,
}

impl Question {
    /// The guesser's form with the answerer's name filled in.
    pub fn guess_for(&self, answerer: &str) -> String {
        self.guess.replace(NAME, answerer)
    }
}

impl Validate for Bank {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let qs = self.questions.get_ref();
        if qs.len() < 2 * PER_ROUND {
            return Err(too_few(file, src, "question", 2 * PER_ROUND, qs.len()));
        }
        let mut ids = BTreeSet::new();
        for q in qs {
            if !nearer_core::manifest::is_valid_id(&q.id) {
                return Err(bad_entry(
                    file,
                    src,
                    "id",
                    &q.id,
                    format!("{:?} is not a valid question id", q.id),
                    "use lowercase letters, digits and dashes, e.g. `id = \"small-lift\"`",
                ));
            }
            if !ids.insert(q.id.as_str()) {
                return Err(bad_entry(
                    file,
                    src,
                    "id",
                    &format!("id = \"{}\"", q.id),
                    format!("the question id {:?} is used twice", q.id),
                    "give each question its own id; sessions remember questions by id",
                ));
            }
            if q.ask.trim().is_empty() {
                return Err(bad_entry(
                    file,
                    src,
                    "ask",
                    &q.id,
                    format!("question {:?} has an empty `ask`", q.id),
                    "write the question as the answerer reads it",
                ));
            }
            if !q.guess.contains(NAME) {
                return Err(bad_entry(
                    file,
                    src,
                    "guess",
                    &q.guess,
                    format!("the `guess` of {:?} does not name the answerer", q.id),
                    "write the guesser's form with {name} where the answerer's name goes, e.g. \"What gave {name} a lift?\"",
                ));
            }
        }
        Ok(())
    }
}

/// The map-guess exercise.
#[derive(Debug, Clone)]
pub struct MapGuess {
    bank: Vec<Question>,
}

impl MapGuess {
    /// An exercise drawing from `bank`.
    pub fn new(bank: Bank) -> Self {
        MapGuess {
            bank: bank.questions.into_inner(),
        }
    }

    /// Draws this session's questions: ones no earlier session asked first, then the rest.
    fn draw(&self, s: &Script) -> Vec<Question> {
        let asked: BTreeSet<&str> = s
            .ctx()
            .history
            .iter()
            .filter_map(|p| p.carry.get(CARRY_ASKED))
            .flat_map(|list| list.split(','))
            .collect();
        let (mut fresh, mut seen): (Vec<Question>, Vec<Question>) = self
            .bank
            .iter()
            .cloned()
            .partition(|q| !asked.contains(q.id.as_str()));
        let mut rng = s.rng("map-guess");
        rng.shuffle(&mut fresh);
        rng.shuffle(&mut seen);
        fresh.extend(seen);
        fresh.truncate(2 * PER_ROUND);
        fresh
    }
}

impl ScriptExercise for MapGuess {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let turns = s.turns();
        let (Some(Some(a)), Some(Some(b))) = (turns.first(), turns.get(1)) else {
            s.say("Map guess is for two people taking turns at one keyboard. Come back to it when you are together.");
            return Ok(outcome("Map guess needs two people."));
        };
        let (a, b) = (a.clone(), b.clone());
        s.show(Block::Heading("Map guess".into()));
        s.say("Each of you carries a map of the other's inner world: what is on their mind, what lifts them, what lets them rest. Maps go out of date as people change, and that is normal.");
        s.say(format!("{a} answers three questions in private, and {b} guesses. If you both want, you then look at the answers and the guesses side by side. Then you swap."));
        s.say("Nobody is scored on getting it right. What counts is what you learn. Type pass to skip any question.");
        s.pause_here()?;

        let drawn = self.draw(s);
        let mut out = outcome("");
        let mut asked: Vec<String> = Vec::new();
        let mut learned: Vec<(String, String, usize)> = Vec::new();
        for (round, (answerer, guesser)) in [(&a, &b), (&b, &a)].into_iter().enumerate() {
            let questions = drawn.iter().skip(round * PER_ROUND).take(PER_ROUND);
            s.set_turn(Some(answerer.clone()));
            s.say(format!("{answerer}, here are three questions about you. A few words each is plenty. {guesser} sees nothing until you both choose to look."));
            let mut answered: Vec<(&Question, String)> = Vec::new();
            for q in questions {
                asked.push(q.id.clone());
                if let Some(answer) = s.private_text(q.ask.clone())? {
                    out.journal.push(JournalEntry {
                        private: false,
                        participant: Some(answerer.clone()),
                        title: q.ask.clone(),
                        text: answer.clone(),
                    });
                    answered.push((q, answer));
                }
            }
            if answered.is_empty() {
                s.set_turn(None);
                s.say(format!(
                    "{answerer} passed on all three today. That is fine; the questions will keep."
                ));
                continue;
            }

            s.set_turn(Some(guesser.clone()));
            s.say(format!("{guesser}, now guess how {answerer} answered. Go with your first thought. A guess that misses is how a map gets updated."));
            let mut guesses: Vec<Option<String>> = Vec::new();
            for (q, _) in &answered {
                let guess = s.private_text(q.guess_for(answerer))?;
                if let Some(g) = &guess {
                    out.journal.push(JournalEntry {
                        private: false,
                        participant: Some(guesser.clone()),
                        title: format!("My guess: {}", q.guess_for(answerer)),
                        text: g.clone(),
                    });
                }
                guesses.push(guess);
            }

            s.set_turn(None);
            s.say("You have both written. Time to look, if you both want to.");
            // The side-by-side view is laid out below, question by question, once both agree.
            if !s.offer_reveal(&[])? {
                continue;
            }
            let mut new_count = 0;
            for ((q, answer), guess) in answered.iter().zip(&guesses) {
                s.say(q.guess_for(answerer));
                s.show(Block::Quote(format!("{answerer}: {answer}")));
                s.show(Block::Quote(match guess {
                    Some(g) => format!("{guesser} guessed: {g}"),
                    None => format!("{guesser} passed on this one"),
                }));
                let pick = s.choice(
                    format!("{guesser}, was this new to you?"),
                    &["Knew it", "Close", "New to me"],
                )?;
                if pick == Some(2) {
                    new_count += 1;
                }
            }
            if new_count > 0 {
                s.say(format!("{guesser}, pick the answer that surprised you most and ask {answerer} one thing about it. {answerer}, say as much or as little as you like."));
            } else {
                s.say(format!("Nothing new for {guesser} this time: this part of the map is up to date. Maybe ask {answerer} about one answer anyway."));
            }
            s.pause_here()?;
            learned.push((guesser.clone(), answerer.clone(), new_count));
        }

        s.set_turn(None);
        s.say("Maps change as people do. Come back in a few weeks and see what has moved.");
        out.carry.insert(CARRY_ASKED.to_owned(), asked.join(","));
        for (guesser, _, n) in &learned {
            out.scores.push(Score {
                name: SCORE.to_owned(),
                participant: Some(guesser.clone()),
                value: *n as f64,
            });
        }
        let parts: Vec<String> = learned
            .iter()
            .map(|(g, a, n)| {
                format!(
                    "{g} learned {} about {a}",
                    plural(*n, "new thing", "new things")
                )
            })
            .collect();
        out.summary = match parts.as_slice() {
            [] => "You kept your answers to yourselves this time, and that is fine.".to_owned(),
            [one] => format!("{one}."),
            [first, second] => format!("{first}, and {second}."),
            more => format!("{}.", more.join("; ")),
        };
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bank_parses_and_holds_over_thirty_questions() {
        let bank: Bank = nearer_core::kinds::load(FILE, BUILTIN).expect("map-guess.toml parses");
        assert!(bank.questions.get_ref().len() >= 30);
        for q in bank.questions.get_ref() {
            assert!(q.ask.ends_with('?') || q.ask.ends_with('.'), "{}", q.id);
            assert!(q.guess.ends_with('?'), "{}", q.id);
            assert!(!q.guess_for("Ada").contains('{'), "{}", q.id);
        }
    }

    #[test]
    fn a_guess_without_the_name_is_refused_by_line() {
        let mut src = String::new();
        for i in 0..6 {
            src.push_str(&format!(
                "[[question]]\nid = \"q{i}\"\nask = \"How are you?\"\nguess = \"How is {{name}}?\"\n"
            ));
        }
        src.push_str(
            "[[question]]\nid = \"q9\"\nask = \"How are you?\"\nguess = \"How are they?\"\n",
        );
        let err = nearer_core::kinds::load::<Bank>("x.toml", &src).expect_err("refused");
        assert_eq!(err.field.as_deref(), Some("guess"));
        assert_eq!(err.line, 28);
    }
}
