//! `nearer run PACK/EXERCISE`: pick the front end and participants, then run the session.

use anyhow::{bail, Context, Result};
use nearer_core::manifest::ExerciseInfo;
use nearer_core::script::{outcome, Flow, Script, ScriptExercise, Scripted};
use nearer_core::{Answer, Exercise, Outcome, Participant, Score, SessionContext, Step};
use sha2::{Digest, Sha256};

use crate::cli::RunArgs;
use crate::db::{Db, NewSession};
use crate::front::{self, ColorChoice, FrontEnd, Mode};
use crate::home::Home;
use crate::run::{drive, Recorder, ReplayDiverged, RunEnd, Stepper};
use crate::session::{ExerciseSession, Isolation};
use crate::store::{InstalledPack, Store};

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
    let isolation = if args.in_process {
        Isolation::InProcess
    } else {
        Isolation::Process
    };
    let mut session = ExerciseSession::open(home, &pack, exercise_id, isolation)?;
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
    let mut db = Db::open(home)?;
    let hash = content_hash(&pack, &session.info)?;
    let changed = changed_since(&db, &pack, &session.info, &hash)?;
    let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
    let mut ctx = SessionContext {
        seed,
        participants: people,
        locale: "en".into(),
        history: db.prior_sessions(pack_id, exercise_id, &names, None)?,
        started_at: None,
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
    if let Some(note) = changed {
        front.note(&note)?;
    }
    if let Some(paused) = db.paused_of(pack_id, exercise_id)? {
        front.note(&format!(
            "You paused this exercise earlier (session {}, {} answer{}); `nearer resume {}` continues that one. This is a new session.",
            paused.id,
            paused.answers,
            if paused.answers == 1 { "" } else { "s" },
            paused.id
        ))?;
    }
    let id = db.start_session(&NewSession {
        pack: pack_id.to_owned(),
        pack_version: pack.manifest.version.to_string(),
        exercise: exercise_id.to_owned(),
        title: session.info.title.clone(),
        component: session.info.component.as_str().to_owned(),
        content_hash: hash,
        seed,
        participants: ctx.participants.iter().map(|p| p.name.clone()).collect(),
        locale: ctx.locale.clone(),
    })?;
    // The exercise sees the start time the database recorded, which resume passes again.
    ctx.started_at = db.session(id)?.map(|row| row.started_at);
    let target = format!("{pack_id}/{exercise_id}");
    drive_recorded(
        Recorded {
            db: &mut db,
            id,
            target: &target,
            replay: &[],
            ask_after: interactive(mode),
        },
        &mut session,
        &ctx,
        front.as_mut(),
    )
}

/// Keeps each answer in the database as it is given.
struct DbRecorder<'a> {
    db: &'a mut Db,
    session: i64,
    next: i64,
}

impl Recorder for DbRecorder<'_> {
    fn answer(&mut self, step: &Step, answer: &Answer) -> Result<()> {
        self.db
            .record_answer(self.session, self.next, step, answer)?;
        self.next += 1;
        Ok(())
    }
}

/// A recorded session to drive: where it is kept, and what to replay first.
pub(crate) struct Recorded<'a> {
    /// The database.
    pub db: &'a mut Db,
    /// The session's number.
    pub id: i64,
    /// `pack/exercise`, for messages.
    pub target: &'a str,
    /// Recorded steps and answers to feed the exercise before going on live.
    pub replay: &'a [(Step, Answer)],
    /// Ask the host's after-exercise items when it finishes.
    pub ask_after: bool,
}

/// Drives recorded session `id` (after replaying `replay`) and records how it ends: the
/// outcome when it finishes; on pause or end of input it stays open for `nearer resume`.
pub(crate) fn drive_recorded(
    rec: Recorded<'_>,
    session: &mut dyn Stepper,
    ctx: &SessionContext,
    front: &mut dyn FrontEnd,
) -> Result<()> {
    let Recorded {
        db,
        id,
        target,
        replay,
        ask_after,
    } = rec;
    let mut recorder = DbRecorder {
        db,
        session: id,
        next: replay.len() as i64,
    };
    let end = match drive(session, ctx, front, replay, &mut recorder) {
        Ok(end) => end,
        Err(e) if e.is::<ReplayDiverged>() => {
            return Err(e).context(format!(
                "session {id} cannot continue. Its answers are kept (`nearer export --session {id}` shows them); `nearer run {target}` starts the exercise afresh"
            ))
        }
        Err(e) => {
            return Err(e).context(format!(
                "session {id} stopped before its end. What you answered is kept; `nearer resume {id}` continues"
            ))
        }
    };
    match end {
        RunEnd::Finished(outcome) => {
            recorder.db.finish_session(id, &outcome)?;
            if ask_after {
                after_items(recorder.db, id, ctx, front)?;
            }
        }
        RunEnd::Paused => front.note(&format!(
            "Paused. Session {id} is kept; come back whenever you are ready with `nearer resume {id}`."
        ))?,
        RunEnd::InputEnded => front.note(&format!(
            "Input ended before the exercise finished. Session {id} is kept; `nearer resume {id}` continues it."
        ))?,
    }
    Ok(())
}

/// True when a person is at a terminal (not a pipe, not JSON): only then does the host ask
/// its optional after-exercise items, so scripts and other programs see only the exercise.
pub(crate) fn interactive(mode: Mode) -> bool {
    use std::io::IsTerminal;
    mode == Mode::Auto && std::io::stdin().is_terminal()
}

/// The host's optional after-exercise items: how understood, valued and cared for each person
/// felt, 1 to 7. Plain labels for a person's own record, not a validated measure.
const AFTER_ITEMS: [(&str, &str); 3] = [
    (
        "felt_understood",
        "During this exercise, how understood did you feel?",
    ),
    ("felt_valued", "How valued did you feel?"),
    ("felt_cared_for", "How cared for did you feel?"),
];

struct AfterItems;

impl ScriptExercise for AfterItems {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.say(
            "Three optional questions for your own record (they show up in `nearer stats`). \
             They are simple labels, not a test; type pass to skip one, or pause to skip all.",
        );
        s.pause_here()?;
        let pair = s.is_pair();
        for who in s.turns() {
            s.set_turn(who.clone());
            for (name, prompt) in AFTER_ITEMS {
                let (low, high) = ((1, "not at all"), (7, "completely"));
                let value = if pair {
                    s.private_scale(prompt, low, high)?
                } else {
                    s.scale(prompt, low, high)?
                };
                if let Some(v) = value {
                    out.scores.push(Score {
                        name: name.to_owned(),
                        participant: who.clone(),
                        value: f64::from(v),
                    });
                }
            }
        }
        Ok(out)
    }
}

/// Ignores answers: the after-items keep only their scores, at the end.
struct Discard;

impl Recorder for Discard {
    fn answer(&mut self, _: &Step, _: &Answer) -> Result<()> {
        Ok(())
    }
}

/// Asks the after-exercise items and adds the ratings given to session `id`.
pub(crate) fn after_items(
    db: &mut Db,
    id: i64,
    ctx: &SessionContext,
    front: &mut dyn FrontEnd,
) -> Result<()> {
    let mut items: Box<dyn Exercise> = Box::new(Scripted::new(AfterItems));
    let quiet = SessionContext {
        history: Vec::new(),
        ..ctx.clone()
    };
    if let RunEnd::Finished(outcome) = drive(&mut items, &quiet, front, &[], &mut Discard)? {
        db.add_scores(id, &outcome.scores)?;
    }
    Ok(())
}

/// A hash of what makes an exercise what it is: its kind and content file, and for a native
/// kind (whose logic lives in the library) also the pack version. Progress is keyed by pack
/// id, exercise id and this hash, so it survives pack upgrades and can say when an exercise
/// changed.
pub fn content_hash(pack: &InstalledPack, info: &ExerciseInfo) -> Result<String> {
    let mut hasher = Sha256::new();
    hasher.update(info.kind.as_bytes());
    hasher.update([0]);
    if let Some(rel) = &info.content {
        let path = pack.dir.join(rel);
        let bytes =
            std::fs::read(&path).with_context(|| format!("could not read {}", path.display()))?;
        hasher.update(&bytes);
    }
    hasher.update([0]);
    if info.builtin_kind().is_none() {
        hasher.update(pack.manifest.version.to_string().as_bytes());
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// A note when the exercise's content differs from the last time it was done.
pub fn changed_since(
    db: &Db,
    pack: &InstalledPack,
    info: &ExerciseInfo,
    hash: &str,
) -> Result<Option<String>> {
    Ok(match db.last_seen(&pack.manifest.id, &info.id)? {
        Some((old_hash, old_version)) if old_hash != hash => Some(format!(
            "{}/{} has changed since you last did it (pack version then {old_version}, now {}). Your earlier sessions are kept as they were.",
            pack.manifest.id, info.id, pack.manifest.version
        )),
        _ => None,
    })
}

/// A seed from the clock and process id: different each run, recorded with the session.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    nanos ^ (u64::from(std::process::id()) << 32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::Filter;
    use crate::front::Input;
    use nearer_core::kinds::BuiltinKind;

    /// A built-in exercise that fails (like a crashed pack) on answer number `fail_at`.
    struct Flaky {
        inner: Box<dyn nearer_core::Exercise>,
        answers: usize,
        fail_at: Option<usize>,
    }

    impl Stepper for Flaky {
        fn start(&mut self, ctx: &SessionContext) -> Result<Step> {
            Ok(self.inner.as_mut().start(ctx))
        }
        fn answer(&mut self, answer: Answer) -> Result<Step> {
            self.answers += 1;
            if Some(self.answers) == self.fail_at {
                anyhow::bail!("pack test failed during the exercise");
            }
            Ok(self.inner.as_mut().answer(answer))
        }
    }

    fn flaky(fail_at: Option<usize>) -> Flaky {
        let content = "intro = \"Hi.\"\nprompts = [\"One?\", \"Two?\", \"Three?\"]\n";
        Flaky {
            inner: BuiltinKind::from_name("reflection")
                .expect("kind")
                .parse("r.toml", content)
                .expect("content")
                .exercise(),
            answers: 0,
            fail_at,
        }
    }

    struct Lines(std::vec::IntoIter<Answer>, Vec<Step>);

    impl FrontEnd for Lines {
        fn show(&mut self, step: &Step) -> Result<()> {
            self.1.push(step.clone());
            Ok(())
        }
        fn read(&mut self, _: &Step) -> Result<Input> {
            Ok(self.0.next().map_or(Input::End, Input::Answer))
        }
        fn note(&mut self, _: &str) -> Result<()> {
            Ok(())
        }
    }

    #[test]
    fn after_items_add_the_ratings_given_and_skip_the_passed() {
        let dir = tempfile::tempdir().expect("temp");
        let mut db = Db::open_at(&dir.path().join("n.db"), &dir.path().join("b")).expect("db");
        let id = db.start_session(&new_session()).expect("start");
        db.finish_session(id, &Outcome::default()).expect("finish");
        let mut front = Lines(
            vec![
                Answer::Continue,
                Answer::Scale(6),
                Answer::Pass,
                Answer::Scale(7),
            ]
            .into_iter(),
            Vec::new(),
        );
        after_items(&mut db, id, &SessionContext::solo(1), &mut front).expect("asked");
        let scores = db.scores(&Filter::default()).expect("scores");
        let names: Vec<(&str, f64)> = scores.iter().map(|c| (c.name.as_str(), c.value)).collect();
        assert_eq!(names, [("felt_understood", 6.0), ("felt_cared_for", 7.0)]);
        assert!(front.1.iter().any(|s| serde_json::to_string(s)
            .expect("json")
            .contains("not a test")));
    }

    fn new_session() -> NewSession {
        NewSession {
            pack: "test".into(),
            pack_version: "1.0.0".into(),
            exercise: "r".into(),
            title: "R".into(),
            component: "trust".into(),
            content_hash: "h".into(),
            seed: 1,
            participants: vec![],
            locale: "en".into(),
        }
    }

    #[test]
    fn a_pack_failing_mid_session_keeps_the_answers_and_resume_finishes_it() {
        let dir = tempfile::tempdir().expect("temp");
        let mut db = Db::open_at(&dir.path().join("n.db"), &dir.path().join("b")).expect("db");
        let id = db
            .start_session(&NewSession {
                pack: "test".into(),
                pack_version: "1.0.0".into(),
                exercise: "r".into(),
                title: "R".into(),
                component: "trust".into(),
                content_hash: "h".into(),
                seed: 1,
                participants: vec![],
                locale: "en".into(),
            })
            .expect("start");
        let ctx = SessionContext::solo(1);
        let all = vec![
            Answer::Continue,
            Answer::Text("one".into()),
            Answer::Text("two".into()),
            Answer::Text("three".into()),
        ];
        let mut front = Lines(all.clone().into_iter(), Vec::new());
        let err = drive_recorded(
            Recorded {
                db: &mut db,
                id,
                target: "test/r",
                replay: &[],
                ask_after: false,
            },
            &mut flaky(Some(3)),
            &ctx,
            &mut front,
        )
        .expect_err("the pack fails");
        let text = format!("{err:#}");
        assert!(text.contains("nearer resume 1"), "{text}");
        // The answer the pack failed on was already kept.
        let kept: Vec<(Step, Answer)> = db
            .answers(id)
            .expect("answers")
            .into_iter()
            .map(|a| (a.step, a.answer))
            .collect();
        assert_eq!(kept.len(), 3);
        let mut rest = Lines(vec![all[3].clone()].into_iter(), Vec::new());
        drive_recorded(
            Recorded {
                db: &mut db,
                id,
                target: "test/r",
                replay: &kept,
                ask_after: false,
            },
            &mut flaky(None),
            &ctx,
            &mut rest,
        )
        .expect("resumed");
        let done = db.session(id).expect("query").expect("session");
        assert!(done.finished_at.is_some());
        assert_eq!(done.answers, 4);
        let journal = db.journal(&Filter::default()).expect("journal");
        assert_eq!(journal.len(), 3);
    }
}
