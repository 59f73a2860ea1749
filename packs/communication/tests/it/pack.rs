//! The manifest and the native library agree, and unknown kinds are refused with a fix.

use nearer_core::abi::NativePack;
use nearer_core::kinds::BuiltinKind;
use nearer_pack_communication::CommunicationPack;

use crate::pack;

#[test]
fn every_exercise_has_a_kind_the_pack_or_core_provides() {
    let pack = pack();
    let native = CommunicationPack.kinds();
    for e in &pack.manifest().exercises {
        assert!(
            native.contains(&e.kind.as_str()) || BuiltinKind::from_name(&e.kind).is_some(),
            "{} has kind {}",
            e.id,
            e.kind
        );
        assert!(pack.exercise(&e.id).is_ok(), "{} starts", e.id);
    }
    for kind in native {
        assert!(
            pack.manifest().exercises.iter().any(|e| e.kind == kind),
            "native kind {kind} is used by an exercise"
        );
    }
}

#[test]
fn an_unknown_kind_is_refused_with_the_known_ones() {
    let Err(message) = CommunicationPack.create("shouting-match", "x", None) else {
        panic!("an unknown kind should be refused");
    };
    assert!(message.contains("speaker-listener"), "{message}");
}

#[test]
fn the_versions_agree() {
    assert_eq!(
        pack().manifest().version.to_string(),
        env!("CARGO_PKG_VERSION")
    );
}

#[test]
fn a_drill_runs_across_the_json_boundary() {
    use nearer_core::abi::{Dispatcher, PackRequest, PackResponse};
    use nearer_core::SessionContext;

    let d = Dispatcher::new(Box::new(CommunicationPack));
    let PackResponse::Kinds { kinds } = d.handle(PackRequest::Kinds) else {
        panic!("the pack lists its kinds");
    };
    assert_eq!(kinds.len(), 3);
    let PackResponse::Created { session } = d.handle(PackRequest::Create {
        kind: "speaker-listener".into(),
        exercise: "speaker-listener".into(),
        content: None,
    }) else {
        panic!("a drill is created");
    };
    let PackResponse::Step { step } = d.handle(PackRequest::Start {
        session,
        context: SessionContext::pair(4, "Ada", "Sam"),
    }) else {
        panic!("the drill starts");
    };
    assert!(step
        .blocks
        .iter()
        .any(|b| matches!(b, nearer_core::Block::Warning(_))));
}
