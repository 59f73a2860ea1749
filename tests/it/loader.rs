//! Native libraries that must be refused, or survived, each with its own clear error, while
//! nearer goes on working.

use crate::harness::Nearer;

/// Installs `dir`, runs its exercise, and returns stderr; then checks nearer still works.
fn refused(n: &Nearer, dir: &std::path::Path, exercise: &str) -> String {
    let r = n.install(dir);
    assert_eq!(r.code, 0, "the fixture installs: {}", r.stderr);
    let run = n.run(&["run", exercise], "");
    assert_eq!(
        run.code, 1,
        "{exercise} must fail: {}{}",
        run.stdout, run.stderr
    );
    assert!(run.stderr.starts_with("error:"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 1, "one line: {}", run.stderr);
    assert!(!run.stderr.contains("panicked at"), "{}", run.stderr);
    // The host goes on working: listing and a built-in exercise still run.
    assert!(n.ok(&["list"]).contains("trust/check-in"));
    let ok = n.run(
        &["run", "trust/check-in", "--seed", "1"],
        "\n1\n\n1\n\n1\n\n",
    );
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    run.stderr
}

fn world() -> Nearer {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    n
}

#[test]
fn a_library_without_the_entry_symbol() {
    let n = world();
    let err = refused(&n, &n.fixture("no-entry"), "fixture-no-entry/boom");
    assert!(err.contains("does not export `nearer_pack_v1`"), "{err}");
}

#[test]
fn a_library_with_the_wrong_abi() {
    let n = world();
    let err = refused(&n, &n.fixture("wrong-abi"), "fixture-wrong-abi/boom");
    assert!(err.contains("speaks ABI 99"), "{err}");
}

#[test]
fn a_library_built_against_an_incompatible_api() {
    let n = world();
    let err = refused(&n, &n.fixture("old-api"), "fixture-old-api/boom");
    assert!(err.contains("built against pack API 0.3.0"), "{err}");
}

#[test]
fn a_library_that_panics_inside_call() {
    let n = world();
    let err = refused(&n, &n.fixture("panics"), "fixture-panics/boom");
    assert!(
        err.contains("the pack panicked: this fixture always panics"),
        "{err}"
    );
}

#[test]
fn a_pack_that_aborts_costs_only_its_process() {
    let n = world();
    let err = refused(&n, &n.fixture("aborts"), "fixture-aborts/boom");
    assert!(
        err.contains("pack fixture-aborts stopped unexpectedly"),
        "{err}"
    );
}

#[test]
fn a_pack_that_never_answers_is_stopped() {
    let n = world();
    n.install(&n.fixture("hangs"));
    let started = std::time::Instant::now();
    let mut cmd = n.command();
    cmd.args(["run", "fixture-hangs/boom"])
        .env("NEARER_PACK_TIMEOUT_SECS", "1");
    let r: crate::harness::Run = cmd.output().expect("nearer runs").into();
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("did not answer within 1 s"),
        "{}",
        r.stderr
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
    assert!(n.ok(&["list"]).contains("trust/check-in"));
}

#[test]
fn in_process_mode_still_reports_a_panic() {
    let n = world();
    n.install(&n.fixture("panics"));
    let r = n.run(&["run", "fixture-panics/boom", "--in-process"], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("the pack panicked"), "{}", r.stderr);
}

#[test]
fn a_file_that_is_not_a_library() {
    let n = world();
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&n.fixture("panics"), dir.path());
    let lib = find_library(dir.path());
    std::fs::write(&lib, "this is not a shared library\n").expect("overwrite the library");
    let err = refused(&n, dir.path(), "fixture-panics/boom");
    assert!(err.contains("is not a loadable library"), "{err}");
}

#[test]
fn a_library_changed_after_install_fails_its_checksum() {
    let n = world();
    let installed = n.home().join("packs/trust/1.0.0");
    let lib = find_library(&installed);
    let mut bytes = std::fs::read(&lib).expect("read library");
    bytes.extend_from_slice(b"tampered");
    std::fs::write(&lib, bytes).expect("tamper");
    let r = n.run(&["run", "trust/repair-kit", "--pair", "Ada,Sam"], "");
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("does not match the checksum"),
        "{}",
        r.stderr
    );
}

fn find_library(dir: &std::path::Path) -> std::path::PathBuf {
    let lib_root = dir.join("lib");
    let target = std::fs::read_dir(&lib_root)
        .expect("lib/ exists")
        .flatten()
        .next()
        .expect("one target folder")
        .path();
    std::fs::read_dir(target)
        .expect("target folder readable")
        .flatten()
        .next()
        .expect("one library")
        .path()
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).expect("create");
    for entry in std::fs::read_dir(from).expect("read").flatten() {
        let dest = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).expect("copy");
        }
    }
}
