//! Transcripts of the bid log.

use insta::assert_snapshot;

use crate::{assert_paused, pack, play, prior};

#[test]
fn solo_first_log() {
    let (t, out) = play(pack().run("bid-log").answers(&[
        "",
        "Sam held out his phone to show me a photo of a dog.",
        "1",
        "Add another",
        "Mum sighed about her knee while I was reading.",
        "2",
        "That is all for today",
        "",
    ]));
    assert_snapshot!("bid_log_solo_first", t);
    let out = out.expect("finishes");
    assert_eq!(out.carry.get("toward").map(String::as_str), Some("1"));
    assert_eq!(out.carry.get("away").map(String::as_str), Some("1"));
    assert_eq!(out.journal.len(), 2);
}

#[test]
fn solo_a_lower_day_is_met_kindly() {
    let history = vec![
        prior(&[("toward", "3"), ("away", "1")]),
        prior(&[("toward", "4"), ("away", "0")]),
    ];
    let (t, out) = play(pack().run("bid-log").history(history).answers(&[
        "",
        "Sam asked if I wanted tea.",
        "Turned against: I answered with irritation",
        "Add another",
        "A text from my brother with a joke.",
        "pass",
        "Add another",
        "Sam started telling me about his day.",
        "2",
        "2",
        "",
    ]));
    assert_snapshot!("bid_log_solo_lower", t);
    assert!(
        t.contains("a smaller share than in your recent sessions"),
        "{t}"
    );
    assert!(!t.to_lowercase().contains("should"), "never scolds");
    let out = out.expect("finishes");
    assert_eq!(out.carry.get("against").map(String::as_str), Some("1"));
    assert_eq!(out.journal.len(), 3);
}

#[test]
fn solo_nothing_today() {
    let (t, out) = play(pack().run("bid-log").answers(&["", "pass", ""]));
    assert_snapshot!("bid_log_solo_pass", t);
    let out = out.expect("finishes");
    assert!(out.carry.is_empty());
}

#[test]
fn pair_each_logs_with_their_own_trend() {
    let history = vec![prior(&[
        ("toward:Ada", "1"),
        ("away:Ada", "1"),
        ("toward:Sam", "2"),
    ])];
    let (t, out) = play(
        pack()
            .run("bid-log")
            .pair("Ada", "Sam")
            .history(history)
            .answers(&[
                "",
                "Sam read me a line from his book.",
                "1",
                "2",
                "",
                "Ada asked how the meeting went.",
                "1",
                "2",
                "",
            ]),
    );
    assert_snapshot!("bid_log_pair", t);
    let out = out.expect("finishes");
    assert_eq!(out.carry.get("toward:Ada").map(String::as_str), Some("1"));
    assert_eq!(out.carry.get("toward:Sam").map(String::as_str), Some("1"));
    assert!(
        t.contains("That is a larger share than in your recent sessions."),
        "Ada went up"
    );
    assert!(
        t.contains("That is about the same as in your recent sessions."),
        "Sam stayed"
    );
}

#[test]
fn pair_pause() {
    let (t, out) = play(
        pack()
            .run("bid-log")
            .pair("Ada", "Sam")
            .answers(&["", "pause"]),
    );
    assert_snapshot!("bid_log_pause", t);
    assert_paused(&t, out.as_ref());
}
