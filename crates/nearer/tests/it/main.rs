//! End-to-end tests of the real `nearer` binary, each in a fresh temporary home.

mod harness;
mod records;
mod snapshots;
