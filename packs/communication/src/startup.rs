//! What may sting in a complaint: absolutes, labels of character, contempt, blame, no feeling.
//!
//! The idea, from research on how conflict conversations begin, is that the first sentence
//! sets the tone. These checks only notice words; they cannot know tone or history, so every
//! hint says what a word may do and leaves the judgement to the person.

use nearer_text::find_feelings;

use crate::data::StartUpData;
use crate::phrases::{sentences, Words};
use crate::request::{quoted, thought_in};

/// Something in a complaint that may make it harder to hear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartUpFlag {
    /// "always", "never", ...
    Absolute(String),
    /// A label of character, said of a person.
    Label(String),
    /// Sarcasm, mockery or an insult.
    Contempt(String),
    /// The first sentence opens with the other person.
    Blame(String),
    /// "I feel that you...": a thought where a feeling would go.
    Thought,
    /// No feeling word at all.
    NoFeeling,
}

/// The labels of character in `text`, counted only in sentences that point at a person.
pub fn labels_in(d: &StartUpData, text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for (sentence, _) in sentences(text) {
        // "You know, ..." points at nobody.
        let w = Words::new(&sentence).without(&d.not_blame);
        if w.found(&d.persons).is_empty() {
            continue;
        }
        for label in w.found(&d.labels) {
            if !found.iter().any(|f| f == label) {
                found.push(label.to_owned());
            }
        }
    }
    found
}

/// The absolutes in `text`.
pub fn absolutes_in(d: &StartUpData, text: &str) -> Vec<String> {
    let w = Words::new(text);
    let mut found: Vec<&str> = w.found(&d.absolutes);
    // "every single time" already says "every time"'s piece; name the longer one only.
    let all = found.clone();
    found.retain(|a| !all.iter().any(|b| b != a && b.contains(a)));
    found.into_iter().map(str::to_owned).collect()
}

/// The contempt markers in `text`, including the eye-roll emoji.
pub fn contempt_in(d: &StartUpData, text: &str) -> Vec<String> {
    let mut found: Vec<String> = Words::new(text)
        .found(&d.contempt)
        .into_iter()
        .map(str::to_owned)
        .collect();
    if text.contains('\u{1F644}') {
        found.push("\u{1F644}".to_owned());
    }
    found
}

/// The blame opener the first sentence starts with, if any.
pub fn blame_opener(d: &StartUpData, text: &str) -> Option<String> {
    let (first, _) = sentences(text).into_iter().next()?;
    let w = Words::new(&first);
    if d.not_blame.iter().any(|p| w.starts_with(p)) {
        return None;
    }
    d.blame_openers
        .iter()
        .filter(|o| w.starts_with(o))
        .max_by_key(|o| o.len())
        .cloned()
}

/// Checks a complaint as it might first come out.
pub fn check_complaint(d: &StartUpData, text: &str) -> Vec<StartUpFlag> {
    let mut flags = Vec::new();
    flags.extend(absolutes_in(d, text).into_iter().map(StartUpFlag::Absolute));
    flags.extend(labels_in(d, text).into_iter().map(StartUpFlag::Label));
    flags.extend(contempt_in(d, text).into_iter().map(StartUpFlag::Contempt));
    if let Some(o) = blame_opener(d, text) {
        flags.push(StartUpFlag::Blame(o));
    }
    if thought_in(text) {
        flags.push(StartUpFlag::Thought);
    } else if find_feelings(text).is_empty() {
        flags.push(StartUpFlag::NoFeeling);
    }
    flags
}

/// Kind hints for `flags`, with flags of one kind joined into one hint ("\"always\" and
/// \"never\" turn...").
pub fn hints(flags: &[StartUpFlag]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(flag) = flags.get(i) {
        let kind = std::mem::discriminant(flag);
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        while let Some(w) = flags
            .get(j)
            .filter(|f| std::mem::discriminant(*f) == kind)
            .and_then(StartUpFlag::word)
        {
            words.push(w);
            j += 1;
        }
        out.push(flag.hint_for(&words));
        i = j.max(i + 1);
    }
    out
}

impl StartUpFlag {
    /// The word or phrase this flag is about, for flags that can be joined.
    fn word(&self) -> Option<&str> {
        match self {
            StartUpFlag::Absolute(w) | StartUpFlag::Label(w) | StartUpFlag::Contempt(w) => Some(w),
            _ => None,
        }
    }

    /// A kind hint about this flag alone.
    pub fn hint(&self) -> String {
        let words: Vec<&str> = self.word().into_iter().collect();
        self.hint_for(&words)
    }

    /// A kind hint naming `words`, several of the same kind at once.
    fn hint_for(&self, words: &[&str]) -> String {
        let q = quoted(words);
        let many = words.len() > 1;
        let pick = |one: &'static str, more: &'static str| if many { more } else { one };
        match self {
            StartUpFlag::Absolute(_) => format!(
                "{q} {} one moment into a rule about them, and {} an argument about the exceptions. What happened this time?",
                pick("turns", "turn"),
                pick("invites", "invite")
            ),
            StartUpFlag::Label(_) => format!(
                "{q} {} who they are rather than what they did. A label is hard to hear without defending; what they did is easier to talk about.",
                pick("describes", "describe")
            ),
            StartUpFlag::Contempt(_) => format!(
                "{q} may land as contempt: sarcasm, mockery or an insult. That stings more than anything else here. Often there is hurt or tiredness underneath, worth saying plainly."
            ),
            StartUpFlag::Blame(o) => format!(
                "It opens with \"{o}\", which can sound like an accusation before the rest is heard. Starting with yourself (\"I ...\") often lands more softly."
            ),
            StartUpFlag::Thought => "\"I feel that...\" or \"I feel like...\" goes on to a thought about them, not a feeling. What feeling sits under it?".to_owned(),
            StartUpFlag::NoFeeling => "There is no feeling word here yet. Saying how it leaves you helps the other person understand instead of defend.".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use StartUpFlag::*;

    fn a(w: &str) -> StartUpFlag {
        Absolute(w.into())
    }
    fn l(w: &str) -> StartUpFlag {
        Label(w.into())
    }
    fn c(w: &str) -> StartUpFlag {
        Contempt(w.into())
    }
    fn b(w: &str) -> StartUpFlag {
        Blame(w.into())
    }

    #[test]
    fn complaints_are_read_as_the_table_says() {
        let d = data::start_up().expect("start-up data loads");
        let cases: Vec<(&str, Vec<StartUpFlag>)> = vec![
            (
                "You never help with the dishes.",
                vec![a("never"), b("you"), NoFeeling],
            ),
            ("You're so lazy.", vec![l("lazy"), b("you're"), NoFeeling]),
            (
                "I feel frustrated when the dishes pile up, and I need a hand tonight.",
                vec![],
            ),
            (
                "Whatever. Do what you want.",
                vec![c("whatever"), NoFeeling],
            ),
            (
                "Oh great, late again. Every single time.",
                vec![a("every single time"), c("oh great"), NoFeeling],
            ),
            ("I'm so tired of you being selfish.", vec![l("selfish")]),
            (
                "Why do you always leave your shoes in the hall?",
                vec![a("always"), b("why do you"), NoFeeling],
            ),
            (
                "I feel sad that we haven't had an evening out in a while.",
                vec![],
            ),
            (
                "Honestly, what's wrong with you?",
                vec![c("what's wrong with you"), NoFeeling],
            ),
            // Tricky: a thought dressed as a feeling.
            ("I feel that you never listen.", vec![a("never"), Thought]),
            // Tricky: "you know" opens without blaming; "lazy" describes a day, not a person.
            ("You know, I'm lonely on our lazy Sundays apart.", vec![]),
            // Tricky: "your" describes a thing, not an accusation.
            (
                "Your coat is on the chair again, and I feel anxious in the clutter.",
                vec![],
            ),
            // The eye-roll emoji is contempt too.
            ("Late again \u{1F644}", vec![c("\u{1F644}"), NoFeeling]),
        ];
        for (text, want) in cases {
            assert_eq!(check_complaint(&d, text), want, "{text}");
        }
    }

    #[test]
    fn every_flag_has_a_kind_hint() {
        for flag in [
            a("never"),
            l("lazy"),
            c("ugh"),
            b("you"),
            Thought,
            NoFeeling,
        ] {
            let hint = flag.hint();
            assert!(hint.ends_with(['.', '?']), "{hint}");
            assert!(!hint.to_lowercase().contains("wrong"), "{hint}");
        }
        let joined = hints(&[a("never"), a("always"), c("whatever"), NoFeeling]);
        assert_eq!(joined.len(), 3, "{joined:?}");
        assert!(
            joined[0].starts_with("\"never\" and \"always\" turn one moment"),
            "{joined:?}"
        );
    }
}
