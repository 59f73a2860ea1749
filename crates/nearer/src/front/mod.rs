//! Front ends: how steps reach a person and answers come back.
//!
//! The same exercise runs through any of them: an interactive terminal, plain numbered lines on
//! a pipe (for scripts), or JSON lines (for other programs and tests).

mod json;
mod plain;
mod style;
mod terminal;

use std::io::IsTerminal;

use anyhow::Result;
use nearer_core::{Answer, Step};

pub use style::{ColorChoice, Style};

/// What reading an answer gave.
#[derive(Debug)]
pub enum Input {
    /// An answer that fits the step's request (or `pass`/`pause`).
    Answer(Answer),
    /// Input ended (end of file, closed terminal).
    End,
}

/// A way of showing steps and reading answers.
pub trait FrontEnd {
    /// Shows a step, including its request.
    fn show(&mut self, step: &Step) -> Result<()>;
    /// Reads an answer that fits the step's request, asking again on a bad one.
    fn read(&mut self, step: &Step) -> Result<Input>;
    /// Shows a message from nearer itself (not from the exercise).
    fn note(&mut self, text: &str) -> Result<()>;
}

/// Which front end to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Decide by whether stdin is a terminal.
    Auto,
    /// JSON lines.
    Json,
}

/// The front end for `mode` on this process's stdin and stdout.
pub fn open(mode: Mode, color: ColorChoice) -> Box<dyn FrontEnd> {
    match mode {
        Mode::Json => Box::new(json::JsonFront::new()),
        Mode::Auto if std::io::stdin().is_terminal() => {
            Box::new(terminal::TerminalFront::new(Style::detect(color)))
        }
        Mode::Auto => Box::new(plain::PlainFront::new()),
    }
}
