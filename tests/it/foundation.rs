//! The foundation: install a built pack, list it, run its exercises through a pipe and JSON,
//! and get clear errors for bad input.

use crate::harness::Nearer;

#[test]
fn installed_trust_exercises_are_listed() {
    let n = Nearer::new();
    let r = n.install(&n.pack("trust"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("installed trust 1.0.0"),
        "{}",
        r.stdout
    );
    let list = n.ok(&["list"]);
    for id in ["trust/repair-kit", "trust/small-promise", "trust/check-in"] {
        assert!(list.contains(id), "{id} missing from:\n{list}");
    }
    let json: serde_json::Value =
        serde_json::from_str(&n.ok(&["list", "--json"])).expect("list --json is JSON");
    assert!(json.as_array().is_some_and(|a| a.len() >= 3));
    // A second install of the same files changes nothing.
    let again = n.install(&n.pack("trust"));
    assert!(
        again.stdout.starts_with("already installed"),
        "{}",
        again.stdout
    );
}

#[test]
fn a_builtin_exercise_runs_through_a_pipe() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    let r = n.run(
        &["run", "trust/check-in", "--seed", "1"],
        "\n4\nWhen I called from the station.\n5\npass\n6\nSunday breakfast.\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    insta::assert_snapshot!(r.stdout);
}

#[test]
fn a_native_pair_exercise_runs_through_a_pipe_after_the_safety_question() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    let script = "\n1\n1\n\nI'll cook dinner on Thursday.\nI will walk with you on Saturday morning.\n\n\n\n\n\n";
    let r = n.run(
        &[
            "run",
            "trust/small-promise",
            "--pair",
            "Ada,Sam",
            "--seed",
            "3",
        ],
        script,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    insta::assert_snapshot!(r.stdout);
    // The pair said no to the safety question: it is not asked again.
    let second = n.run(
        &[
            "run",
            "trust/small-promise",
            "--pair",
            "Sam,Ada",
            "--seed",
            "3",
        ],
        "",
    );
    assert!(!second.stdout.contains("afraid"), "{}", second.stdout);
}

#[test]
fn a_yes_to_the_safety_question_suggests_solo_and_shows_help() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    let r = n.run(
        &["run", "trust/small-promise", "--pair", "Ada,Sam"],
        "\n1\n2\n",
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("without --pair"), "{}", r.stdout);
    assert!(r.stdout.contains("988"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("Small promise"),
        "the pair exercise must not start:\n{}",
        r.stdout
    );
}

#[test]
fn json_mode_speaks_one_object_per_line() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    let last = n.complete_json("trust/check-in", false, 50);
    assert!(last["request"]["finish"]["summary"].is_string(), "{last}");
}

#[test]
fn bad_input_gets_one_clear_error_and_a_nonzero_exit() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    let cases: &[(&[&str], i32, &str)] = &[
        (&["run", "trust/nothing"], 1, "has no exercise \"nothing\""),
        (&["run", "nope"], 1, "is not PACK/EXERCISE"),
        (&["run", "ghost/x"], 1, "no pack \"ghost\" is installed"),
        (&["run", "trust/small-promise"], 1, "add --pair NAME,NAME"),
        (
            &["run", "trust/check-in", "--pair", "Ada"],
            1,
            "two different names",
        ),
        (&["pack", "remove", "ghost"], 1, "no pack \"ghost\""),
        (&["frobnicate"], 2, "unrecognized subcommand"),
    ];
    for (args, code, needle) in cases {
        let r = n.run(args, "");
        assert_eq!(r.code, *code, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with("error:"), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(needle), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn a_broken_pack_folder_is_refused_with_file_and_line() {
    let n = Nearer::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let manifest = std::fs::read_to_string(n.pack("trust").join("pack.toml"))
        .expect("staged manifest")
        .replace("host = \"^1.0\"", "host = \"*\"");
    std::fs::write(dir.path().join("pack.toml"), manifest).expect("write manifest");
    let r = n.install(dir.path());
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("pack.toml:"), "{}", r.stderr);
    assert!(r.stderr.contains("field `host`"), "{}", r.stderr);
    assert!(!n.ok(&["pack", "list"]).contains("trust"));
}

#[test]
fn removing_a_pack_removes_its_exercises() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    assert!(n.ok(&["pack", "remove", "trust"]).contains("removed trust"));
    assert!(!n.ok(&["list"]).contains("trust/"));
}

#[test]
fn first_run_greets_once_and_says_it_is_not_therapy() {
    let n = Nearer::new();
    let first = n.ok(&[]);
    assert!(first.contains("It is not therapy"), "{first}");
    let second = n.ok(&[]);
    assert!(!second.contains("It is not therapy"), "{second}");
    assert!(n.ok(&["help-now"]).contains("112"));
}

#[test]
fn completions_and_the_man_page_come_from_the_cli() {
    let n = Nearer::new();
    let bash = n.ok(&["completions", "bash"]);
    assert!(
        bash.contains("_nearer()") && bash.contains("help-now"),
        "{bash}"
    );
    let man = n.ok(&["man"]);
    assert!(man.contains(".TH nearer 1"), "{man}");
}

#[test]
fn forget_all_also_forgets_the_safety_answers() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    let args = [
        "run",
        "trust/small-promise",
        "--pair",
        "Ada,Sam",
        "--seed",
        "3",
    ];
    let first = n.run(&args, "\n1\n1\n");
    assert!(first.stdout.contains("afraid"), "{}", first.stdout);
    // One line is enough to get past the question's introduction, were it asked.
    assert!(!n.run(&args, "\n").stdout.contains("afraid"));
    let forgot = n.ok(&["forget", "--all", "--yes"]);
    assert!(forgot.contains("safety question"), "{forgot}");
    let third = n.run(&args, "\n");
    assert!(
        third.stdout.contains("afraid"),
        "not asked again after forget:\n{}{}",
        third.stdout,
        third.stderr
    );
}

#[test]
fn private_answers_nobody_revealed_stay_out_of_the_shared_journal_and_export() {
    let n = Nearer::new();
    n.install(&n.pack("trust"));
    // Safety question, intro, four private prompts each, then Ada agrees to reveal, Sam not.
    let script = "\n1\n1\n\nada-one\nada-two\nada-three\nada-four\nsam-one\nsam-two\nsam-three\nsam-four\n1\n2\n";
    let r = n.run(
        &[
            "run",
            "trust/what-trust-looks-like",
            "--pair",
            "Ada,Sam",
            "--seed",
            "1",
        ],
        script,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("== finished"), "{}", r.stdout);
    assert!(
        !r.stdout.contains("Ada: ada-one"),
        "nothing is revealed:\n{}",
        r.stdout
    );

    let shared = n.ok(&["journal"]);
    assert!(
        !shared.contains("ada-one") && !shared.contains("sam-one"),
        "{shared}"
    );
    assert!(
        shared.contains("8 private entries are not shown"),
        "{shared}"
    );

    let own = n.ok(&["journal", "--who", "Ada"]);
    assert!(
        own.contains("ada-one") && own.contains("(Ada, private)"),
        "{own}"
    );
    assert!(!own.contains("sam-one"), "{own}");

    let export = n.ok(&["export", "--format", "json"]);
    assert!(
        !export.contains("ada-one") && !export.contains("sam-one"),
        "{export}"
    );
    let ada = n.ok(&["export", "--format", "json", "--who", "Ada"]);
    assert!(ada.contains("ada-one") && !ada.contains("sam-one"), "{ada}");
}
