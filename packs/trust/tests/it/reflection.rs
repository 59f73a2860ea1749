//! Transcripts of "What trust looks like for me" (the built-in `reflection` kind).

use crate::pack;

#[test]
fn solo_writes_and_passes_the_hard_question() {
    let t = pack()
        .run("what-trust-looks-like")
        .answers(&[
            "",
            "My grandmother. She always came when she said she would.",
            "They remember small things I told them.",
            "Reply when I say I will.",
            "pass",
        ])
        .transcript();
    assert_eq!(t.matches("   journal ").count(), 3, "{t}");
    insta::assert_snapshot!("reflection_solo", t);
}

#[test]
fn pair_writes_privately_and_reveals() {
    let t = pack()
        .run("what-trust-looks-like")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "My brother, who kept my secrets.",
            "pass",
            "Turn up on time.",
            "Being let down when I was small.",
            "A teacher who believed me.",
            "When someone is curious, not judging.",
            "Keep my word on small things.",
            "pass",
            "1",
            "1",
        ])
        .transcript();
    assert!(t.contains("(private)"), "{t}");
    assert!(t.contains("## What you both answered"), "{t}");
    insta::assert_snapshot!("reflection_pair", t);
}

#[test]
fn pair_can_pause_midway() {
    let t = pack()
        .run("what-trust-looks-like")
        .pair("Ada", "Sam")
        .answers(&["", "My brother.", "pause"])
        .transcript();
    assert!(
        t.ends_with("(paused: the host keeps the session for `nearer resume`)\n"),
        "{t}"
    );
    insta::assert_snapshot!("reflection_pair_pause", t);
}
