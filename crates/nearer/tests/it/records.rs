//! Sessions in the database: answers survive SIGKILL and resume continues exactly; many
//! writers at once; forget really deletes; every file is private.

use std::fs;
use std::io::Write;

use crate::harness::{stderr, stdout, steps, TestHome};

/// The answers of one uninterrupted `dbtest/reflect` session, as JSON lines.
const REFLECT: [&str; 5] = [
    r#""continue""#,
    r#"{"text": "the first warm morning"}"#,
    r#""pass""#,
    r#"{"text": "my brother Theo"}"#,
    r#"{"text": "that I miss our walks"}"#,
];

fn lines(answers: &[&str]) -> String {
    answers.iter().map(|a| format!("{a}\n")).collect()
}

#[test]
fn sigkill_after_k_answers_keeps_them_and_resume_continues_with_the_same_step() {
    let whole = TestHome::new();
    let full = whole.ok(
        &[
            "run",
            "dbtest/reflect",
            "--seed",
            "11",
            "--name",
            "Ada",
            "--json",
        ],
        &lines(&REFLECT),
    );
    let expected = steps(&full);
    assert_eq!(expected.len(), REFLECT.len() + 1, "{full}");

    for k in 1..REFLECT.len() {
        let home = TestHome::new();
        let mut child = home.spawn(
            &[
                "run",
                "dbtest/reflect",
                "--seed",
                "11",
                "--name",
                "Ada",
                "--json",
            ],
            None,
        );
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(lines(&REFLECT[..k]).as_bytes())
            .expect("write answers");
        stdin.flush().expect("flush");
        home.wait_for("SELECT count(*) FROM answers", k as i64);
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");
        drop(stdin);

        // Every one of the k answers is in the database, in order, with the step it answers.
        let db = home.db();
        let mut stmt = db
            .prepare("SELECT seq, answer, step FROM answers ORDER BY seq")
            .expect("query");
        let rows: Vec<(i64, String, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("rows");
        assert_eq!(rows.len(), k);
        for (i, (seq, answer, step)) in rows.iter().enumerate() {
            assert_eq!(*seq, i as i64);
            let recorded: serde_json::Value = serde_json::from_str(answer).expect("json");
            let given: serde_json::Value = serde_json::from_str(REFLECT[i]).expect("json");
            assert_eq!(recorded, given, "answer {i} after kill at {k}");
            let step: serde_json::Value = serde_json::from_str(step).expect("json");
            assert_eq!(step, expected[i], "step {i} after kill at {k}");
        }
        drop(stmt);
        drop(db);
        #[cfg(unix)]
        for name in ["nearer.db", "nearer.db-wal", "nearer.db-shm"] {
            let path = home.path().join(name);
            if path.exists() {
                assert_eq!(crate::harness::mode(&path), 0o600, "{name}");
            }
        }

        // Resume shows the very step the uninterrupted run showed next, and the rest.
        let out = home.run(&["resume", "--json"], &lines(&REFLECT[k..]));
        assert!(out.status.success(), "{}", stderr(&out));
        let resumed = steps(&stdout(&out));
        assert_eq!(resumed, expected[k..], "after kill at {k}");
        assert!(stdout(&out).contains("Picking up where you left off"));
        assert_eq!(
            home.count("SELECT count(*) FROM sessions WHERE finished_at IS NOT NULL"),
            1
        );
        assert_eq!(home.count("SELECT count(*) FROM journal"), 3);
    }
}

#[test]
fn pause_and_end_of_input_keep_the_session_for_resume() {
    let home = TestHome::new();
    let out = home.ok(
        &["run", "dbtest/reflect", "--seed", "3"],
        "\nfirst line\npause\n",
    );
    assert!(out.contains("Session 1 is kept"), "{out}");
    assert!(out.contains("nearer resume 1"), "{out}");
    let out = home.ok(&["resume", "1"], "second line\n");
    assert!(out.contains("Input ended"), "{out}");
    let history = home.ok(&["history"], "");
    assert!(
        history.contains("paused after 3 answers: nearer resume 1"),
        "{history}"
    );
    // Starting the same exercise anew points back to the paused one.
    let out = home.ok(&["run", "dbtest/reflect", "--seed", "4"], "");
    assert!(
        out.contains("You paused this exercise earlier (session 1, 3 answers)"),
        "{out}"
    );
    let out = home.ok(&["resume", "1"], "third\nfourth\n");
    assert!(out.contains("finished"), "{out}");
    let out = home.run(&["resume", "1"], "");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("nothing to resume"),
        "{}",
        stderr(&out)
    );
    let journal = home.ok(&["journal"], "");
    for text in ["first line", "second line", "third", "fourth"] {
        assert!(journal.contains(text), "{text} missing:\n{journal}");
    }
}

#[test]
fn twenty_processes_writing_at_once_lose_nothing() {
    let home = TestHome::new();
    let input = lines(&REFLECT);
    let children: Vec<_> = (0..20)
        .map(|i| {
            let name = format!("P{i}");
            let seed = i.to_string();
            let mut child = home.spawn(
                &[
                    "run",
                    "dbtest/reflect",
                    "--seed",
                    &seed,
                    "--name",
                    &name,
                    "--json",
                ],
                None,
            );
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(input.as_bytes()).expect("write");
            drop(stdin);
            child
        })
        .collect();
    // Readers and an online backup at the same time must neither fail nor block the writers.
    let readers: Vec<_> = [&["history"][..], &["stats"], &["backup"], &["journal"]]
        .iter()
        .map(|args| home.spawn(args, None))
        .collect();
    for child in children.into_iter().chain(readers) {
        let out = child.wait_with_output().expect("ran");
        let err = stderr(&out);
        assert!(out.status.success(), "{err}");
        assert!(!err.contains("locked") && !err.contains("busy"), "{err}");
    }
    assert_eq!(home.count("SELECT count(*) FROM sessions"), 20);
    assert_eq!(
        home.count("SELECT count(*) FROM sessions WHERE finished_at IS NOT NULL"),
        20
    );
    assert_eq!(home.count("SELECT count(*) FROM answers"), 20 * 5);
    assert_eq!(home.count("SELECT count(*) FROM journal"), 20 * 3);
    assert_eq!(
        home.count("SELECT count(DISTINCT participants) FROM sessions"),
        20
    );
}

/// Every byte of the database's files.
fn raw_bytes(home: &TestHome) -> Vec<u8> {
    let mut all = Vec::new();
    for name in ["nearer.db", "nearer.db-wal", "nearer.db-shm"] {
        if let Ok(bytes) = fs::read(home.path().join(name)) {
            all.extend(bytes);
        }
    }
    all
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn export_then_forget_leaves_nothing_of_the_forgotten_in_the_file() {
    let home = TestHome::new();
    home.ok(
        &["run", "dbtest/reflect", "--seed", "1", "--name", "Ada"],
        "\nzebracorn sunrise\nquokka lantern\npass\npass\n",
    );
    home.ok(
        &["run", "dbtest/reflect", "--seed", "2", "--name", "Sam"],
        "\nwalrus teapot\npass\npass\npass\n",
    );
    home.ok(
        &["run", "dbtest/checkin", "--seed", "3", "--name", "Ada"],
        "\n4\npelican harmonica\n5\npass\n",
    );
    let out_file = home.path().join("export.json");
    home.ok(
        &[
            "export",
            "--format",
            "json",
            "--out",
            out_file.to_str().expect("utf-8"),
        ],
        "",
    );
    let exported = fs::read_to_string(&out_file).expect("export written");
    for word in ["zebracorn", "quokka", "walrus", "pelican"] {
        assert!(exported.contains(word), "{word} missing from the export");
    }
    #[cfg(unix)]
    assert_eq!(crate::harness::mode(&out_file), 0o600);
    let md = home.ok(&["export", "--who", "Ada"], "");
    assert!(md.contains("zebracorn") && md.contains("pelican") && !md.contains("walrus"));

    // Saying anything but yes deletes nothing.
    let out = home.ok(&["forget", "--who", "Ada"], "no\n");
    assert!(out.contains("Nothing was deleted"), "{out}");
    assert_eq!(home.count("SELECT count(*) FROM sessions"), 3);

    let out = home.ok(&["forget", "--who", "ada"], "yes\n");
    assert!(out.contains("Forgot 2 sessions"), "{out}");
    let bytes = raw_bytes(&home);
    for word in ["zebracorn", "quokka", "pelican", "sunrise", "harmonica"] {
        assert!(
            !contains(&bytes, word),
            "{word} is still in the database files"
        );
    }
    assert!(contains(&bytes, "walrus"), "the rest must remain");
    let journal = home.ok(&["journal", "--search", "zebracorn"], "");
    assert!(journal.contains("No journal entries match"), "{journal}");

    home.ok(&["forget", "--all", "--yes"], "");
    let bytes = raw_bytes(&home);
    assert!(!contains(&bytes, "walrus"));
    assert_eq!(home.count("SELECT count(*) FROM sessions"), 0);
}

#[test]
fn forget_one_session_and_one_pack() {
    let home = TestHome::new();
    home.ok(
        &["run", "dbtest/reflect", "--seed", "1"],
        "\naardvark\n\n\n\n",
    );
    home.ok(
        &["run", "dbtest/reflect", "--seed", "2"],
        "\nbadger\n\n\n\n",
    );
    let out = home.ok(&["forget", "--session", "1", "--yes"], "");
    assert!(out.contains("Forgot 1 session"), "{out}");
    assert!(!contains(&raw_bytes(&home), "aardvark"));
    assert!(contains(&raw_bytes(&home), "badger"));
    home.ok(&["forget", "--pack", "dbtest", "--yes"], "");
    assert!(!contains(&raw_bytes(&home), "badger"));
    let out = home.ok(&["forget", "--all", "--yes"], "");
    assert!(out.contains("Nothing to forget"), "{out}");
}

#[cfg(unix)]
#[test]
fn every_file_created_is_private_and_a_loose_home_is_named() {
    use crate::harness::mode;
    use std::os::unix::fs::PermissionsExt;
    let home = TestHome::new();
    home.ok(&["run", "dbtest/reflect", "--seed", "1"], "\nx\n\n\n\n");
    let md = home.path().join("out.md");
    home.ok(&["export", "--out", md.to_str().expect("utf-8")], "");
    let backup = home.path().join("copy.db");
    home.ok(&["backup", backup.to_str().expect("utf-8")], "");
    home.ok(&["backup"], "");
    assert_eq!(mode(&home.path()), 0o700);
    assert_eq!(mode(&home.db_path()), 0o600);
    assert_eq!(mode(&md), 0o600);
    assert_eq!(mode(&backup), 0o600);
    let backups = home.path().join("backups");
    assert_eq!(mode(&backups), 0o700);
    for entry in fs::read_dir(&backups).expect("backups") {
        assert_eq!(mode(&entry.expect("entry").path()), 0o600);
    }
    // The backup is a complete database.
    let copy = rusqlite::Connection::open(&backup).expect("open backup");
    let n: i64 = copy
        .query_row("SELECT count(*) FROM answers", [], |r| r.get(0))
        .expect("answers");
    assert_eq!(n, 5);

    fs::set_permissions(home.path(), fs::Permissions::from_mode(0o755)).expect("chmod");
    let out = home.run(&["history"], "");
    assert!(out.status.success());
    assert!(
        stderr(&out).contains("can be read by others") && stderr(&out).contains("chmod 700"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_newer_or_damaged_database_is_refused_and_left_alone() {
    let home = TestHome::new();
    {
        let conn = rusqlite::Connection::open(home.db_path()).expect("create");
        conn.execute_batch("PRAGMA user_version = 1000;")
            .expect("future");
    }
    let before = fs::read(home.db_path()).expect("read");
    let out = home.run(&["history"], "");
    assert!(!out.status.success());
    let err = stderr(&out);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.starts_with("error: ") && last.contains("newer nearer"),
        "{err}"
    );
    assert_eq!(fs::read(home.db_path()).expect("read"), before);

    let garbage = b"not sqlite at all ".repeat(300);
    fs::write(home.db_path(), &garbage).expect("write");
    let out = home.run(&["journal"], "");
    assert!(!out.status.success());
    let err = stderr(&out);
    let last = err.lines().last().unwrap_or_default();
    assert!(
        last.contains("is damaged") && last.contains("nearer has not changed it"),
        "{err}"
    );
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error:")).count(),
        1,
        "{err}"
    );
    assert_eq!(fs::read(home.db_path()).expect("read"), garbage);
}

/// A copy of the test pack at `version`, with the reflection's first question reworded.
fn changed_pack(dir: &std::path::Path, version: &str) -> std::path::PathBuf {
    let to = dir.join(format!("dbtest-{version}"));
    fs::create_dir_all(to.join("content")).expect("mkdir");
    let from = crate::harness::test_pack();
    let manifest = fs::read_to_string(from.join("pack.toml"))
        .expect("manifest")
        .replace("version = \"1.0.0\"", &format!("version = \"{version}\""));
    fs::write(to.join("pack.toml"), manifest).expect("write");
    let reflect = fs::read_to_string(from.join("content/reflect.toml"))
        .expect("content")
        .replace(
            "What made you smile this week?",
            "What made you laugh this week?",
        );
    fs::write(to.join("content/reflect.toml"), reflect).expect("write");
    fs::copy(
        from.join("content/checkin.toml"),
        to.join("content/checkin.toml"),
    )
    .expect("copy");
    to
}

#[test]
fn a_changed_exercise_is_named_and_an_unreplayable_session_says_so() {
    let home = TestHome::new();
    home.ok(&["run", "dbtest/reflect", "--seed", "1"], "\none\ntwo\n");
    home.ok(&["run", "dbtest/checkin", "--seed", "1"], "\n3\nx\n4\ny\n");
    let scratch = tempfile::tempdir().expect("temp");
    let newer = changed_pack(scratch.path(), "1.1.0");
    home.ok(&["pack", "install", newer.to_str().expect("utf-8")], "");

    // The unchanged exercise keeps its progress quietly; the changed one is named.
    let out = home.ok(&["run", "dbtest/checkin", "--seed", "2"], "\n3\nx\n4\ny\n");
    assert!(!out.contains("has changed"), "{out}");
    let out = home.ok(&["run", "dbtest/reflect", "--seed", "2"], "\n");
    assert!(
        out.contains("dbtest/reflect has changed since you last did it"),
        "{out}"
    );
    assert!(out.contains("1.0.0") && out.contains("1.1.0"), "{out}");

    // Session 1 was answered under the old wording: replay notices and stops, keeping it.
    let out = home.run(&["resume", "1"], "three\n");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("session 1 cannot continue"), "{err}");
    assert!(
        err.contains("asks something different at answer 2"),
        "{err}"
    );
    assert!(stdout(&out).contains("changed since this session began"));
    assert_eq!(
        home.count("SELECT count(*) FROM answers WHERE session_id = 1"),
        3
    );
}

#[test]
fn databases_of_every_earlier_schema_upgrade_with_their_data() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/fixtures");
    let mut versions = 0;
    for entry in fs::read_dir(&fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        if path.extension().and_then(|e| e.to_str()) != Some("sql") {
            continue;
        }
        versions += 1;
        let home = TestHome::new();
        {
            let conn = rusqlite::Connection::open(home.db_path()).expect("create");
            conn.execute_batch(&fs::read_to_string(&path).expect("sql"))
                .expect("old schema");
        }
        let history = home.ok(&["history"], "");
        assert!(
            history.contains("Ada & Sam"),
            "{}: {history}",
            path.display()
        );
        assert!(history.contains("nearer resume 2"), "{history}");
        let journal = home.ok(&["journal", "--search", "swallow"], "");
        assert!(
            journal.contains("the first swallow of the year"),
            "{journal}"
        );
        let export = home.ok(&["export", "--format", "json"], "");
        assert!(export.contains("tea on the balcony"), "{export}");
        let backups: Vec<_> = fs::read_dir(home.path().join("backups"))
            .expect("a backup was made before upgrading")
            .collect();
        assert_eq!(backups.len(), 1);
    }
    assert!(
        versions >= 1,
        "no schema fixtures in {}",
        fixtures.display()
    );
}
