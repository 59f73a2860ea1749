//! A small harness: a temp `NEARER_HOME`, the binary, and the staged packs.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

fn env_path(name: &str) -> PathBuf {
    match std::env::var_os(name) {
        Some(p) => PathBuf::from(p),
        None => panic!("{name} is not set: run the end-to-end tests with `cargo xtask test`"),
    }
}

/// One test's world: a fresh home and the built artefacts.
pub struct Nearer {
    home: tempfile::TempDir,
    bin: PathBuf,
    packs: PathBuf,
    fixtures: PathBuf,
}

/// What a finished command gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

impl Nearer {
    pub fn new() -> Self {
        let home = tempfile::tempdir().expect("a temp dir can be made");
        // nearer warns about a home others can read; make it private as nearer would.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(home.path(), std::fs::Permissions::from_mode(0o700))
                .expect("the temp home can be made private");
        }
        Nearer {
            home,
            bin: env_path("NEARER_BIN"),
            packs: env_path("NEARER_STAGED_PACKS"),
            fixtures: env_path("NEARER_FIXTURES"),
        }
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// The staged folder of a bundled pack.
    pub fn pack(&self, id: &str) -> PathBuf {
        self.packs.join(id)
    }

    /// The staged folder of a loader fixture.
    pub fn fixture(&self, name: &str) -> PathBuf {
        self.fixtures.join(format!("fixture-{name}"))
    }

    /// Every staged bundled pack id.
    pub fn bundled(&self) -> Vec<String> {
        let mut ids: Vec<String> = std::fs::read_dir(&self.packs)
            .expect("staged packs exist")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        ids.sort();
        ids
    }

    pub fn command(&self) -> Command {
        let mut cmd = Command::new(&self.bin);
        cmd.env("NEARER_HOME", self.home.path())
            .env("NO_COLOR", "1")
            .env_remove("RUST_BACKTRACE");
        cmd
    }

    /// Runs nearer with `args` and `stdin`, waiting for it to end.
    pub fn run(&self, args: &[&str], stdin: &str) -> Run {
        let mut child = self
            .command()
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nearer starts");
        if let Some(mut input) = child.stdin.take() {
            // The process may stop reading early; that is its business, not a test failure.
            let _ = input.write_all(stdin.as_bytes());
        }
        child.wait_with_output().expect("nearer runs").into()
    }

    /// Runs nearer and insists it succeeded.
    pub fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args, "");
        assert_eq!(
            r.code, 0,
            "nearer {args:?} failed:\n{}{}",
            r.stdout, r.stderr
        );
        r.stdout
    }

    pub fn install(&self, dir: &Path) -> Run {
        self.run(
            &[
                "pack",
                "install",
                "--allow-unsigned",
                &dir.to_string_lossy(),
            ],
            "",
        )
    }

    /// Runs an exercise over `--json`, answering every request with a plausible answer, and
    /// returns the final step. Panics if it does not finish within `limit` steps.
    pub fn complete_json(&self, exercise: &str, pair: bool, limit: usize) -> Value {
        let mut args = vec!["run", exercise, "--json", "--seed", "7"];
        if pair {
            args.extend(["--pair", "Ada,Sam"]);
        }
        let mut child = self
            .command()
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nearer starts");
        let mut input = child.stdin.take().expect("stdin is piped");
        let output = BufReader::new(child.stdout.take().expect("stdout is piped"));
        let mut steps = 0;
        for line in output.lines() {
            let line = line.expect("stdout is readable");
            let value: Value = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("{exercise}: not JSON ({e}): {line}"));
            if value.get("error").is_some() {
                panic!("{exercise}: an answer was refused: {line}");
            }
            let Some(step) = value.get("step") else {
                continue;
            };
            let request = &step["request"];
            if request.get("finish").is_some() {
                drop(input);
                let status = child.wait().expect("nearer ends");
                assert!(status.success(), "{exercise} exited with {status}");
                return step.clone();
            }
            steps += 1;
            assert!(steps <= limit, "{exercise}: no end after {limit} steps");
            let answer = plausible_answer(request, steps);
            writeln!(input, "{answer}").expect("nearer reads its input");
        }
        let out = child.wait_with_output().expect("nearer ends");
        panic!(
            "{exercise}: output ended before the exercise finished: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A reasonable answer to any request, varied a little by the step number.
fn plausible_answer(request: &Value, n: usize) -> Value {
    if request == "continue" {
        return json!("continue");
    }
    if let Some(choice) = request.get("choice") {
        // Mostly the first option (which goes on), sometimes the last (which may end a loop).
        let count = choice["options"].as_array().map_or(1, Vec::len);
        let pick = if n.is_multiple_of(5) { count - 1 } else { 0 };
        return json!({ "choice": pick });
    }
    if let Some(scale) = request.get("scale") {
        return json!({ "scale": scale["max"] });
    }
    if let Some(timer) = request.get("timer") {
        return json!({ "timer": { "elapsed": timer["seconds"] } });
    }
    if request.get("text").is_some() {
        return json!({ "text": "We walked by the river on Sunday and I felt happy and calm; so you felt close when we walked, did I get that right?" });
    }
    panic!("unknown request {request}")
}
