//! The facts-only check of feeling guess: finds the words in a story that tell how the teller felt.
//!
//! The guesser's part is to guess the feeling, so the teller is asked to leave it out. The
//! shared lexicon (`nearer_text::find_feelings`) finds the feeling words; this module adds what
//! a story needs on top of it: phrases that announce a feeling ("I felt"), feeling nouns and
//! simple forms ("anger", "sadly", "happiness"), and words that are feelings only after a
//! feeling frame, so that "we moved house" passes and "I was so moved" does not.

use nearer_core::diag::ContentError;
use nearer_core::kinds::Validate;
use serde::Deserialize;

use crate::data::{bad_entry, too_few};
use crate::words::words;

/// The file the data comes from, relative to the pack.
pub const FILE: &str = "content/feeling-guess.toml";

/// The built-in copy of [`FILE`].
pub const BUILTIN: &str = include_str!("../content/feeling-guess.toml");

/// The marker lists of the facts-only check (see `content/feeling-guess.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryCheck {
    /// Phrases that announce a feeling, whatever follows.
    pub phrases: Vec<String>,
    /// Feeling nouns and forms the shared lexicon may not hold.
    pub extra_words: Vec<String>,
    /// Words that are feelings only right after a frame.
    pub ambiguous: Vec<String>,
    /// What comes before an ambiguous word when it names a feeling.
    pub frames: Vec<String>,
    /// Little words that may sit between a frame and the feeling.
    pub intensifiers: Vec<String>,
    /// Words that, right after an ambiguous word, make it a place or a fact.
    pub not_before: Vec<String>,
}

impl Validate for StoryCheck {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        for (field, list) in [
            ("phrases", &self.phrases),
            ("extra_words", &self.extra_words),
            ("frames", &self.frames),
        ] {
            if list.is_empty() {
                return Err(too_few(file, src, field, 1, 0));
            }
        }
        // Single-word lists are compared word by word, so a space there would never match.
        for (field, list) in [
            ("extra_words", &self.extra_words),
            ("ambiguous", &self.ambiguous),
            ("intensifiers", &self.intensifiers),
            ("not_before", &self.not_before),
        ] {
            if let Some(bad) = list.iter().find(|w| words(w).len() != 1) {
                return Err(bad_entry(
                    file,
                    src,
                    field,
                    bad,
                    format!("{bad:?} in `{field}` is not one word"),
                    format!("write one word per entry in `{field}`; put phrases in `phrases`"),
                ));
            }
        }
        Ok(())
    }
}

impl StoryCheck {
    /// The built-in lists. The test below proves they parse, so the empty fallback is never used.
    pub fn builtin() -> Self {
        nearer_core::kinds::load(FILE, BUILTIN).unwrap_or_default()
    }

    /// The feeling words and phrases in `story`, lowercase, in order of appearance, each once.
    ///
    /// The shared lexicon's finds are the base (it knows forms such as "cosy" and "burned
    /// out"). Our walk over the words adds phrases, nouns and simple forms, and for the words in
    /// our `ambiguous` list our own, stricter rule decides, since a story is full of "down the
    /// road" and "moved house".
    pub fn find(&self, story: &str) -> Vec<String> {
        let toks = words(story);
        let lexicon: Vec<String> = nearer_text::find_feelings(story)
            .iter()
            .map(|f| f.word.clone())
            .collect();
        let phrases: Vec<Vec<String>> = self.phrases.iter().map(|p| words(p)).collect();
        let mut found: Vec<String> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if let Some(p) = phrases
                .iter()
                .filter(|p| !p.is_empty() && toks[i..].starts_with(p))
                .max_by_key(|p| p.len())
            {
                push_once(&mut found, p.join(" "));
                i += p.len();
                continue;
            }
            let w = &toks[i];
            let is_feeling = if self.ambiguous.contains(w) {
                self.framed(&toks, i)
            } else {
                lexicon.contains(w) || self.extra_words.contains(w) || is_feeling_form(w)
            };
            if is_feeling {
                push_once(&mut found, w.clone());
            }
            i += 1;
        }
        // Lexicon finds the walk did not meet word for word: forms and multi-word feelings.
        for w in lexicon {
            if !toks.contains(&w) && !self.ambiguous.contains(&w) {
                push_once(&mut found, w);
            }
        }
        found
    }

    /// True when the ambiguous word at `i` follows a feeling frame and is not followed by a
    /// word that makes it a place or a fact.
    fn framed(&self, toks: &[String], i: usize) -> bool {
        if toks
            .get(i + 1)
            .is_some_and(|next| self.not_before.contains(next))
        {
            return false;
        }
        let mut end = i;
        while end > 0 && self.intensifiers.contains(&toks[end - 1]) {
            end -= 1;
        }
        let before = &toks[..end];
        self.frames.iter().any(|frame| {
            let f = words(frame);
            !f.is_empty() && before.ends_with(&f)
        })
    }
}

fn push_once(list: &mut Vec<String>, word: String) {
    if !list.contains(&word) {
        list.push(word);
    }
}

/// True when `word` is a simple form of a lexicon feeling word: "sadly", "angrily", "sadness".
/// ("-iness" is left out: "business" is not "busy".)
fn is_feeling_form(word: &str) -> bool {
    let mut bases: Vec<String> = Vec::new();
    for (suffix, replacement) in [("ily", "y"), ("ly", ""), ("ness", "")] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 {
                bases.push(format!("{base}{replacement}"));
            }
        }
    }
    bases.iter().any(|b| nearer_text::feeling(b).is_some())
}

/// Joins found words for a hint: `"anxious"`, `"anxious" and "I felt"`, `"a", "b" and "c"`.
pub fn quote_list(found: &[String]) -> String {
    let quoted: Vec<String> = found
        .iter()
        .map(|w| format!("\"{}\"", with_capital_i(w)))
        .collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// "i felt" -> "I felt", "i'm feeling" -> "I'm feeling": phrases are stored lowercase.
fn with_capital_i(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| match w.strip_prefix('i') {
            Some("") => "I".to_owned(),
            Some(rest) if rest.starts_with('\'') => format!("I{rest}"),
            _ => w.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses() {
        let check: StoryCheck =
            nearer_core::kinds::load(FILE, BUILTIN).expect("content/feeling-guess.toml parses");
        assert!(check.phrases.contains(&"i felt".to_owned()));
        assert!(check.ambiguous.contains(&"moved".to_owned()));
    }

    #[test]
    fn a_phrase_with_a_space_in_a_word_list_is_refused_by_line() {
        let src = "phrases = [\"i felt\"]\nextra_words = [\"fear\", \"cold feet\"]\nambiguous = []\nframes = [\"felt\"]\nintensifiers = []\nnot_before = []\n";
        let err = nearer_core::kinds::load::<StoryCheck>("x.toml", src)
            .expect_err("a two-word entry is refused");
        assert_eq!(err.line, 2);
        assert_eq!(err.field.as_deref(), Some("extra_words"));
    }

    /// Each case: a story, and the words the check should find (in order).
    #[test]
    fn finds_feeling_words_and_only_those() {
        let check = StoryCheck::builtin();
        let cases: &[(&str, &[&str])] = &[
            // Plain facts pass.
            ("I got to the station at eight and the train had gone.", &[]),
            ("My boss called me in and shut the door.", &[]),
            // Words from the shared lexicon.
            ("I was anxious the whole morning.", &["anxious"]),
            ("Then the results came and I was relieved.", &["relieved"]),
            ("I was sad, then angry, then sad again.", &["sad", "angry"]),
            // Phrases that announce a feeling, whatever word follows.
            ("I felt like an idiot in front of everyone.", &["i felt"]),
            (
                "It made me feel like nobody was listening.",
                &["made me feel"],
            ),
            // Nouns and simple forms.
            ("There was so much anger in the room.", &["anger"]),
            ("I sadly put the phone down.", &["sadly"]),
            ("Happiness is not the word.", &["happiness"]),
            // Ambiguous words: facts without a frame, feelings with one.
            ("We moved house on Sunday.", &[]),
            ("I was so moved by the speech.", &["moved"]),
            ("We walked down the hill to the bus.", &[]),
            ("I felt a bit down all day.", &["i felt", "down"]),
            ("Business was slow, so I closed early.", &[]),
            ("Afterwards I was kind of down.", &["down"]),
            ("I was down at the shops when she rang.", &[]),
            ("He touched the door handle and left.", &[]),
            // Forms the lexicon knows, and its exceptions.
            ("I was happier than I had been in weeks.", &["happy"]),
            ("They sang happy birthday and cut the cake.", &[]),
            // Bare contractions and curly quotes.
            ("Im so lost right now.", &["lost"]),
            ("I\u{2019}m feeling tired of it.", &["i'm feeling", "tired"]),
        ];
        for (story, want) in cases {
            let got = check.find(story);
            let want: Vec<String> = want.iter().map(|w| (*w).to_owned()).collect();
            assert_eq!(got, want, "story: {story:?}");
        }
    }

    #[test]
    fn found_words_are_listed_kindly() {
        assert_eq!(quote_list(&[]), "");
        assert_eq!(quote_list(&["sad".into()]), "\"sad\"");
        assert_eq!(quote_list(&["i'm feeling".into()]), "\"I'm feeling\"");
        assert_eq!(quote_list(&["idle".into()]), "\"idle\"");
        assert_eq!(
            quote_list(&["sad".into(), "i felt".into(), "anger".into()]),
            "\"sad\", \"I felt\" and \"anger\""
        );
    }
}
