//! Map guess transcripts: a full pair session with a pass, a declined reveal, a pause, and
//! fresh questions drawn after earlier sessions.

use std::collections::BTreeMap;

use nearer_core::PriorSession;
use nearer_pack_empathy::map_guess::{Bank, BUILTIN, CARRY_ASKED, FILE, PER_ROUND};

use crate::pack;

#[test]
fn a_full_session_counts_what_was_new() {
    let t = pack()
        .run("map-guess")
        .seed(3)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            // Ada answers in private.
            "The neighbour's car alarm, every morning at six.",
            "Painting, and long walks without my phone.",
            "Sunny spells, with a good chance of a nap.",
            // Sam guesses.
            "The printer at work.",
            "Painting more.",
            "Cloudy but bright.",
            // Both agree to look; Sam says what was new.
            "1",
            "1",
            "New to me",
            "2",
            "1",
            "",
            // Sam answers, passing on one.
            "Coffee on the balcony with the crossword.",
            "pass",
            "Toast and a big mug of tea.",
            // Ada guesses the two Sam answered.
            "Sleeping in.",
            "Pasta, obviously.",
            "1",
            "1",
            "3",
            "2",
            "",
        ])
        .transcript();
    insta::assert_snapshot!("map_guess_full", t);
}

#[test]
fn a_declined_reveal_keeps_answers_private_and_passes_are_fine() {
    let t = pack()
        .run("map-guess")
        .seed(3)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "The neighbour's car alarm.",
            "pass",
            "Foggy.",
            "The printer at work.",
            "pass",
            // Ada would rather not show.
            "2",
            "1",
            // Sam passes on all three.
            "pass",
            "pass",
            "pass",
        ])
        .transcript();
    insta::assert_snapshot!("map_guess_private_and_passes", t);
}

#[test]
fn a_pause_stops_the_session_for_later() {
    let t = pack()
        .run("map-guess")
        .seed(3)
        .pair("Ada", "Sam")
        .answers(&["", "The neighbour's car alarm.", "pause"])
        .transcript();
    insta::assert_snapshot!("map_guess_pause", t);
}

#[test]
fn questions_from_earlier_sessions_come_last() {
    let bank: Bank = nearer_core::kinds::load(FILE, BUILTIN).expect("the bank parses");
    let ids: Vec<String> = bank
        .questions
        .get_ref()
        .iter()
        .map(|q| q.id.clone())
        .collect();
    let (old, fresh) = ids.split_at(ids.len() - 2 * PER_ROUND);
    // Two earlier sessions between them asked every question but the last six.
    let prior = |asked: &[String]| PriorSession {
        finished_at: "2025-01-01T00:00:00Z".into(),
        participants: vec!["Ada".into(), "Sam".into()],
        carry: BTreeMap::from([(CARRY_ASKED.to_owned(), asked.join(","))]),
        scores: Vec::new(),
    };
    let (first, second) = old.split_at(old.len() / 2);
    let (_, last) = pack()
        .run("map-guess")
        .seed(11)
        .pair("Ada", "Sam")
        .history(vec![prior(first), prior(second)])
        .answers(&["", "pass", "pass", "pass", "pass", "pass", "pass"])
        .play();
    let outcome = last
        .and_then(|step| step.outcome().cloned())
        .expect("the session ends");
    let mut asked: Vec<String> = outcome.carry[CARRY_ASKED]
        .split(',')
        .map(str::to_owned)
        .collect();
    asked.sort();
    let mut want = fresh.to_vec();
    want.sort();
    assert_eq!(asked, want);
}
