//! The feelings check-in: place the feeling on the grid, choose a precise word, say what is
//! behind it, and see the distinct words named so far.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, PriorSession, Score};
use nearer_text::Feeling;

use crate::data::person_key;
use crate::quadrant::{self, Axes, GRID, QUADRANTS};

/// How many words one check-in offers from the chosen corner.
const OFFERED: usize = 8;
/// How many words of the list "so far" are shown at most (the most recent ones).
const SHOWN: usize = 20;

/// The feelings check-in exercise.
#[derive(Debug, Default)]
pub struct CheckIn;

/// What one person's check-in gave.
struct Named {
    word: String,
    place: String,
    behind: Option<String>,
}

impl ScriptExercise for CheckIn {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let lexicon = nearer_text::feelings();
        let mut out = outcome("");
        s.show(Block::Heading("Feelings check-in".into()));
        s.say(
            "Finding the right word for a feeling helps you handle it, and it gets easier with \
             practice. First you place the feeling on a simple grid, then you choose a word.",
        );
        if s.is_pair() {
            s.say("You will each take a turn. Answer for yourself: there are no wrong feelings.");
        }
        s.pause_here()?;
        let mut entries = Vec::new();
        let mut words = Vec::new();
        for (n, who) in s.turns().into_iter().enumerate() {
            s.set_turn(who.clone());
            let Some(named) = check_in_one(s, lexicon, n)? else {
                continue;
            };
            // The last 30 days, counted from the session's start as the host recorded it.
            let recent: Vec<PriorSession> = nearer_core::dates::within_days(
                &s.ctx().history,
                s.ctx().started_at.as_deref(),
                30,
            )
            .into_iter()
            .cloned()
            .collect();
            let windowed = s.ctx().started_at.is_some();
            let before = words_so_far(&recent, who.as_deref());
            show_progress(s, lexicon, &before, &named.word, windowed);
            let distinct = before.len() + usize::from(!before.contains(&named.word));
            out.scores.push(Score {
                name: "distinct_words".into(),
                participant: who.clone(),
                value: distinct as f64,
            });
            out.carry
                .insert(person_key("word", who.as_deref()), named.word.clone());
            out.carry
                .insert(person_key("place", who.as_deref()), named.place.clone());
            let text = match &named.behind {
                Some(b) => format!("{} ({}). Behind it: {b}", named.word, named.place),
                None => format!("{} ({})", named.word, named.place),
            };
            entries.push(JournalEntry {
                private: false,
                participant: who.clone(),
                title: "Feeling check-in".into(),
                text,
            });
            words.push(named.word);
            s.pause_here()?;
        }
        s.set_turn(None);
        if s.is_pair() && !entries.is_empty() {
            s.offer_reveal(&entries)?;
        }
        out.summary = match (s.is_pair(), words.as_slice()) {
            (_, []) => "No word today, and that is fine. Checking in is the practice.".into(),
            (false, [word, ..]) => format!("You named how you feel: {word}."),
            (true, [_]) => "One of you named a feeling today. Thank you for checking in.".into(),
            (true, _) => "You both named how you feel. Thank you for checking in.".into(),
        };
        out.journal = entries;
        Ok(out)
    }
}

/// One person's check-in; `None` when they named no word. `n` keeps each person's draw apart.
fn check_in_one(s: &mut Script, lexicon: &[Feeling], n: usize) -> Flow<Option<Named>> {
    s.show(Block::Picture(GRID.into()));
    let corner = s.choice(
        "Where does your feeling sit right now, roughly?",
        &[
            "Unpleasant and activated",
            "Pleasant and activated",
            "Unpleasant and calm",
            "Pleasant and calm",
            "I can't tell",
        ],
    )?;
    let axes = match corner {
        Some(i) if i < QUADRANTS.len() => QUADRANTS[i],
        Some(_) => ask_axes(s)?,
        None => Axes::default(),
    };
    let offered = if axes.is_open() {
        Vec::new()
    } else {
        quadrant::offer(axes, lexicon, &mut s.rng(&format!("words-{n}")), OFFERED)
    };
    let mut picked: Option<&Feeling> = None;
    let typed = if offered.is_empty() {
        s.text("Which word fits how you feel? Type one, or pass.")?
    } else {
        s.say(format!(
            "Some words for {}, from milder to stronger:",
            axes.describe()
        ));
        let mut options: Vec<&str> = offered.iter().map(|f| f.word.as_str()).collect();
        options.push("A word of my own");
        match s.choice("Which word fits best?", &options)? {
            Some(i) if i < offered.len() => {
                picked = Some(offered[i]);
                None
            }
            Some(_) => s.text("Which word fits? Type your own.")?,
            None => None,
        }
    };
    let word = match (picked, typed) {
        (Some(f), _) => f.word.clone(),
        (None, Some(typed)) => match quadrant::lookup(&typed, lexicon)
            .or_else(|| nearer_text::find_feelings(&typed).into_iter().next())
        {
            Some(known) => {
                if !axes.is_open() && !axes.fits(known) {
                    s.show(Block::Hint(format!(
                        "\"{}\" is often felt as {}. Feelings can be mixed, so if the word fits, \
                         it fits.",
                        known.word,
                        Axes::of(known).describe()
                    )));
                }
                known.word.clone()
            }
            None => typed.to_lowercase(),
        },
        (None, None) => {
            s.say("No word today, and that is fine. Noticing how you are is already a start.");
            s.pause_here()?;
            return Ok(None);
        }
    };
    let place = match quadrant::lookup(&word, lexicon) {
        Some(known) if axes.is_open() => Axes::of(known).describe(),
        _ => axes.describe(),
    };
    let prompt = format!("What is behind feeling {word}? One line is enough.");
    let behind = if s.is_pair() {
        s.private_text(prompt)?
    } else {
        s.text(prompt)?
    };
    Ok(Some(Named {
        word,
        place,
        behind,
    }))
}

/// The two axes asked one at a time, for when the grid is too much at once.
fn ask_axes(s: &mut Script) -> Flow<Axes> {
    s.say("That is common. Take the two sides one at a time.");
    let pleasant = s.choice(
        "Is it more pleasant or more unpleasant to feel?",
        &["More pleasant", "More unpleasant", "Hard to say"],
    )?;
    let activated = s.choice(
        "Is your body more calm, or more stirred up?",
        &["More calm", "More stirred up", "Hard to say"],
    )?;
    Ok(Axes {
        pleasant: match pleasant {
            Some(0) => Some(true),
            Some(1) => Some(false),
            _ => None,
        },
        activated: match activated {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
    })
}

/// Shows the distinct words so far, with today's, to encourage a finer word next time.
fn show_progress(
    s: &mut Script,
    lexicon: &[Feeling],
    before: &[String],
    word: &str,
    last_30_days: bool,
) {
    let mut all = before.to_vec();
    let is_new = !all.iter().any(|w| w == word);
    if is_new {
        all.push(word.to_owned());
    }
    if before.is_empty() {
        s.say(format!(
            "\"{word}\" is the first word on your list. Over time, the list shows how many \
             different feelings you can name."
        ));
        return;
    }
    let opening = if is_new {
        format!("\"{word}\" is new to your list.")
    } else {
        format!("You have named \"{word}\" before. If it fits, it fits.")
    };
    let count = match all.len() {
        1 => "1 different word".to_owned(),
        n => format!("{n} different words"),
    };
    let span = if last_30_days {
        "In the last 30 days"
    } else {
        "So far"
    };
    s.say(format!(
        "{opening} {span} you have named {count} here: {}.",
        list_recent(&all)
    ));
    if !is_new {
        let near: Vec<String> = quadrant::lookup(word, lexicon)
            .map(|f| quadrant::neighbours(f, lexicon))
            .unwrap_or_default()
            .iter()
            .take(2)
            .map(|f| format!("\"{}\"", f.word))
            .collect();
        if !near.is_empty() {
            s.say(format!(
                "Next time, you might check whether a word beside it fits even better, such as {}.",
                near.join(" or ")
            ));
        }
    }
}

/// The most recent words, oldest first, with a note of how many earlier ones are left out.
fn list_recent(all: &[String]) -> String {
    let skip = all.len().saturating_sub(SHOWN);
    let shown = all[skip..].join(", ");
    if skip > 0 {
        format!("{shown}, and {skip} earlier")
    } else {
        shown
    }
}

/// The distinct words `who` named in earlier check-ins, in the order first used. Pair sessions
/// keep each person's word under their own key, so their lists never mix.
pub fn words_so_far(history: &[PriorSession], who: Option<&str>) -> Vec<String> {
    let key = person_key("word", who);
    let mut words: Vec<String> = Vec::new();
    for session in history {
        if let Some(word) = session.carry.get(&key) {
            let word = word.trim().to_lowercase();
            if !word.is_empty() && !words.contains(&word) {
                words.push(word);
            }
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn session(carry: &[(&str, &str)]) -> PriorSession {
        PriorSession {
            finished_at: "2025-01-01T00:00:00Z".into(),
            participants: Vec::new(),
            carry: carry
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect::<BTreeMap<_, _>>(),
            scores: Vec::new(),
        }
    }

    #[test]
    fn distinct_words_are_counted_per_person_in_order_of_first_use() {
        let history = vec![
            session(&[("word", "tired")]),
            session(&[("word", "Anxious ")]),
            session(&[("word", "tired")]),
            session(&[("word:Ada", "proud"), ("word:Sam", "tired")]),
            session(&[("word:Ada", "hopeful"), ("word:Sam", "relieved")]),
            session(&[("word:Ada", "proud")]),
            session(&[("place", "pleasant and calm")]),
            session(&[("word", "  ")]),
            session(&[]),
        ];
        let cases: &[(Option<&str>, &[&str])] = &[
            (None, &["tired", "anxious"]),
            (Some("Ada"), &["proud", "hopeful"]),
            (Some("Sam"), &["tired", "relieved"]),
            (Some("Kim"), &[]),
        ];
        for (who, want) in cases {
            assert_eq!(words_so_far(&history, *who), *want, "{who:?}");
        }
        assert!(words_so_far(&[], None).is_empty());
    }

    #[test]
    fn long_lists_show_the_most_recent_words() {
        let all: Vec<String> = (0..25).map(|i| format!("w{i}")).collect();
        let shown = list_recent(&all);
        assert!(shown.starts_with("w5, "), "{shown}");
        assert!(shown.ends_with("w24, and 5 earlier"), "{shown}");
        assert_eq!(list_recent(&["calm".to_owned()]), "calm");
    }

    #[test]
    fn the_shared_lexicon_fills_every_corner_of_the_grid() {
        for q in QUADRANTS {
            let n = quadrant::words_in(q, nearer_text::feelings()).len();
            assert!(n >= OFFERED, "{} has only {n} words", q.describe());
        }
    }
}
