//! `nearer resume [SESSION]`: continue an interrupted session by replaying its answers.

use anyhow::{anyhow, bail, Context, Result};
use nearer_core::{Participant, SessionContext};

use crate::cli::ResumeArgs;
use crate::cmd::run::{content_hash, drive_recorded, Recorded};
use crate::db::{clock, Db};
use crate::front::{self, ColorChoice, Mode};
use crate::home::Home;
use crate::session::{ExerciseSession, Isolation};
use crate::store::Store;

/// Continues session `args.session`, or the latest open one.
pub fn run(home: &Home, args: ResumeArgs, color: ColorChoice) -> Result<()> {
    let mut db = Db::open(home)?;
    let row = match args.session {
        Some(id) => db.session(id)?.ok_or_else(|| {
            anyhow!("there is no session {id}; `nearer history` lists your sessions")
        })?,
        None => db.latest_open()?.ok_or_else(|| {
            anyhow!("there is no paused session to resume; `nearer history` lists your sessions, and `nearer list` your exercises")
        })?,
    };
    let target = format!("{}/{}", row.pack, row.exercise);
    if let Some(done) = &row.finished_at {
        bail!(
            "session {} ({target}) finished on {}, so there is nothing to resume; `nearer run {target}` starts it again",
            row.id,
            clock::local_minutes(done)
        );
    }
    let store = Store::open(home)?;
    let pack = store.get(&row.pack).with_context(|| {
        format!(
            "session {} used pack {}, which is not installed now; install it again, then resume",
            row.id, row.pack
        )
    })?;
    let mut session = ExerciseSession::open(home, &pack, &row.exercise, Isolation::Process)?;
    let hash = content_hash(&pack, &session.info)?;
    let replay: Vec<_> = db
        .answers(row.id)?
        .into_iter()
        .map(|a| (a.step, a.answer))
        .collect();
    let ctx = SessionContext {
        seed: row.seed,
        participants: row
            .participants
            .iter()
            .map(|n| Participant { name: n.clone() })
            .collect(),
        locale: row.locale.clone(),
        history: db.prior_sessions(&row.pack, &row.exercise, &row.participants, Some(row.id))?,
        started_at: Some(row.started_at.clone()),
    };
    let mode = if args.json { Mode::Json } else { Mode::Auto };
    let mut front = front::open(mode, color);
    front.note(&format!(
        "Resuming session {}: {} ({target}), started {}.",
        row.id,
        row.title,
        clock::local_minutes(&row.started_at)
    ))?;
    if hash != row.content_hash {
        front.note(&format!(
            "{target} has changed since this session began (pack version then {}, now {}); nearer checks that your answers still fit as it replays them.",
            row.pack_version, pack.manifest.version
        ))?;
    }
    drive_recorded(
        Recorded {
            db: &mut db,
            id: row.id,
            target: &target,
            replay: &replay,
            ask_after: crate::cmd::run::interactive(mode),
        },
        &mut session,
        &ctx,
        front.as_mut(),
    )
}
