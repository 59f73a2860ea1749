//! End-to-end tests: the real `nearer` binary, the real built packs, a fresh temp home.
//!
//! Run through `cargo xtask test`, which builds the binary and stages the packs first and
//! names them in `NEARER_BIN`, `NEARER_STAGED_PACKS` and `NEARER_FIXTURES`.

mod author;
mod foundation;
mod harness;
mod loader;
mod packs;
