//! Transcripts of every empathy exercise, and checks that the pack loads as the host loads it.

mod feeling_guess;
mod map_guess;
mod pack;
mod reflection;
mod support_talk;

use nearer_pack_empathy::EmpathyPack;
use nearer_testkit::Pack;

static NATIVE: EmpathyPack = EmpathyPack;

/// The pack from its folder, with its native kinds.
fn pack() -> Pack<'static> {
    Pack::load(env!("CARGO_MANIFEST_DIR"), Some(&NATIVE)).expect("the empathy pack loads")
}
