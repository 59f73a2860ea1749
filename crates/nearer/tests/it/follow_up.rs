//! What earlier sessions recorded reaches the next session of the same exercise: the trust
//! pack's small promise looks back at last time's promise. Needs the staged native packs
//! (`cargo xtask test` sets `NEARER_STAGED_PACKS`); skipped without them.

use std::io::{BufRead, BufReader, Write};

use serde_json::{json, Value};

use crate::harness::{stderr, TestHome};

/// An answer that fits `request` and moves the exercise on.
fn answer_for(request: &Value) -> Value {
    if request == "continue" {
        return json!("continue");
    }
    if request.get("text").is_some() {
        return json!({"text": "I will cook dinner for us on Friday at seven."});
    }
    if let Some(choice) = request.get("choice") {
        let options = choice["options"].as_array().cloned().unwrap_or_default();
        let keep = options.iter().position(|o| o == "Keep it as it is");
        return json!({"choice": keep.unwrap_or(0)});
    }
    if let Some(scale) = request.get("scale") {
        return json!({"scale": scale["min"]});
    }
    if request.get("timer").is_some() {
        return json!({"timer": {"elapsed": 0}});
    }
    panic!("unexpected request {request}");
}

/// Runs `args --json`, answering every step, and returns every step shown.
fn complete(home: &TestHome, args: &[&str]) -> Vec<Value> {
    let mut child = home.spawn(args, None);
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let mut shown = Vec::new();
    for line in BufReader::new(stdout).lines() {
        let line = line.expect("a line");
        let value: Value = serde_json::from_str(&line).expect("JSON lines");
        assert!(value.get("error").is_none(), "{value}");
        let Some(step) = value.get("step") else {
            continue;
        };
        shown.push(step.clone());
        if step["request"].get("finish").is_some() {
            break;
        }
        let answer = answer_for(&step["request"]);
        writeln!(stdin, "{answer}").expect("answer");
    }
    drop(stdin);
    let out = child.wait_with_output().expect("ran");
    assert!(out.status.success(), "{}", stderr(&out));
    shown
}

#[test]
fn the_small_promise_looks_back_at_last_times_promise() {
    let Some(staged) = std::env::var_os("NEARER_STAGED_PACKS") else {
        eprintln!("skipped: NEARER_STAGED_PACKS is not set (run `cargo xtask test`)");
        return;
    };
    let trust = std::path::Path::new(&staged).join("trust");
    let home = TestHome::new();
    home.ok(
        &[
            "pack",
            "install",
            "--allow-unsigned",
            trust.to_str().expect("utf-8"),
        ],
        "",
    );
    let args = [
        "run",
        "trust/small-promise",
        "--pair",
        "Ada,Sam",
        "--seed",
        "5",
        "--json",
    ];
    let first = complete(&home, &args);
    let text = serde_json::to_string(&first).expect("json");
    assert!(text.contains("This is your first time here"), "{text}");
    let second = complete(&home, &args);
    let text = serde_json::to_string(&second).expect("json");
    assert!(text.contains("Last time, you promised"), "{text}");
    assert!(text.contains("cook dinner for us on Friday"), "{text}");
    // Another pair starts afresh: a promise made to Sam is not shown with Bo.
    let other = complete(
        &home,
        &[
            "run",
            "trust/small-promise",
            "--pair",
            "Bo,Ada",
            "--seed",
            "5",
            "--json",
        ],
    );
    let text = serde_json::to_string(&other).expect("json");
    assert!(text.contains("This is your first time here"), "{text}");
    assert!(!text.contains("Last time, you promised"), "{text}");
    assert_eq!(
        home.count("SELECT count(*) FROM sessions WHERE finished_at IS NOT NULL"),
        3
    );
}

/// Starts `args --json`, gives `k` answers, waits until they are in the database, then kills
/// the process with SIGKILL.
fn kill_after(home: &TestHome, args: &[&str], k: usize, already: i64) {
    let mut child = home.spawn(args, None);
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let mut given = 0;
    for line in BufReader::new(stdout).lines() {
        let value: Value = serde_json::from_str(&line.expect("a line")).expect("JSON lines");
        let Some(step) = value.get("step") else {
            continue;
        };
        assert!(
            step["request"].get("finish").is_none(),
            "finished before {k}"
        );
        writeln!(stdin, "{}", answer_for(&step["request"])).expect("answer");
        given += 1;
        if given == k {
            break;
        }
    }
    home.wait_for("SELECT count(*) FROM answers", already + k as i64);
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}

#[test]
fn a_native_pack_session_killed_mid_way_resumes_with_the_same_steps() {
    let Some(staged) = std::env::var_os("NEARER_STAGED_PACKS") else {
        eprintln!("skipped: NEARER_STAGED_PACKS is not set (run `cargo xtask test`)");
        return;
    };
    let trust = std::path::Path::new(&staged).join("trust");
    let args = [
        "run",
        "trust/small-promise",
        "--pair",
        "Ada,Sam",
        "--seed",
        "9",
        "--json",
    ];
    let setup = |home: &TestHome| {
        home.ok(
            &[
                "pack",
                "install",
                "--allow-unsigned",
                trust.to_str().expect("utf-8"),
            ],
            "",
        );
        // A first session, so the second one looks back at its promises.
        complete(home, &args);
    };
    let reference = TestHome::new();
    setup(&reference);
    let expected = complete(&reference, &args);
    for k in [1, 3, 5] {
        let home = TestHome::new();
        setup(&home);
        let before = home.count("SELECT count(*) FROM answers");
        kill_after(&home, &args, k, before);
        let resumed = complete(&home, &["resume", "--json"]);
        assert_eq!(resumed, expected[k..], "after kill at {k}");
    }
}
