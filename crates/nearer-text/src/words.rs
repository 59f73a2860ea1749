//! Splitting text into words, a light stemmer, and comparing two texts by the words they share.

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
    "i've", "i'd", "i'll", "you've", "you'd", "you'll", "we're", "we've", "they're", "he's",
    "she's", "that's", "there's", "too", "also",
];

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

fn has_vowel(s: &str) -> bool {
    s.chars().any(is_vowel)
}

/// `stopp` -> `stop`, `runn` -> `run`; `ll`, `ss` and `zz` stay, as in `fall`, `miss`, `buzz`.
fn undouble(base: &str) -> &str {
    let mut rev = base.chars().rev();
    match (rev.next(), rev.next()) {
        (Some(a), Some(b)) if a == b && !is_vowel(a) && !matches!(a, 'l' | 's' | 'z') => {
            &base[..base.len() - a.len_utf8()]
        }
        _ => base,
    }
}

/// Strips one inflection: `-ies`, `-ied`, `-ing`, `-ed`, `-ly`, `-s`. Short or vowel-less bases
/// are left alone so that `thing`, `bring`, `need` and `this` keep their shape.
fn strip_ending(word: &str) -> String {
    if let Some(base) = word
        .strip_suffix("ies")
        .or_else(|| word.strip_suffix("ied"))
    {
        if base.len() >= 2 {
            return format!("{base}i");
        }
    }
    if let Some(base) = word.strip_suffix("ing") {
        if base.len() >= 3 && has_vowel(base) {
            return undouble(base).to_owned();
        }
    }
    if let Some(base) = word.strip_suffix("ed") {
        if base.len() >= 3 && has_vowel(base) && !base.ends_with('e') {
            return undouble(base).to_owned();
        }
    }
    if let Some(base) = word.strip_suffix("ly") {
        if base.len() >= 4 {
            return base.to_owned();
        }
    }
    if let Some(base) = word.strip_suffix('s') {
        if base.len() >= 3 && !base.ends_with(['s', 'u', 'i']) {
            return base.to_owned();
        }
    }
    word.to_owned()
}

/// A light, deterministic stem, so that `worried`, `worrying` and `worry` meet, and so do
/// `piling` and `pile`, `stopped` and `stop`, `calmly` and `calm`.
///
/// It is not a linguistic stem: a final `y` becomes `i` and a final silent `e` is dropped, so
/// `worry` gives `worri` and `pile` gives `pil`. Only equality between stems matters.
pub fn stem(word: &str) -> String {
    let word = word.to_lowercase().replace('\'', "");
    let mut s = strip_ending(&word);
    if s.len() >= 4 && s.ends_with('e') {
        s.pop();
    }
    if s.len() >= 3 && s.ends_with('y') {
        s.pop();
        s.push('i');
    }
    s
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
        assert_eq!(
            tokens("Don\u{2019}t go, I'm 'here'!"),
            ["don't", "go", "i'm", "here"]
        );
    }

    #[test]
    fn overlap_counts_shared_meaningful_words() {
        assert_eq!(
            overlap("I was worried about the rent", "You're worrying about rent"),
            1.0
        );
        assert_eq!(overlap("the and of", "anything"), 0.0);
        assert!(
            overlap(
                "work deadlines pile up",
                "so the deadlines are piling up at work"
            ) > 0.9
        );
        assert!(overlap("work deadlines pile up", "what about dinner") < 0.01);
    }

    #[test]
    fn related_forms_share_a_stem() {
        let groups: &[&[&str]] = &[
            &["worry", "worried", "worries", "worrying"],
            &["pile", "piles", "piled", "piling"],
            &["stop", "stops", "stopped", "stopping"],
            &["run", "runs", "running"],
            &["hope", "hoped", "hopes", "hoping"],
            &["calm", "calmly", "calmed", "calming"],
            &["try", "tried", "tries", "trying"],
            &["need", "needs", "needed", "needing"],
            &["fall", "falls", "falling"],
            &["happy", "happily"],
            &["deadline", "deadlines"],
            &["wish", "wished", "wishing"],
        ];
        for group in groups {
            let first = stem(group[0]);
            for word in group.iter() {
                assert_eq!(stem(word), first, "{word} should stem like {}", group[0]);
            }
        }
    }

    #[test]
    fn short_and_odd_words_keep_their_shape() {
        for (word, want) in [
            ("thing", "thing"),
            ("bring", "bring"),
            ("string", "string"),
            ("this", "this"),
            ("miss", "miss"),
            ("bus", "bus"),
            ("bed", "bed"),
            ("speed", "speed"),
            ("reply", "repli"),
            ("Don't", "dont"),
        ] {
            assert_eq!(stem(word), want, "{word}");
        }
    }
}
