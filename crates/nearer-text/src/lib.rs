//! nearer-text: the words behind nearer's hints, and the plain checks that use them.
//!
//! Several packs give hints about what a person typed: which feeling words they used, whether
//! a reflection repeats the speaker word for word or drifts off topic, whether a reply holds a
//! listening roadblock. They share one vocabulary, written by us as data in `lexicon/*.toml`
//! and compiled in with `include_str!`, so the lexicons cannot drift apart between packs. Like
//! the core, this crate does no I/O; packs may depend on it and on `nearer-core`, nothing else.
//!
//! Every check here gives a hint, never a grade: callers phrase what is found kindly and
//! record only the person's own rating.

pub mod lexicon;
pub mod words;

pub use lexicon::{
    disguised_judgments, feelings, find_disguised_judgments, find_feelings, find_needs,
    find_roadblocks, needs, roadblocks, DisguisedJudgment, Feeling, Need, Roadblock,
};
pub use words::{content_words, overlap, tokens};
