//! The fondness list's "a real moment" check, and the list's data file.
//!
//! A quality is easier to believe, and warmer to hear, with one real moment that shows it. The
//! check looks for signs of one time (a day, a season, an occasion), and for words that turn a
//! moment into a rule ("always", "never"). It only ever suggests adding a little more.

use nearer_core::kinds::{load, Validate};
use nearer_core::ContentError;
use serde::Deserialize;

use crate::data::{check_markers, Words};

/// The data file compiled in, used when the host passes no content text.
pub const EMBEDDED: &str = include_str!("../content/fondness-list.toml");
const FILE: &str = "content/fondness-list.toml";

/// How an example reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Example {
    /// One real moment, or enough detail to bring one back.
    Moment,
    /// A general rule ("she always helps") with no one time in it.
    General,
    /// Too few words to bring a moment back.
    Brief,
}

/// The marker lists.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    /// Signs of one particular time.
    pub moment: Vec<String>,
    /// Weaker signs, which a general word outweighs ("always ... when").
    pub weak_moment: Vec<String>,
    /// Words that make a moment into a rule.
    pub general: Vec<String>,
    /// Below this many words, with no sign of a moment, an example reads as brief.
    pub min_words: usize,
}

/// The hints.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hints {
    /// For a general rule.
    pub general: String,
    /// For a very short example.
    pub brief: String,
}

/// The whole data file `content/fondness-list.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FondnessData {
    /// Qualities to start from, shown a few at a time.
    pub qualities: Vec<String>,
    /// The marker lists.
    pub markers: Markers,
    /// The hints.
    pub hints: Hints,
}

impl Validate for FondnessData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let m = &self.markers;
        for (field, list) in [
            ("moment", &m.moment),
            ("weak_moment", &m.weak_moment),
            ("general", &m.general),
        ] {
            check_markers(file, src, field, list)?;
        }
        if self.qualities.iter().all(|q| q.trim().is_empty()) {
            let span = src.find("qualities =").map(|i| i..i + "qualities".len());
            return Err(ContentError::at(
                file,
                src,
                span,
                Some("qualities"),
                "`qualities` is empty",
                "list a few qualities to start from, e.g. `qualities = [\"patient\", \"funny\"]`",
            ));
        }
        Ok(())
    }
}

impl FondnessData {
    /// Parses `content`, or the compiled-in file when the host passes none.
    pub fn parse(content: Option<&str>) -> Result<Self, ContentError> {
        load(FILE, content.unwrap_or(EMBEDDED))
    }

    /// How `example` reads; `None` when it is empty.
    pub fn read(&self, example: &str) -> Option<Example> {
        let m = &self.markers;
        let words = Words::new(example);
        if words.count() == 0 {
            return None;
        }
        let has_number = example.chars().any(|c| c.is_ascii_digit());
        Some(if words.has_any(&m.moment) || has_number {
            Example::Moment
        } else if words.has_any(&m.general) {
            Example::General
        } else if words.has_any(&m.weak_moment) || words.count() >= m.min_words {
            Example::Moment
        } else {
            Example::Brief
        })
    }

    /// The hint for how an example reads, if it needs one.
    pub fn hint(&self, example: Example) -> Option<&str> {
        match example {
            Example::Moment => None,
            Example::General => Some(&self.hints.general),
            Example::Brief => Some(&self.hints.brief),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_read_as_moments_rules_or_brief() {
        let d = FondnessData::parse(None).expect("content/fondness-list.toml parses");
        let cases: &[(&str, Option<Example>)] = &[
            (
                "Last Tuesday she drove me to the airport at dawn",
                Some(Example::Moment),
            ),
            ("He always helps", Some(Example::General)),
            // A rule, then one time: the time is what counts.
            (
                "She is always there for me, like when my dad was ill last spring",
                Some(Example::Moment),
            ),
            ("kind", Some(Example::Brief)),
            ("", None),
            ("Everyone loves him", Some(Example::General)),
            (
                "He made soup for me when I had the flu",
                Some(Example::Moment),
            ),
            ("In 2019 she learned to swim", Some(Example::Moment)),
            (
                "She never gives up on anything at all",
                Some(Example::General),
            ),
            // "when" inside a rule is still a rule.
            ("She always listens when I talk", Some(Example::General)),
            ("Whenever we argue, she listens", Some(Example::General)),
            ("at my birthday", Some(Example::Moment)),
            ("She listened.", Some(Example::Brief)),
            // Enough detail with no rule word reads as a moment.
            (
                "The way he laughed at his own joke before he could finish telling it",
                Some(Example::Moment),
            ),
            // "May" is a name and a word, so it is not a month marker here.
            ("You may be shy", Some(Example::Brief)),
        ];
        for (example, want) in cases {
            assert_eq!(d.read(example), *want, "example: {example:?}");
        }
    }

    #[test]
    fn only_examples_that_are_not_moments_get_a_hint() {
        let d = FondnessData::parse(None).expect("content/fondness-list.toml parses");
        assert!(d.hint(Example::Moment).is_none());
        assert!(d.hint(Example::General).is_some());
        assert!(d.hint(Example::Brief).is_some());
        assert!(d.qualities.len() >= 8);
    }
}
