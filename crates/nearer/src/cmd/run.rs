//! `nearer run PACK/EXERCISE`: pick the front end and participants, then run the session.

use anyhow::{bail, Result};
use nearer_core::{Participant, SessionContext};

use crate::cli::RunArgs;
use crate::front::{self, ColorChoice, Mode};
use crate::home::Home;
use crate::run::{run as drive, RunEnd};
use crate::session::ExerciseSession;
use crate::store::Store;

/// Splits `pack/exercise`.
pub fn parse_target(target: &str) -> Result<(&str, &str)> {
    match target.split_once('/') {
        Some((pack, ex)) if !pack.is_empty() && !ex.is_empty() => Ok((pack, ex)),
        _ => bail!(
            "{target:?} is not PACK/EXERCISE; `nearer list` shows every exercise, e.g. trust/check-in"
        ),
    }
}

fn participants(args: &RunArgs) -> Result<Vec<Participant>> {
    if let Some(pair) = &args.pair {
        let names: Vec<&str> = pair.split(',').map(str::trim).collect();
        if names.len() != 2 || names.iter().any(|n| n.is_empty()) || names[0] == names[1] {
            bail!("--pair needs two different names separated by a comma, e.g. --pair Ada,Sam");
        }
        return Ok(names
            .into_iter()
            .map(|n| Participant { name: n.to_owned() })
            .collect());
    }
    Ok(args
        .name
        .iter()
        .map(|n| Participant { name: n.clone() })
        .collect())
}

/// Runs an exercise.
pub fn run(home: &Home, args: RunArgs, color: ColorChoice) -> Result<()> {
    let (pack_id, exercise_id) = parse_target(&args.exercise)?;
    let store = Store::open(home)?;
    let pack = store.get(pack_id)?;
    let mut session = ExerciseSession::open(&pack, exercise_id)?;
    let people = participants(&args)?;
    let pair = people.len() == 2;
    let allowed = session.info.participants;
    if pair && !allowed.allows_pair() {
        bail!(
            "{pack_id}/{exercise_id} is for one person; run it without --pair (each of you can run it on your own)"
        );
    }
    if !pair && !allowed.allows_solo() {
        bail!("{pack_id}/{exercise_id} is for two people taking turns; add --pair NAME,NAME");
    }
    let seed = args.seed.unwrap_or_else(fresh_seed);
    let ctx = SessionContext {
        seed,
        participants: people,
        locale: "en".into(),
        history: Vec::new(),
    };
    let mode = if args.json { Mode::Json } else { Mode::Auto };
    let mut front = front::open(mode, color);
    if pair
        && crate::safety::check_pair(home, &ctx, front.as_mut())? == crate::safety::Verdict::Stop
    {
        return Ok(());
    }
    if !session.info.warnings.is_empty() {
        front.note(&format!(
            "Before you start: {} You can type pass to skip any question, or pause to stop.",
            session.info.warnings.join(" ")
        ))?;
    }
    match drive(&mut session, &ctx, front.as_mut())? {
        RunEnd::Finished(_) => {}
        RunEnd::Paused => {
            front.note("Paused. Come back to this exercise whenever you are ready.")?
        }
        RunEnd::InputEnded => {
            front.note("Input ended before the exercise finished; stopping here.")?
        }
    }
    Ok(())
}

/// A seed from the clock and process id: different each run, recorded with the session.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    nanos ^ (u64::from(std::process::id()) << 32)
}
