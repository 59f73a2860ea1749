//! Feeling guess's logic: the word options, reading a guess, comparing it with what was felt,
//! and the warm line that answers the teller's own rating.
//!
//! Comparisons are observations for the two people to talk about ("from the same family"),
//! never a score: the only number recorded is the teller's own rating of how close it came.

use nearer_core::rng::Rng;
use nearer_text::{feelings, Feeling};

/// How many words the guesser is offered.
pub const OPTIONS: usize = 8;

/// How many of the offered words come from the family the teller named, when one was named.
pub const FROM_FAMILY: usize = 3;

/// Most guesses kept from one answer.
pub const MAX_GUESSES: usize = 5;

/// A family of feeling words, with a few mild examples to show beside its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Family {
    /// Its name in the lexicon, e.g. `scared`.
    pub name: String,
    /// Up to three example words, mildest first.
    pub examples: Vec<String>,
}

impl Family {
    /// How the family is offered as a choice: `scared (like nervous, anxious)`.
    pub fn label(&self) -> String {
        let like: Vec<&str> = self
            .examples
            .iter()
            .map(String::as_str)
            .filter(|e| *e != self.name)
            .collect();
        if like.is_empty() {
            self.name.clone()
        } else {
            format!("{} (like {})", self.name, like.join(", "))
        }
    }
}

/// The families of the shared lexicon, in its order, each with its three mildest words.
pub fn families() -> Vec<Family> {
    nearer_text::families()
        .into_iter()
        .map(|name| Family {
            name: name.to_owned(),
            examples: nearer_text::feelings_in_family(name)
                .iter()
                .take(3)
                .map(|f| f.word.clone())
                .collect(),
        })
        .collect()
}

/// The lexicon entry for `word` or one of its forms, if it is a feeling word.
pub fn lookup(word: &str) -> Option<&'static Feeling> {
    nearer_text::feeling(word.trim())
}

/// Draws the words offered to the guesser: up to [`FROM_FAMILY`] from `family` (when the
/// teller named one), the rest from other families, shuffled together, each word once.
pub fn pick_options(rng: &mut Rng, family: Option<&str>) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for f in feelings() {
        if !words.contains(&f.word) {
            words.push(f.word.clone());
        }
    }
    let in_family =
        |w: &String| family.is_some_and(|fam| lookup(w).is_some_and(|f| f.family == fam));
    let mut inside: Vec<String> = words.iter().filter(|w| in_family(w)).cloned().collect();
    let mut outside: Vec<String> = words.iter().filter(|w| !in_family(w)).cloned().collect();
    rng.shuffle(&mut inside);
    rng.shuffle(&mut outside);
    inside.truncate(FROM_FAMILY);
    let room = OPTIONS.saturating_sub(inside.len());
    outside.truncate(room);
    let mut picked = inside;
    picked.extend(outside);
    rng.shuffle(&mut picked);
    picked
}

/// What a guesser typed, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Guesses {
    /// The guessed feelings, lowercase, each once, in the order typed.
    pub words: Vec<String>,
    /// Numbers typed that match no option.
    pub unknown_numbers: Vec<usize>,
}

/// Words people put before a guess that are not part of it.
const FILLERS: &[&str] = &[
    "maybe", "probably", "perhaps", "i think", "i guess", "i'd say", "a bit", "a little",
    "kind of", "kinda", "sort of", "somewhat", "quite", "very", "really", "so", "feeling", "felt",
];

/// Reads a guess typed as numbers of `options`, as words, or both: `"2, 5 and lonely"`.
pub fn parse_guesses(input: &str, options: &[String]) -> Guesses {
    let mut out = Guesses::default();
    let lower = input
        .to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .replace(" and ", ",")
        .replace(" or ", ",")
        .replace(['&', '/', ';', '\n', '+'], ",");
    for piece in lower.split(',') {
        let piece = piece.trim_matches(|c: char| c.is_whitespace() || ".!?\"'()".contains(c));
        if piece.is_empty() {
            continue;
        }
        let parts: Vec<&str> = piece.split_whitespace().collect();
        let numbers: Vec<usize> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if numbers.len() == parts.len() {
            for n in numbers {
                match n.checked_sub(1).and_then(|i| options.get(i)) {
                    Some(word) => push_once(&mut out.words, word),
                    None => out.unknown_numbers.push(n),
                }
            }
            continue;
        }
        let mut rest = piece.to_owned();
        // Strip fillers from the front until none is left: "maybe a bit tired" -> "tired".
        while let Some(f) = FILLERS
            .iter()
            .find(|f| rest.strip_prefix(**f).is_some_and(|r| r.starts_with(' ')))
        {
            rest = rest[f.len()..].trim_start().to_owned();
        }
        if !rest.is_empty() {
            push_once(&mut out.words, &rest);
        }
    }
    out.words.truncate(MAX_GUESSES);
    out
}

fn push_once(list: &mut Vec<String>, word: &str) {
    if !list.iter().any(|w| w == word) {
        list.push(word.to_owned());
    }
}

/// What the teller privately named.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    /// The family they picked, if any.
    pub family: Option<String>,
    /// The one word they typed, if any.
    pub word: Option<String>,
}

impl Named {
    /// The family to compare with: the typed word's, when the lexicon knows it, else the
    /// picked one.
    pub fn family(&self) -> Option<String> {
        self.word
            .as_deref()
            .and_then(lookup)
            .map(|f| f.family.clone())
            .or_else(|| self.family.clone())
    }

    /// Whether what was felt is pleasant: the typed word's tone, else the family's usual one.
    pub fn pleasant(&self) -> Option<bool> {
        if let Some(f) = self.word.as_deref().and_then(lookup) {
            return Some(f.pleasant);
        }
        let family = self.family()?;
        let members: Vec<&Feeling> = feelings().iter().filter(|f| f.family == family).collect();
        let pleasant = members.iter().filter(|f| f.pleasant).count();
        match (pleasant * 2).cmp(&members.len()) {
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Equal => None,
        }
    }

    /// How the teller's feeling is shown at the reveal.
    pub fn describe(&self) -> String {
        match (&self.word, &self.family) {
            (Some(w), Some(f)) if lookup(w).is_some_and(|l| &l.family == f) => w.clone(),
            (Some(w), Some(f)) => format!("{w}, from the {f} family"),
            (Some(w), None) => w.clone(),
            (None, Some(f)) => format!("something in the {f} family"),
            (None, None) => "a mix, or something else".to_owned(),
        }
    }
}

/// How a guessed word sits beside what the teller named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nearness {
    /// The very word.
    Same,
    /// Another word of the same family.
    SameFamily,
    /// Another family, with the same pleasant or unpleasant tone.
    SameTone,
    /// Another family and another tone.
    Elsewhere,
    /// Nothing to compare: the guess or the named feeling is not in the lexicon.
    Unknown,
}

/// Compares one guessed word with what the teller named.
pub fn compare(named: &Named, guess: &str) -> Nearness {
    let guess = guess.trim().to_lowercase();
    if named
        .word
        .as_deref()
        .is_some_and(|w| w.trim().eq_ignore_ascii_case(&guess))
    {
        return Nearness::Same;
    }
    let Some(g) = lookup(&guess) else {
        return Nearness::Unknown;
    };
    let Some(family) = named.family() else {
        return Nearness::Unknown;
    };
    if g.family == family {
        return Nearness::SameFamily;
    }
    match named.pleasant() {
        Some(p) if p == g.pleasant => Nearness::SameTone,
        Some(_) => Nearness::Elsewhere,
        None => Nearness::Unknown,
    }
}

/// A neutral line about one guess, for the two to talk about; `None` when there is nothing
/// useful to say.
pub fn note(named: &Named, guess: &str, teller: &str) -> Option<String> {
    let pleasant = named.pleasant().unwrap_or(false);
    Some(match compare(named, guess) {
        Nearness::Same => format!("\"{guess}\" is the very word {teller} had in mind."),
        Nearness::SameFamily => {
            format!("\"{guess}\" is in the same family as what {teller} named.")
        }
        Nearness::SameTone if pleasant => {
            format!("\"{guess}\" is another kind of feeling, and like {teller}'s, a pleasant one.")
        }
        Nearness::SameTone => format!(
            "\"{guess}\" is another kind of feeling, and like {teller}'s, not an easy one to have."
        ),
        Nearness::Elsewhere => {
            format!("\"{guess}\" points somewhere else than what {teller} named.")
        }
        Nearness::Unknown => return None,
    })
}

/// The lowest and highest match rating.
pub const RATING: (i32, i32) = (1, 5);

/// The line that answers the teller's own rating of how close the guess came; never a verdict
/// on the guesser, and `None` (a pass) or a number off the scale is met kindly.
pub fn rating_line(rating: Option<i32>, guesser: &str) -> String {
    match rating {
        Some(1) => format!(
            "Far off this time. That is worth knowing: now {guesser} gets to hear how it really was."
        ),
        Some(2) => format!("Not quite. A few words from you will help {guesser} see it."),
        Some(3) => format!("Partly there. Maybe tell {guesser} which part was missing."),
        Some(4) => format!("Close. Maybe tell {guesser} the one shade that was missing."),
        Some(5) => format!("Right there. {guesser} saw it the way you felt it."),
        _ => "No rating this time, and that is fine.".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Vec<String> {
        [
            "proud", "tired", "lonely", "relieved", "anxious", "grateful", "hurt", "calm",
        ]
        .iter()
        .map(|w| (*w).to_owned())
        .collect()
    }

    /// Each case: what the guesser typed, the words read, and the numbers that matched nothing.
    #[test]
    fn guesses_are_read_from_numbers_and_words() {
        let cases: &[(&str, &[&str], &[usize])] = &[
            ("2", &["tired"], &[]),
            ("2, 5", &["tired", "anxious"], &[]),
            ("2 5", &["tired", "anxious"], &[]),
            ("1 and 8", &["proud", "calm"], &[]),
            ("lonely", &["lonely"], &[]),
            ("Lonely, a bit lost", &["lonely", "lost"], &[]),
            ("3, worn out", &["lonely", "worn out"], &[]),
            ("maybe tired or anxious", &["tired", "anxious"], &[]),
            ("2, tired", &["tired"], &[]),
            ("9", &[], &[9]),
            ("0", &[], &[0]),
            ("4, 12", &["relieved"], &[12]),
            ("", &[], &[]),
            (" , ; ", &[], &[]),
            ("\"proud\".", &["proud"], &[]),
            ("so, so, so", &["so"], &[]),
            (
                "1, 2, 3, 4, 5, 6, 7",
                &["proud", "tired", "lonely", "relieved", "anxious"],
                &[],
            ),
            ("proud/relieved", &["proud", "relieved"], &[]),
        ];
        for (input, words, unknown) in cases {
            let got = parse_guesses(input, &opts());
            let want: Vec<String> = words.iter().map(|w| (*w).to_owned()).collect();
            assert_eq!(got.words, want, "input: {input:?}");
            assert_eq!(got.unknown_numbers, *unknown, "input: {input:?}");
        }
    }

    fn named(family: Option<&str>, word: Option<&str>) -> Named {
        Named {
            family: family.map(str::to_owned),
            word: word.map(str::to_owned),
        }
    }

    /// The family and tone of a lexicon word, so the cases hold whatever the lexicon's families
    /// are called.
    fn fam(word: &str) -> String {
        lookup(word).map(|f| f.family.clone()).unwrap_or_default()
    }

    #[test]
    fn guesses_are_compared_by_word_family_and_tone() {
        let anxious = fam("anxious");
        let relieved = fam("relieved");
        assert_ne!(
            anxious, relieved,
            "the lexicon keeps anxious and relieved apart"
        );
        let cases: Vec<(Named, &str, Nearness)> = vec![
            // The very word, in any case, with or without a family picked.
            (
                named(Some(&anxious), Some("anxious")),
                "anxious",
                Nearness::Same,
            ),
            (named(None, Some("anxious")), "Anxious ", Nearness::Same),
            // A word of their own, not in the lexicon, still matches itself.
            (named(None, Some("wobbly")), "wobbly", Nearness::Same),
            // Another word of the named family.
            (named(Some(&anxious), None), "anxious", Nearness::SameFamily),
            (
                named(Some(&anxious), Some("wobbly")),
                "anxious",
                Nearness::SameFamily,
            ),
            // The typed word's family wins over a picked family that does not fit it.
            (
                named(Some(&relieved), Some("anxious")),
                "anxious",
                Nearness::Same,
            ),
            (
                named(Some(&anxious), Some("relieved")),
                "anxious",
                Nearness::Elsewhere,
            ),
            // Another family, other tone.
            (named(Some(&anxious), None), "relieved", Nearness::Elsewhere),
            (
                named(None, Some("relieved")),
                "anxious",
                Nearness::Elsewhere,
            ),
            // Nothing to compare with.
            (named(None, None), "anxious", Nearness::Unknown),
            (named(Some(&anxious), None), "wobbly", Nearness::Unknown),
            (named(None, Some("wobbly")), "anxious", Nearness::Unknown),
        ];
        for (n, guess, want) in cases {
            assert_eq!(compare(&n, guess), want, "named {n:?}, guess {guess:?}");
        }
        // A sibling of anxious, once the lexicon has one, is in the same family.
        if let Some(sib) = feelings()
            .iter()
            .find(|f| f.family == anxious && f.word != "anxious")
        {
            let n = named(Some(&relieved), Some(&sib.word));
            assert_eq!(compare(&n, "anxious"), Nearness::SameFamily, "{}", sib.word);
        }
    }

    #[test]
    fn same_tone_needs_two_families_of_one_tone() {
        // Find two pleasant words of different families, if the lexicon has them.
        let pleasant: Vec<&Feeling> = feelings().iter().filter(|f| f.pleasant).collect();
        let pair = pleasant.iter().find_map(|a| {
            pleasant
                .iter()
                .find(|b| b.family != a.family)
                .map(|b| (*a, *b))
        });
        if let Some((a, b)) = pair {
            let n = named(None, Some(&a.word));
            assert_eq!(
                compare(&n, &b.word),
                Nearness::SameTone,
                "{} vs {}",
                a.word,
                b.word
            );
            let line = note(&n, &b.word, "Ada").unwrap_or_default();
            assert!(line.contains("a pleasant one"), "{line}");
        }
    }

    #[test]
    fn notes_are_neutral_and_skip_the_unknown() {
        let n = named(None, Some("anxious"));
        assert_eq!(
            note(&n, "anxious", "Ada").as_deref(),
            Some("\"anxious\" is the very word Ada had in mind.")
        );
        assert_eq!(note(&n, "wobbly", "Ada"), None);
        assert_eq!(
            note(&n, "relieved", "Ada").as_deref(),
            Some("\"relieved\" points somewhere else than what Ada named.")
        );
    }

    #[test]
    fn every_rating_gets_a_kind_line() {
        let cases: &[(Option<i32>, &str)] = &[
            (None, "No rating this time"),
            (Some(1), "Far off this time"),
            (Some(2), "Not quite"),
            (Some(3), "Partly there"),
            (Some(4), "Close."),
            (Some(5), "Right there. Sam saw it"),
            (Some(0), "No rating this time"),
            (Some(6), "No rating this time"),
            (Some(-3), "No rating this time"),
            (Some(i32::MAX), "No rating this time"),
        ];
        for (rating, start) in cases {
            let line = rating_line(*rating, "Sam");
            assert!(line.starts_with(start), "{rating:?}: {line}");
            for harsh in ["wrong", "fail", "bad", "score"] {
                assert!(!line.to_lowercase().contains(harsh), "{rating:?}: {line}");
            }
        }
    }

    #[test]
    fn options_mix_the_named_family_with_others() {
        let anxious = fam("anxious");
        let mut rng = Rng::new(7, "test");
        let picked = pick_options(&mut rng, Some(&anxious));
        let total = feelings().len().min(OPTIONS);
        assert_eq!(picked.len(), total);
        let from_family = picked
            .iter()
            .filter(|w| lookup(w).is_some_and(|f| f.family == anxious))
            .count();
        assert!((1..=FROM_FAMILY).contains(&from_family), "{picked:?}");
        let mut sorted = picked.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted.len(), picked.len(), "each word once");
        // The same seed gives the same words.
        assert_eq!(
            picked,
            pick_options(&mut Rng::new(7, "test"), Some(&anxious))
        );
    }

    #[test]
    fn families_are_offered_with_examples() {
        let fams = families();
        assert!(!fams.is_empty());
        for f in &fams {
            assert!(!f.examples.is_empty() && f.examples.len() <= 3, "{f:?}");
            assert!(f.label().starts_with(&f.name));
        }
        let shown = Family {
            name: "glad".into(),
            examples: vec!["glad".into(), "happy".into(), "pleased".into()],
        };
        assert_eq!(shown.label(), "glad (like happy, pleased)");
    }

    #[test]
    fn what_was_felt_is_described_plainly() {
        let anxious = fam("anxious");
        assert_eq!(named(Some(&anxious), Some("anxious")).describe(), "anxious");
        assert_eq!(named(None, Some("wobbly")).describe(), "wobbly");
        assert_eq!(
            named(Some(&anxious), None).describe(),
            format!("something in the {anxious} family")
        );
        assert_eq!(named(None, None).describe(), "a mix, or something else");
    }
}
