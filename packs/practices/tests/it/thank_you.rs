//! Transcripts of the thank-you builder.

use insta::assert_snapshot;

use crate::{assert_paused, pack, play};

#[test]
fn solo_about_me_then_about_them() {
    let (t, out) = play(pack().run("thank-you").answers(&[
        "",
        "Sam",
        "Thank you for cooking on Tuesday when I came home late",
        "it saved me time",
        "Write it again",
        "how you notice when I'm worn out",
        "I could sit down and just be home",
        "Send it as a message",
        "",
    ]));
    assert_snapshot!("thank_you_solo", t);
    assert!(t.contains("This part says what you gained"), "{t}");
    let out = out.expect("finishes");
    assert_eq!(
        out.journal[0].text,
        "Sam, thank you for cooking on Tuesday when I came home late. It shows how you notice \
         when I'm worn out. It meant I could sit down and just be home."
    );
    assert_eq!(out.carry.get("focus").map(String::as_str), Some("them"));
}

#[test]
fn solo_keeps_it_as_it_is_and_passes_on_the_rest() {
    let (t, out) = play(pack().run("thank-you").answers(&[
        "",
        "pass",
        "the lift to the station",
        "that it mattered",
        "Keep it as it is",
        "pass",
        "Keep it for now",
        "",
    ]));
    assert_snapshot!("thank_you_solo_keep", t);
    let out = out.expect("finishes");
    assert_eq!(
        out.journal[0].text,
        "Thank you for the lift to the station. It shows that it mattered."
    );
    assert_eq!(out.carry.get("focus").map(String::as_str), Some("unclear"));
}

#[test]
fn solo_pass_on_the_act() {
    let (t, out) = play(pack().run("thank-you").answers(&["", "Kim", "pass", ""]));
    assert_snapshot!("thank_you_solo_pass", t);
    assert!(out.expect("finishes").journal.is_empty());
}

#[test]
fn pair_each_writes_for_the_other() {
    let (t, out) = play(pack().run("thank-you").pair("Ada", "Sam").answers(&[
        "",
        "fixing my bike before my trip",
        "that you take care of the small things nobody sees",
        "I rode off without a worry",
        "",
        "listening to me go on about work",
        "You saved me from a bad week",
        "Write it again",
        "how patient you are with me",
        "pass",
        "",
    ]));
    assert_snapshot!("thank_you_pair", t);
    assert!(t.contains("(private)"), "parts are private in pair mode");
    let out = out.expect("finishes");
    assert_eq!(out.journal.len(), 2);
    assert_eq!(out.journal[1].title, "Thank-you for Ada");
}

#[test]
fn solo_pause() {
    let (t, out) = play(pack().run("thank-you").answers(&["", "Sam", "pause"]));
    assert_snapshot!("thank_you_pause", t);
    assert_paused(&t, out.as_ref());
}
