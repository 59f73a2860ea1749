//! A temporary nearer home with the in-repo test pack installed, and helpers to run the binary.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The content-only pack these tests run (built-in kinds, no compiler needed).
pub fn test_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/packs/dbtest")
}

/// A fresh home.
pub struct TestHome {
    dir: tempfile::TempDir,
}

impl TestHome {
    /// A fresh home with the test pack installed.
    pub fn new() -> Self {
        let home = TestHome {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let pack = test_pack();
        let out = home.run(&["pack", "install", pack.to_str().expect("utf-8 path")], "");
        assert!(out.status.success(), "install failed: {}", stderr(&out));
        home
    }

    /// The home folder: inside the temp folder, so that nearer creates it.
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("home")
    }

    /// The database file.
    pub fn db_path(&self) -> PathBuf {
        self.path().join("nearer.db")
    }

    /// `nearer ARGS` in this home, with a fixed time zone and no colour.
    pub fn cmd(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_nearer"));
        cmd.args(args)
            .env("NEARER_HOME", self.path())
            .env("TZ", "UTC")
            .env("NO_COLOR", "1")
            .env_remove("NEARER_NOW");
        cmd
    }

    /// Starts `nearer ARGS` with piped stdin, stdout and stderr.
    pub fn spawn(&self, args: &[&str], now: Option<&str>) -> Child {
        let mut cmd = self.cmd(args);
        if let Some(now) = now {
            cmd.env("NEARER_NOW", now);
        }
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("nearer starts")
    }

    /// Runs `nearer ARGS` with `input` on stdin, to the end.
    pub fn run(&self, args: &[&str], input: &str) -> Output {
        self.run_at(args, input, None)
    }

    /// Runs `nearer ARGS` with `input` on stdin and the clock fixed at `now`.
    pub fn run_at(&self, args: &[&str], input: &str, now: Option<&str>) -> Output {
        let mut child = self.spawn(args, now);
        let mut stdin = child.stdin.take().expect("stdin piped");
        // The process may finish before reading everything; that is not an error here.
        let _ = stdin.write_all(input.as_bytes());
        drop(stdin);
        child.wait_with_output().expect("nearer runs")
    }

    /// Runs and returns stdout, asserting success.
    pub fn ok(&self, args: &[&str], input: &str) -> String {
        let out = self.run(args, input);
        assert!(
            out.status.success(),
            "nearer {args:?} failed:\n{}\n{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    /// A read-only look into the database.
    pub fn db(&self) -> rusqlite::Connection {
        let conn = rusqlite::Connection::open_with_flags(
            self.db_path(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .expect("open the database");
        conn.busy_timeout(Duration::from_secs(10)).expect("timeout");
        conn
    }

    /// A single number from the database.
    pub fn count(&self, sql: &str) -> i64 {
        self.db().query_row(sql, [], |r| r.get(0)).expect(sql)
    }

    /// Waits until `sql` returns `want` (polling), or panics after a while.
    pub fn wait_for(&self, sql: &str, want: i64) {
        let start = Instant::now();
        loop {
            if self.db_path().exists() {
                let got = self
                    .db()
                    .query_row(sql, [], |r| r.get::<_, i64>(0))
                    .unwrap_or(-1);
                if got == want {
                    return;
                }
            }
            assert!(
                start.elapsed() < Duration::from_secs(60),
                "timed out waiting for {sql} = {want}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The steps in a `--json` conversation, in order.
pub fn steps(json_lines: &str) -> Vec<serde_json::Value> {
    json_lines
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("step").cloned())
        .collect()
}

/// The mode bits of `path`.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}
