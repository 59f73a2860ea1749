//! `find_disguised_judgments`: words that say what someone else did.

use nearer_text::{disguised_judgment, find_disguised_judgments};

fn check(text: &str, want: &[&str]) {
    let got: Vec<&str> = find_disguised_judgments(text)
        .iter()
        .map(|j| j.word.as_str())
        .collect();
    assert_eq!(got, want, "find_disguised_judgments({text:?})");
}

#[test]
fn judgments_table() {
    let cases: &[(&str, &[&str])] = &[
        ("I feel ignored", &["ignored"]),
        (
            "I felt taken for granted and let down",
            &["taken for granted", "let down"],
        ),
        ("I used to love running", &[]),
        ("I feel used", &["used"]),
        ("I got used to it", &[]),
        ("You put down the phone", &[]),
        ("I feel put down", &["put down"]),
        ("criticised at work", &["criticized"]),
        (
            "I feel so misunderstood and unheard",
            &["misunderstood", "unheard"],
        ),
        ("I feel guilt tripped", &["guilt-tripped"]),
        ("controlled breathing helps", &[]),
        ("I was not listened to", &["unheard"]),
        ("I feel lonely", &[]),
        ("Ignored, again. Ignored!", &["ignored"]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn underneath_lists_real_feelings() {
    let ignored = disguised_judgment("ignored").expect("ignored is in the lexicon");
    let words: Vec<&str> = ignored
        .underneath_feelings()
        .iter()
        .map(|f| f.word.as_str())
        .collect();
    assert_eq!(words, ignored.underneath);
    assert_eq!(
        disguised_judgment("criticised").map(|j| j.word.as_str()),
        Some("criticized")
    );
}
