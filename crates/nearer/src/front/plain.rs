//! Plain lines on a pipe: one rendered step out, one typed line in. For scripts and tests.

use std::io::{BufRead, Write};

use anyhow::{Context, Result};
use nearer_core::transcript::render_step;
use nearer_core::Step;

use super::{FrontEnd, Input};

/// The pipe front end.
pub struct PlainFront {
    input: std::io::StdinLock<'static>,
}

impl PlainFront {
    /// Reads stdin, writes stdout.
    pub fn new() -> Self {
        PlainFront {
            input: std::io::stdin().lock(),
        }
    }
}

impl FrontEnd for PlainFront {
    fn show(&mut self, step: &Step) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(render_step(step).as_bytes())?;
        out.flush()?;
        Ok(())
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
            match step.request.parse_line(&line) {
                Ok(answer) => return Ok(Input::Answer(answer)),
                Err(e) => {
                    let mut out = std::io::stdout().lock();
                    writeln!(out, "! {e}; try again")?;
                    out.flush()?;
                }
            }
        }
    }

    fn note(&mut self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{text}")?;
        out.flush()?;
        Ok(())
    }
}
