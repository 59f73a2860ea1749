//! Running a native pack in a child process: `nearer pack-host` on the other end of two pipes.
//!
//! A native library runs code on the person's machine, and a bug in it could crash, abort or
//! hang. In-process, that would take nearer down mid-session; in a child process it costs only
//! the child. So every native pack runs isolated by default: nearer re-executes itself as
//! `nearer pack-host --pack ID`, which loads the library (with every loader check) and serves
//! the same JSON messages as the in-process ABI, one per line. A call that gets no reply in
//! time kills the child. `nearer run --in-process` skips the child, for debugging a pack.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use nearer_core::abi::{PackRequest, PackResponse};
use serde::{Deserialize, Serialize};

use crate::home::Home;
use crate::loader::NativeLibrary;
use crate::store::{InstalledPack, Store};

/// How long one call may take before the pack is judged stuck.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// Something that answers pack requests: the library in-process, or a child process.
pub trait PackChannel {
    /// Sends one request, returns the response.
    fn call(&mut self, request: &PackRequest) -> Result<PackResponse>;
}

impl PackChannel for NativeLibrary {
    fn call(&mut self, request: &PackRequest) -> Result<PackResponse> {
        Ok(NativeLibrary::call(self, request)?)
    }
}

/// The child's first line: whether the library loaded.
#[derive(Debug, Serialize, Deserialize)]
struct Ready {
    ready: bool,
    #[serde(default)]
    error: Option<String>,
}

/// A pack served by a child process.
pub struct IsolatedPack {
    pack: String,
    child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    timeout: Duration,
}

impl std::fmt::Debug for IsolatedPack {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "IsolatedPack({})", self.pack)
    }
}

impl IsolatedPack {
    /// Starts `nearer pack-host` for an installed pack and waits until its library is loaded.
    pub fn spawn(home: &Home, pack: &InstalledPack) -> Result<Self> {
        let exe = std::env::current_exe().context("could not find nearer's own executable")?;
        let id = pack.manifest.id.clone();
        let mut child = Command::new(exe)
            .args(["pack-host", "--pack", &id])
            .env("NEARER_HOME", home.root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .with_context(|| format!("could not start a process for pack {id}"))?;
        let stdout = child
            .stdout
            .take()
            .context("the pack process has no output")?;
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let timeout = std::env::var("NEARER_PACK_TIMEOUT_SECS")
            .ok()
            .and_then(|s| s.parse().ok())
            .map_or(DEFAULT_TIMEOUT, Duration::from_secs);
        let mut isolated = IsolatedPack {
            pack: id.clone(),
            stdin: child.stdin.take(),
            child,
            lines: rx,
            timeout,
        };
        let first = isolated.next_line()?;
        let ready: Ready = serde_json::from_str(&first)
            .with_context(|| format!("pack {id}: its process said something unexpected"))?;
        if !ready.ready {
            bail!(
                "{}",
                ready
                    .error
                    .unwrap_or_else(|| format!("pack {id} failed to load"))
            );
        }
        Ok(isolated)
    }

    fn next_line(&mut self) -> Result<String> {
        match self.lines.recv_timeout(self.timeout) {
            Ok(line) => Ok(line),
            Err(RecvTimeoutError::Timeout) => {
                let _ = self.child.kill();
                let _ = self.child.wait();
                bail!(
                    "pack {} did not answer within {} s, so nearer stopped it",
                    self.pack,
                    self.timeout.as_secs()
                )
            }
            Err(RecvTimeoutError::Disconnected) => {
                let how = match self.child.wait() {
                    Ok(status) => describe_exit(status),
                    Err(_) => "for an unknown reason".to_owned(),
                };
                bail!("pack {} stopped unexpectedly ({how})", self.pack)
            }
        }
    }
}

fn describe_exit(status: std::process::ExitStatus) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("it was ended by signal {signal}");
        }
    }
    match status.code() {
        Some(code) => format!("it exited with code {code}"),
        None => "it exited".to_owned(),
    }
}

impl PackChannel for IsolatedPack {
    fn call(&mut self, request: &PackRequest) -> Result<PackResponse> {
        let line = serde_json::to_string(request).context("could not encode a pack request")?;
        let Some(stdin) = self.stdin.as_mut() else {
            bail!("pack {} is no longer running", self.pack);
        };
        if writeln!(stdin, "{line}")
            .and_then(|()| stdin.flush())
            .is_err()
        {
            // The child is gone; the read below says how.
            self.stdin = None;
        }
        let reply = self.next_line()?;
        serde_json::from_str(&reply)
            .with_context(|| format!("pack {} answered with something unreadable", self.pack))
    }
}

impl Drop for IsolatedPack {
    fn drop(&mut self) {
        // Closing stdin ends the child's loop; kill it in case it is stuck.
        self.stdin = None;
        if !matches!(self.child.try_wait(), Ok(Some(_))) {
            std::thread::sleep(Duration::from_millis(20));
            if !matches!(self.child.try_wait(), Ok(Some(_))) {
                let _ = self.child.kill();
            }
        }
        let _ = self.child.wait();
    }
}

/// The child side: load pack `id`'s library and serve requests from stdin until it closes.
pub fn serve(home: &Home, id: &str) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let loaded = Store::open(home)
        .and_then(|store| store.get(id))
        .and_then(|pack| Ok(NativeLibrary::load_installed(&pack)?));
    let lib = match loaded {
        Ok(lib) => {
            serde_json::to_writer(
                &mut out,
                &Ready {
                    ready: true,
                    error: None,
                },
            )?;
            writeln!(out)?;
            out.flush()?;
            lib
        }
        Err(e) => {
            let ready = Ready {
                ready: false,
                error: Some(format!("{e:#}")),
            };
            serde_json::to_writer(&mut out, &ready)?;
            writeln!(out)?;
            out.flush()?;
            return Ok(());
        }
    };
    for line in std::io::stdin().lock().lines() {
        let line = line.context("could not read a request")?;
        let response = match serde_json::from_str::<PackRequest>(&line) {
            Ok(request) => lib.call(&request)?,
            Err(e) => PackResponse::Error {
                code: nearer_core::abi::ErrorCode::BadRequest,
                message: format!("unreadable request: {e}"),
            },
        };
        serde_json::to_writer(&mut out, &response)?;
        writeln!(out)?;
        out.flush()?;
    }
    Ok(())
}
