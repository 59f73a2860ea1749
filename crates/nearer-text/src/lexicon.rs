//! Our own lexicons: feeling words by family and intensity, needs, listening roadblocks and
//! disguised judgments, with the `find_*` functions that spot them in text.
//!
//! The data is in `lexicon/*.toml`, written for nearer (not taken from any published
//! inventory), parsed once on first use. A test checks it parses, so the fallbacks below to an
//! empty list can never be reached by a user.
//!
//! Matching is by whole words within one clause (see `matcher`). Feeling and judgment words
//! with other common meanings ("down", "close", "used") are marked `ambiguous` in the data and
//! count only where they read as a feeling ("I feel down", "tired and down", or "down" alone).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::matcher::{phrase, scan, stem_phrase, Hit, Pattern, Text};

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
    /// Phrases that hold a marker but are not this roadblock: a marker lying wholly inside one
    /// does not count. For `questioning`, the check questions of a good listener ("did I get
    /// that right?", "do you mean...").
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// One thing to try in its place, in a sentence.
    #[serde(default)]
    pub instead: String,
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

impl DisguisedJudgment {
    /// The feelings in [`underneath`](Self::underneath), looked up in the feelings lexicon.
    pub fn underneath_feelings(&self) -> Vec<&'static Feeling> {
        self.underneath.iter().filter_map(|w| feeling(w)).collect()
    }
}

/// A roadblock found in a text, with the marker that matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoadblockHit {
    /// The roadblock.
    pub roadblock: &'static Roadblock,
    /// The marker phrase that matched, as written in the lexicon.
    pub marker: &'static str,
}

// What the data files hold: the public fields plus how to match them.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FeelingEntry {
    word: String,
    family: String,
    intensity: u8,
    pleasant: bool,
    activated: bool,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    ambiguous: bool,
    #[serde(default)]
    exceptions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NeedEntry {
    word: String,
    family: String,
    #[serde(default)]
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JudgmentEntry {
    word: String,
    underneath: Vec<String>,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    ambiguous: bool,
    #[serde(default)]
    exceptions: Vec<String>,
}

#[derive(Deserialize)]
struct FeelingsFile {
    feeling: Vec<FeelingEntry>,
}
#[derive(Deserialize)]
struct NeedsFile {
    need: Vec<NeedEntry>,
}
#[derive(Deserialize)]
struct RoadblocksFile {
    roadblock: Vec<Roadblock>,
}
#[derive(Deserialize)]
struct JudgmentsFile {
    judgment: Vec<JudgmentEntry>,
}

const FEELINGS: &str = include_str!("../lexicon/feelings.toml");
const NEEDS: &str = include_str!("../lexicon/needs.toml");
const ROADBLOCKS: &str = include_str!("../lexicon/roadblocks.toml");
const JUDGMENTS: &str = include_str!("../lexicon/judgments.toml");

/// A lexicon and the patterns that find its entries.
struct Table<T> {
    items: Vec<T>,
    patterns: Vec<Pattern>,
}

/// Patterns for an entry's word and forms.
fn patterns_for(
    item: usize,
    word: &str,
    forms: &[String],
    ambiguous: bool,
    exceptions: &[String],
    to_phrase: fn(&str) -> Vec<String>,
) -> Vec<Pattern> {
    let exceptions: Vec<Vec<String>> = exceptions.iter().map(|x| to_phrase(x)).collect();
    std::iter::once(word)
        .chain(forms.iter().map(String::as_str))
        .map(|w| Pattern {
            item,
            phrase: to_phrase(w),
            ambiguous,
            exceptions: exceptions.clone(),
        })
        .filter(|p| !p.phrase.is_empty())
        .collect()
}

fn feeling_table() -> &'static Table<Feeling> {
    static CELL: OnceLock<Table<Feeling>> = OnceLock::new();
    CELL.get_or_init(|| {
        let entries = toml::from_str::<FeelingsFile>(FEELINGS)
            .map(|f| f.feeling)
            .unwrap_or_default();
        let patterns = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                patterns_for(i, &e.word, &e.forms, e.ambiguous, &e.exceptions, phrase)
            })
            .collect();
        let items = entries
            .into_iter()
            .map(|e| Feeling {
                word: e.word,
                family: e.family,
                intensity: e.intensity,
                pleasant: e.pleasant,
                activated: e.activated,
            })
            .collect();
        Table { items, patterns }
    })
}

fn need_table() -> &'static Table<Need> {
    static CELL: OnceLock<Table<Need>> = OnceLock::new();
    CELL.get_or_init(|| {
        let entries = toml::from_str::<NeedsFile>(NEEDS)
            .map(|n| n.need)
            .unwrap_or_default();
        let patterns = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| patterns_for(i, &e.word, &e.forms, false, &[], stem_phrase))
            .collect();
        let items = entries
            .into_iter()
            .map(|e| Need {
                word: e.word,
                family: e.family,
            })
            .collect();
        Table { items, patterns }
    })
}

fn judgment_table() -> &'static Table<DisguisedJudgment> {
    static CELL: OnceLock<Table<DisguisedJudgment>> = OnceLock::new();
    CELL.get_or_init(|| {
        let entries = toml::from_str::<JudgmentsFile>(JUDGMENTS)
            .map(|j| j.judgment)
            .unwrap_or_default();
        let patterns = entries
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                patterns_for(i, &e.word, &e.forms, e.ambiguous, &e.exceptions, phrase)
            })
            .collect();
        let items = entries
            .into_iter()
            .map(|e| DisguisedJudgment {
                word: e.word,
                underneath: e.underneath,
            })
            .collect();
        Table { items, patterns }
    })
}

/// Roadblocks with their markers and exceptions as phrases, parallel to the items.
struct RoadblockTable {
    items: Vec<Roadblock>,
    markers: Vec<Vec<Vec<String>>>,
    exceptions: Vec<Vec<Vec<String>>>,
}

fn roadblock_table() -> &'static RoadblockTable {
    static CELL: OnceLock<RoadblockTable> = OnceLock::new();
    CELL.get_or_init(|| {
        let items = toml::from_str::<RoadblocksFile>(ROADBLOCKS)
            .map(|r| r.roadblock)
            .unwrap_or_default();
        let markers = items
            .iter()
            .map(|r| r.markers.iter().map(|m| phrase(m)).collect())
            .collect();
        let exceptions = items
            .iter()
            .map(|r| r.exceptions.iter().map(|m| phrase(m)).collect())
            .collect();
        RoadblockTable {
            items,
            markers,
            exceptions,
        }
    })
}

/// Every feeling word, grouped by family in the order of the data file.
pub fn feelings() -> &'static [Feeling] {
    &feeling_table().items
}

/// Every need, grouped by family.
pub fn needs() -> &'static [Need] {
    &need_table().items
}

/// Every roadblock: Gordon's twelve, in his order.
pub fn roadblocks() -> &'static [Roadblock] {
    &roadblock_table().items
}

/// Every disguised judgment.
pub fn disguised_judgments() -> &'static [DisguisedJudgment] {
    &judgment_table().items
}

/// The feeling with this word, or one of its forms ("cosy" finds `cozy`). Case-insensitive.
pub fn feeling(word: &str) -> Option<&'static Feeling> {
    lookup(feeling_table(), word, phrase)
}

/// The need with this word or form, compared by stem ("rested" finds `rest`).
pub fn need(word: &str) -> Option<&'static Need> {
    lookup(need_table(), word, stem_phrase)
}

/// The disguised judgment with this word or form ("criticised" finds `criticized`).
pub fn disguised_judgment(word: &str) -> Option<&'static DisguisedJudgment> {
    lookup(judgment_table(), word, phrase)
}

/// The roadblock with this kind, e.g. `"advising"`.
pub fn roadblock(kind: &str) -> Option<&'static Roadblock> {
    roadblocks().iter().find(|r| r.kind == kind)
}

fn lookup<T>(
    table: &'static Table<T>,
    word: &str,
    to_phrase: fn(&str) -> Vec<String>,
) -> Option<&'static T> {
    let wanted = to_phrase(word);
    table
        .patterns
        .iter()
        .find(|p| p.phrase == wanted)
        .and_then(|p| table.items.get(p.item))
}

/// The feeling families in the order of the data file, each once: `glad`, `lively`, `calm`...
pub fn families() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for f in feelings() {
        if !out.contains(&f.family.as_str()) {
            out.push(&f.family);
        }
    }
    out
}

/// The feelings of one family, mildest first.
pub fn feelings_in_family(family: &str) -> Vec<&'static Feeling> {
    let mut out: Vec<&'static Feeling> = feelings().iter().filter(|f| f.family == family).collect();
    out.sort_by_key(|f| f.intensity);
    out
}

/// The feelings in one quadrant of the check-in grid: pleasant or not, activated or calm.
/// Grouped by family, mildest first within each family.
pub fn feelings_in(pleasant: bool, activated: bool) -> Vec<&'static Feeling> {
    families()
        .into_iter()
        .flat_map(feelings_in_family)
        .filter(|f| f.pleasant == pleasant && f.activated == activated)
        .collect()
}

/// The need families in the order of the data file, each once.
pub fn need_families() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for n in needs() {
        if !out.contains(&n.family.as_str()) {
            out.push(&n.family);
        }
    }
    out
}

/// The needs of one family.
pub fn needs_in_family(family: &str) -> Vec<&'static Need> {
    needs().iter().filter(|n| n.family == family).collect()
}

/// Where the feelings are in an already split text; used by the feeling-statement check.
pub(crate) fn feeling_hits(text: &Text) -> Vec<Hit> {
    scan(text, &feeling_table().patterns)
}

/// Where the disguised judgments are in an already split text.
pub(crate) fn judgment_hits(text: &Text) -> Vec<Hit> {
    scan(text, &judgment_table().patterns)
}

/// Each item of `hits` once, in order of first appearance.
fn unique<T: PartialEq>(items: &'static [T], hits: &[Hit]) -> Vec<&'static T> {
    let mut found: Vec<&'static T> = Vec::new();
    for h in hits {
        if let Some(item) = items.get(h.item) {
            if !found.contains(&item) {
                found.push(item);
            }
        }
    }
    found
}

/// The feeling words used in `text`, in order of appearance, each once.
///
/// Forms count ("cosy", "heart-broken", "burned out"). Words with other common meanings count
/// only where they read as a feeling: "I feel down" and "down" alone do, "calm down" does not.
/// Negation is not read: "not happy" finds `happy`.
pub fn find_feelings(text: &str) -> Vec<&'static Feeling> {
    unique(feelings(), &feeling_hits(&Text::new(text)))
}

/// The needs named in `text`, compared by stem and matched as phrases, in order of
/// appearance, each once.
pub fn find_needs(text: &str) -> Vec<&'static Need> {
    let table = need_table();
    unique(&table.items, &scan(&Text::stemmed(text), &table.patterns))
}

/// The disguised judgments used in `text`, in order of appearance, each once.
pub fn find_disguised_judgments(text: &str) -> Vec<&'static DisguisedJudgment> {
    unique(disguised_judgments(), &judgment_hits(&Text::new(text)))
}

/// Every roadblock marker found in `text`, in order of appearance, with its roadblock. A marker
/// lying inside one of its roadblock's exceptions does not count.
pub fn find_roadblock_markers(text: &str) -> Vec<RoadblockHit> {
    let table = roadblock_table();
    let text = Text::new(text);
    let mut hits: Vec<(usize, RoadblockHit)> = Vec::new();
    for (r, roadblock) in table.items.iter().enumerate() {
        let exceptions = table.exceptions.get(r).map(Vec::as_slice).unwrap_or(&[]);
        let markers = table.markers.get(r).map(Vec::as_slice).unwrap_or(&[]);
        for (marker, words) in roadblock.markers.iter().zip(markers) {
            for start in text.find_outside(words, exceptions) {
                hits.push((start, RoadblockHit { roadblock, marker }));
            }
        }
    }
    hits.sort_by_key(|(start, _)| *start);
    hits.into_iter().map(|(_, h)| h).collect()
}

/// The roadblocks whose markers appear in `text`, in order of first appearance, each once.
pub fn find_roadblocks(text: &str) -> Vec<&'static Roadblock> {
    let mut found: Vec<&'static Roadblock> = Vec::new();
    for hit in find_roadblock_markers(text) {
        if !found.contains(&hit.roadblock) {
            found.push(hit.roadblock);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_files_parse() {
        toml::from_str::<FeelingsFile>(FEELINGS).expect("lexicon/feelings.toml parses");
        toml::from_str::<NeedsFile>(NEEDS).expect("lexicon/needs.toml parses");
        toml::from_str::<RoadblocksFile>(ROADBLOCKS).expect("lexicon/roadblocks.toml parses");
        toml::from_str::<JudgmentsFile>(JUDGMENTS).expect("lexicon/judgments.toml parses");
    }

    #[test]
    fn no_two_entries_share_a_pattern() {
        fn check<T>(name: &str, table: &Table<T>) {
            let mut seen: Vec<&Vec<String>> = Vec::new();
            for p in &table.patterns {
                assert!(!seen.contains(&&p.phrase), "{name}: {:?} twice", p.phrase);
                seen.push(&p.phrase);
            }
        }
        check("feelings", feeling_table());
        check("needs", need_table());
        check("judgments", judgment_table());
    }

    #[test]
    fn feeling_and_judgment_patterns_do_not_meet() {
        for j in &judgment_table().patterns {
            assert!(
                feeling_table()
                    .patterns
                    .iter()
                    .all(|f| f.phrase != j.phrase),
                "{:?} is both a feeling and a judgment",
                j.phrase
            );
        }
    }

    #[test]
    fn every_pattern_and_marker_has_words() {
        for table in [
            &feeling_table().patterns,
            &judgment_table().patterns,
            &need_table().patterns,
        ] {
            assert!(table.iter().all(|p| !p.phrase.is_empty()));
        }
        let rb = roadblock_table();
        for (r, markers) in rb.items.iter().zip(&rb.markers) {
            assert_eq!(r.markers.len(), markers.len());
            assert!(markers.iter().all(|m| !m.is_empty()), "{}", r.kind);
        }
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
