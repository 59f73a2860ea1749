//! The manifest and the native library agree, and bad content is reported by file and line.

use nearer_core::abi::NativePack;
use nearer_pack_empathy::EmpathyPack;

use crate::pack;

#[test]
fn every_native_exercise_kind_is_served_and_every_kind_is_used() {
    let p = pack();
    let kinds = EmpathyPack.kinds();
    for e in &p.manifest().exercises {
        if e.builtin_kind().is_none() {
            assert!(
                kinds.contains(&e.kind.as_str()),
                "{} has no native kind",
                e.id
            );
        }
        assert!(p.exercise(&e.id).is_ok(), "{} starts", e.id);
    }
    for k in kinds {
        assert!(
            p.manifest().exercises.iter().any(|e| e.kind == k),
            "{k} is unused"
        );
    }
}

#[test]
fn the_manifest_version_matches_the_crate() {
    assert_eq!(
        pack().manifest().version.to_string(),
        env!("CARGO_PKG_VERSION")
    );
}

#[test]
fn content_passed_by_the_host_is_used_and_checked() {
    let broken =
        "[[question]]\nid = \"only-one\"\nask = \"How are you?\"\nguess = \"How is {name}?\"\n";
    let err = EmpathyPack
        .create("map-guess", "map-guess", Some(broken))
        .err()
        .expect("a bank of one question is refused");
    assert!(err.contains("content/map-guess.toml"), "{err}");
    assert!(err.contains("at least 6"), "{err}");
    let typo = "phrases = [\"i felt\"]\nextra_word = [\"fear\"]\n";
    let err = EmpathyPack
        .create("feeling-guess", "feeling-guess", Some(typo))
        .err()
        .expect("an unknown field is refused");
    assert!(err.contains("content/feeling-guess.toml:2"), "{err}");
    assert!(EmpathyPack.create("nope", "nope", None).is_err());
}
