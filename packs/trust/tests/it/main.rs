//! Integration tests of the trust pack: the promise check's table, and transcripts of every
//! exercise run as the host would run it.

mod check_in;
mod pack;
mod promise_check;
mod reflection;
mod repair_kit;
mod small_promise;
mod time_out;

use nearer_pack_trust::TrustPack;
use nearer_testkit::Pack;

/// The trust pack, loaded from this folder with its native code.
pub fn pack() -> Pack<'static> {
    match Pack::load(env!("CARGO_MANIFEST_DIR"), Some(&TrustPack)) {
        Ok(pack) => pack,
        Err(e) => panic!("the trust pack should load: {e}"),
    }
}
