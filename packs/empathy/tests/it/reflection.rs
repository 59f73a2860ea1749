//! From-their-side reflection transcripts: solo only, with a pass, and with a pause.

use crate::pack;

#[test]
fn a_solo_reflection_with_a_pass() {
    let t = pack()
        .run("empathy-reflection")
        .answers(&[
            "",
            "I asked Sam about the weekend and got a one-word answer, then Sam went to bed early.",
            "A long week, and maybe the call with the bank that I forgot about.",
            "pass",
            "Some quiet, and not a plan to make right then.",
            "I could ask how the week has really been, tomorrow at breakfast.",
        ])
        .transcript();
    insta::assert_snapshot!("reflection_solo", t);
}

#[test]
fn a_solo_reflection_paused_midway() {
    let t = pack()
        .run("empathy-reflection")
        .answers(&["", "My sister hung up quickly when I called.", "pause"])
        .transcript();
    insta::assert_snapshot!("reflection_pause", t);
}

#[test]
fn pair_exercises_run_alone_say_so_kindly() {
    for id in ["map-guess", "feeling-guess", "support-talk"] {
        let t = pack().run(id).answers(&[]).transcript();
        assert!(t.contains("is for two people"), "{id}: {t}");
        assert!(t.contains("== finished:"), "{id}: {t}");
    }
}
