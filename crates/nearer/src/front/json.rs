//! JSON lines: one `{"step": ...}` object out per step, one answer object in per request.
//!
//! Answers use the core's serde form: `"continue"`, `{"text": "..."}`, `{"choice": 0}`,
//! `{"scale": 5}`, `{"timer": {"elapsed": 60}}`, `"pass"`, `"pause"`.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use nearer_core::{Answer, Step};
use serde_json::json;

use super::{FrontEnd, Input};

/// The JSON-lines front end.
pub struct JsonFront {
    input: std::io::StdinLock<'static>,
}

impl JsonFront {
    /// Reads stdin, writes stdout.
    pub fn new() -> Self {
        JsonFront {
            input: std::io::stdin().lock(),
        }
    }

    fn emit(&self, value: &serde_json::Value) -> Result<()> {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer(&mut out, value)?;
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }
}

impl FrontEnd for JsonFront {
    fn show(&mut self, step: &Step) -> Result<()> {
        self.emit(&json!({ "step": step }))
    }

    fn read(&mut self, step: &Step) -> Result<Input> {
        loop {
            let mut line = String::new();
            let n = self
                .input
                .read_line(&mut line)
                .context("could not read the answer from standard input")?;
            if n == 0 {
                return Ok(Input::End);
            }
            if line.trim().is_empty() {
                continue;
            }
            let problem = match serde_json::from_str::<Answer>(&line) {
                Ok(answer) => match step.request.check(&answer) {
                    Ok(()) => return Ok(Input::Answer(answer)),
                    Err(e) => e.to_string(),
                },
                Err(e) => format!("not an answer object: {e}"),
            };
            self.emit(&json!({ "error": problem }))?;
        }
    }

    fn note(&mut self, text: &str) -> Result<()> {
        self.emit(&json!({ "note": text }))
    }
}
