//! Transcripts of the feelings check-in.

use insta::assert_snapshot;

use crate::{assert_paused, pack, play, prior};

#[test]
fn solo_a_word_from_the_grid() {
    let (t, out) = play(pack().run("feelings-check-in").seed(1).answers(&[
        "",
        "3",
        "1",
        "A long week and too little sleep.",
        "",
    ]));
    assert_snapshot!("check_in_solo_grid", t);
    let out = out.expect("finishes");
    assert!(out.carry.contains_key("word"));
    assert_eq!(
        out.carry.get("place").map(String::as_str),
        Some("unpleasant and calm")
    );
    assert_eq!(out.scores[0].value, 1.0, "the first word on the list");
}

#[test]
fn solo_own_word_seen_before_with_history() {
    let history = vec![
        prior(&[("word", "tired"), ("place", "unpleasant and calm")]),
        prior(&[("word", "hopeful"), ("place", "pleasant and calm")]),
        prior(&[("word", "tired"), ("place", "unpleasant and calm")]),
    ];
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .seed(2)
            .history(history)
            .answers(&["", "3", "A word of my own", "Tired", "pass", ""]),
    );
    assert_snapshot!("check_in_solo_seen_before", t);
    let out = out.expect("finishes");
    assert_eq!(out.carry.get("word").map(String::as_str), Some("tired"));
    assert_eq!(
        out.scores[0].value, 2.0,
        "tired and hopeful: two distinct words"
    );
}

#[test]
fn solo_new_word_that_sits_elsewhere_on_the_grid() {
    let history = vec![prior(&[("word", "tired")])];
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .seed(3)
            .history(history)
            .answers(&[
                "",
                "4",
                "A word of my own",
                "a bit anxious",
                "The interview tomorrow, I think.",
                "",
            ]),
    );
    assert_snapshot!("check_in_solo_new_word_elsewhere", t);
    assert!(
        t.contains("(hint) \"anxious\" is often felt as unpleasant and activated"),
        "{t}"
    );
    let out = out.expect("finishes");
    assert_eq!(out.carry.get("word").map(String::as_str), Some("anxious"));
    assert_eq!(out.scores[0].value, 2.0);
}

#[test]
fn solo_cannot_tell_then_one_axis() {
    let (t, out) = play(pack().run("feelings-check-in").seed(4).answers(&[
        "",
        "I can't tell",
        "More unpleasant",
        "Hard to say",
        "1",
        "pass",
        "",
    ]));
    assert_snapshot!("check_in_solo_one_axis", t);
    let out = out.expect("finishes");
    assert_eq!(
        out.carry.get("place").map(String::as_str),
        Some("unpleasant")
    );
}

#[test]
fn solo_passing_names_no_word_and_is_fine() {
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .seed(5)
            .answers(&["", "pass", "pass", ""]),
    );
    assert_snapshot!("check_in_solo_pass", t);
    let out = out.expect("finishes");
    assert!(out.carry.is_empty() && out.journal.is_empty());
}

#[test]
fn solo_pause() {
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .seed(1)
            .answers(&["", "2", "pause"]),
    );
    assert_snapshot!("check_in_solo_pause", t);
    assert_paused(&t, out.as_ref());
}

#[test]
fn pair_each_in_turn_then_reveal() {
    let history = vec![prior(&[("word:Ada", "proud"), ("word:Sam", "tired")])];
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .seed(6)
            .pair("Ada", "Sam")
            .history(history)
            .answers(&[
                "",
                "2",
                "1",
                "We found a flat we both like.",
                "",
                "3",
                "A word of my own",
                "tired",
                "pass",
                "",
                "1",
                "1",
            ]),
    );
    assert_snapshot!("check_in_pair", t);
    assert!(t.contains("----- hand-off to Sam -----"), "{t}");
    let out = out.expect("finishes");
    assert!(out.carry.contains_key("word:Ada"));
    assert_eq!(out.carry.get("word:Sam").map(String::as_str), Some("tired"));
    assert!(
        t.contains("What you both answered"),
        "both agreed to reveal"
    );
}

#[test]
fn pair_one_passes_and_they_keep_it_private() {
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .seed(7)
            .pair("Ada", "Sam")
            .answers(&[
                "",
                "pass",
                "pass",
                "",
                "4",
                "1",
                "Sunday with nothing planned.",
                "",
                "1",
                "2",
            ]),
    );
    assert_snapshot!("check_in_pair_pass", t);
    assert!(
        !t.contains("What you both answered"),
        "one said no, so nothing is shown"
    );
    let out = out.expect("finishes");
    assert!(!out.carry.contains_key("word:Ada"));
    assert!(out.carry.contains_key("word:Sam"));
}

#[test]
fn pair_pause() {
    let (t, out) = play(
        pack()
            .run("feelings-check-in")
            .pair("Ada", "Sam")
            .answers(&["", "1", "1", "pause"]),
    );
    assert_snapshot!("check_in_pair_pause", t);
    assert_paused(&t, out.as_ref());
}

#[test]
fn only_the_last_30_days_count_when_the_host_gives_the_start_time() {
    let at = |when: &str, word: &str| {
        let mut p = prior(&[("word", word)]);
        p.finished_at = when.into();
        p
    };
    let history = vec![
        at("2026-09-01T20:00:00Z", "hopeful"),
        at("2026-11-05T20:00:00Z", "restless"),
        at("2026-11-20T20:00:00Z", "tired"),
    ];
    let run = |started: Option<&str>| {
        let mut r = pack()
            .run("feelings-check-in")
            .seed(2)
            .history(history.clone());
        if let Some(t) = started {
            r = r.started_at(t);
        }
        play(r.answers(&["", "3", "A word of my own", "Tired", "pass", ""]))
    };
    let (windowed, out) = run(Some("2026-11-29T09:00:00Z"));
    assert!(windowed.contains("In the last 30 days"), "{windowed}");
    assert!(
        !windowed.contains("hopeful"),
        "September is outside the window:\n{windowed}"
    );
    let distinct = out.expect("finishes").scores[0].value;
    assert_eq!(distinct, 2.0, "restless and tired");
    let (all, out) = run(None);
    assert!(all.contains("So far") && all.contains("hopeful"), "{all}");
    assert_eq!(out.expect("finishes").scores[0].value, 3.0);
}
