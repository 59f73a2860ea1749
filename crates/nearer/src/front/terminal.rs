//! The interactive terminal: wrapped text, colour, hand-off screens, live timers.
//!
//! Lines are read on a background thread so that a timer can count down and still notice an
//! Enter that ends it early. Raw mode is not needed: every answer is a line.

use std::io::{BufRead, Write};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use anyhow::Result;
use nearer_core::step::TimerRequest;
use nearer_core::{Answer, Block, Request, Step};

use super::style::{wrap, Style};
use super::{FrontEnd, Input};

const WIDTH: usize = 76;
const CLEAR: &str = "\x1b[2J\x1b[H";

/// The interactive front end.
pub struct TerminalFront {
    style: Style,
    lines: Receiver<String>,
}

impl TerminalFront {
    /// Starts reading stdin lines in the background.
    pub fn new(style: Style) -> Self {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            for line in std::io::stdin().lock().lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        TerminalFront { style, lines: rx }
    }

    fn line(&self) -> Option<String> {
        self.lines.recv().ok()
    }

    fn print(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    fn prompt_marker(&self, step: &Step) -> String {
        match &step.turn {
            Some(who) => self.style.prompt(&format!("{who} > ")),
            None => self.style.prompt("> "),
        }
    }

    fn run_timer(&self, t: &TimerRequest) -> Result<Input> {
        self.print(&format!(
            "{}\n",
            self.style
                .dim("The timer starts now. Press Enter to end it early.")
        ))?;
        let start = Instant::now();
        let mut next_cue = 0;
        loop {
            let elapsed = start.elapsed().as_secs();
            let elapsed_u32 = u32::try_from(elapsed).unwrap_or(u32::MAX);
            while next_cue < t.cues.len() && t.cues[next_cue].at <= elapsed_u32 {
                self.print(&format!(
                    "\r\x1b[K{}\n",
                    wrap(&t.cues[next_cue].text, WIDTH, "  ")
                ))?;
                next_cue += 1;
            }
            if elapsed_u32 >= t.seconds {
                self.print("\r\x1b[K\x07")?;
                return Ok(Input::Answer(Answer::Timer { elapsed: t.seconds }));
            }
            let left = t.seconds - elapsed_u32;
            let breath = t
                .pacer
                .map(|p| {
                    let cycle = p.inhale + p.exhale;
                    let at = elapsed_u32 % cycle.max(1);
                    if at < p.inhale {
                        format!("  breathe in  {}", "o".repeat((at + 1) as usize))
                    } else {
                        let out = p.exhale - (at - p.inhale);
                        format!("  breathe out {}", "o".repeat(out as usize))
                    }
                })
                .unwrap_or_default();
            self.print(&format!(
                "\r\x1b[K  {:02}:{:02} left{}",
                left / 60,
                left % 60,
                self.style.hint(&breath)
            ))?;
            match self.lines.recv_timeout(Duration::from_millis(250)) {
                Ok(line) => {
                    self.print("\n")?;
                    let word = line.trim();
                    if word.eq_ignore_ascii_case("pause") {
                        return Ok(Input::Answer(Answer::Pause));
                    }
                    return Ok(Input::Answer(Answer::Timer {
                        elapsed: elapsed_u32.min(t.seconds),
                    }));
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(Input::End),
            }
        }
    }
}

impl FrontEnd for TerminalFront {
    fn show(&mut self, step: &Step) -> Result<()> {
        let s = self.style;
        if step.handoff {
            let who = step.turn.as_deref().unwrap_or("the next person");
            self.print(&format!(
                "{CLEAR}{}\n{}\n",
                s.strong(&format!("Over to {who}.")),
                s.dim(&format!(
                    "Please pass the keyboard to {who}. {who}, press Enter when you are ready."
                ))
            ))?;
            if self.line().is_none() {
                return Ok(());
            }
            self.print(CLEAR)?;
        }
        let mut text = String::from("\n");
        for block in &step.blocks {
            let rendered = match block {
                Block::Heading(h) => s.strong(&h.to_uppercase()),
                Block::Text(t) => wrap(t, WIDTH, ""),
                Block::Quote(q) => s.strong(&wrap(q, WIDTH, "    ")),
                Block::Hint(h) => s.hint(&wrap(&format!("~ {h}"), WIDTH, "  ")),
                Block::Warning(w) => s.warn(&wrap(&format!("Before you go on: {w}"), WIDTH, "  ")),
                Block::Picture(p) => p.clone(),
            };
            text.push_str(&rendered);
            text.push_str("\n\n");
        }
        match &step.request {
            Request::Continue => text.push_str(&s.dim("(press Enter to go on)")),
            Request::Text(t) => text.push_str(&s.prompt(&wrap(&t.prompt, WIDTH, ""))),
            Request::Choice(c) => {
                text.push_str(&s.prompt(&wrap(&c.prompt, WIDTH, "")));
                for (i, o) in c.options.iter().enumerate() {
                    text.push_str(&format!("\n  {}) {o}", i + 1));
                }
            }
            Request::Scale(sc) => {
                text.push_str(&s.prompt(&wrap(&sc.prompt, WIDTH, "")));
                text.push('\n');
                for (value, label) in &sc.labels {
                    text.push_str(&format!("  {value} = {label}\n"));
                }
                text.push_str(&s.dim(&format!("(a number from {} to {})", sc.min, sc.max)));
            }
            Request::Timer(t) => {
                text.push_str(&s.prompt(&wrap(&t.prompt, WIDTH, "")));
                text.push_str(&s.dim(&format!(
                    "\n({} min {} s; press Enter to start)",
                    t.seconds / 60,
                    t.seconds % 60
                )));
            }
            Request::Finish(o) => {
                text.push_str(&s.strong(&wrap(&o.summary, WIDTH, "")));
            }
        }
        text.push('\n');
        if step.request.is_private() {
            text.push_str(&s.dim(
                "(private: the screen clears after you answer, and it stays hidden unless you both choose to share)",
            ));
            text.push('\n');
        }
        if !matches!(step.request, Request::Finish(_)) {
            text.push_str(&s.dim("(type pass to skip, pause to stop for now)"));
            text.push('\n');
        }
        self.print(&text)
    }

    fn read(&mut self, step: &Step) -> Result<Input> {
        loop {
            self.print(&self.prompt_marker(step))?;
            let Some(line) = self.line() else {
                return Ok(Input::End);
            };
            if let Request::Timer(t) = &step.request {
                let word = line.trim();
                if word.eq_ignore_ascii_case("pass") {
                    return Ok(Input::Answer(Answer::Pass));
                }
                if word.eq_ignore_ascii_case("pause") {
                    return Ok(Input::Answer(Answer::Pause));
                }
                return self.run_timer(t);
            }
            match step.request.parse_line(&line) {
                Ok(answer) => {
                    if step.request.is_private() {
                        // Clear what was typed so the other person cannot read it.
                        self.print(&format!("{CLEAR}{}\n", self.style.dim("Saved privately.")))?;
                    }
                    return Ok(Input::Answer(answer));
                }
                Err(e) => self.print(&format!(
                    "{}\n",
                    self.style.error(&format!("{e}; try again"))
                ))?,
            }
        }
    }

    fn note(&mut self, text: &str) -> Result<()> {
        self.print(&format!("{}\n", wrap(text, WIDTH, "")))
    }
}
