//! Splitting text into words and comparing two texts by the words they share.

use std::collections::BTreeSet;

/// Lowercase word tokens; apostrophes inside words are kept (`don't`), curly ones normalised.
pub fn tokens(text: &str) -> Vec<String> {
    text.replace(['\u{2019}', '\u{2018}'], "'")
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// Small words that carry no topic: left out when comparing texts.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "did", "do", "does", "for",
    "from", "had", "has", "have", "he", "her", "him", "his", "i", "i'm", "if", "in", "is", "it",
    "it's", "its", "me", "my", "of", "on", "or", "our", "she", "so", "that", "the", "their",
    "them", "then", "there", "they", "this", "to", "us", "was", "we", "were", "what", "when",
    "with", "you", "your", "you're", "just", "really", "very", "about", "like", "am", "not",
];

/// A crude stem, so that `worried` and `worrying` meet: strips a few common endings.
fn stem(word: &str) -> String {
    if let Some(base) = word.strip_suffix("ied") {
        return format!("{base}y");
    }
    for suffix in ["ing", "ed", "es", "s", "ly"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 {
                return base.to_owned();
            }
        }
    }
    word.to_owned()
}

/// The stemmed words of `text` that carry meaning.
pub fn content_words(text: &str) -> BTreeSet<String> {
    tokens(text)
        .into_iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect()
}

/// The share (0 to 1) of `original`'s content words that reappear in `reply`.
pub fn overlap(original: &str, reply: &str) -> f64 {
    let a = content_words(original);
    if a.is_empty() {
        return 0.0;
    }
    let b = content_words(reply);
    a.intersection(&b).count() as f64 / a.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_inner_apostrophes() {
        assert_eq!(tokens("Don\u{2019}t go, I'm 'here'!"), ["don't", "go", "i'm", "here"]);
    }

    #[test]
    fn overlap_counts_shared_meaningful_words() {
        assert_eq!(overlap("I was worried about the rent", "You're worrying about rent"), 1.0);
        assert_eq!(overlap("the and of", "anything"), 0.0);
        assert!(overlap("work deadlines pile up", "so the deadlines are piling up at work") > 0.9);
        assert!(overlap("work deadlines pile up", "what about dinner") < 0.01);
    }
}
