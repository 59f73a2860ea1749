//! The small-promise check: does a promise name something you will do, and when?
//!
//! A promise is easiest to keep, and to notice being kept, when it names an act someone could
//! see and a time. The check looks for a doing word and a word of time from the pack's own
//! lists (`content/small-promise.toml`), and notes words that leave the act open ("try") or
//! blur it ("listen better"). It only ever feeds a kind hint: the person may keep their words.

use serde::Deserialize;
use toml::Spanned;

use nearer_core::kinds::Validate;
use nearer_core::ContentError;

/// The data file the check reads, as compiled in.
pub const WORDS_FILE: &str = "content/small-promise.toml";

/// The compiled-in text of [`WORDS_FILE`], used when the host passes no content.
pub const WORDS_TEXT: &str = include_str!("../content/small-promise.toml");

/// How many tokens after a doing word a blurring word still blurs it ("help out more").
const BLUR_REACH: usize = 2;

/// The word lists of `content/small-promise.toml`, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromiseWords {
    /// Doing words and short doing phrases.
    pub acts: Spanned<Vec<String>>,
    /// Words and phrases of time or frequency.
    pub times: Spanned<Vec<String>>,
    /// Words and phrases that leave the act open.
    pub hedges: Spanned<Vec<String>>,
    /// Words that blur a doing word that comes just before them.
    pub blurs: Spanned<Vec<String>>,
    /// Example promises; one is shown per session.
    pub examples: Spanned<Vec<String>>,
}

impl Validate for PromiseWords {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let lists = [
            ("acts", &self.acts),
            ("times", &self.times),
            ("hedges", &self.hedges),
            ("blurs", &self.blurs),
            ("examples", &self.examples),
        ];
        for (field, list) in lists {
            let problem = if list.get_ref().iter().all(|w| w.trim().is_empty()) {
                Some(format!("`{field}` is empty"))
            } else if field != "examples" {
                list.get_ref()
                    .iter()
                    .find(|w| w.trim().is_empty() || w.to_lowercase() != **w)
                    .map(|w| format!("{w:?} in `{field}` is blank or not lowercase"))
            } else {
                None
            };
            if let Some(message) = problem {
                return Err(ContentError::at(
                    file,
                    src,
                    Some(list.span()),
                    Some(field),
                    message,
                    format!("list lowercase words or phrases in `{field}`, at least one"),
                ));
            }
        }
        Ok(())
    }
}

/// The compiled word lists, ready to match against a promise.
#[derive(Debug, Clone)]
pub struct PromiseCheck {
    acts: Vec<Vec<String>>,
    times: Vec<Vec<String>>,
    hedges: Vec<Vec<String>>,
    blurs: Vec<Vec<String>>,
    examples: Vec<String>,
}

/// What the check found in one promise.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Findings {
    /// The first doing word not blurred by what follows it, as listed.
    pub act: Option<String>,
    /// The first word of time, as listed (or as typed, for one with a digit).
    pub when: Option<String>,
    /// Words that leave the act open, as listed, in order, without repeats.
    pub hedges: Vec<String>,
    /// Blurring words, as listed, in order, without repeats.
    pub blurs: Vec<String>,
}

impl Findings {
    /// True when the promise names an act and a time: nothing to hint about.
    pub fn is_concrete(&self) -> bool {
        self.act.is_some() && self.when.is_some()
    }
}

impl PromiseCheck {
    /// Parses and validates the word lists; errors name the file, line and fix.
    // `ContentError` is the core's type; its size is the core's to change, and a content
    // error is rare and cold.
    #[allow(clippy::result_large_err)]
    pub fn parse(file: &str, text: &str) -> Result<Self, ContentError> {
        let words: PromiseWords = nearer_core::kinds::load(file, text)?;
        let split = |list: &Spanned<Vec<String>>| -> Vec<Vec<String>> {
            list.get_ref()
                .iter()
                .map(|entry| entry.split_whitespace().map(str::to_owned).collect())
                .collect()
        };
        Ok(PromiseCheck {
            acts: split(&words.acts),
            times: split(&words.times),
            hedges: split(&words.hedges),
            blurs: split(&words.blurs),
            examples: words.examples.into_inner(),
        })
    }

    /// The lists compiled into the pack.
    #[allow(clippy::result_large_err)] // as for `parse`
    pub fn builtin() -> Result<Self, ContentError> {
        PromiseCheck::parse(WORDS_FILE, WORDS_TEXT)
    }

    /// The example promises.
    pub fn examples(&self) -> &[String] {
        &self.examples
    }

    /// Looks at one promise.
    pub fn check(&self, promise: &str) -> Findings {
        let tokens = nearer_text::tokens(promise);
        let acts = find(&self.acts, &tokens);
        let blurs = find(&self.blurs, &tokens);
        // A doing word followed closely by a blurring one ("listen better") is not yet an act
        // anyone could see; the blur must start within reach of the act's end.
        let act = acts
            .iter()
            .find(|a| {
                !blurs
                    .iter()
                    .any(|b| b.start >= a.end && b.start < a.end + BLUR_REACH)
            })
            .map(|a| a.entry.clone());
        // The first word of time in the text, whether listed or a number such as `7pm`.
        let listed = find(&self.times, &tokens)
            .into_iter()
            .next()
            .map(|m| (m.start, m.entry));
        let digits = tokens
            .iter()
            .position(|t| t.chars().any(|c| c.is_ascii_digit()))
            .map(|i| (i, tokens[i].clone()));
        let when = match (listed, digits) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b.1 } else { a.1 }),
            (a, b) => a.or(b).map(|(_, w)| w),
        };
        Findings {
            act,
            when,
            hedges: unique(find(&self.hedges, &tokens)),
            blurs: unique(blurs),
        }
    }
}

/// Where a listed entry was found among the tokens.
#[derive(Debug, Clone)]
struct Match {
    start: usize,
    end: usize,
    entry: String,
}

/// Every place an entry of `list` occurs in `tokens`, in token order.
fn find(list: &[Vec<String>], tokens: &[String]) -> Vec<Match> {
    let mut found = Vec::new();
    for start in 0..tokens.len() {
        for entry in list {
            let end = start + entry.len();
            if end > tokens.len() || entry.is_empty() {
                continue;
            }
            let hit = if let [word] = entry.as_slice() {
                // One word also matches its endings: call, calls, calling, called.
                forms(&tokens[start]).iter().any(|f| f == word)
            } else {
                tokens[start..end].iter().zip(entry).all(|(t, w)| t == w)
            };
            if hit {
                found.push(Match {
                    start,
                    end,
                    entry: entry.join(" "),
                });
            }
        }
    }
    found
}

/// Entries in order of first appearance, without repeats.
fn unique(matches: Vec<Match>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in matches {
        if !out.contains(&m.entry) {
            out.push(m.entry);
        }
    }
    out
}

/// The token and the base forms it may be an ending of: `making` gives `mak` and `make`,
/// `shopping` gives `shopp` and `shop`, `tries` gives `try`. Over-generating is harmless:
/// a form only counts if it is listed.
fn forms(token: &str) -> Vec<String> {
    let mut out = vec![token.to_owned()];
    let mut add = |base: &str| {
        if base.len() >= 2 {
            out.push(base.to_owned());
        }
    };
    for suffix in ["ing", "ed"] {
        if let Some(base) = token.strip_suffix(suffix) {
            add(base);
            add(&format!("{base}e"));
            let mut chars = base.chars().rev();
            if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
                if a == b {
                    add(&base[..base.len() - a.len_utf8()]);
                }
            }
        }
    }
    for (suffix, with) in [("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("d", "")] {
        if let Some(base) = token.strip_suffix(suffix) {
            add(&format!("{base}{with}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_cover_common_endings() {
        for (token, base) in [
            ("making", "make"),
            ("shopping", "shop"),
            ("calls", "call"),
            ("tries", "try"),
            ("trying", "try"),
            ("washes", "wash"),
            ("mondays", "monday"),
            ("planned", "plan"),
        ] {
            assert!(forms(token).iter().any(|f| f == base), "{token} -> {base}");
        }
    }

    #[test]
    fn a_bad_list_names_the_field() {
        let text = WORDS_TEXT.replace("\"call\",", "\"Call\",");
        let err = PromiseCheck::parse("content/small-promise.toml", &text)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("`acts`"), "{err}");
        assert!(err.contains("content/small-promise.toml:"), "{err}");
    }
}
