//! Phrase matching over text split into clauses: the engine behind every `find_*` function.
//!
//! Text is cut into clauses at punctuation, so a phrase never matches across a full stop or a
//! comma ("...to you. Should we..." holds no "you should"). Words are compared by a key:
//! lowercase, apostrophes dropped, so "dont" and "don't" meet. Needs compare stems instead.

use crate::words::{stem, tokens};

/// The matching key of one word: lowercase, apostrophes dropped.
pub(crate) fn key(word: &str) -> String {
    word.to_lowercase()
        .replace(['\'', '\u{2019}', '\u{2018}'], "")
}

/// The keys of a phrase, e.g. `"you're just"` -> `["youre", "just"]`.
pub(crate) fn phrase(text: &str) -> Vec<String> {
    tokens(text)
        .iter()
        .map(|t| key(t))
        .filter(|k| !k.is_empty())
        .collect()
}

/// The stems of a phrase, for needs.
pub(crate) fn stem_phrase(text: &str) -> Vec<String> {
    tokens(text)
        .iter()
        .map(|t| stem(t))
        .filter(|k| !k.is_empty())
        .collect()
}

/// Characters that end a clause.
const BREAKS: &[char] = &[
    '.', '!', '?', ';', ':', ',', '\n', '(', ')', '"', '\u{201c}', '\u{201d}', '\u{2014}',
    '\u{2013}', '\u{2026}',
];

/// Words that may stand between a context word and a feeling: "I feel *so very* tired".
const INTENSIFIERS: &[&str] = &[
    "so",
    "very",
    "really",
    "a",
    "bit",
    "little",
    "kind",
    "kinda",
    "sort",
    "sorta",
    "of",
    "pretty",
    "quite",
    "totally",
    "completely",
    "super",
    "extremely",
    "incredibly",
    "deeply",
    "just",
    "still",
    "also",
    "more",
    "less",
    "somewhat",
    "rather",
    "too",
    "most",
    "truly",
    "utterly",
    "fairly",
    "slightly",
    "terribly",
    "awfully",
    "increasingly",
    "almost",
    "all",
    "not",
    "never",
    "always",
    "sometimes",
    "often",
    "lot",
    "even",
    "way",
    "genuinely",
    "honestly",
    "actually",
    "mostly",
    "partly",
    "somehow",
    "strangely",
    "oddly",
    "suddenly",
    "now",
    "again",
];

/// Words that join two feelings: "tired *and* down".
const CONJUNCTIONS: &[&str] = &[
    "and", "or", "but", "yet", "nor", "both", "either", "neither",
];

/// Words after which an ambiguous word is read as a feeling: "I *feel* down", "you *seem* lost".
const CONTEXT: &[&str] = &[
    "feel", "feels", "feeling", "felt", "im", "am", "are", "youre", "was", "were", "be", "been",
    "being", "get", "gets", "got", "getting", "seem", "seems", "seemed", "sound", "sounds",
    "sounded", "look", "looks", "looked", "hes", "shes", "theyre", "become", "becomes", "became",
    "grew", "grow", "grown", "stay", "stayed", "remain", "remained",
];

pub(crate) fn is_intensifier(k: &str) -> bool {
    INTENSIFIERS.contains(&k)
}

pub(crate) fn is_conjunction(k: &str) -> bool {
    CONJUNCTIONS.contains(&k)
}

/// A text ready for matching: one key per word, and the clause each word is in.
pub(crate) struct Text {
    keys: Vec<String>,
    clause: Vec<usize>,
}

impl Text {
    /// Keys of `text`, for feelings, judgments and roadblocks.
    pub(crate) fn new(text: &str) -> Self {
        Self::build(text, key)
    }

    /// Stems of `text`, for needs.
    pub(crate) fn stemmed(text: &str) -> Self {
        Self::build(text, stem)
    }

    fn build(text: &str, f: fn(&str) -> String) -> Self {
        let mut keys = Vec::new();
        let mut clause = Vec::new();
        let text = text.replace(['\u{2019}', '\u{2018}'], "'");
        for (i, part) in text.split(BREAKS).enumerate() {
            for t in tokens(part) {
                let k = f(&t);
                if !k.is_empty() {
                    keys.push(k);
                    clause.push(i);
                }
            }
        }
        Self { keys, clause }
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn get(&self, i: usize) -> Option<&str> {
        self.keys.get(i).map(String::as_str)
    }

    /// Whether word `i` is the first of its clause.
    pub(crate) fn starts_clause(&self, i: usize) -> bool {
        i == 0 || self.clause.get(i - 1) != self.clause.get(i)
    }

    /// Whether a span ending before `end` reaches the end of its clause.
    pub(crate) fn ends_clause(&self, end: usize) -> bool {
        end >= self.keys.len() || end == 0 || self.clause.get(end - 1) != self.clause.get(end)
    }

    /// Whether `phrase` occurs at `start`, inside one clause.
    pub(crate) fn matches_at(&self, start: usize, phrase: &[String]) -> bool {
        let Some(first) = self.clause.get(start) else {
            return false;
        };
        !phrase.is_empty()
            && start + phrase.len() <= self.keys.len()
            && phrase
                .iter()
                .enumerate()
                .all(|(j, w)| self.keys[start + j] == *w && self.clause[start + j] == *first)
    }

    /// Every start of `phrase`.
    pub(crate) fn find(&self, phrase: &[String]) -> Vec<usize> {
        (0..self.keys.len())
            .filter(|&s| self.matches_at(s, phrase))
            .collect()
    }

    /// Every start of `phrase` that does not lie wholly inside an occurrence of an exception.
    pub(crate) fn find_outside(&self, phrase: &[String], exceptions: &[Vec<String>]) -> Vec<usize> {
        let blocked: Vec<(usize, usize)> = exceptions
            .iter()
            .flat_map(|x| self.find(x).into_iter().map(|s| (s, s + x.len())))
            .collect();
        self.find(phrase)
            .into_iter()
            .filter(|&s| {
                let e = s + phrase.len();
                !blocked.iter().any(|&(bs, be)| bs <= s && e <= be)
            })
            .collect()
    }
}

/// One way to spot a lexicon entry: its word or one of its forms.
pub(crate) struct Pattern {
    /// Index of the entry in its lexicon.
    pub(crate) item: usize,
    pub(crate) phrase: Vec<String>,
    /// Counts only in a feeling context (see [`CONTEXT`]) or standing alone in its clause.
    pub(crate) ambiguous: bool,
    pub(crate) exceptions: Vec<Vec<String>>,
}

/// Where a lexicon entry was found: words `start..end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Hit {
    pub(crate) item: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Finds `patterns` in `text`, left to right, longest first where they overlap.
pub(crate) fn scan(text: &Text, patterns: &[Pattern]) -> Vec<Hit> {
    let mut candidates: Vec<(Hit, bool)> = patterns
        .iter()
        .flat_map(|p| {
            text.find_outside(&p.phrase, &p.exceptions)
                .into_iter()
                .map(move |s| {
                    let hit = Hit {
                        item: p.item,
                        start: s,
                        end: s + p.phrase.len(),
                    };
                    (hit, p.ambiguous)
                })
        })
        .collect();
    candidates.sort_by_key(|(h, _)| (h.start, std::cmp::Reverse(h.end), h.item));
    let mut hits: Vec<Hit> = Vec::new();
    for (hit, ambiguous) in candidates {
        if hits.last().is_some_and(|last| hit.start < last.end) {
            continue;
        }
        if ambiguous && !in_feeling_context(text, hit, &hits) {
            continue;
        }
        hits.push(hit);
    }
    hits
}

/// Whether an ambiguous word reads as a feeling here: after a context word ("feel", "I'm",
/// "seems"), after another feeling and a conjunction ("tired and down"), or alone in its clause
/// apart from intensifiers ("Down." or "so lost").
fn in_feeling_context(text: &Text, hit: Hit, earlier: &[Hit]) -> bool {
    let mut i = hit.start;
    let mut joined = false;
    loop {
        if text.starts_clause(i) {
            return text.ends_clause(hit.end);
        }
        let Some(prev) = text.get(i - 1) else {
            return false;
        };
        if CONTEXT.contains(&prev) {
            return true;
        }
        if joined && earlier.iter().any(|h| h.end == i) {
            return true;
        }
        if is_conjunction(prev) {
            joined = true;
        } else if !is_intensifier(prev) {
            return false;
        }
        i -= 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Vec<String> {
        phrase(s)
    }

    #[test]
    fn phrases_do_not_cross_clauses() {
        let t = Text::new("I listened to you. Should we eat?");
        assert!(t.find(&p("you should")).is_empty());
        let t = Text::new("I think you should eat");
        assert_eq!(t.find(&p("you should")), [2]);
    }

    #[test]
    fn apostrophes_are_optional() {
        let t = Text::new("Dont worry, it\u{2019}ll be fine");
        assert_eq!(t.find(&p("don't worry")), [0]);
        assert_eq!(t.find(&p("it'll be fine")), [2]);
    }

    #[test]
    fn exceptions_cover_only_markers_inside_them() {
        let t = Text::new("Did you mean the rent? Why did you feel that");
        let excepted = vec![p("did you mean"), p("did you feel")];
        assert_eq!(
            t.find_outside(&p("did you"), &excepted),
            Vec::<usize>::new()
        );
        assert_eq!(t.find_outside(&p("why did you"), &excepted), [5]);
    }
}
