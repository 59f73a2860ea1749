//! Transcripts of the fondness list.

use insta::assert_snapshot;

use crate::{assert_paused, pack, play, prior};

#[test]
fn solo_a_rule_becomes_a_moment() {
    let (t, out) = play(pack().run("fondness-list").seed(1).answers(&[
        "",
        "Sam",
        "patient",
        "He always waits for me",
        "Add to it",
        "Last Sunday he waited an hour at the station and only said he was glad I came",
        "Add another",
        "funny",
        "pass",
        "That is my list",
        "",
    ]));
    assert_snapshot!("fondness_solo", t);
    assert!(
        t.contains("That sounds like something they do often"),
        "{t}"
    );
    let out = out.expect("finishes");
    assert_eq!(
        out.carry.get("qualities").map(String::as_str),
        Some("patient; funny")
    );
    assert_eq!(out.carry.get("about").map(String::as_str), Some("Sam"));
}

#[test]
fn solo_with_earlier_lists_and_a_brief_moment_kept() {
    let history = vec![prior(&[("qualities", "patient; funny"), ("about", "Sam")])];
    let (t, out) = play(
        pack()
            .run("fondness-list")
            .seed(2)
            .history(history)
            .answers(&[
                "",
                "Sam",
                "brave",
                "the dentist",
                "Keep it as it is",
                "That is my list",
                "",
            ]),
    );
    assert_snapshot!("fondness_solo_history", t);
    assert!(t.contains("Before, you named: patient, funny."), "{t}");
    assert_eq!(out.expect("finishes").journal.len(), 1);
}

#[test]
fn solo_pass_at_once() {
    let (t, out) = play(
        pack()
            .run("fondness-list")
            .seed(3)
            .answers(&["", "pass", "pass", ""]),
    );
    assert_snapshot!("fondness_solo_pass", t);
    assert!(out.expect("finishes").journal.is_empty());
}

#[test]
fn pair_lists_for_each_other_then_reveal() {
    let (t, out) = play(
        pack()
            .run("fondness-list")
            .seed(4)
            .pair("Ada", "Sam")
            .answers(&[
                "",
                "steady",
                "When my flight was cancelled in March he found us a train within ten minutes",
                "That is my list",
                "",
                "curious",
                "On our walk yesterday she stopped to ask a farmer about his sheep",
                "That is my list",
                "",
                "Yes, show both",
                "Yes, show both",
            ]),
    );
    assert_snapshot!("fondness_pair", t);
    assert!(t.contains("What you both answered"), "{t}");
    assert!(t.contains("Now take turns reading your lists aloud"), "{t}");
    assert_eq!(out.expect("finishes").journal.len(), 2);
}

#[test]
fn pair_pause() {
    let (t, out) = play(
        pack()
            .run("fondness-list")
            .pair("Ada", "Sam")
            .answers(&["", "steady", "pause"]),
    );
    assert_snapshot!("fondness_pause", t);
    assert_paused(&t, out.as_ref());
}
