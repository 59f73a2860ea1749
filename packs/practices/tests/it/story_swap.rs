//! Transcripts of the story swap (the built-in prompts kind).

use insta::assert_snapshot;

use crate::{assert_paused, pack, play};

#[test]
fn solo_both_tiers_with_a_pass() {
    let (t, out) = play(pack().run("story-swap").seed(1).answers(&[
        "4",
        "My little brother at his first swimming race, finishing last and grinning.",
        "pass",
        "Mrs Okafor next door, who said I had a good eye and lent me her camera.",
        "Yes, go on",
        "My first winter in the new flat, soup on the stove and nobody to please.",
        "pass",
        "5",
    ]));
    assert_snapshot!("story_swap_solo", t);
    let out = out.expect("finishes");
    assert_eq!(out.journal.len(), 3);
}

#[test]
fn solo_stops_before_the_harder_stories() {
    let (t, out) = play(pack().run("story-swap").seed(2).answers(&[
        "3",
        "Dad sneezed at the wedding, in the quietest moment of the vows.",
        "Changing a tyre in the rain, twice, because I did it wrong the first time.",
        "My friend Lena reading her poem aloud at the library.",
        "Stop here for today",
        "4",
    ]));
    assert_snapshot!("story_swap_solo_stop", t);
    assert!(out
        .expect("finishes")
        .summary
        .contains("stopped where it felt right"));
}

#[test]
fn pair_take_turns() {
    let (t, out) = play(
        pack()
            .run("story-swap")
            .seed(3)
            .pair("Ada", "Sam")
            .answers(&[
                "3",
                "4",
                "My sister's first show at the little gallery on Mill Street.",
                "Dad learning to read music at sixty.",
                "Asking for a raise with my hands shaking under the table.",
                "pass",
                "The school play where the curtain fell on the lead.",
                "A goat ate my map on a hike in Wales.",
                "1",
                "Singing at my grandmother's funeral without my voice breaking.",
                "Running the half marathon after swearing I never would.",
                "pass",
                "pass",
                "5",
                "6",
            ]),
    );
    assert_snapshot!("story_swap_pair", t);
    assert!(t.contains("----- hand-off to Sam -----"), "{t}");
    assert!(out.is_some());
}

#[test]
fn pair_pause() {
    let (t, out) = play(
        pack()
            .run("story-swap")
            .pair("Ada", "Sam")
            .answers(&["3", "4", "pause"]),
    );
    assert_snapshot!("story_swap_pause", t);
    assert_paused(&t, out.as_ref());
}
