//! The communication pack: practice in saying hard things softly and hearing each other well.
//!
//! Four exercises address the communication barriers named in nearer's source document:
//!
//! - `speaker-listener` (pair, native): a drill on a calm topic. The speaker says a few
//!   sentences; the listener reflects them back; hints read the reflection; the speaker rates
//!   how well it caught their meaning and, below 4 of 5, adds a sentence for another try (three
//!   at most). Then they swap. Ratings are recorded under the listener's name, so each person
//!   can see their own listening trend; the speaker gives them openly as part of the drill.
//! - `gentle-start-up` (solo, native): a complaint as it might come out, what may sting in it,
//!   and a reshaped version ("I feel ... about ... and I need ..."), side by side, with the
//!   person's own rating of how likely each is to be heard.
//! - `four-part-request` (solo, native): observation, feeling, need and request, each with
//!   hints, assembled into one request.
//! - `roadblock-quiz` (either, built-in `quiz`): situations with three replies each.
//!
//! The key design decision is that every check is a plain word match against marker lists
//! kept as data (`content/*.toml`, compiled in and validated by `nearer_core::kinds::load`),
//! combined with the shared lexicons of `nearer-text`. Plain checks can be wrong, so their
//! results are only ever shown as kind hints that say what a word *may* do, always with the
//! choice to keep what was written; nothing the checks find is recorded as a score. What is
//! recorded is the person's own rating.

pub mod ask;
pub mod data;
pub mod four_part_request;
pub mod gentle_start_up;
pub mod listening;
pub mod phrases;
pub mod request;
pub mod speaker_listener;
pub mod startup;

use nearer_core::abi::NativePack;
use nearer_core::{Exercise, Scripted};

/// The communication pack's native kinds.
#[derive(Debug, Clone, Copy, Default)]
pub struct CommunicationPack;

/// The kinds this library provides.
const KINDS: [&str; 3] = ["speaker-listener", "gentle-start-up", "four-part-request"];

impl NativePack for CommunicationPack {
    fn kinds(&self) -> Vec<&'static str> {
        KINDS.to_vec()
    }

    fn create(
        &self,
        kind: &str,
        _id: &str,
        _content: Option<&str>,
    ) -> Result<Box<dyn Exercise>, String> {
        // The marker lists are compiled in; a broken one is caught by the tests, but the
        // error still names the file and fix rather than panicking.
        let err = |e: nearer_core::ContentError| e.to_string();
        Ok(match kind {
            "speaker-listener" => Box::new(Scripted::new(speaker_listener::SpeakerListener {
                data: data::listening().map_err(err)?,
            })),
            "gentle-start-up" => Box::new(Scripted::new(gentle_start_up::GentleStartUp {
                start_up: data::start_up().map_err(err)?,
                request: data::request().map_err(err)?,
            })),
            "four-part-request" => Box::new(Scripted::new(four_part_request::FourPartRequest {
                start_up: data::start_up().map_err(err)?,
                request: data::request().map_err(err)?,
            })),
            other => {
                return Err(format!(
                    "the communication pack has no exercise kind {other:?}; it provides {}",
                    KINDS.join(", ")
                ))
            }
        })
    }
}

nearer_core::export_pack!("communication", CommunicationPack);
