//! One module per command; each takes parsed arguments and the home, and prints its result.

pub mod author;
pub mod backup;
pub mod export;
pub mod forget;
pub mod help_now;
pub mod history;
pub mod journal;
pub mod list;
pub mod pack;
pub mod registry;
pub mod resume;
pub mod run;
pub mod stats;
pub mod welcome;
