//! Transcripts of phones down.

use insta::assert_snapshot;

use crate::{assert_paused, pack, play, prior};

#[test]
fn both_phones_away_two_topics_and_ratings() {
    let (t, out) = play(
        pack()
            .run("phones-down")
            .seed(1)
            .pair("Ada", "Sam")
            .answers(&["1", "", "2", "1", "5", "6"]),
    );
    assert_snapshot!("phones_down_full", t);
    assert!(t.contains("(timer 120 s, breathe in 4 s, out 6 s)"), "{t}");
    let out = out.expect("finishes");
    let presence: Vec<f64> = out
        .scores
        .iter()
        .filter(|s| s.name == "presence")
        .map(|s| s.value)
        .collect();
    assert_eq!(presence, [5.0, 6.0]);
    assert_eq!(out.journal.len(), 2);
}

#[test]
fn one_phone_stays_on_the_pacer_is_skipped_and_a_rating_passed() {
    let history = vec![prior(&[]), prior(&[])];
    let (t, out) = play(
        pack()
            .run("phones-down")
            .seed(2)
            .pair("Ada", "Sam")
            .history(history)
            .answers(&["One has to stay on", "pass", "1", "pass", "7"]),
    );
    assert_snapshot!("phones_down_pass", t);
    assert!(t.contains("phones-down time number 3"), "{t}");
    let out = out.expect("finishes");
    assert_eq!(out.scores.len(), 1, "Ada passed on the rating");
}

#[test]
fn solo_is_gently_turned_away() {
    let (t, out) = play(pack().run("phones-down").answers(&[]));
    assert_snapshot!("phones_down_solo", t);
    assert!(out.is_some());
}

#[test]
fn pair_pause_during_the_pacer() {
    let (t, out) = play(
        pack()
            .run("phones-down")
            .pair("Ada", "Sam")
            .answers(&["1", "pause"]),
    );
    assert_snapshot!("phones_down_pause", t);
    assert_paused(&t, out.as_ref());
}
