//! Transcripts of the reachable, responsive, engaged check-in (the built-in `scale` kind).

use crate::pack;

#[test]
fn solo_rates_and_writes_a_moment_for_each() {
    let t = pack()
        .run("check-in")
        .answers(&[
            "",
            "5",
            "She put her phone down when I came in on Sunday.",
            "3",
            "pass",
            "6",
            "We laughed over dinner on Friday.",
        ])
        .transcript();
    assert!(t.contains("score reachable = 5"), "{t}");
    assert!(t.contains("score responsive = 3"), "{t}");
    assert!(t.contains("score engaged = 6"), "{t}");
    insta::assert_snapshot!("check_in_solo", t);
}

#[test]
fn pair_answers_privately_and_reveals_when_both_agree() {
    let t = pack()
        .run("check-in")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "6",
            "You answered my text within minutes on Tuesday.",
            "4",
            "pass",
            "5",
            "You asked about my mother.",
            "3",
            "You were on your laptop when I got home.",
            "pass",
            "7",
            "The walk on Saturday.",
            "1",
            "1",
        ])
        .transcript();
    assert!(t.contains("(private)"), "{t}");
    assert!(t.contains("## What you both answered"), "{t}");
    insta::assert_snapshot!("check_in_pair_reveal", t);
}

#[test]
fn pair_can_keep_answers_private() {
    let t = pack()
        .run("check-in")
        .pair("Ada", "Sam")
        .answers(&[
            "", "4", "pass", "pass", "pass", "5", "pass", "pass", "pass", "1", "2",
        ])
        .transcript();
    assert!(
        t.contains("[Ada] ? Would you like to show each other"),
        "{t}"
    );
    assert!(t.contains("You kept your answers private."), "{t}");
    assert!(!t.contains("## What you both answered"), "{t}");
    insta::assert_snapshot!("check_in_pair_private", t);
}

#[test]
fn solo_can_pause_after_the_first_rating() {
    let t = pack()
        .run("check-in")
        .answers(&["", "4", "pause"])
        .transcript();
    assert!(
        t.ends_with("(paused: the host keeps the session for `nearer resume`)\n"),
        "{t}"
    );
    insta::assert_snapshot!("check_in_solo_pause", t);
}
