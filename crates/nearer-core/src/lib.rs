//! nearer-core: everything a pack and the host agree on, and nothing that touches the world.
//!
//! The key design decision is that an exercise is a deterministic state machine
//! ([`Exercise`]): the host asks for a [`Step`], shows it, and hands back an [`Answer`]. The
//! core never reads a file, a clock or a terminal, and randomness comes only from the session's
//! seed ([`rng`]). That is what lets the host resume a session by replaying its answers, lets
//! tests be readable transcripts, and lets any front end (terminal, pipe, JSON) drive any pack.
//!
//! Most exercises are easiest to write as straight-line scripts; [`script`] turns a script into
//! an [`Exercise`] by replay. The built-in content kinds ([`kinds`]) are scripts over TOML
//! content, so a content-only pack needs no compiler. Packs with logic of their own implement
//! [`abi::NativePack`] and export it with [`export_pack!`] across a C boundary that carries JSON.

pub mod abi;
pub mod circles;
pub mod dates;
pub mod diag;
pub mod exercise;
pub mod kinds;
pub mod manifest;
pub mod rng;
pub mod script;
pub mod step;
pub mod transcript;

pub use diag::ContentError;
pub use exercise::Exercise;
pub use manifest::{Component, Manifest, Participants};
pub use script::{Flow, Script, ScriptExercise, Scripted};
pub use step::{
    Answer, Block, JournalEntry, Outcome, Participant, PriorSession, Request, Score,
    SessionContext, Step,
};

/// The pack API version as a parsed semver value.
pub fn api_version() -> semver::Version {
    // The constant is checked by a test below; fall back to 1.0.0 rather than panic.
    semver::Version::parse(abi::API_VERSION).unwrap_or(semver::Version::new(1, 0, 0))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_api_version_constant_parses() {
        assert!(semver::Version::parse(super::abi::API_VERSION).is_ok());
    }
}
