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

/// Runs `session` from its start, asking through `front`.
pub fn run(
    session: &mut dyn Stepper,
    ctx: &SessionContext,
    front: &mut dyn FrontEnd,
) -> Result<RunEnd> {
    let mut step = session.start(ctx)?;
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
        step = session.answer(answer)?;
    }
}
