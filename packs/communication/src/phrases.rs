//! Whole-word phrase matching and sentence splitting, shared by the pack's checks.
//!
//! Text and markers are both reduced to `nearer_text::tokens` (lowercase, apostrophes
//! normalised) and joined with single spaces, so "Don’t  WORRY!" matches the marker
//! "don't worry", and "stop" never matches inside "stopwatch".

use nearer_text::tokens;

/// Text reduced to its words, padded with a space on each side for whole-word search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    padded: String,
}

impl Words {
    /// The words of `text`.
    pub fn new(text: &str) -> Self {
        Words {
            padded: format!(" {} ", tokens(text).join(" ")),
        }
    }

    /// True when `phrase` occurs as whole words.
    pub fn has(&self, phrase: &str) -> bool {
        let p = tokens(phrase).join(" ");
        !p.is_empty() && self.padded.contains(&format!(" {p} "))
    }

    /// True when the text begins with `phrase`.
    pub fn starts_with(&self, phrase: &str) -> bool {
        let p = tokens(phrase).join(" ");
        !p.is_empty() && self.padded.starts_with(&format!(" {p} "))
    }

    /// The phrases of `list` that occur, in the order they first appear in the text.
    pub fn found<'a>(&self, list: &'a [String]) -> Vec<&'a str> {
        let mut hits: Vec<(usize, &'a str)> = list
            .iter()
            .filter_map(|p| {
                let needle = format!(" {} ", tokens(p).join(" "));
                let at = self.padded.find(&needle)?;
                (needle.trim() != "").then_some((at, p.as_str()))
            })
            .collect();
        hits.sort_by_key(|(at, _)| *at);
        hits.into_iter().map(|(_, p)| p).collect()
    }

    /// The words with every occurrence of each phrase in `list` taken out, so that a check
    /// phrase ("is that right") is not read as something else.
    pub fn without(&self, list: &[String]) -> Words {
        let mut padded = self.padded.clone();
        for p in list {
            let p = tokens(p).join(" ");
            if p.is_empty() {
                continue;
            }
            let needle = format!(" {p} ");
            while padded.contains(&needle) {
                padded = padded.replace(&needle, " ");
            }
        }
        Words { padded }
    }

    /// The words joined by single spaces, without padding.
    pub fn text(&self) -> &str {
        self.padded.trim()
    }

    /// True when there are no words at all.
    pub fn is_empty(&self) -> bool {
        self.text().is_empty()
    }
}

/// The sentences of `text` that hold at least one word, with whether each ended in `?`.
pub fn sentences(text: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if matches!(c, '.' | '!' | '?' | '\n' | ';') {
            if !tokens(&current).is_empty() {
                out.push((current.trim().to_owned(), c == '?'));
            } else if c == '?' {
                // "Right??" or "... ?" : the question mark belongs to the sentence before.
                if let Some(last) = out.last_mut() {
                    last.1 = true;
                }
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    if !tokens(&current).is_empty() {
        out.push((current.trim().to_owned(), false));
    }
    out
}

/// Trims `text` and removes one leading phrase from `starts` (matched without regard to
/// case), and trailing punctuation, so that parts can be joined into one sentence. Curly
/// apostrophes become straight ones. A phrase is kept when nothing would be left after it.
pub fn strip_lead(text: &str, starts: &[&str]) -> String {
    strip(text, starts, false)
}

/// Like [`strip_lead`], but again until nothing more comes off: "Please, could you call"
/// loses both leads.
pub fn strip_leads(text: &str, starts: &[&str]) -> String {
    strip(text, starts, true)
}

fn strip(text: &str, starts: &[&str], repeat: bool) -> String {
    let text = text.replace(['\u{2019}', '\u{2018}'], "'");
    let mut t = text.trim();
    // Longest first, so that "would you be willing to" wins over "would you".
    let mut starts: Vec<&str> = starts.to_vec();
    starts.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut again = true;
    while again {
        again = false;
        for s in &starts {
            let n = s.len();
            let (Some(head), Some(rest)) = (t.get(..n), t.get(n..)) else {
                continue;
            };
            let at_boundary = rest.chars().next().is_some_and(|c| !c.is_alphanumeric());
            let left = rest.trim_start_matches([' ', ',', ':']);
            if head.eq_ignore_ascii_case(s)
                && at_boundary
                && left.chars().any(char::is_alphanumeric)
            {
                t = left;
                again = repeat;
                break;
            }
        }
    }
    t.trim_end_matches(['.', '!', '?', ',', ';', ' '])
        .to_owned()
}

/// Lowercases the first letter when the first word is a common word rather than "I" or a
/// name, so that a part can follow "When " or "about " mid-sentence.
pub fn lower_first(text: &str) -> String {
    const COMMON: &[&str] = &[
        "a",
        "after",
        "all",
        "at",
        "before",
        "during",
        "every",
        "he",
        "her",
        "his",
        "in",
        "it",
        "it's",
        "last",
        "most",
        "my",
        "on",
        "our",
        "she",
        "some",
        "that",
        "the",
        "their",
        "there",
        "they",
        "this",
        "today",
        "tonight",
        "we",
        "when",
        "you",
        "you're",
        "your",
        "yesterday",
        "each",
        "for",
        "being",
        "having",
        "seeing",
        "getting",
        "not",
    ];
    let first = tokens(text).into_iter().next().unwrap_or_default();
    if !COMMON.contains(&first.as_str()) {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Joins items as "a", "a and b", "a, b and c".
pub fn and_list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        let w = Words::new("Don\u{2019}t  WORRY, the stopwatch is fine!");
        assert!(w.has("don't worry"));
        assert!(w.has("fine"));
        assert!(!w.has("stop"));
        assert!(!w.has(""));
        assert!(w.starts_with("don't"));
        assert!(!w.starts_with("worry"));
    }

    #[test]
    fn found_phrases_come_in_text_order() {
        let w = Words::new("You never call, and you always forget.");
        let list = vec![
            "always".to_owned(),
            "never".to_owned(),
            "sometimes".to_owned(),
        ];
        assert_eq!(w.found(&list), ["never", "always"]);
    }

    #[test]
    fn without_takes_phrases_out() {
        let w = Words::new("Sounds like a long day. Is that right?");
        let list = vec!["sounds like".to_owned(), "is that right".to_owned()];
        assert_eq!(w.without(&list).text(), "a long day");
    }

    #[test]
    fn sentences_know_their_question_marks() {
        let s = sentences("You had a long day. Right?? :)");
        assert_eq!(s.len(), 2);
        assert!(!s[0].1);
        assert_eq!(s[1], ("Right".to_owned(), true));
        assert!(sentences("  ...  ").is_empty());
    }

    #[test]
    fn leads_and_trailing_punctuation_are_stripped() {
        assert_eq!(strip_lead("I feel sad.", &["i feel"]), "sad");
        assert_eq!(strip_lead("I FEEL: sad", &["i feel"]), "sad");
        assert_eq!(strip_lead("I feelsad", &["i feel"]), "I feelsad");
        assert_eq!(strip_lead("I feel", &["i feel"]), "I feel");
        assert_eq!(
            strip_lead(
                "Would you be willing to call?",
                &["would you", "would you be willing to"]
            ),
            "call"
        );
        assert_eq!(strip_lead("I\u{2019}m tired", &["i'm"]), "tired");
        assert_eq!(
            strip_leads("Please, could you call?", &["please", "could you"]),
            "call"
        );
        assert_eq!(
            strip_lead("Please, could you call?", &["please", "could you"]),
            "could you call"
        );
        assert_eq!(
            strip_lead("I feel I'm lost", &["i feel", "i'm"]),
            "I'm lost"
        );
        assert_eq!(strip_lead("I feel.", &["i feel"]), "I feel");
    }

    #[test]
    fn first_letters_are_lowered_only_for_common_words() {
        assert_eq!(lower_first("Yesterday you left"), "yesterday you left");
        assert_eq!(lower_first("I came home"), "I came home");
        assert_eq!(lower_first("Sam came home"), "Sam came home");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn lists_read_naturally() {
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
    }
}
