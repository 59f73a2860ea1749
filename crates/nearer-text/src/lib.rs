//! nearer-text: the words behind nearer's hints, and the plain checks that use them.
//!
//! Several packs give hints about what a person typed: which feeling words they used, whether
//! a reflection repeats the speaker word for word or drifts off topic, whether a reply holds a
//! listening roadblock, whether "I feel..." names a feeling or a thought. They share one
//! vocabulary, written by us as data in `lexicon/*.toml` and compiled in with `include_str!`,
//! so the lexicons cannot drift apart between packs. Like the core, this crate does no I/O;
//! packs may depend on it and on `nearer-core`, nothing else.
//!
//! Matching is deliberately plain: whole words within one clause, a light stemmer for
//! overlap and needs, and a short list of words that make an ambiguous word read as a feeling.
//! It is predictable and easy to explain, and it will miss things; that is why every check
//! here gives a hint, never a grade: callers phrase what is found kindly and record only the
//! person's own rating.
//!
//! ```
//! use nearer_text::{feelings_in, find_feelings, find_roadblocks, overlap};
//!
//! let reply = "At least you still have the flat. Do you feel a bit lost?";
//! let feelings: Vec<&str> = find_feelings(reply).iter().map(|f| f.word.as_str()).collect();
//! assert_eq!(feelings, ["lost"]);
//! let kinds: Vec<&str> = find_roadblocks(reply).iter().map(|r| r.kind.as_str()).collect();
//! assert_eq!(kinds, ["reassuring"]);
//! assert!(overlap("we lost the flat", reply) > 0.5);
//! // The daily check-in: precise words for "pleasant and calm".
//! assert!(feelings_in(true, false).iter().any(|f| f.word == "content"));
//! ```

#![warn(missing_docs)]
#![cfg_attr(not(test), deny(clippy::expect_used))]

pub mod lexicon;
mod matcher;
pub mod statement;
pub mod words;

pub use lexicon::{
    disguised_judgment, disguised_judgments, families, feeling, feelings, feelings_in,
    feelings_in_family, find_disguised_judgments, find_feelings, find_needs,
    find_roadblock_markers, find_roadblocks, need, need_families, needs, needs_in_family,
    roadblock, roadblocks, DisguisedJudgment, Feeling, Need, Roadblock, RoadblockHit,
};
pub use statement::{feeling_statement, feeling_statements, FeelingCheck};
pub use words::{content_words, overlap, stem, tokens};
