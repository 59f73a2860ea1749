//! nearer-testkit: run an exercise with scripted answers and get a readable transcript.
//!
//! Pack authors (and our own packs) test exercises as conversations: a list of typed lines in,
//! the whole exchange out, snapshotted with insta. Answers are typed exactly as at the `nearer`
//! prompt (see [`nearer_core::Request::parse_line`]), so a transcript reads like a real session.
//!
//! ```ignore
//! let pack = nearer_testkit::Pack::load(env!("CARGO_MANIFEST_DIR"), Some(&MyPack))?;
//! let t = pack.run("my-exercise").pair("Ada", "Ben").answers(&["", "pass", "3"]).transcript();
//! insta::assert_snapshot!(t);
//! ```

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use nearer_core::abi::NativePack;
use nearer_core::manifest::{check_pack, Manifest};
use nearer_core::step::PriorSession;
use nearer_core::{Answer, Exercise, Request, SessionContext, Step};

/// A pack folder loaded in-process: its validated manifest and, for native kinds, its code.
pub struct Pack<'a> {
    dir: PathBuf,
    manifest: Manifest,
    native: Option<&'a dyn NativePack>,
}

impl<'a> Pack<'a> {
    /// Loads and validates the pack in `dir`; `native` serves the kinds the pack implements.
    pub fn load(dir: impl AsRef<Path>, native: Option<&'a dyn NativePack>) -> Result<Self, String> {
        let dir = dir.as_ref().to_path_buf();
        let src = std::fs::read_to_string(dir.join("pack.toml"))
            .map_err(|e| format!("{}: {e}", dir.join("pack.toml").display()))?;
        let read = |rel: &str| std::fs::read_to_string(dir.join(rel)).ok();
        let manifest = check_pack(&src, &read).map_err(|e| e.to_string())?;
        Ok(Pack {
            dir,
            manifest,
            native,
        })
    }

    /// The validated manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// A fresh exercise by id, built-in or native.
    pub fn exercise(&self, id: &str) -> Result<Box<dyn Exercise>, String> {
        let info = self
            .manifest
            .exercise(id)
            .ok_or_else(|| format!("pack {} has no exercise {id:?}", self.manifest.id))?;
        let content = match &info.content {
            Some(rel) => Some(
                std::fs::read_to_string(self.dir.join(rel)).map_err(|e| format!("{rel}: {e}"))?,
            ),
            None => None,
        };
        match info.builtin_exercise(content.as_deref()) {
            Some(built) => built.map_err(|e| e.to_string()),
            None => {
                let native = self
                    .native
                    .ok_or_else(|| format!("exercise {id:?} needs the pack's native code"))?;
                native.create(&info.kind, id, content.as_deref())
            }
        }
    }

    /// Starts describing a run of exercise `id`.
    pub fn run(&self, id: &str) -> Run {
        Run {
            exercise: self.exercise(id),
            ctx: SessionContext::solo(1),
            answers: Vec::new(),
        }
    }
}

/// A scripted run being set up.
pub struct Run {
    exercise: Result<Box<dyn Exercise>, String>,
    ctx: SessionContext,
    answers: Vec<String>,
}

impl Run {
    /// A run of any exercise value.
    pub fn of(exercise: Box<dyn Exercise>) -> Self {
        Run {
            exercise: Ok(exercise),
            ctx: SessionContext::solo(1),
            answers: Vec::new(),
        }
    }

    /// Sets the seed (default 1).
    pub fn seed(mut self, seed: u64) -> Self {
        self.ctx.seed = seed;
        self
    }

    /// Two people taking turns.
    pub fn pair(mut self, first: &str, second: &str) -> Self {
        let seed = self.ctx.seed;
        let history = std::mem::take(&mut self.ctx.history);
        self.ctx = SessionContext::pair(seed, first, second);
        self.ctx.history = history;
        self
    }

    /// What earlier sessions of the exercise left.
    pub fn history(mut self, history: Vec<PriorSession>) -> Self {
        self.ctx.history = history;
        self
    }

    /// When the session began (RFC 3339 UTC), as the host passes it.
    pub fn started_at(mut self, timestamp: &str) -> Self {
        self.ctx.started_at = Some(timestamp.to_owned());
        self
    }

    /// The lines typed, one per request.
    pub fn answers(mut self, lines: &[&str]) -> Self {
        self.answers = lines.iter().map(|l| (*l).to_owned()).collect();
        self
    }

    /// Runs to the end (or until the lines run out) and returns the final step with the
    /// transcript.
    pub fn play(self) -> (String, Option<Step>) {
        let mut out = String::new();
        let mut ex = match self.exercise {
            Ok(ex) => ex,
            Err(e) => return (format!("could not start: {e}\n"), None),
        };
        let mut step = ex.start(&self.ctx);
        let mut lines = self.answers.into_iter();
        loop {
            render(&mut out, &step);
            if let Request::Finish(_) = step.request {
                return (out, Some(step));
            }
            let Some(line) = lines.next() else {
                let _ = writeln!(out, "(the script ends here, before the exercise does)");
                return (out, Some(step));
            };
            let _ = writeln!(out, "> {line}");
            match step.request.parse_line(&line) {
                Ok(Answer::Pause) => {
                    let _ = writeln!(
                        out,
                        "(paused: the host keeps the session for `nearer resume`)"
                    );
                    return (out, Some(step));
                }
                Ok(answer) => step = ex.answer(answer),
                Err(e) => {
                    let _ = writeln!(out, "! {e}");
                }
            }
        }
    }

    /// The transcript alone.
    pub fn transcript(self) -> String {
        self.play().0
    }
}

/// Writes one step as plain text (the same text `nearer run` prints on a pipe).
pub fn render(out: &mut String, step: &Step) {
    out.push_str(&nearer_core::transcript::render_step(step));
}

#[cfg(test)]
mod tests {
    use super::*;
    use nearer_core::script::{outcome, Flow, Script, ScriptExercise, Scripted};
    use nearer_core::Outcome;

    struct Ask;
    impl ScriptExercise for Ask {
        fn run(&self, s: &mut Script) -> Flow<Outcome> {
            let n = s.scale("How close?", (1, "far"), (7, "near"))?;
            Ok(outcome(format!("got {n:?}")))
        }
    }

    #[test]
    fn bad_lines_are_reported_and_asked_again() {
        let t = Run::of(Box::new(Scripted::new(Ask)))
            .answers(&["nine", "9", "4"])
            .transcript();
        assert_eq!(
            t,
            "? How close? [1-7] 1=far, 7=near\n> nine\n! pick a number from 1 to 7\n? How close? [1-7] 1=far, 7=near\n> 9\n! pick a number from 1 to 7\n? How close? [1-7] 1=far, 7=near\n> 4\n== finished: got Some(4)\n"
        );
    }
}
