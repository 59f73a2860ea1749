//! Transcripts of the good-news round.

use insta::assert_snapshot;

use crate::{assert_paused, pack, play};

#[test]
fn a_catch_then_a_second_try_and_a_pass_on_the_swap() {
    let (t, out) = play(pack().run("good-news").pair("Ada", "Sam").answers(&[
        "",
        "I got the job at the library!",
        "That's great! But won't it mean longer hours?",
        "3",
        "Try once more",
        "Wow, tell me everything! How did they tell you?",
        "1",
        "",
        "pass",
        "",
    ]));
    assert_snapshot!("good_news_second_try", t);
    assert!(t.contains("(hint) These words point to a worry"), "{t}");
    let out = out.expect("finishes");
    assert_eq!(
        out.carry.get("felt:Ada").map(String::as_str),
        Some("active-destructive")
    );
    assert_eq!(
        out.carry.get("felt_again:Ada").map(String::as_str),
        Some("active-constructive")
    );
    assert!(!out.carry.contains_key("felt:Sam"), "Sam passed on sharing");
}

#[test]
fn the_sharers_own_label_is_recorded_not_the_guess() {
    let (t, out) = play(
        pack()
            .run("good-news")
            .seed(2)
            .pair("Ada", "Sam")
            .answers(&[
                "",
                "My sister is coming to visit next month.",
                "cool",
                "1",
                "",
                "I finished the first draft of my thesis.",
                "pass",
                "Hard to say",
                "Go on",
                "",
            ]),
    );
    assert_snapshot!("good_news_own_label", t);
    // The words read as kind but quiet; Ada heard the tone and felt otherwise.
    assert!(t.contains("These words are kind and brief"), "{t}");
    let out = out.expect("finishes");
    assert_eq!(
        out.carry.get("felt:Ada").map(String::as_str),
        Some("active-constructive")
    );
    assert!(out
        .scores
        .iter()
        .any(|s| s.name == "felt_active_constructive" && s.participant.as_deref() == Some("Ada")));
    assert!(
        !out.carry.contains_key("felt:Sam"),
        "hard to say is not recorded as a kind"
    );
}

#[test]
fn both_turn_away_and_the_hint_stays_kind() {
    let (t, _) = play(
        pack()
            .run("good-news")
            .seed(3)
            .pair("Ada", "Sam")
            .answers(&[
                "",
                "My tomatoes finally came up!",
                "Nice. Anyway, did you remember to buy milk?",
                "4",
                "Go on",
                "",
                "I ran five kilometres without stopping.",
                "I'm so proud of you! You worked so hard for this.",
                "1",
                "",
            ]),
    );
    assert_snapshot!("good_news_away_then_glad", t);
    assert!(t.contains("These words move away from the news"), "{t}");
    assert!(t.contains("These words sound glad and curious"), "{t}");
}

#[test]
fn solo_is_gently_turned_away() {
    let (t, out) = play(pack().run("good-news").answers(&[]));
    assert_snapshot!("good_news_solo", t);
    assert!(out.is_some(), "it finishes at once");
}

#[test]
fn pair_pause() {
    let (t, out) = play(pack().run("good-news").pair("Ada", "Sam").answers(&[
        "",
        "We booked the trip!",
        "pause",
    ]));
    assert_snapshot!("good_news_pause", t);
    assert_paused(&t, out.as_ref());
}
