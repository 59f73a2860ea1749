//! `feeling_statement`: a feeling, a thought, or a judgment in disguise.

use nearer_text::{feeling_statement, feeling_statements, FeelingCheck};

/// A readable form of a check: `feeling:lonely`, `judgment:ignored`, `thought:that`,
/// `unknown:bad`, `missing`.
fn show(c: &FeelingCheck) -> String {
    match c {
        FeelingCheck::Feeling(f) => format!("feeling:{}", f.word),
        FeelingCheck::Judgment(j) => format!("judgment:{}", j.word),
        FeelingCheck::Thought { opener } => format!("thought:{opener}"),
        FeelingCheck::Unknown { word } => format!("unknown:{word}"),
        FeelingCheck::Missing => "missing".to_owned(),
    }
}

#[test]
fn verdict_table() {
    let cases: &[(&str, &str)] = &[
        ("I feel lonely", "feeling:lonely"),
        ("I feel that you never listen", "thought:that"),
        ("I feel like nobody cares", "thought:like"),
        ("I feel as if I'm invisible", "thought:as if"),
        ("I feel ignored", "judgment:ignored"),
        ("I feel you don't care about us", "thought:you"),
        ("I'm so tired", "feeling:tired"),
        ("lonely", "feeling:lonely"),
        ("ignored", "judgment:ignored"),
        ("I feel bad", "unknown:bad"),
        ("You never call", "missing"),
        ("I feel sad and ignored", "judgment:ignored"),
        ("I've been feeling kind of anxious", "feeling:anxious"),
        ("I feel like crying", "unknown:like"),
        ("I don't feel safe", "feeling:safe"),
        ("It feels like you'd rather be elsewhere", "thought:like"),
        ("I feel that way too", "unknown:that"),
        ("I feel sad, and I feel that you don't care", "thought:that"),
        ("Feeling a bit let down", "judgment:let down"),
        ("I was ignored", "judgment:ignored"),
        ("When you came home late, I felt worried", "feeling:worried"),
        ("I feel", "unknown:"),
        ("I feel really, really tired", "feeling:tired"),
        ("It makes me feel like a failure", "thought:like"),
        ("I feel I'm not enough", "thought:im"),
        ("", "missing"),
    ];
    for (text, want) in cases {
        assert_eq!(
            show(&feeling_statement(text)),
            *want,
            "feeling_statement({text:?})"
        );
    }
}

#[test]
fn statements_are_listed_in_order() {
    let got: Vec<String> =
        feeling_statements("I'm tired and down, and I feel like you don't see it. I feel unheard.")
            .iter()
            .map(show)
            .collect();
    assert_eq!(got, ["feeling:tired", "thought:like", "judgment:unheard"]);
}

#[test]
fn helpers_say_what_to_look_at() {
    assert!(feeling_statement("I feel calm").is_feeling());
    assert!(feeling_statement("I feel ignored").needs_a_look());
    assert!(feeling_statement("I feel that it's unfair").needs_a_look());
    assert!(!feeling_statement("I feel bad").needs_a_look());
}
