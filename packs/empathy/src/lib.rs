//! The empathy pack: knowing each other's inner world, guessing each other's feelings, and
//! being there for a stress from outside the two of you.
//!
//! The key design decision is that every check here gives hints, never grades. Map guess
//! counts what was newly learned, not right answers; feeling guess records the teller's own
//! rating of how close a guess came; support talk records the sharer's own "felt supported".
//! The text checks (a story told without feeling words, the reading of a supporter's reply)
//! live in their own modules as plain functions over data, so they are tested as tables; the
//! exercises are scripts that call them. Marker lists are data in `content/*.toml`, compiled in
//! with `include_str!` and replaced by the host's copy of the same file when it passes one.
//! Feeling words, needs and the lexicon's roadblock markers come from `nearer-text`, shared
//! with the other packs.

pub mod data;
pub mod feeling_check;
pub mod feeling_guess;
pub mod guess;
pub mod map_guess;
pub mod reply;
pub mod support_talk;
pub mod words;

use nearer_core::abi::NativePack;
use nearer_core::{Exercise, Scripted};

use crate::feeling_check::StoryCheck;
use crate::feeling_guess::FeelingGuess;
use crate::map_guess::{Bank, MapGuess};
use crate::reply::Markers;
use crate::support_talk::SupportTalk;

/// The empathy pack's native kinds.
#[derive(Debug, Clone, Copy, Default)]
pub struct EmpathyPack;

impl NativePack for EmpathyPack {
    fn kinds(&self) -> Vec<&'static str> {
        vec!["map-guess", "feeling-guess", "support-talk"]
    }

    fn create(
        &self,
        kind: &str,
        _id: &str,
        content: Option<&str>,
    ) -> Result<Box<dyn Exercise>, String> {
        match kind {
            "map-guess" => {
                let bank: Bank = data::parse(map_guess::FILE, content, map_guess::BUILTIN)?;
                Ok(Box::new(Scripted::new(MapGuess::new(bank))))
            }
            "feeling-guess" => {
                let check: StoryCheck =
                    data::parse(feeling_check::FILE, content, feeling_check::BUILTIN)?;
                Ok(Box::new(Scripted::new(FeelingGuess::new(check))))
            }
            "support-talk" => {
                let markers: Markers = data::parse(reply::FILE, content, reply::BUILTIN)?;
                Ok(Box::new(Scripted::new(SupportTalk::new(markers))))
            }
            other => Err(format!("the empathy pack has no exercise kind {other:?}")),
        }
    }
}

/// "1 new thing", "2 new things".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

nearer_core::export_pack!("empathy", EmpathyPack);
