//! Integration tests of the communication pack: transcripts of every exercise run as the host
//! would run it, solo and pair where allowed, with paths through `pass` and `pause`.

mod barriers;
mod four_part_request;
mod gentle_start_up;
mod pack;
mod roadblock_quiz;
mod speaker_listener;
mod tidy;

use nearer_pack_communication::CommunicationPack;
use nearer_testkit::Pack;

/// The communication pack, loaded from this folder with its native code.
pub fn pack() -> Pack<'static> {
    match Pack::load(env!("CARGO_MANIFEST_DIR"), Some(&CommunicationPack)) {
        Ok(pack) => pack,
        Err(e) => panic!("the communication pack should load: {e}"),
    }
}
