//! One running exercise, built-in (in-process) or native (through the loader), behind one API.

use std::fs;

use anyhow::{anyhow, bail, Context, Result};
use nearer_core::abi::{PackRequest, PackResponse};
use nearer_core::manifest::ExerciseInfo;
use nearer_core::{Answer, Exercise, SessionContext, Step};

use crate::home::Home;
use crate::isolate::{IsolatedPack, PackChannel};
use crate::loader::NativeLibrary;
use crate::store::InstalledPack;

enum Engine {
    Builtin(Box<dyn Exercise>),
    Native {
        lib: Box<dyn PackChannel>,
        session: u64,
    },
}

/// Where a native pack's code runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Isolation {
    /// In a child process (the default; see `isolate.rs`).
    Process,
    /// In nearer's own process.
    InProcess,
}

/// A live exercise session.
pub struct ExerciseSession {
    engine: Engine,
    /// The pack id.
    pub pack: String,
    /// The exercise's manifest entry.
    pub info: ExerciseInfo,
}

impl std::fmt::Debug for ExerciseSession {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ExerciseSession({}/{})", self.pack, self.info.id)
    }
}

impl ExerciseSession {
    /// Opens exercise `id` of an installed pack; native code runs as `isolation` says.
    pub fn open(home: &Home, pack: &InstalledPack, id: &str, isolation: Isolation) -> Result<Self> {
        let manifest = &pack.manifest;
        let info = manifest.exercise(id).cloned().ok_or_else(|| {
            let known: Vec<&str> = manifest.exercises.iter().map(|e| e.id.as_str()).collect();
            anyhow!(
                "pack {} has no exercise {id:?}; it has: {}",
                manifest.id,
                known.join(", ")
            )
        })?;
        let content = match &info.content {
            Some(rel) => Some(
                fs::read_to_string(pack.dir.join(rel))
                    .with_context(|| format!("could not read {}", pack.dir.join(rel).display()))?,
            ),
            None => None,
        };
        let engine = match info.builtin_exercise(content.as_deref()) {
            Some(built) => {
                Engine::Builtin(built.map_err(|e| anyhow!("in pack {}:\n{e}", manifest.id))?)
            }
            None => {
                let mut lib: Box<dyn PackChannel> = match isolation {
                    Isolation::Process => Box::new(IsolatedPack::spawn(home, pack)?),
                    Isolation::InProcess => Box::new(NativeLibrary::load_installed(pack)?),
                };
                let response = lib.call(&PackRequest::Create {
                    kind: info.kind.clone(),
                    exercise: info.id.clone(),
                    content,
                })?;
                match response {
                    PackResponse::Created { session } => Engine::Native { lib, session },
                    other => bail!(
                        "pack {} could not start exercise {id:?}: {}",
                        manifest.id,
                        describe(&other)
                    ),
                }
            }
        };
        Ok(ExerciseSession {
            engine,
            pack: manifest.id.clone(),
            info,
        })
    }

    /// The first step.
    pub fn start(&mut self, ctx: &SessionContext) -> Result<Step> {
        match &mut self.engine {
            Engine::Builtin(ex) => Ok(ex.start(ctx)),
            Engine::Native { lib, session } => {
                let request = PackRequest::Start {
                    session: *session,
                    context: ctx.clone(),
                };
                step_of(&self.pack, lib.call(&request)?)
            }
        }
    }

    /// The step after `answer`.
    pub fn answer(&mut self, answer: Answer) -> Result<Step> {
        match &mut self.engine {
            Engine::Builtin(ex) => Ok(ex.answer(answer)),
            Engine::Native { lib, session } => {
                let request = PackRequest::Answer {
                    session: *session,
                    answer,
                };
                step_of(&self.pack, lib.call(&request)?)
            }
        }
    }
}

impl Drop for ExerciseSession {
    fn drop(&mut self) {
        if let Engine::Native { lib, session } = &mut self.engine {
            // Best effort: the pack frees the session's memory; nothing depends on the reply.
            let _ = lib.call(&PackRequest::Drop { session: *session });
        }
    }
}

fn step_of(pack: &str, response: PackResponse) -> Result<Step> {
    match response {
        PackResponse::Step { step } => Ok(step),
        other => bail!(
            "pack {pack} failed during the exercise: {}. Your answers so far are kept.",
            describe(&other)
        ),
    }
}

fn describe(response: &PackResponse) -> String {
    match response {
        PackResponse::Error { message, .. } => message.clone(),
        other => format!("unexpected reply {other:?}"),
    }
}
