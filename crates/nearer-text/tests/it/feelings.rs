//! `find_feelings`: forms, order, and words with other meanings.

use nearer_text::{feeling, feelings_in, find_feelings};

fn check(text: &str, want: &[&str]) {
    let got: Vec<&str> = find_feelings(text)
        .iter()
        .map(|f| f.word.as_str())
        .collect();
    assert_eq!(got, want, "find_feelings({text:?})");
}

#[test]
fn feelings_table() {
    let cases: &[(&str, &[&str])] = &[
        ("I feel anxious and a bit lost", &["anxious", "lost"]),
        (
            "Anxious, then relieved, then anxious again",
            &["anxious", "relieved"],
        ),
        ("I FEEL Grateful. GRATEFUL!", &["grateful"]),
        ("Calm down.", &[]),
        ("I'm calm now", &["calm"]),
        ("Down.", &["down"]),
        ("tired and down", &["tired", "down"]),
        ("I sat down and felt content", &["content"]),
        ("The content of the email was long", &[]),
        ("We moved house in May", &[]),
        ("I was so moved by your note", &["moved"]),
        ("Feeling cosy, then heart-broken", &["cozy", "heartbroken"]),
        (
            "I\u{2019}m burned out, worn-out really",
            &["burnt out", "worn out"],
        ),
        ("Leave me alone", &[]),
        ("I feel alone", &["alone"]),
        ("Happy birthday! I'm happier than ever", &["happy"]),
        ("She seems lost", &["lost"]),
        ("I lost my keys", &[]),
        ("Close the door, please", &[]),
        ("I feel close to you", &["close"]),
        (
            "I'm self-conscious and on edge",
            &["self-conscious", "on edge"],
        ),
        ("so at ease, at peace", &["at ease", "peaceful"]),
        ("not happy", &["happy"]),
        ("", &[]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn lookup_by_word_or_form() {
    for (word, want) in [
        ("cosy", Some("cozy")),
        ("Calm", Some("calm")),
        ("burned out", Some("burnt out")),
        ("ignored", None),
        ("table", None),
    ] {
        assert_eq!(
            feeling(word).map(|f| f.word.as_str()),
            want,
            "feeling({word:?})"
        );
    }
}

#[test]
fn quadrants_hold_the_right_words() {
    let words = |p, a| -> Vec<&str> { feelings_in(p, a).iter().map(|f| f.word.as_str()).collect() };
    assert!(words(true, true).contains(&"excited"));
    assert!(words(true, false).contains(&"calm"));
    assert!(words(false, true).contains(&"angry"));
    assert!(words(false, false).contains(&"sad"));
    assert!(feelings_in(true, false)
        .iter()
        .all(|f| f.pleasant && !f.activated));
}
