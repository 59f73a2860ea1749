//! Transcripts of every exercise in the practices pack, solo and pair where allowed.

mod bid_log;
mod check_in;
mod content;
mod fondness;
mod good_news;
mod pack;
mod phones_down;
mod story_swap;
mod thank_you;

use std::collections::BTreeMap;

use nearer_core::{Outcome, PriorSession};
use nearer_pack_practices::PracticesPack;
use nearer_testkit::{Pack, Run};

/// The pack, loaded from its folder with its native code.
fn pack() -> Pack<'static> {
    Pack::load(env!("CARGO_MANIFEST_DIR"), Some(&PracticesPack)).expect("the practices pack loads")
}

/// Plays `run` and returns the transcript with the outcome, if the exercise finished.
fn play(run: Run) -> (String, Option<Outcome>) {
    let (transcript, step) = run.play();
    let outcome = step.and_then(|s| s.outcome().cloned());
    (transcript, outcome)
}

/// An earlier session that left `carry`.
fn prior(carry: &[(&str, &str)]) -> PriorSession {
    PriorSession {
        finished_at: "2025-03-01T20:00:00Z".into(),
        participants: Vec::new(),
        carry: carry
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        scores: Vec::new(),
    }
}

/// Asserts the transcript stopped at a pause without finishing.
fn assert_paused(transcript: &str, outcome: Option<&Outcome>) {
    assert!(transcript.contains("(paused:"), "{transcript}");
    assert!(outcome.is_none(), "a paused session has no outcome");
}
