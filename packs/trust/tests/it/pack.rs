//! The pack as the host sees it: a valid manifest, every kind creatable over the JSON
//! boundary, content errors that name the file and the fix, and exact replay.

use nearer_core::abi::{Dispatcher, NativePack, PackRequest, PackResponse};
use nearer_core::{Answer, Request, SessionContext};
use nearer_pack_trust::time_out::TimeOutContent;
use nearer_pack_trust::TrustPack;

use crate::pack;

#[test]
fn the_manifest_lists_five_trust_exercises_and_versions_agree() {
    let pack = pack();
    let m = pack.manifest();
    assert_eq!(m.id, "trust");
    assert_eq!(m.version.to_string(), env!("CARGO_PKG_VERSION"));
    let ids: Vec<&str> = m.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "repair-kit",
            "time-out",
            "small-promise",
            "check-in",
            "what-trust-looks-like"
        ]
    );
    assert!(m.exercises.iter().all(|e| e.component.as_str() == "trust"));
}

#[test]
fn every_native_kind_in_the_manifest_is_provided_and_starts() {
    let pack = pack();
    let kinds = TrustPack.kinds();
    for e in &pack.manifest().exercises {
        if e.builtin_kind().is_none() {
            assert!(
                kinds.contains(&e.kind.as_str()),
                "{} is not provided",
                e.kind
            );
        }
        let mut ex = pack.exercise(&e.id).expect("every exercise is created");
        let step = ex.start(&SessionContext::pair(7, "Ada", "Sam"));
        assert!(
            !step.blocks.is_empty(),
            "{} starts with something to read",
            e.id
        );
    }
}

#[test]
fn kinds_run_over_the_json_boundary() {
    let d = Dispatcher::new(Box::new(TrustPack));
    let ask = |req: PackRequest| d.handle(req);
    for kind in TrustPack.kinds() {
        let PackResponse::Created { session } = ask(PackRequest::Create {
            kind: kind.into(),
            exercise: kind.into(),
            content: None,
        }) else {
            panic!("{kind} should be created");
        };
        let PackResponse::Step { step } = ask(PackRequest::Start {
            session,
            context: SessionContext::solo(1),
        }) else {
            panic!("{kind} should start");
        };
        assert!(matches!(step.request, Request::Continue), "{kind}");
        let next = ask(PackRequest::Answer {
            session,
            answer: Answer::Continue,
        });
        assert!(
            matches!(next, PackResponse::Step { .. }),
            "{kind}: {next:?}"
        );
    }
    let unknown = ask(PackRequest::Create {
        kind: "trust-fall".into(),
        exercise: "x".into(),
        content: None,
    });
    assert!(matches!(unknown, PackResponse::Error { .. }), "{unknown:?}");
}

#[test]
fn a_too_short_break_is_refused_with_the_reason_and_the_fix() {
    let text = nearer_pack_trust::time_out::CONTENT_TEXT.replace("seconds = 1200", "seconds = 300");
    let err = TimeOutContent::parse("content/time-out.toml", &text)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.starts_with("content/time-out.toml:6:"), "{err}");
    assert!(err.contains("field `seconds`"), "{err}");
    assert!(err.contains("twenty minutes or more"), "{err}");
}

#[test]
fn bad_native_content_is_an_error_not_a_panic() {
    let err = TrustPack
        .create("small-promise", "small-promise", Some("acts = \"call\""))
        .err()
        .unwrap_or_default();
    assert!(err.contains("content/small-promise.toml"), "{err}");
    let err = TrustPack
        .create(
            "time-out",
            "time-out",
            Some("seconds = 1200\n[[cue]]\nat = 5000\ntext = \"x\""),
        )
        .err()
        .unwrap_or_default();
    assert!(err.contains("content/time-out.toml"), "{err}");
}

#[test]
fn the_same_answers_replay_to_the_same_transcript() {
    let answers = [
        "",
        "I will try to be nicer",
        "1",
        "I'll cook on Friday",
        "pass",
    ];
    let one = pack()
        .run("small-promise")
        .seed(9)
        .pair("Ada", "Sam")
        .answers(&answers)
        .transcript();
    let two = pack()
        .run("small-promise")
        .seed(9)
        .pair("Ada", "Sam")
        .answers(&answers)
        .transcript();
    assert_eq!(one, two);
}

#[test]
fn every_snapshot_is_a_whole_session_with_no_refused_lines() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/snapshots");
    let entries = std::fs::read_dir(&dir).expect("the snapshots folder exists");
    let mut seen = 0;
    for entry in entries.flatten() {
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
    assert!(seen >= 20, "only {seen} snapshots");
}
