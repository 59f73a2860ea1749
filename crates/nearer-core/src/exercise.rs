//! The `Exercise` trait: a deterministic state machine that never does I/O.

use crate::step::{Answer, SessionContext, Step};

/// One run of an exercise. The host asks for a step, shows it, collects the answer and hands
/// it back. The same context and the same answers must always give the same steps: that is
/// what makes resume-by-replay, transcripts and every front end possible.
pub trait Exercise: Send {
    /// Begins the session and returns the first step.
    fn start(&mut self, session: &SessionContext) -> Step;
    /// Replies to the last step's request and returns the next step. An answer that does not
    /// fit the request must leave the state unchanged and return the same step again.
    fn answer(&mut self, answer: Answer) -> Step;
}
