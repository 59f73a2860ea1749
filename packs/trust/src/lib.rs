//! The trust pack: exercises for trust, the belief that the other is reliable and safe to
//! open up to.
//!
//! Trust is not built by one big gesture but by small moments, repeated: a way back after a
//! talk goes badly, a small promise kept, being reachable when the other reaches out. So the
//! pack's design leans on *memory across sessions*. An exercise's outcome may `carry` small
//! facts, and the host hands them back to the next session of the same exercise in
//! `SessionContext::history`:
//!
//! - `small-promise` carries each person's promise (`promise.<name>`) and, next time, asks how
//!   it went (kept, partly, not yet), recording `promise_kept` (1, 0.5, 0) and drawing the
//!   marks of all earlier look-backs from the history's scores;
//! - `time-out` carries each person's pause signal (`signal.<name>`) so the next break can
//!   remind them of it; history is per exercise, so it cannot read `repair-kit`'s carry and
//!   asks for the signal once instead;
//! - `repair-kit` carries the phrases and signals for the record and for any future reader.
//!
//! Carry keys name the person (`promise.Ada`), or have no suffix when a solo run has no name.
//!
//! The check-in and the reflection need no logic of their own and use the built-in `scale`
//! and `reflection` kinds. The one text check, for vague promises, keeps its word lists as data
//! in `content/small-promise.toml`; the logic is in [`promise_check`].

pub mod promise_check;
pub mod repair_kit;
pub mod small_promise;
pub mod time_out;

use nearer_core::abi::NativePack;
use nearer_core::{Exercise, Script, Scripted};

/// The trust pack's native code: the kinds `repair-kit`, `time-out` and `small-promise`.
#[derive(Debug, Clone, Copy, Default)]
pub struct TrustPack;

impl NativePack for TrustPack {
    fn kinds(&self) -> Vec<&'static str> {
        vec!["repair-kit", "time-out", "small-promise"]
    }

    fn create(
        &self,
        kind: &str,
        _id: &str,
        content: Option<&str>,
    ) -> Result<Box<dyn Exercise>, String> {
        match kind {
            "repair-kit" => Ok(Box::new(Scripted::new(repair_kit::RepairKit))),
            "time-out" => {
                let text = content.unwrap_or(time_out::CONTENT_TEXT);
                let content = time_out::TimeOutContent::parse(time_out::CONTENT_FILE, text)
                    .map_err(|e| e.to_string())?;
                Ok(Box::new(Scripted::new(time_out::TimeOut::new(content))))
            }
            "small-promise" => {
                let text = content.unwrap_or(promise_check::WORDS_TEXT);
                let check = promise_check::PromiseCheck::parse(promise_check::WORDS_FILE, text)
                    .map_err(|e| e.to_string())?;
                Ok(Box::new(Scripted::new(small_promise::SmallPromise::new(
                    check,
                ))))
            }
            other => Err(format!(
                "the trust pack has no exercise kind {other:?}; it provides {}",
                self.kinds().join(", ")
            )),
        }
    }
}

nearer_core::export_pack!("trust", TrustPack);

/// The carry key for `prefix` and a person: `promise.Ada`, or `promise` for a nameless solo run.
pub(crate) fn carry_key(prefix: &str, who: Option<&str>) -> String {
    match who {
        Some(name) => format!("{prefix}.{name}"),
        None => prefix.to_owned(),
    }
}

/// The other person's name in pair mode.
pub(crate) fn other_of(s: &Script, who: Option<&str>) -> Option<String> {
    s.turns()
        .into_iter()
        .flatten()
        .find(|n| Some(n.as_str()) != who)
}
