//! End-to-end tests of the real `nearer` binary, each in a fresh temporary home.

mod follow_up;
mod harness;
mod records;
mod snapshots;
mod store;
