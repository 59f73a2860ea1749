//! Whole-word phrase matching and sentence splitting, shared by this pack's checks.

use nearer_text::tokens;

/// Contractions people often type without the apostrophe, and the form our phrase lists use.
const BARE_CONTRACTIONS: &[(&str, &str)] = &[
    ("dont", "don't"),
    ("didnt", "didn't"),
    ("doesnt", "doesn't"),
    ("isnt", "isn't"),
    ("wasnt", "wasn't"),
    ("cant", "can't"),
    ("wont", "won't"),
    ("shouldnt", "shouldn't"),
    ("wouldnt", "wouldn't"),
    ("couldnt", "couldn't"),
    ("im", "i'm"),
    ("ive", "i've"),
    ("id", "i'd"),
    ("youre", "you're"),
    ("youll", "you'll"),
    ("youve", "you've"),
    ("youd", "you'd"),
    ("thats", "that's"),
    ("whats", "what's"),
    ("itll", "it'll"),
    ("theyre", "they're"),
    ("lets", "let's"),
];

/// The words of `text`, lowercase, with bare contractions given their apostrophe.
pub fn words(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .map(|w| {
            BARE_CONTRACTIONS
                .iter()
                .find(|(bare, _)| *bare == w)
                .map_or(w, |(_, full)| (*full).to_owned())
        })
        .collect()
}

/// Text prepared for phrase matching: its words joined by single spaces, with a space at
/// each end so that a phrase matches only whole words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Padded(String);

impl Padded {
    /// Prepares `text`.
    pub fn new(text: &str) -> Self {
        Padded(format!(" {} ", words(text).join(" ")))
    }

    /// True when `phrase` occurs as whole words.
    pub fn has(&self, phrase: &str) -> bool {
        let needle = words(phrase).join(" ");
        !needle.is_empty() && self.0.contains(&format!(" {needle} "))
    }

    /// The first phrase of `list` that occurs, in list order.
    pub fn first_of<'a>(&self, list: &'a [String]) -> Option<&'a str> {
        list.iter().map(String::as_str).find(|p| self.has(p))
    }

    /// True when the text starts with `phrase`.
    pub fn starts_with(&self, phrase: &str) -> bool {
        let needle = words(phrase).join(" ");
        !needle.is_empty() && self.0.starts_with(&format!(" {needle} "))
    }
}

/// One sentence of a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence as typed, trimmed.
    pub text: String,
    /// It ends with a question mark.
    pub question: bool,
}

/// Splits `text` into sentences at `.`, `!`, `?`, `;` and line breaks.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if matches!(c, '.' | '!' | '?' | ';' | '\n') {
            let trimmed = current.trim();
            if !trimmed.is_empty() {
                out.push(Sentence {
                    text: trimmed.to_owned(),
                    question: c == '?',
                });
            } else if c == '?' {
                // "Really?!" style runs: the question mark belongs to the sentence before.
                if let Some(last) = out.last_mut() {
                    last.question = true;
                }
            }
            current.clear();
        } else {
            current.push(c);
        }
    }
    let trimmed = current.trim();
    if !trimmed.is_empty() {
        out.push(Sentence {
            text: trimmed.to_owned(),
            question: false,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_only() {
        let p = Padded::new("Honestly, at least it's Friday!");
        assert!(p.has("at least"));
        assert!(p.has("it\u{2019}s friday"));
        assert!(!p.has("east"));
        assert!(!p.has(""));
        assert!(Padded::new("dont worry").has("don't worry"));
        assert!(Padded::new("Why didnt you?").starts_with("why"));
    }

    #[test]
    fn sentences_know_their_questions() {
        let s = sentences("That sounds hard. What was that like?! Tell me more\nok");
        let got: Vec<(&str, bool)> = s.iter().map(|s| (s.text.as_str(), s.question)).collect();
        assert_eq!(
            got,
            [
                ("That sounds hard", false),
                ("What was that like", true),
                ("Tell me more", false),
                ("ok", false)
            ]
        );
    }
}
