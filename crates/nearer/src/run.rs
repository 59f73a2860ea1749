//! Driving one exercise session through a front end, from its first step to its outcome.

use anyhow::Result;
use nearer_core::{Answer, Request, SessionContext};

use crate::front::{FrontEnd, Input};
use crate::session::ExerciseSession;

/// How a run ended.
#[derive(Debug)]
pub enum RunEnd {
    /// The exercise finished.
    Finished,
    /// The person typed `pause`.
    Paused,
    /// Input ended before the exercise did.
    InputEnded,
}

/// Runs `session` from its start, asking through `front`.
pub fn run(
    session: &mut ExerciseSession,
    ctx: &SessionContext,
    front: &mut dyn FrontEnd,
) -> Result<RunEnd> {
    let mut step = session.start(ctx)?;
    loop {
        front.show(&step)?;
        if let Request::Finish(_) = step.request {
            return Ok(RunEnd::Finished);
        }
        let answer = match front.read(&step)? {
            Input::End => return Ok(RunEnd::InputEnded),
            Input::Answer(Answer::Pause) => return Ok(RunEnd::Paused),
            Input::Answer(a) => a,
        };
        step = session.answer(answer)?;
    }
}
