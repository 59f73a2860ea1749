//! Transcripts of the communication-barriers reflection (built-in `reflection` kind).

use crate::pack;

#[test]
fn solo_with_a_pass() {
    let t = pack()
        .run("communication-barriers")
        .answers(&[
            "",
            "We were both tired and I started with a complaint.",
            "I try to fix it straight away.",
            "pass",
            "Sharply, and late.",
            "Put my phone away when we talk in the evening.",
        ])
        .transcript();
    insta::assert_snapshot!("barriers_solo", t);
}

#[test]
fn pair_shows_answers_when_both_agree() {
    let t = pack()
        .run("communication-barriers")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "I was on my phone when Sam talked about work.",
            "I cheer people up too fast.",
            "pass",
            "Late, after stewing on it.",
            "Look up when Sam starts talking.",
            "We were both hungry and I snapped.",
            "I ask a lot of questions.",
            "Easier when we walk; harder after work.",
            "Sharply, then I feel bad.",
            "Say when I need a minute before talking.",
            "1",
            "1",
        ])
        .transcript();
    insta::assert_snapshot!("barriers_pair", t);
}

#[test]
fn pair_keeps_answers_private_when_one_declines() {
    let t = pack()
        .run("communication-barriers")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "pass",
            "pass",
            "pass",
            "pass",
            "Breathe first.",
            "pass",
            "pass",
            "pass",
            "pass",
            "Ask before advising.",
            "1",
            "2",
        ])
        .transcript();
    insta::assert_snapshot!("barriers_pair_private", t);
}

#[test]
fn pause_keeps_the_session() {
    let t = pack()
        .run("communication-barriers")
        .answers(&["", "pause"])
        .transcript();
    insta::assert_snapshot!("barriers_pause", t);
}
