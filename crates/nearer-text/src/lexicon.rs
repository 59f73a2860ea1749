//! Our own lexicons: feeling words by family and intensity, needs, and listening roadblocks.
//!
//! The data is in `lexicon/*.toml`, written for nearer (not taken from any published
//! inventory), parsed once on first use. A test checks it parses, so the fallbacks below to an
//! empty list can never be reached by a user.

use std::sync::OnceLock;

use serde::Deserialize;

use crate::words::tokens;

/// A feeling word.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feeling {
    /// The word, lowercase.
    pub word: String,
    /// Its family, e.g. `glad`, `sad`, `scared`, `angry`, `calm`, `tender`.
    pub family: String,
    /// 1 (mild) to 3 (strong).
    pub intensity: u8,
    /// Pleasant (true) or unpleasant (false) to feel.
    pub pleasant: bool,
    /// Calm (false) or activated (true) in the body.
    pub activated: bool,
}

/// A need: something everyone wants at times.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Need {
    /// The need, lowercase, one to three words.
    pub word: String,
    /// Its family, e.g. `connection`, `rest`, `autonomy`.
    pub family: String,
}

/// A listening roadblock and the phrases that often mark it.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roadblock {
    /// Stable key, e.g. `advising`.
    pub kind: String,
    /// A kind, plain description of what it does to the speaker.
    pub why: String,
    /// Lowercase phrases that often signal it.
    pub markers: Vec<String>,
}

/// A word that sounds like a feeling but blames: "I feel ignored" says what the other did.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DisguisedJudgment {
    /// The word, lowercase, e.g. `ignored`.
    pub word: String,
    /// Feeling words that may sit under it, e.g. `lonely`, `hurt`.
    pub underneath: Vec<String>,
}

#[derive(Deserialize)]
struct Judgments {
    judgment: Vec<DisguisedJudgment>,
}

#[derive(Deserialize)]
struct Feelings {
    feeling: Vec<Feeling>,
}
#[derive(Deserialize)]
struct Needs {
    need: Vec<Need>,
}
#[derive(Deserialize)]
struct Roadblocks {
    roadblock: Vec<Roadblock>,
}

const FEELINGS: &str = include_str!("../lexicon/feelings.toml");
const NEEDS: &str = include_str!("../lexicon/needs.toml");
const ROADBLOCKS: &str = include_str!("../lexicon/roadblocks.toml");
const JUDGMENTS: &str = include_str!("../lexicon/judgments.toml");

/// Every disguised judgment.
pub fn disguised_judgments() -> &'static [DisguisedJudgment] {
    static CELL: OnceLock<Vec<DisguisedJudgment>> = OnceLock::new();
    CELL.get_or_init(|| {
        toml::from_str::<Judgments>(JUDGMENTS)
            .map(|j| j.judgment)
            .unwrap_or_default()
    })
}

/// The disguised judgments used in `text`, each once.
pub fn find_disguised_judgments(text: &str) -> Vec<&'static DisguisedJudgment> {
    let words = tokens(text);
    disguised_judgments()
        .iter()
        .filter(|j| words.contains(&j.word))
        .collect()
}

/// The needs named in `text` (multi-word needs matched as phrases), each once.
pub fn find_needs(text: &str) -> Vec<&'static Need> {
    let padded = format!(" {} ", tokens(text).join(" "));
    needs()
        .iter()
        .filter(|n| padded.contains(&format!(" {} ", tokens(&n.word).join(" "))))
        .collect()
}

/// Every feeling word.
pub fn feelings() -> &'static [Feeling] {
    static CELL: OnceLock<Vec<Feeling>> = OnceLock::new();
    CELL.get_or_init(|| {
        toml::from_str::<Feelings>(FEELINGS)
            .map(|f| f.feeling)
            .unwrap_or_default()
    })
}

/// Every need.
pub fn needs() -> &'static [Need] {
    static CELL: OnceLock<Vec<Need>> = OnceLock::new();
    CELL.get_or_init(|| {
        toml::from_str::<Needs>(NEEDS)
            .map(|n| n.need)
            .unwrap_or_default()
    })
}

/// Every roadblock.
pub fn roadblocks() -> &'static [Roadblock] {
    static CELL: OnceLock<Vec<Roadblock>> = OnceLock::new();
    CELL.get_or_init(|| {
        toml::from_str::<Roadblocks>(ROADBLOCKS)
            .map(|r| r.roadblock)
            .unwrap_or_default()
    })
}

/// The feeling words used in `text`, in order of appearance, each once.
pub fn find_feelings(text: &str) -> Vec<&'static Feeling> {
    let mut found: Vec<&'static Feeling> = Vec::new();
    for word in tokens(text) {
        if let Some(f) = feelings().iter().find(|f| f.word == word) {
            if !found.contains(&f) {
                found.push(f);
            }
        }
    }
    found
}

/// The roadblocks whose markers appear in `text`, each once.
pub fn find_roadblocks(text: &str) -> Vec<&'static Roadblock> {
    let padded = format!(" {} ", tokens(text).join(" "));
    roadblocks()
        .iter()
        .filter(|r| {
            r.markers
                .iter()
                .any(|m| padded.contains(&format!(" {} ", tokens(m).join(" "))))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_parse() {
        toml::from_str::<Feelings>(FEELINGS).expect("lexicon/feelings.toml parses");
        toml::from_str::<Needs>(NEEDS).expect("lexicon/needs.toml parses");
        toml::from_str::<Roadblocks>(ROADBLOCKS).expect("lexicon/roadblocks.toml parses");
        toml::from_str::<Judgments>(JUDGMENTS).expect("lexicon/judgments.toml parses");
    }

    #[test]
    fn feelings_are_found_once_in_order() {
        let found: Vec<&str> = find_feelings("Anxious, then relieved, then anxious again")
            .iter()
            .map(|f| f.word.as_str())
            .collect();
        assert_eq!(found, ["anxious", "relieved"]);
    }

    #[test]
    fn roadblocks_are_found_by_their_markers() {
        let kinds: Vec<&str> = find_roadblocks("You should just talk to her.")
            .iter()
            .map(|r| r.kind.as_str())
            .collect();
        assert!(kinds.contains(&"advising"), "{kinds:?}");
    }
}
