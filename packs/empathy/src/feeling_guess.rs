//! Feeling guess: one tells a moment with only the facts, the other guesses the feelings, and
//! the teller rates how close it came. Then they swap.
//!
//! The teller first names, privately, the family of what they felt (and a word, if one fits),
//! so that the guesser's options can mix a few words of that family with others, and so that
//! the reveal can say, without judging, how each guess sits beside it. The story is checked for
//! feeling words ([`crate::feeling_check`]), since they would give the answer away.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, Score};

use crate::feeling_check::{quote_list, StoryCheck};
use crate::guess::{families, note, parse_guesses, pick_options, rating_line, Named, RATING};

/// The score: the teller's own rating of how close the guess came, 1 to 5.
pub const SCORE: &str = "match";

/// How many times the teller is offered to retell a story that names a feeling.
const RETELLS: usize = 2;

/// The feeling-guess exercise.
#[derive(Debug, Clone)]
pub struct FeelingGuess {
    check: StoryCheck,
}

impl FeelingGuess {
    /// An exercise using `check` for the facts-only story.
    pub fn new(check: StoryCheck) -> Self {
        FeelingGuess { check }
    }

    /// Asks for the story until it holds no feeling words, the teller keeps it as it is, or
    /// the retells are used up. `None` when the teller passed.
    // `Flow`'s error carries the pending step; its size is the core's choice.
    #[allow(clippy::result_large_err)]
    fn story(&self, s: &mut Script, guesser: &str) -> Flow<Option<String>> {
        let mut prompt = format!("Now tell {guesser} what happened, with only the facts: where you were, who was there, what was said and done. Leave out how you felt; that part is {guesser}'s to guess.");
        for tries in 0..=RETELLS {
            let Some(story) = s.text(prompt.clone())? else {
                return Ok(None);
            };
            let found = self.check.find(&story);
            if found.is_empty() {
                return Ok(Some(story));
            }
            if tries == RETELLS {
                // Said on the teller's own screen, before the hand-off.
                s.show(Block::Hint(format!(
                    "I noticed {} in there. Let's go on with it as it is: {guesser} may get a head start, and that is fine.",
                    quote_list(&found)
                )));
                s.pause_here()?;
                return Ok(Some(story));
            }
            s.show(Block::Hint(format!(
                "I noticed {} in there. That tells how you felt, which is {guesser}'s part to guess. Could you tell it with only what happened?",
                quote_list(&found)
            )));
            let again = s.choice(
                "Would you like to tell it once more?",
                &["Tell it again", "Keep it as it is"],
            )?;
            if again != Some(0) {
                return Ok(Some(story));
            }
            prompt = "Tell it once more, with only what happened.".to_owned();
        }
        Ok(None)
    }

    /// Asks the guesser for feelings; one more try when nothing could be read.
    // `Flow`'s error carries the pending step; its size is the core's choice.
    #[allow(clippy::result_large_err)]
    fn guesses(&self, s: &mut Script, options: &[String]) -> Flow<Vec<String>> {
        for tries in 0..2 {
            let Some(input) = s.private_text(
                "Type the numbers of the words you guess, or your own words, separated by commas.",
            )?
            else {
                return Ok(Vec::new());
            };
            let read = parse_guesses(&input, options);
            if !read.words.is_empty() || tries == 1 {
                return Ok(read.words);
            }
            s.show(Block::Hint(format!(
                "The numbers go from 1 to {}. You can also type your own words, such as \"tired, proud\".",
                options.len()
            )));
        }
        Ok(Vec::new())
    }
}

/// A kind hint when the teller's word says what someone did rather than what was felt
/// ("ignored"), naming feelings that may sit underneath it; `None` for a feeling word.
pub fn underneath_hint(word: &str) -> Option<String> {
    if nearer_text::feeling(word).is_some() {
        return None;
    }
    let judgment = nearer_text::find_disguised_judgments(word)
        .into_iter()
        .next()?;
    let under: Vec<&str> = judgment
        .underneath
        .iter()
        .take(3)
        .map(String::as_str)
        .collect();
    Some(format!(
        "\"{}\" says what someone else did, as much as what you felt. Underneath it there may be something like {}. Keep your word, or pick another.",
        judgment.word,
        or_list(&under)
    ))
}

/// "a", "a or b", "a, b or c".
fn or_list(items: &[&str]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

impl ScriptExercise for FeelingGuess {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let turns = s.turns();
        let (Some(Some(a)), Some(Some(b))) = (turns.first(), turns.get(1)) else {
            s.say("Feeling guess is for two people taking turns at one keyboard. Come back to it when you are together.");
            return Ok(outcome("Feeling guess needs two people."));
        };
        let (a, b) = (a.clone(), b.clone());
        s.show(Block::Heading("Feeling guess".into()));
        s.say("Even people who know each other well miss each other's feelings at times. Here one of you tells a moment with only the facts, and the other guesses what was felt.");
        s.say("Pick a moment from your own life in the last week or two: at work, with friends, on the way somewhere. Small or medium is best. Keep sore points between the two of you out of this one.");
        s.say("Type pass whenever you like.");
        s.pause_here()?;

        let fams = families();
        let mut out = outcome("");
        let mut rated: Vec<String> = Vec::new();
        let mut stories = 0;
        for (round, (teller, guesser)) in [(&a, &b), (&b, &a)].into_iter().enumerate() {
            s.set_turn(Some(teller.clone()));
            s.say(format!(
                "{teller}, think of your moment. {guesser} does not see this screen."
            ));
            let mut labels: Vec<String> = fams.iter().map(|f| f.label()).collect();
            labels.push("A mix, or something else".to_owned());
            let label_refs: Vec<&str> = labels.iter().map(String::as_str).collect();
            let family = s
                .private_choice("Which family is closest to what you felt?", &label_refs)?
                .and_then(|i| fams.get(i))
                .map(|f| f.name.clone());
            let mut word = s.private_text(
                "If one word says it best, type it. Only you see it for now. Or type pass.",
            )?;
            if let Some(hint) = word.as_deref().and_then(underneath_hint) {
                s.show(Block::Hint(hint));
                if let Some(other) = s.private_text(
                    "Type the word you would like to keep, or pass to keep the one you wrote.",
                )? {
                    word = Some(other);
                }
            }
            let named = Named {
                family,
                word: word.map(|w| w.to_lowercase()),
            };
            let Some(story) = self.story(s, guesser)? else {
                s.set_turn(None);
                s.say(format!("No story from {teller} this time. That is fine."));
                continue;
            };
            stories += 1;
            out.journal.push(JournalEntry {
                private: false,
                participant: Some(teller.clone()),
                title: "What happened".to_owned(),
                text: story.clone(),
            });
            out.journal.push(JournalEntry {
                private: false,
                participant: Some(teller.clone()),
                title: "What I felt".to_owned(),
                text: named.describe(),
            });

            s.set_turn(Some(guesser.clone()));
            let mut rng = s.rng(&format!("feeling-guess-{round}"));
            let options = pick_options(&mut rng, named.family().as_deref());
            s.say(format!("{guesser}, this is what happened to {teller}:"));
            s.show(Block::Quote(story));
            s.say(format!(
                "What do you think {teller} felt? Pick any that fit, or use your own words:"
            ));
            let numbered: Vec<String> = options
                .iter()
                .enumerate()
                .map(|(i, w)| format!("{}) {w}", i + 1))
                .collect();
            s.say(numbered.join("   "));
            let guessed = self.guesses(s, &options)?;
            if !guessed.is_empty() {
                out.journal.push(JournalEntry {
                    private: false,
                    participant: Some(guesser.clone()),
                    title: format!("My guess at what {teller} felt"),
                    text: guessed.join(", "),
                });
            }

            s.set_turn(None);
            s.say("You have both written. Time to look, if you both want to.");
            // The two sides are laid out below, once both agree.
            if !s.offer_reveal(&[])? {
                continue;
            }
            s.show(Block::Quote(format!("{teller} felt: {}", named.describe())));
            s.show(Block::Quote(if guessed.is_empty() {
                format!("{guesser} did not guess this time")
            } else {
                format!("{guesser} guessed: {}", guessed.join(", "))
            }));
            for g in &guessed {
                if let Some(line) = note(&named, g, teller) {
                    s.say(line);
                }
            }
            let rating = s.scale(
                format!("{teller}, how close did {guesser} come to what you felt?"),
                (RATING.0, "far off"),
                (RATING.1, "right there"),
            )?;
            s.say(rating_line(rating, guesser));
            s.say(format!("{teller}, tell {guesser} in a few words how it really was for you. {guesser}, just listen; no need to reply yet."));
            s.pause_here()?;
            if let Some(r) = rating {
                out.scores.push(Score {
                    name: SCORE.to_owned(),
                    participant: Some(teller.clone()),
                    value: f64::from(r),
                });
                rated.push(teller.clone());
            }
        }

        s.set_turn(None);
        s.say("Naming feelings gets easier with practice, for the one who feels them and for the one who guesses.");
        out.summary = match (stories, rated.is_empty()) {
            (0, _) => "No stories this time, and that is fine.".to_owned(),
            (_, false) => {
                "You told your moments, guessed at the feelings, and said how close it came."
                    .to_owned()
            }
            (1, true) => "One moment told with only the facts. That is practice too.".to_owned(),
            (_, true) => "You each told a moment with only the facts.".to_owned(),
        };
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgments_in_disguise_get_a_kind_hint_and_feelings_do_not() {
        let cases: &[(&str, Option<&str>)] = &[
            ("ignored", Some("\"ignored\" says what someone else did")),
            ("Ignored", Some("\"ignored\" says what someone else did")),
            ("let down", Some("\"let down\" says what someone else did")),
            ("rejected", Some("something like hurt, sad or ashamed")),
            ("lonely", None),
            ("nervous", None),
            ("wobbly", None),
            ("", None),
        ];
        for (word, want) in cases {
            let got = underneath_hint(word);
            match want {
                None => assert_eq!(got, None, "{word:?}"),
                Some(part) => {
                    let got = got.unwrap_or_default();
                    assert!(got.contains(part), "{word:?}: {got}");
                }
            }
        }
        assert_eq!(or_list(&[]), "");
        assert_eq!(or_list(&["hurt"]), "hurt");
        assert_eq!(or_list(&["hurt", "sad"]), "hurt or sad");
    }
}
