//! Shared helpers for the pack's own data files: checking marker lists and matching phrases.

use nearer_core::ContentError;
use nearer_text::tokens;

/// Checks that a marker list is not empty and holds only lowercase phrases of plain words, so
/// that a typo in a data file is caught when it loads rather than silently never matching.
pub(crate) fn check_markers(
    file: &str,
    src: &str,
    field: &str,
    list: &[String],
) -> Result<(), ContentError> {
    let span = src.find(&format!("{field} =")).map(|i| i..i + field.len());
    if list.is_empty() {
        return Err(ContentError::at(
            file,
            src,
            span,
            Some(field),
            format!("`{field}` is empty"),
            format!("write at least one phrase in `{field}`"),
        ));
    }
    if let Some(bad) = list.iter().find(|m| tokens(m).join(" ") != m.as_str()) {
        return Err(ContentError::at(
            file,
            src,
            span,
            Some(field),
            format!("{bad:?} in `{field}` is not a lowercase phrase of plain words"),
            "write markers in lowercase, words separated by single spaces, without punctuation \
             other than apostrophes",
        ));
    }
    Ok(())
}

/// Text prepared for whole-word phrase matching: its tokens joined by single spaces, padded.
#[derive(Debug, Clone)]
pub(crate) struct Words {
    padded: String,
    count: usize,
}

impl Words {
    /// The words of `text`.
    pub(crate) fn new(text: &str) -> Self {
        Self::from_tokens(&tokens(text))
    }

    /// Words from tokens already split.
    pub(crate) fn from_tokens(tokens: &[String]) -> Self {
        Words {
            padded: format!(" {} ", tokens.join(" ")),
            count: tokens.len(),
        }
    }

    /// How many words there are.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// True when `phrase` (a lowercase marker) occurs as whole words.
    pub(crate) fn has(&self, phrase: &str) -> bool {
        self.padded.contains(&format!(" {phrase} "))
    }

    /// True when any of `phrases` occurs.
    pub(crate) fn has_any(&self, phrases: &[String]) -> bool {
        phrases.iter().any(|p| self.has(p))
    }

    /// The text with every occurrence of the `masks` phrases blanked out, so that words inside
    /// them ("kind" in "kind of") are not matched on their own.
    pub(crate) fn without(&self, masks: &[String]) -> Words {
        let mut padded = self.padded.clone();
        for m in masks {
            let needle = format!(" {m} ");
            while padded.contains(&needle) {
                padded = padded.replacen(&needle, " ~ ", 1);
            }
        }
        Words {
            padded,
            count: self.count,
        }
    }
}

/// Splits text into clauses at sentence marks and commas; each with whether it asks a question.
pub(crate) fn clauses(text: &str) -> Vec<(Vec<String>, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if matches!(c, '.' | '!' | '?' | ';' | ',' | '\n') {
            let toks = tokens(&current);
            if !toks.is_empty() {
                out.push((toks, c == '?'));
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    let toks = tokens(&current);
    if !toks.is_empty() {
        out.push((toks, false));
    }
    out
}

/// A line ending in a full stop unless it already ends in a sentence mark.
pub(crate) fn sentence(text: &str) -> String {
    let t = text.trim();
    if t.ends_with(['.', '!', '?']) {
        t.to_owned()
    } else {
        format!("{t}.")
    }
}

/// The carry key for `base` belonging to `who`: `word:Ada`, or plain `word` without a name, so
/// that each person's history stays their own in pair mode.
pub(crate) fn person_key(base: &str, who: Option<&str>) -> String {
    match who {
        Some(name) => format!("{base}:{name}"),
        None => base.to_owned(),
    }
}

/// How to address `who` in a sentence about them, e.g. "Sam", or `fallback` without a name.
pub(crate) fn name_or<'a>(who: Option<&'a str>, fallback: &'a str) -> &'a str {
    who.unwrap_or(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        let w = Words::new("That's GREAT, but won't it mean longer hours?");
        assert!(w.has("great"));
        assert!(w.has("won't it"));
        assert!(!w.has("grea"));
        assert!(!w.has("it mean longer hour"));
        let masked = Words::new("it was kind of nice").without(&["kind of".to_owned()]);
        assert!(!masked.has("kind"));
        assert!(masked.has("nice"));
    }

    #[test]
    fn clauses_split_at_marks_and_note_questions() {
        let c = clauses("Wow, tell me everything! How did they tell you?");
        assert_eq!(c.len(), 3);
        assert_eq!(c[0], (vec!["wow".to_owned()], false));
        assert!(c[2].1);
        assert!(clauses("  ...  ").is_empty());
    }

    #[test]
    fn sentences_get_one_full_stop() {
        assert_eq!(sentence("it helped "), "it helped.");
        assert_eq!(sentence("it helped!"), "it helped!");
    }
}
