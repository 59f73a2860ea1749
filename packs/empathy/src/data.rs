//! Loading this pack's data files: the host's copy when it passes one, our built-in copy otherwise.

use nearer_core::diag::ContentError;
use nearer_core::kinds::{load, Validate};
use serde::de::DeserializeOwned;

/// Parses `file`: the text the host passed (the installed pack's file, which a person may have
/// edited) or, when there is none, the copy compiled into the library.
pub fn parse<T: DeserializeOwned + Validate>(
    file: &str,
    passed: Option<&str>,
    builtin: &str,
) -> Result<T, String> {
    load(file, passed.unwrap_or(builtin)).map_err(|e| e.to_string())
}

/// An error for a list in a data file that is too short.
pub fn too_few(file: &str, src: &str, field: &str, min: usize, got: usize) -> ContentError {
    ContentError::at(
        file,
        src,
        None,
        Some(field),
        format!("`{field}` has {got} entries, and this exercise needs at least {min}"),
        format!("add entries to `{field}` until there are at least {min}"),
    )
}

/// An error for one bad entry in a data file, located by searching for its text.
pub fn bad_entry(
    file: &str,
    src: &str,
    field: &str,
    entry: &str,
    message: impl Into<String>,
    help: impl Into<String>,
) -> ContentError {
    let span = (!entry.is_empty())
        .then(|| src.find(entry).map(|at| at..at + entry.len()))
        .flatten();
    ContentError::at(file, src, span, Some(field), message, help)
}
