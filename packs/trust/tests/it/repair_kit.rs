//! Transcripts of the repair kit: both write privately, agree a break, choose to reveal.

use crate::pack;

#[test]
fn pair_writes_agrees_and_reveals() {
    let t = pack()
        .run("repair-kit")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "I can hear you're upset. I'm still here.",
            "Let me start again, more slowly.",
            "We are on the same side.",
            "A hand flat on my chest",
            "Can we slow down? I want to get this right.",
            "I think part of this is mine.",
            "pass",
            "The word 'marmalade'",
            "2",
            "",
            "1",
            "1",
        ])
        .transcript();
    insta::assert_snapshot!("repair_kit_pair_reveal", t);
}

#[test]
fn pair_passes_some_and_keeps_them_private() {
    let t = pack()
        .run("repair-kit")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "Can we try that again?",
            "pass",
            "pass",
            "A T with my hands",
            "pass",
            "I'm sorry, that came out harsh.",
            "pass",
            "pass",
            "pass",
            "",
            "1",
            "2",
        ])
        .transcript();
    assert!(
        t.contains("a pause signal only works if the other person knows it"),
        "{t}"
    );
    assert!(t.contains("carry break_minutes = 20"), "{t}");
    assert!(t.contains("carry signal.Ada = A T with my hands"), "{t}");
    assert!(!t.contains("carry signal.Sam"), "{t}");
    insta::assert_snapshot!("repair_kit_pair_private", t);
}

#[test]
fn pair_that_passes_everything_is_met_gently() {
    let t = pack()
        .run("repair-kit")
        .pair("Ada", "Sam")
        .answers(&[
            "", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "pass", "4", "",
        ])
        .transcript();
    assert!(
        t.contains("Nothing written this time, and that is fine."),
        "{t}"
    );
    assert!(!t.contains("Would you like to show each other"), "{t}");
    insta::assert_snapshot!("repair_kit_pair_all_pass", t);
}

#[test]
fn pair_can_pause_midway() {
    let t = pack()
        .run("repair-kit")
        .pair("Ada", "Sam")
        .answers(&["", "Can we slow down?", "pause"])
        .transcript();
    assert!(
        t.ends_with("(paused: the host keeps the session for `nearer resume`)\n"),
        "{t}"
    );
    insta::assert_snapshot!("repair_kit_pair_pause", t);
}
