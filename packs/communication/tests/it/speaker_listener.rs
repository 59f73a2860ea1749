//! Transcripts of the speaker-listener drill.

use crate::pack;

#[test]
fn a_full_drill_with_a_retry_and_a_rewrite() {
    let t = pack()
        .run("speaker-listener")
        .seed(3)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "1",
            "I love a slow Sunday with nowhere to be. Lately I've been tired, and I miss those days.",
            "You should plan a free Sunday soon.",
            "1",
            "2",
            "It's not about planning. I just miss feeling unhurried.",
            "Sounds like you miss feeling unhurried, and you've been tired lately. Did I get that right?",
            "",
            "5",
            "I'm excited about learning to bake bread this month.",
            "Sounds like you're excited about learning to bake bread this month.",
            "2",
            "Sounds like bread has you excited. Is that right?",
            "4",
        ])
        .transcript();
    insta::assert_snapshot!("speaker_listener_full", t);
}

#[test]
fn three_tries_then_the_drill_moves_on() {
    let t = pack()
        .run("speaker-listener")
        .seed(5)
        .pair("Noor", "Lee")
        .answers(&[
            "",
            "5",
            "our first camping trip",
            "I still laugh about the tent falling down in the rain. I was soaked but so happy.",
            "What I hear is the trip was a disaster. Right?",
            "1",
            "2",
            "It wasn't a disaster, it was the best part.",
            "Sounds like the tent falling down was the best part, and you felt happy. Is that it?",
            "",
            "3",
            "And I loved that we laughed together.",
            "Sounds like laughing together in the rain made you happy. Did I miss anything?",
            "",
            "3",
            "pass",
        ])
        .transcript();
    insta::assert_snapshot!("speaker_listener_three_tries", t);
}

#[test]
fn pass_is_gentle_at_every_turn() {
    let t = pack()
        .run("speaker-listener")
        .seed(7)
        .pair("Ada", "Sam")
        .answers(&["", "pass", "pass", "I'm glad spring is coming.", "pass"])
        .transcript();
    insta::assert_snapshot!("speaker_listener_passes", t);
}

#[test]
fn a_long_turn_gets_a_gentle_hint_then_pause() {
    let t = pack()
        .run("speaker-listener")
        .seed(11)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "3",
            "I love mornings. I wake early. I make tea. Then I read for an hour before anyone is up.",
            "",
            "pause",
        ])
        .transcript();
    insta::assert_snapshot!("speaker_listener_long_turn", t);
}

#[test]
fn pause_keeps_the_session() {
    let t = pack()
        .run("speaker-listener")
        .pair("Ada", "Sam")
        .answers(&["", "2", "pause"])
        .transcript();
    insta::assert_snapshot!("speaker_listener_pause", t);
}

#[test]
fn alone_it_says_it_needs_two() {
    let t = pack().run("speaker-listener").transcript();
    insta::assert_snapshot!("speaker_listener_solo", t);
}
