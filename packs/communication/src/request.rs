//! Checks for the four parts of a request: observation, feeling, need, and the request itself.
//!
//! After Rosenberg's four parts: an observation a camera could make, a feeling rather than a
//! judgment in disguise ("I feel ignored" says what someone did) or a thought ("I feel that you
//! never listen"), a need that does not depend on one person's behaviour, and a request that is
//! doable, positive and specific. Each check notices words only and says so kindly.

use nearer_text::{
    feeling_statement, feeling_statements, find_disguised_judgments, find_feelings, tokens,
    FeelingCheck,
};

use crate::data::{RequestData, StartUpData};
use crate::phrases::{and_list, Words};
use crate::startup::{absolutes_in, labels_in};

/// Something in one part of a request worth a second look.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartFlag {
    /// Observation: a word that judges rather than describes.
    Evaluation(String),
    /// Observation: "always", "never", ...
    Absolute(String),
    /// Observation: a label of character.
    Label(String),
    /// Observation: a disguised judgment used as a description ("you ignored me").
    Interpretation(String),
    /// Feeling: "I feel that...", a thought.
    Thought,
    /// Feeling: a judgment in disguise, with softer feelings that may sit under it.
    Judgment(String, Vec<String>),
    /// Feeling: "I feel" followed by a word not in the lexicon, such as "bad".
    Unknown(String),
    /// Feeling: no feeling word found.
    NoFeeling,
    /// Need: phrased as someone else's behaviour.
    OthersBehaviour,
    /// Request: a demand.
    Demand(String),
    /// Request: a vague word.
    Vague(String),
    /// Request: asks for what should not happen.
    Negative(String),
    /// Request: too short to know what would happen.
    TooShort,
}

/// True when a feeling statement goes on to a thought rather than a feeling: "I feel that you
/// never listen", "I feel like nobody cares". Read by `nearer_text::feeling_statements`.
pub fn thought_in(text: &str) -> bool {
    feeling_statements(text)
        .iter()
        .any(|c| matches!(c, FeelingCheck::Thought { .. }))
}

/// Checks an observation.
pub fn check_observation(d: &StartUpData, r: &RequestData, text: &str) -> Vec<PartFlag> {
    let mut flags: Vec<PartFlag> = Words::new(text)
        .found(&r.evaluations)
        .into_iter()
        .map(|w| PartFlag::Evaluation(w.to_owned()))
        .collect();
    flags.extend(absolutes_in(d, text).into_iter().map(PartFlag::Absolute));
    flags.extend(
        labels_in(d, text)
            .into_iter()
            .filter(|l| !flags.contains(&PartFlag::Evaluation(l.clone())))
            .map(PartFlag::Label)
            .collect::<Vec<_>>(),
    );
    flags.extend(
        find_disguised_judgments(text)
            .into_iter()
            .map(|j| PartFlag::Interpretation(j.word.clone())),
    );
    flags
}

/// Checks a feeling statement: thoughts and disguised judgments first, then whether any
/// feeling is named at all.
pub fn check_feeling(text: &str) -> Vec<PartFlag> {
    let mut flags = Vec::new();
    if thought_in(text) {
        flags.push(PartFlag::Thought);
    }
    for j in find_disguised_judgments(text) {
        flags.push(PartFlag::Judgment(j.word.clone(), j.underneath.clone()));
    }
    if flags.is_empty() && find_feelings(text).is_empty() {
        flags.push(match feeling_statement(text) {
            FeelingCheck::Unknown { word } if !word.is_empty() => PartFlag::Unknown(word),
            _ => PartFlag::NoFeeling,
        });
    }
    flags
}

/// Checks a need written in the person's own words.
pub fn check_need(r: &RequestData, text: &str) -> Vec<PartFlag> {
    let w = Words::new(text);
    let about_others = r.need_others.iter().any(|o| {
        w.has(&format!("need {o}"))
            || w.has(&format!("needs {o}"))
            || w.has(&format!("want {o} to"))
            || w.starts_with(&format!("{o} to"))
    });
    if about_others {
        vec![PartFlag::OthersBehaviour]
    } else {
        Vec::new()
    }
}

/// Checks a request.
pub fn check_request(r: &RequestData, text: &str) -> Vec<PartFlag> {
    let w = Words::new(text);
    let mut flags: Vec<PartFlag> = Vec::new();
    flags.extend(
        w.found(&r.demands)
            .into_iter()
            .map(|p| PartFlag::Demand(p.to_owned())),
    );
    // "no more" is negative, not vague: take negatives out before looking for "more".
    let rest = w.without(&r.negative);
    flags.extend(
        rest.found(&r.vague)
            .into_iter()
            .map(|p| PartFlag::Vague(p.to_owned())),
    );
    flags.extend(
        w.found(&r.negative)
            .into_iter()
            .map(|p| PartFlag::Negative(p.to_owned())),
    );
    if tokens(text).len() < 3 {
        flags.push(PartFlag::TooShort);
    }
    flags
}

/// `"a"`, `"a" and "b"`: words as quoted in a hint.
pub fn quoted(words: &[&str]) -> String {
    let q: Vec<String> = words.iter().map(|w| format!("\"{w}\"")).collect();
    let q: Vec<&str> = q.iter().map(String::as_str).collect();
    and_list(&q)
}

/// Kind hints for `flags`, with flags of one kind about single words joined into one hint
/// ("\"always\" and \"never\" make it..."), so a list of hints never reads like a tally.
/// `feelings` and `needs` are a few words from the lexicons to offer.
pub fn hints(flags: &[PartFlag], feelings: &[&str], needs: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(flag) = flags.get(i) {
        let kind = std::mem::discriminant(flag);
        let mut words: Vec<&str> = Vec::new();
        let mut j = i;
        while let Some(w) = flags
            .get(j)
            .filter(|f| std::mem::discriminant(*f) == kind)
            .and_then(PartFlag::word)
        {
            words.push(w);
            j += 1;
        }
        out.push(flag.hint_for(&words, feelings, needs));
        i = j.max(i + 1);
    }
    out
}

impl PartFlag {
    /// The single word or phrase this flag is about, for flags that can be joined.
    fn word(&self) -> Option<&str> {
        match self {
            PartFlag::Evaluation(w)
            | PartFlag::Absolute(w)
            | PartFlag::Label(w)
            | PartFlag::Interpretation(w)
            | PartFlag::Demand(w)
            | PartFlag::Vague(w)
            | PartFlag::Negative(w) => Some(w),
            _ => None,
        }
    }

    /// A kind hint about this flag alone.
    pub fn hint(&self, feelings: &[&str], needs: &[&str]) -> String {
        let words: Vec<&str> = self.word().into_iter().collect();
        self.hint_for(&words, feelings, needs)
    }

    /// A kind hint about this flag, naming `words` (several of the same kind at once).
    fn hint_for(&self, words: &[&str], feelings: &[&str], needs: &[&str]) -> String {
        let offer = |list: &[&str]| {
            if list.is_empty() {
                String::new()
            } else {
                format!(" Some you might try: {}.", and_list(list))
            }
        };
        let q = quoted(words);
        let many = words.len() > 1;
        let pick = |one: &'static str, more: &'static str| if many { more } else { one };
        match self {
            PartFlag::Evaluation(_) => format!(
                "{q} {} a camera could not record {}. What did you see or hear that led you to {}?",
                pick("is an evaluation:", "are evaluations:"),
                pick("it", "them"),
                pick("it", "them")
            ),
            PartFlag::Absolute(_) => format!(
                "{q} {} it a rule rather than one moment. Which time are you thinking of?",
                pick("makes", "make")
            ),
            PartFlag::Label(_) => format!(
                "{q} {} the person rather than what happened. What did they do, or not do?",
                pick("describes", "describe")
            ),
            PartFlag::Interpretation(_) => format!(
                "{q} {} what you think they did to you, which they may see differently. What happened, as a camera would see it?",
                pick("says", "say")
            ),
            PartFlag::Thought => format!(
                "\"I feel that...\" or \"I feel like...\" goes on to a thought about what happened. What is the feeling itself?{}",
                offer(feelings)
            ),
            PartFlag::Judgment(w, under) => {
                let under: Vec<&str> = under.iter().map(String::as_str).collect();
                let softer = if under.is_empty() {
                    "something softer".to_owned()
                } else {
                    and_list(&under)
                };
                format!(
                    "\"{w}\" sounds like a feeling, but it says what someone did to you. Underneath it there may be {softer}."
                )
            }
            PartFlag::Unknown(w) => format!(
                "\"{w}\" may be a feeling our word list does not know, or a broad word like \"bad\". If a more precise word fits, try it; if not, keep it.{}",
                offer(feelings)
            ),
            PartFlag::NoFeeling => format!(
                "There is no feeling word here yet. Naming one, even a rough one, helps the other person understand.{}",
                offer(feelings)
            ),
            PartFlag::OthersBehaviour => format!(
                "This need is about what someone else does, so only they can meet it. What would it give you if they did? That is the need underneath.{}",
                offer(needs)
            ),
            PartFlag::Demand(_) => format!(
                "{q} {} it a demand, which leaves no room for a no. A request is easier to say yes to when no is allowed too.",
                pick("makes", "make")
            ),
            PartFlag::Vague(_) => format!(
                "{q} {} open what exactly would happen. What would it look like, when, and how often?",
                pick("leaves", "leave")
            ),
            PartFlag::Negative(_) => format!(
                "{q} {} for what should not happen. What would you like to happen instead?",
                pick("asks", "ask")
            ),
            PartFlag::TooShort => {
                "A few more details (what, when, how often) make it easier to say yes.".to_owned()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;
    use PartFlag::*;

    fn s(w: &str) -> String {
        w.to_owned()
    }

    #[test]
    fn thoughts_are_told_from_feelings() {
        let cases = [
            ("I feel that you never listen.", true),
            ("I feel like you don't care about my work.", true),
            ("I feel you are never home.", true),
            ("I felt as if nobody noticed.", true),
            ("I'm feeling that it's pointless.", true),
            ("Feels like everyone forgot.", true),
            ("I feel sad that you left early.", false),
            ("I feel lonely.", false),
            ("I feel like crying.", false),
            ("I'm frustrated and tired.", false),
            ("I like that you called.", false),
        ];
        for (text, want) in cases {
            assert_eq!(thought_in(text), want, "{text}");
        }
    }

    #[test]
    fn observations_are_read_as_the_table_says() {
        let d = data::start_up().expect("start-up data loads");
        let r = data::request().expect("request data loads");
        let cases: Vec<(&str, Vec<PartFlag>)> = vec![
            (
                "Yesterday you came home at nine and dinner was cold.",
                vec![],
            ),
            ("You were rude to my mum.", vec![Evaluation(s("rude"))]),
            (
                "You never call when you're late.",
                vec![Absolute(s("never"))],
            ),
            ("You're so lazy about the bins.", vec![Label(s("lazy"))]),
            (
                "You ignored me at the party.",
                vec![Interpretation(s("ignored"))],
            ),
            (
                "You obviously did it on purpose.",
                vec![Evaluation(s("obviously")), Evaluation(s("on purpose"))],
            ),
            (
                "The music was too loud after midnight.",
                vec![Evaluation(s("too loud"))],
            ),
            ("Twice this week the bins stayed out until Friday.", vec![]),
            (
                "You always leave a mess, you selfish slob.",
                vec![Absolute(s("always")), Label(s("selfish")), Label(s("slob"))],
            ),
            // Tricky: "careless" is a label of the person, "lazy" of the day is not.
            ("We had a lazy Sunday.", vec![]),
            ("I mean, the dishes sat there for two days.", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(check_observation(&d, &r, text), want, "{text}");
        }
    }

    #[test]
    fn feelings_are_read_as_the_table_says() {
        let ignored = find_disguised_judgments("ignored")
            .first()
            .map(|j| j.underneath.clone())
            .unwrap_or_default();
        let cases: Vec<(&str, Vec<PartFlag>)> = vec![
            ("I feel sad.", vec![]),
            ("I'm anxious and a bit lonely.", vec![]),
            (
                "I feel ignored.",
                vec![Judgment(s("ignored"), ignored.clone())],
            ),
            ("I feel that you never listen.", vec![Thought]),
            ("I feel like you don't care.", vec![Thought]),
            ("I feel like crying, I'm so hurt.", vec![]),
            ("Hard to say.", vec![NoFeeling]),
            (
                "I feel you ignored me.",
                vec![Thought, Judgment(s("ignored"), ignored)],
            ),
            ("Grateful, honestly.", vec![]),
            ("I don't know.", vec![NoFeeling]),
            ("I feel bad.", vec![Unknown(s("bad"))]),
        ];
        for (text, want) in cases {
            assert_eq!(check_feeling(text), want, "{text}");
        }
    }

    #[test]
    fn needs_are_read_as_the_table_says() {
        let r = data::request().expect("request data loads");
        let cases = [
            ("I need you to call me.", true),
            ("you to call when you're late", true),
            ("I need him to apologise.", true),
            ("I want you to listen.", true),
            ("She needs them to be quiet.", true),
            ("rest", false),
            ("I need some quiet time to myself.", false),
            ("to feel close to you", false),
            ("I need to know I can count on you.", false),
            ("Someone to talk to", false),
            ("I need my partner to cook tonight.", true),
        ];
        for (text, want) in cases {
            assert_eq!(
                check_need(&r, text) == vec![OthersBehaviour],
                want,
                "{text}"
            );
        }
    }

    #[test]
    fn requests_are_read_as_the_table_says() {
        let r = data::request().expect("request data loads");
        let cases: Vec<(&str, Vec<PartFlag>)> = vec![
            ("text me if you'll be home after eight", vec![]),
            (
                "You have to call me, or else.",
                vec![Demand(s("you have to")), Demand(s("or else"))],
            ),
            ("help more", vec![Vague(s("more")), TooShort]),
            ("stop shouting", vec![Vague(s("stop")), TooShort]),
            (
                "don't leave your shoes in the hall",
                vec![Negative(s("don't"))],
            ),
            ("be better", vec![Vague(s("better")), TooShort]),
            ("put your shoes on the rack when you come in", vec![]),
            (
                "You must try harder.",
                vec![Demand(s("you must")), Vague(s("try harder"))],
            ),
            ("take a walk with me on Sunday morning", vec![]),
            ("no more phones at dinner", vec![Negative(s("no more"))]),
            // Tricky: "stopwatch" is not "stop", and "morning" is not "more".
            ("time the pasta with the stopwatch this morning", vec![]),
        ];
        for (text, want) in cases {
            assert_eq!(check_request(&r, text), want, "{text}");
        }
    }

    #[test]
    fn hints_offer_words_and_stay_kind() {
        let h = NoFeeling.hint(&["sad", "tired"], &[]);
        assert!(h.ends_with("Some you might try: sad and tired."), "{h}");
        let h = Judgment(s("ignored"), vec![s("lonely"), s("hurt")]).hint(&[], &[]);
        assert!(h.ends_with("there may be lonely and hurt."), "{h}");
        let h = OthersBehaviour.hint(&[], &[]);
        assert!(h.ends_with("the need underneath."), "{h}");
        let joined = hints(
            &[
                Demand(s("you have to")),
                Demand(s("or else")),
                Vague(s("more")),
                TooShort,
            ],
            &[],
            &[],
        );
        assert_eq!(joined.len(), 3, "{joined:?}");
        assert!(
            joined[0].starts_with("\"you have to\" and \"or else\" make it a demand"),
            "{joined:?}"
        );
        assert!(joined[1].starts_with("\"more\" leaves open"), "{joined:?}");
    }
}
