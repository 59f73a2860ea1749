//! Driving one exercise session through a front end, from its first step to its outcome.

use anyhow::Result;
use nearer_core::{Answer, Exercise, Outcome, Request, SessionContext, Step};

use crate::front::{FrontEnd, Input};
use crate::session::ExerciseSession;

/// Anything that produces steps from answers: a pack's exercise, or one of nearer's own.
pub trait Stepper {
    /// The first step.
    fn start(&mut self, ctx: &SessionContext) -> Result<Step>;
    /// The step after `answer`.
    fn answer(&mut self, answer: Answer) -> Result<Step>;
}

impl Stepper for ExerciseSession {
    fn start(&mut self, ctx: &SessionContext) -> Result<Step> {
        ExerciseSession::start(self, ctx)
    }
    fn answer(&mut self, answer: Answer) -> Result<Step> {
        ExerciseSession::answer(self, answer)
    }
}

impl Stepper for Box<dyn Exercise> {
    fn start(&mut self, ctx: &SessionContext) -> Result<Step> {
        Ok(self.as_mut().start(ctx))
    }
    fn answer(&mut self, answer: Answer) -> Result<Step> {
        Ok(self.as_mut().answer(answer))
    }
}

/// How a run ended.
#[derive(Debug)]
pub enum RunEnd {
    /// The exercise finished.
    Finished(Outcome),
    /// The person typed `pause`.
    Paused,
    /// Input ended before the exercise did.
    InputEnded,
}

/// Where answers go as they are given, before the exercise sees them.
pub trait Recorder {
    /// Keeps `answer` to `step`; an error stops the run before the answer is used.
    fn answer(&mut self, step: &Step, answer: &Answer) -> Result<()>;
}

/// Replay could not reproduce a recorded session.
#[derive(Debug, thiserror::Error)]
#[error(
    "the exercise now asks something different at answer {at} than when these answers were given \
     (the pack has probably changed since), so they cannot be replayed"
)]
pub struct ReplayDiverged {
    /// 1-based number of the first answer whose step differs.
    pub at: usize,
}

/// Runs `session`: first feeds it `replay` (recorded steps and their answers) without showing
/// anything, checking that each recorded step is the one the exercise gives again; then goes
/// on live through `front`, handing each answer to `recorder` before the exercise sees it.
pub fn drive(
    session: &mut dyn Stepper,
    ctx: &SessionContext,
    front: &mut dyn FrontEnd,
    replay: &[(Step, Answer)],
    recorder: &mut dyn Recorder,
) -> Result<RunEnd> {
    let mut step = session.start(ctx)?;
    for (i, (recorded, answer)) in replay.iter().enumerate() {
        if step != *recorded {
            return Err(ReplayDiverged { at: i + 1 }.into());
        }
        step = session.answer(answer.clone())?;
    }
    if !replay.is_empty() {
        front.note(&format!(
            "Picking up where you left off, after {} answer{}.",
            replay.len(),
            if replay.len() == 1 { "" } else { "s" }
        ))?;
    }
    loop {
        front.show(&step)?;
        if let Request::Finish(outcome) = step.request {
            return Ok(RunEnd::Finished(outcome));
        }
        let answer = match front.read(&step)? {
            Input::End => return Ok(RunEnd::InputEnded),
            Input::Answer(Answer::Pause) => return Ok(RunEnd::Paused),
            Input::Answer(a) => a,
        };
        recorder.answer(&step, &answer)?;
        step = session.answer(answer)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use nearer_core::kinds::BuiltinKind;

    /// A front end that answers from a list and remembers what it was shown.
    struct Scripted {
        answers: std::vec::IntoIter<Answer>,
        shown: Vec<Step>,
        notes: Vec<String>,
    }

    impl FrontEnd for Scripted {
        fn show(&mut self, step: &Step) -> Result<()> {
            self.shown.push(step.clone());
            Ok(())
        }
        fn read(&mut self, _step: &Step) -> Result<Input> {
            Ok(self.answers.next().map_or(Input::End, Input::Answer))
        }
        fn note(&mut self, text: &str) -> Result<()> {
            self.notes.push(text.to_owned());
            Ok(())
        }
    }

    /// Keeps nothing.
    struct NoRecord;

    impl Recorder for NoRecord {
        fn answer(&mut self, _step: &Step, _answer: &Answer) -> Result<()> {
            Ok(())
        }
    }

    struct Keep(Vec<(Step, Answer)>);

    impl Recorder for Keep {
        fn answer(&mut self, step: &Step, answer: &Answer) -> Result<()> {
            self.0.push((step.clone(), answer.clone()));
            Ok(())
        }
    }

    const CONTENT: &str = r#"
        intro = "Hello."
        prompts = ["One?", "Two?", "Three?"]
    "#;

    fn exercise() -> Box<dyn nearer_core::Exercise> {
        BuiltinKind::from_name("reflection")
            .expect("kind")
            .parse("r.toml", CONTENT)
            .expect("content")
            .exercise()
    }

    fn front(answers: Vec<Answer>) -> Scripted {
        Scripted {
            answers: answers.into_iter(),
            shown: Vec::new(),
            notes: Vec::new(),
        }
    }

    #[test]
    fn replay_continues_with_the_step_an_uninterrupted_run_shows() {
        let ctx = SessionContext::solo(7);
        let answers = vec![
            Answer::Continue,
            Answer::Text("a".into()),
            Answer::Text("b".into()),
            Answer::Text("c".into()),
        ];
        let mut whole = front(answers.clone());
        let mut kept = Keep(Vec::new());
        let end = drive(&mut exercise(), &ctx, &mut whole, &[], &mut kept).expect("run");
        assert!(matches!(end, RunEnd::Finished(_)));
        for k in 0..answers.len() {
            let mut rest = front(answers[k..].to_vec());
            let end = drive(
                &mut exercise(),
                &ctx,
                &mut rest,
                &kept.0[..k],
                &mut NoRecord,
            )
            .expect("resume");
            assert!(matches!(end, RunEnd::Finished(_)));
            assert_eq!(rest.shown, whole.shown[k..], "after {k} answers");
            assert_eq!(rest.notes.len(), usize::from(k > 0));
        }
    }

    #[test]
    fn replay_refuses_steps_that_changed() {
        let ctx = SessionContext::solo(7);
        let mut changed = Step::new(vec![], Request::Continue);
        changed.turn = Some("someone else".into());
        let err = drive(
            &mut exercise(),
            &ctx,
            &mut front(vec![]),
            &[(changed, Answer::Continue)],
            &mut NoRecord,
        )
        .expect_err("diverged");
        assert!(err.to_string().contains("answer 1"), "{err}");
    }
}
