//! Transcripts of the gentle start-up exercise.

use crate::pack;

#[test]
fn a_harsh_start_reshaped() {
    let t = pack()
        .run("gentle-start-up")
        .seed(2)
        .answers(&[
            "",
            "You never help with the dishes. Whatever, I'll do it myself like always.",
            "2",
            "",
            "I feel like you don't care",
            "2",
            "tired and a bit lonely",
            "the dishes always piling up",
            "2",
            "the dishes piling up after dinner",
            "you to stop leaving them",
            "2",
            "a hand with them on weeknights",
            "",
            "5",
        ])
        .transcript();
    insta::assert_snapshot!("gentle_start_up_full", t);
}

#[test]
fn a_gentle_start_and_own_words() {
    let t = pack()
        .run("gentle-start-up")
        .seed(4)
        .answers(&[
            "",
            "I feel anxious when plans change at the last minute, and I'd love a heads-up.",
            "5",
            "",
            "anxious",
            "plans changing on the day",
            "a text when plans change",
            "When plans change on the day, I get anxious. Could you text me when it happens?",
            "6",
        ])
        .transcript();
    insta::assert_snapshot!("gentle_start_up_gentle", t);
}

#[test]
fn passing_still_leaves_the_shape() {
    let t = pack()
        .run("gentle-start-up")
        .answers(&[
            "",
            "pass",
            "",
            "pass",
            "the late-night calls",
            "pass",
            "pass",
            "pass",
        ])
        .transcript();
    insta::assert_snapshot!("gentle_start_up_passes", t);
}

#[test]
fn passing_everything_ends_kindly() {
    let t = pack()
        .run("gentle-start-up")
        .answers(&["", "pass", "", "pass", "pass", "pass"])
        .transcript();
    insta::assert_snapshot!("gentle_start_up_nothing", t);
}

#[test]
fn pause_keeps_the_session() {
    let t = pack()
        .run("gentle-start-up")
        .answers(&["", "You're so lazy.", "pause"])
        .transcript();
    insta::assert_snapshot!("gentle_start_up_pause", t);
}
