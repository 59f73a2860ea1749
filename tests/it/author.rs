//! For pack authors: a scaffolded pack checks clean, installs, and runs; `check` catches errors.

use crate::harness::Nearer;

#[test]
fn a_new_pack_checks_installs_and_runs() {
    let n = Nearer::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = dir.path().join("my-pack");
    let path = pack.to_string_lossy().into_owned();
    let created = n.ok(&["new", "my-pack", "--path", &path]);
    assert!(created.contains("created pack my-pack"), "{created}");
    assert!(n
        .ok(&["check", &path])
        .contains("pack my-pack 0.1.0 is valid: 2 exercises"));
    assert_eq!(n.install(&pack).code, 0);
    let r = n.run(
        &["run", "my-pack/check-in", "--seed", "1"],
        "\n5\nA long sleep.\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("== finished"), "{}", r.stdout);
    // A second `new` into the same folder is refused rather than overwriting.
    let again = n.run(&["new", "my-pack", "--path", &path], "");
    assert_eq!(again.code, 1);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn check_reports_content_errors_and_bad_libraries() {
    let n = Nearer::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let pack = dir.path().join("p");
    let path = pack.to_string_lossy().into_owned();
    n.ok(&["new", "p", "--path", &path]);
    std::fs::write(
        pack.join("content/check-in.toml"),
        "intro = \"Hi\"\n[[item]]\nprompt = \"x\"\n",
    )
    .expect("write content");
    let r = n.run(&["check", &path], "");
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("content/check-in.toml:"), "{}", r.stderr);
    assert!(r.stderr.contains("`id` is missing"), "{}", r.stderr);

    let abi = n.run(&["check", &n.fixture("wrong-abi").to_string_lossy()], "");
    assert_eq!(abi.code, 1);
    assert!(abi.stderr.contains("speaks ABI 99"), "{}", abi.stderr);
    let good = n.ok(&["check", &n.pack("trust").to_string_lossy()]);
    assert!(good.contains("native library loads"), "{good}");
}
