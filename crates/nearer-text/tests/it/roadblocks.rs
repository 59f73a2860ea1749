//! `find_roadblocks` and `find_roadblock_markers`: each of Gordon's twelve, and the replies a
//! good listener gives that must not be flagged.

use nearer_text::{find_roadblock_markers, find_roadblocks, roadblock};

fn check(text: &str, want: &[&str]) {
    let got: Vec<&str> = find_roadblocks(text)
        .iter()
        .map(|r| r.kind.as_str())
        .collect();
    assert_eq!(got, want, "find_roadblocks({text:?})");
}

#[test]
fn each_roadblock_is_found() {
    let cases: &[(&str, &[&str])] = &[
        (
            "Calm down, it's not a big deal.",
            &["ordering", "reassuring"],
        ),
        ("If you don't talk to him, you'll regret it.", &["warning"]),
        (
            "You ought to apologise; it's the right thing.",
            &["moralizing"],
        ),
        ("Have you tried talking to her?", &["advising"]),
        ("The fact is, research shows sleep helps.", &["lecturing"]),
        ("Honestly, that's your own fault.", &["judging"]),
        ("Well done, you're the best!", &["praising"]),
        ("Don't be such a drama queen.", &["name-calling"]),
        ("Deep down you're just jealous.", &["analyzing"]),
        ("At least you still have your job.", &["reassuring"]),
        ("Why did you say that to her?", &["questioning"]),
        ("Anyway, that reminds me of my trip.", &["diverting"]),
        ("dont worry, itll be fine", &["reassuring"]),
        ("You have to understand the rules.", &["lecturing"]),
        (
            "You should just talk to her. Why didn't you?",
            &["advising", "questioning"],
        ),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn good_listening_is_not_flagged() {
    let cases: &[&str] = &[
        "Did I get that right?",
        "Is that it?",
        "Did you mean the rent, not the bills?",
        "It sounds like you felt hurt when she left.",
        "You're saying you felt alone. Is that right?",
        "Did you feel left out?",
        "I listened to you. Should we eat?",
        "Just tell me more.",
        "Do you mean the whole week?",
        "So the deadlines keep piling up, and you're exhausted. Am I right?",
        "That sounds really hard.",
        "You felt like an idiot in that meeting.",
        "What was that like for you?",
        "",
    ];
    for text in cases {
        check(text, &[]);
    }
}

#[test]
fn markers_are_reported_in_order() {
    let got: Vec<(&str, &str)> =
        find_roadblock_markers("Cheer up! You should call her, by the way.")
            .iter()
            .map(|h| (h.roadblock.kind.as_str(), h.marker))
            .collect();
    assert_eq!(
        got,
        [
            ("reassuring", "cheer up"),
            ("advising", "you should"),
            ("diverting", "by the way"),
        ]
    );
}

#[test]
fn lookup_by_kind() {
    let r = roadblock("reassuring").expect("reassuring is a roadblock");
    assert!(r.markers.iter().any(|m| m == "at least"));
    assert!(!r.instead.is_empty());
    assert!(roadblock("shouting").is_none());
}
