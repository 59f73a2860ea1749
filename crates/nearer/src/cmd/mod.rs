//! One module per command; each takes parsed arguments and the home, and prints its result.

pub mod help_now;
pub mod list;
pub mod pack;
pub mod run;
pub mod welcome;
