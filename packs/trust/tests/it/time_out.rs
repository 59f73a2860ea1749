//! Transcripts of the time-out: the break itself, alone or together, first time or later.

use std::collections::BTreeMap;

use nearer_core::PriorSession;

use crate::pack;

/// An earlier time-out that carried these pause signals.
fn earlier(signals: &[(&str, &str)]) -> Vec<PriorSession> {
    vec![PriorSession {
        finished_at: "2025-03-01T20:00:00Z".into(),
        participants: vec![],
        carry: signals
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        scores: vec![],
    }]
}

#[test]
fn solo_first_time_asks_for_the_signal_and_takes_the_full_break() {
    let t = pack()
        .run("time-out")
        .answers(&[
            "",
            "Hand on my heart",
            "",
            "",
            "",
            "5",
            "That I want us to be okay.",
        ])
        .transcript();
    assert!(t.contains("(timer 1200 s, breathe in 4 s, out 6 s)"), "{t}");
    assert!(t.contains("carry signal = Hand on my heart"), "{t}");
    assert!(t.contains("score break_minutes = 20"), "{t}");
    insta::assert_snapshot!("time_out_solo_first", t);
}

#[test]
fn solo_later_remembers_the_signal_and_offers_more_time_after_an_early_return() {
    let t = pack()
        .run("time-out")
        .history(earlier(&[("signal", "Hand on my heart")]))
        .answers(&["", "", "420", "1", "", "", "2", "pass"])
        .transcript();
    assert!(
        t.contains("Your pause signal, as you wrote it before: \"Hand on my heart\"."),
        "{t}"
    );
    assert!(!t.contains("? Your pause signal"), "{t}");
    assert!(t.contains("You came back after 7 minutes."), "{t}");
    assert!(t.contains("score break_minutes = 17"), "{t}");
    assert!(t.contains("carry signal = Hand on my heart"), "{t}");
    insta::assert_snapshot!("time_out_solo_later_early", t);
}

#[test]
fn pair_with_one_signal_remembered_asks_only_the_other() {
    let t = pack()
        .run("time-out")
        .pair("Ada", "Sam")
        .history(earlier(&[("signal.Ada", "A T with my hands")]))
        .answers(&[
            "",
            "The word marmalade",
            "",
            "",
            "",
            "6",
            "I still want to hear what you meant.",
            "4",
            "I love you, even when we argue.",
        ])
        .transcript();
    assert!(t.contains("\"Ada: A T with my hands\""), "{t}");
    assert!(!t.contains("[Ada] ? Your pause signal"), "{t}");
    assert!(t.contains("[Sam] ? Your pause signal"), "{t}");
    assert!(t.contains("carry signal.Sam = The word marmalade"), "{t}");
    assert!(t.contains("go gently. You can always pause again."), "{t}");
    insta::assert_snapshot!("time_out_pair", t);
}

#[test]
fn pair_still_stirred_up_is_told_the_talk_will_keep() {
    let t = pack()
        .run("time-out")
        .pair("Ada", "Sam")
        .history(earlier(&[
            ("signal.Ada", "A T"),
            ("signal.Sam", "marmalade"),
        ]))
        .answers(&["", "", "", "", "2", "That I'm scared.", "5", "pass"])
        .transcript();
    assert!(t.contains("Still stirred up is all right."), "{t}");
    assert!(
        t.contains("At least one of you is still stirred up."),
        "{t}"
    );
    insta::assert_snapshot!("time_out_pair_stirred", t);
}

#[test]
fn solo_passing_everything_still_ends_warmly() {
    let t = pack()
        .run("time-out")
        .answers(&["", "pass", "", "pass", "", "pass", "pass"])
        .transcript();
    assert!(
        t.contains("== finished: You stopped, and you came back."),
        "{t}"
    );
    assert!(!t.contains("carry"), "{t}");
    insta::assert_snapshot!("time_out_solo_all_pass", t);
}

#[test]
fn pair_can_pause_during_the_break() {
    let t = pack()
        .run("time-out")
        .pair("Ada", "Sam")
        .answers(&["", "pass", "pass", "", "pause"])
        .transcript();
    assert!(
        t.ends_with("(paused: the host keeps the session for `nearer resume`)\n"),
        "{t}"
    );
    insta::assert_snapshot!("time_out_pair_pause", t);
}
