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

#[test]
fn kinds_run_over_the_json_boundary_in_both_modes() {
    use nearer_core::abi::{Dispatcher, PackRequest, PackResponse};
    use nearer_core::{Answer, SessionContext};

    let d = Dispatcher::new(Box::new(PracticesPack));
    for kind in PracticesPack.kinds() {
        for context in [
            SessionContext::solo(3),
            SessionContext::pair(3, "Ada", "Sam"),
        ] {
            let PackResponse::Created { session } = d.handle(PackRequest::Create {
                kind: kind.into(),
                exercise: kind.into(),
                content: None,
            }) else {
                panic!("{kind} is created");
            };
            let PackResponse::Step { step } = d.handle(PackRequest::Start { session, context })
            else {
                panic!("{kind} starts");
            };
            assert!(
                !step.blocks.is_empty(),
                "{kind} starts with something to read"
            );
            // A pass is always a fitting answer, whatever the first step asks.
            let next = d.handle(PackRequest::Answer {
                session,
                answer: Answer::Pass,
            });
            assert!(
                matches!(next, PackResponse::Step { .. }),
                "{kind}: {next:?}"
            );
            assert_eq!(
                d.handle(PackRequest::Drop { session }),
                PackResponse::Dropped
            );
        }
    }
}

#[test]
fn the_same_answers_replay_to_the_same_transcript() {
    let answers = [
        "",
        "2",
        "1",
        "A good walk.",
        "",
        "3",
        "1",
        "pass",
        "",
        "1",
        "1",
    ];
    let run = || {
        pack()
            .run("feelings-check-in")
            .seed(11)
            .pair("Ada", "Sam")
            .answers(&answers)
            .transcript()
    };
    assert_eq!(run(), run());
    let other_seed = pack()
        .run("feelings-check-in")
        .seed(12)
        .pair("Ada", "Sam")
        .answers(&answers)
        .transcript();
    assert_ne!(run(), other_seed, "the seed changes the words offered");
}

#[test]
fn every_snapshot_is_a_whole_session_with_no_refused_lines() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir)
        .expect("the snapshots folder exists")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let name = entry.file_name().to_string_lossy().into_owned();
        seen += 1;
        assert!(
            !text.contains("(the script ends here"),
            "{name} stops before the end"
        );
        assert!(
            !text.lines().any(|l| l.starts_with("! ")),
            "{name} has a refused line"
        );
        let ended = text.contains("== finished: ") || text.contains("(paused: ");
        assert!(ended, "{name} neither finishes nor pauses");
    }
    assert!(seen >= 30, "only {seen} snapshots");
}

#[test]
fn every_rust_file_opens_with_a_doc_line() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = 0;
    for dir in ["src", "tests/it"] {
        for entry in std::fs::read_dir(root.join(dir))
            .expect("the folder exists")
            .flatten()
        {
            let path = entry.path();
            if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                assert!(
                    text.starts_with("//! "),
                    "{} has no //! line",
                    path.display()
                );
                // Spelled in two halves so this file does not trip its own check.
                let debug_macro = concat!("dbg", "!(");
                assert!(!text.contains(debug_macro), "{} debugs", path.display());
                files += 1;
            }
        }
    }
    assert!(files >= 20, "only {files} files");
}
