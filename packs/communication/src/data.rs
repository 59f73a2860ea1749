//! The pack's marker lists, kept as data in `content/*.toml` and compiled in.
//!
//! They are parsed with `nearer_core::kinds::load`, so a mistake names the file, line, field
//! and fix. Each exercise parses what it needs when it is created; a test checks every file.

use nearer_core::kinds::{load, Validate};
use nearer_core::ContentError;
use nearer_text::tokens;
use serde::Deserialize;

const LISTENING: &str = include_str!("../content/listening.toml");
const START_UP: &str = include_str!("../content/start-up.toml");
const REQUEST: &str = include_str!("../content/request.toml");

/// What the speaker-listener drill listens for in a reflection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListeningData {
    /// Below this share of the speaker's words, the reflection may have drifted.
    pub drift_below: f64,
    /// From this share of the speaker's words (with a long verbatim run), it repeats.
    pub parrot_from: f64,
    /// How many words in a row, taken as they were, count as repeating.
    pub parrot_run: usize,
    /// Paraphrase openers.
    pub openers: Vec<String>,
    /// Check questions.
    pub checks: Vec<String>,
    /// Calm topics to practise on.
    pub topics: Vec<String>,
    /// Roadblock markers beside the shared lexicon.
    #[serde(rename = "roadblock")]
    pub roadblocks: Vec<ExtraRoadblock>,
}

/// Roadblock markers this pack adds to the shared lexicon.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExtraRoadblock {
    /// The roadblock's key, as in nearer-text (e.g. `reassuring`).
    pub kind: String,
    /// What it does, used when nearer-text has no entry of this kind.
    pub why: String,
    /// The phrases.
    pub markers: Vec<String>,
}

/// What the gentle start-up exercise notices in a complaint.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartUpData {
    /// "always", "never", ...
    pub absolutes: Vec<String>,
    /// Labels of character.
    pub labels: Vec<String>,
    /// Words pointing at a person, which make a label count.
    pub persons: Vec<String>,
    /// Sarcasm, mockery and insults.
    pub contempt: Vec<String>,
    /// Openings that start with the other person.
    pub blame_openers: Vec<String>,
    /// Openings with "you" that do not blame.
    pub not_blame: Vec<String>,
}

/// What the four-part request builder notices.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestData {
    /// Words that judge rather than describe.
    pub evaluations: Vec<String>,
    /// Words after "need" that make it about someone else's behaviour.
    pub need_others: Vec<String>,
    /// Demands.
    pub demands: Vec<String>,
    /// Vague words.
    pub vague: Vec<String>,
    /// Asking for what should not happen.
    pub negative: Vec<String>,
}

// `ContentError` is the core's error type and carries the offending line for display; its
// size is the core's choice, so these functions allow `result_large_err`.

/// Checks that every list is non-empty and every marker is written as its own words
/// (lowercase, single spaces, nothing `tokens` would drop), so that it can ever match.
#[allow(clippy::result_large_err)]
fn check_lists(file: &str, src: &str, lists: &[(&str, &[String])]) -> Result<(), ContentError> {
    for (field, list) in lists {
        let at = |message: String, help: &str| {
            let span = src
                .find(&format!("{field} ="))
                .or_else(|| src.find(&format!("{field}=")))
                .map(|i| i..i + field.len());
            ContentError::at(file, src, span, Some(field), message, help)
        };
        if list.is_empty() {
            return Err(at(
                format!("`{field}` is empty"),
                "write at least one phrase in the list",
            ));
        }
        for phrase in list.iter() {
            if tokens(phrase).join(" ") != *phrase {
                return Err(at(
                    format!("{phrase:?} in `{field}` is not written as plain lowercase words"),
                    "write markers in lowercase, words separated by one space, no punctuation except apostrophes",
                ));
            }
        }
    }
    Ok(())
}

impl Validate for ListeningData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let share = |v: f64| (0.0..=1.0).contains(&v);
        if !share(self.drift_below)
            || !share(self.parrot_from)
            || self.drift_below >= self.parrot_from
        {
            return Err(ContentError::at(
                file,
                src,
                src.find("drift_below").map(|i| i..i + 11),
                Some("drift_below"),
                "the overlap thresholds must be shares from 0 to 1, drift_below below parrot_from",
                "write e.g. `drift_below = 0.15` and `parrot_from = 0.8`",
            ));
        }
        if self.parrot_run < 2 {
            return Err(ContentError::at(
                file,
                src,
                src.find("parrot_run").map(|i| i..i + 10),
                Some("parrot_run"),
                "a run of fewer than 2 words would call almost any reflection repetition",
                "write e.g. `parrot_run = 5`",
            ));
        }
        if self.topics.iter().any(|t| t.trim().is_empty()) || self.topics.len() < 3 {
            return Err(ContentError::at(
                file,
                src,
                src.find("topics").map(|i| i..i + 6),
                Some("topics"),
                "the drill offers a few topics, so it needs at least three",
                "write at least three calm, everyday topics",
            ));
        }
        check_lists(
            file,
            src,
            &[("openers", &self.openers), ("checks", &self.checks)],
        )?;
        for r in &self.roadblocks {
            check_lists(file, src, &[("markers", &r.markers)])?;
        }
        Ok(())
    }
}

impl Validate for StartUpData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        check_lists(
            file,
            src,
            &[
                ("absolutes", &self.absolutes),
                ("labels", &self.labels),
                ("persons", &self.persons),
                ("contempt", &self.contempt),
                ("blame_openers", &self.blame_openers),
                ("not_blame", &self.not_blame),
            ],
        )
    }
}

impl Validate for RequestData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        check_lists(
            file,
            src,
            &[
                ("evaluations", &self.evaluations),
                ("need_others", &self.need_others),
                ("demands", &self.demands),
                ("vague", &self.vague),
                ("negative", &self.negative),
            ],
        )
    }
}

/// The listening markers.
#[allow(clippy::result_large_err)]
pub fn listening() -> Result<ListeningData, ContentError> {
    load("content/listening.toml", LISTENING)
}

/// The start-up markers.
#[allow(clippy::result_large_err)]
pub fn start_up() -> Result<StartUpData, ContentError> {
    load("content/start-up.toml", START_UP)
}

/// The request markers.
#[allow(clippy::result_large_err)]
pub fn request() -> Result<RequestData, ContentError> {
    load("content/request.toml", REQUEST)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses_and_validates() {
        let l = listening().expect("content/listening.toml loads");
        assert!(l.openers.contains(&"sounds like".to_owned()));
        assert_eq!(l.roadblocks.len(), 12, "one entry per roadblock kind");
        let s = start_up().expect("content/start-up.toml loads");
        assert!(s.absolutes.contains(&"always".to_owned()));
        let r = request().expect("content/request.toml loads");
        assert!(r.demands.contains(&"or else".to_owned()));
    }

    #[test]
    fn a_bad_marker_is_reported_with_its_field() {
        let src = "absolutes = [\"Always!\"]\nlabels = [\"lazy\"]\npersons = [\"you\"]\ncontempt = [\"ugh\"]\nblame_openers = [\"you\"]\nnot_blame = [\"you know\"]\n";
        let err =
            load::<StartUpData>("start-up.toml", src).expect_err("a capitalised marker is refused");
        assert_eq!(err.field.as_deref(), Some("absolutes"));
        assert_eq!(err.line, 1);
    }

    #[test]
    fn thresholds_out_of_order_are_refused() {
        let good = LISTENING.replace("drift_below = 0.15", "drift_below = 0.9");
        let err = load::<ListeningData>("listening.toml", &good).expect_err("drift above parrot");
        assert_eq!(err.field.as_deref(), Some("drift_below"));
    }
}
