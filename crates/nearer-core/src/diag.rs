//! Errors in pack files that name the file, line, field and fix, with the offending line shown.

use std::fmt;
use std::ops::Range;

/// A mistake in a pack's `pack.toml` or content file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file, relative to the pack's folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The field at fault, when one is.
    pub field: Option<String>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// The offending line and a caret under the fault.
    snippet: Option<(String, usize, usize)>,
}

impl std::error::Error for ContentError {}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some((text, col, width)) = &self.snippet {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            write!(
                f,
                "\n{pad} |\n{num} | {text}\n{pad} | {}{}",
                " ".repeat(col.saturating_sub(1)),
                "^".repeat((*width).max(1))
            )?;
        }
        write!(f, "\n  help: {}", self.help)
    }
}

impl ContentError {
    /// An error at `span` (byte offsets into `source`).
    pub fn at(
        file: &str,
        source: &str,
        span: Option<Range<usize>>,
        field: Option<&str>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Self {
        let (line, column, snippet) = match span {
            Some(span) => locate(source, span),
            None => (1, 1, None),
        };
        ContentError {
            file: file.to_owned(),
            line,
            column,
            field: field.map(str::to_owned),
            message: message.into(),
            help: help.into(),
            snippet,
        }
    }

    /// Turns a `toml` parse or type error into one that names the field and the fix. `help_for`
    /// gives the fix for a field name; it is asked with `""` when no field is known.
    pub fn from_toml(
        file: &str,
        source: &str,
        err: &toml::de::Error,
        help_for: &dyn Fn(&str) -> String,
    ) -> Self {
        let raw = err.message().trim();
        let field = quoted_after(raw, "missing field `")
            .or_else(|| quoted_after(raw, "unknown field `"))
            .or_else(|| err.span().and_then(|s| key_at(source, s.start)));
        let message = humanize(raw);
        let from_serde = [
            "missing field",
            "unknown field",
            "invalid type",
            "invalid value",
            "invalid length",
            "unknown variant",
        ]
        .iter()
        .any(|p| raw.starts_with(p));
        let help = if !from_serde {
            format!(
                "this line is not valid TOML: check its quotes, brackets and `=`; {}",
                help_for(field.as_deref().unwrap_or(""))
            )
        } else if raw.starts_with("unknown field") {
            format!(
                "remove it or correct its spelling; {}",
                raw.split_once(", expected")
                    .map(|(_, rest)| format!("the fields allowed here are{rest}"))
                    .unwrap_or_else(|| "see docs/AUTHORING.md".to_owned())
            )
        } else {
            help_for(field.as_deref().unwrap_or(""))
        };
        let span = if raw.starts_with("missing field") {
            None
        } else {
            err.span()
        };
        ContentError::at(file, source, span, field.as_deref(), message, help)
    }
}

/// Rewrites serde's terse phrasing into plain words.
fn humanize(raw: &str) -> String {
    if let Some(field) = quoted_after(raw, "missing field `") {
        return format!("`{field}` is missing");
    }
    if let Some(field) = quoted_after(raw, "unknown field `") {
        return format!("`{field}` is not a field of this table");
    }
    if let Some(rest) = raw.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("expected {}, found {found}", plain_type(expected));
        }
    }
    if let Some(rest) = raw.strip_prefix("unknown variant ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            return format!("{found} is not allowed here; use {expected}");
        }
    }
    raw.to_owned()
}

/// Rust type names in serde messages, in words.
fn plain_type(expected: &str) -> String {
    match expected {
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".to_owned(),
        "f32" | "f64" => "a number".to_owned(),
        "a sequence" => "a list in [ ]".to_owned(),
        "a boolean" => "true or false".to_owned(),
        e if e.starts_with("struct ") || e == "a map" => "a table".to_owned(),
        e => e.to_owned(),
    }
}

fn quoted_after(raw: &str, prefix: &str) -> Option<String> {
    let rest = raw.strip_prefix(prefix)?;
    rest.split('`').next().map(str::to_owned)
}

/// The key whose value starts near `offset`, read from the line it sits on.
fn key_at(source: &str, offset: usize) -> Option<String> {
    let start = source[..offset.min(source.len())]
        .rfind('\n')
        .map_or(0, |i| i + 1);
    let line = source[start..].lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[')).then(|| key.to_owned())
}

fn locate(source: &str, span: Range<usize>) -> (usize, usize, Option<(String, usize, usize)>) {
    let start = span.start.min(source.len());
    let before = &source[..start];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    let text = source[line_start..].lines().next().unwrap_or("").to_owned();
    let end = span.end.clamp(start, line_start + text.len());
    let width = source[start..end].chars().count();
    (line, column, Some((text, column, width)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_the_line_and_column() {
        let src = "a = 1\nversion = \"x\"\n";
        let at = src.find("\"x\"").expect("fixture has the value");
        let e = ContentError::at(
            "p.toml",
            src,
            Some(at..at + 3),
            Some("version"),
            "bad",
            "fix",
        );
        assert_eq!((e.line, e.column), (2, 11));
        assert_eq!(
            e.to_string(),
            "p.toml:2:11: field `version`: bad\n  |\n2 | version = \"x\"\n  |           ^^^\n  help: fix"
        );
    }
}
