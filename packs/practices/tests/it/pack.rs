//! The pack as a whole: its manifest, its kinds and its content files.

use nearer_core::abi::NativePack;
use nearer_core::Participants;
use nearer_pack_practices::PracticesPack;

use crate::pack;

#[test]
fn every_native_kind_is_listed_in_the_manifest_and_back() {
    let p = pack();
    let kinds = PracticesPack.kinds();
    for e in &p.manifest().exercises {
        let builtin = e.builtin_kind().is_some();
        assert!(
            builtin || kinds.contains(&e.kind.as_str()),
            "{} has kind {}",
            e.id,
            e.kind
        );
        assert!(p.exercise(&e.id).is_ok(), "{} starts", e.id);
    }
    for kind in kinds {
        assert!(
            p.manifest().exercises.iter().any(|e| e.kind == kind),
            "kind {kind} is used by an exercise"
        );
    }
    assert_eq!(p.manifest().exercises.len(), 7);
}

#[test]
fn the_manifest_says_who_each_exercise_is_for() {
    let p = pack();
    let who = |id: &str| p.manifest().exercise(id).map(|e| e.participants);
    assert_eq!(who("good-news"), Some(Participants::Pair));
    assert_eq!(who("phones-down"), Some(Participants::Pair));
    for id in [
        "feelings-check-in",
        "story-swap",
        "bid-log",
        "thank-you",
        "fondness-list",
    ] {
        assert_eq!(who(id), Some(Participants::Either), "{id}");
    }
}

#[test]
fn bad_content_is_refused_with_the_file_named() {
    let e = PracticesPack
        .create("good-news", "good-news", Some("markers = 3"))
        .err()
        .expect("bad content is refused");
    assert!(e.contains("content/good-news.toml"), "{e}");
    assert!(PracticesPack.create("no-such-kind", "x", None).is_err());
}

#[test]
fn the_version_matches_the_crate() {
    assert_eq!(
        pack().manifest().version.to_string(),
        env!("CARGO_PKG_VERSION")
    );
}
