//! Plain-text rendering of a step: what `nearer run` prints on a pipe, and what transcripts
//! show. One renderer serves both, so a transcript reads exactly like a scripted session.

use std::fmt::Write as _;

use crate::step::{Block, Request, Step};

/// One step as plain text, ending with a newline.
pub fn render_step(step: &Step) -> String {
    let mut out = String::new();
    if step.handoff {
        let who = step.turn.as_deref().unwrap_or("the next person");
        let _ = writeln!(out, "----- hand-off to {who} -----");
    }
    for block in &step.blocks {
        let _ = match block {
            Block::Heading(h) => writeln!(out, "## {h}"),
            Block::Text(t) => writeln!(out, "{t}"),
            Block::Quote(q) => writeln!(out, "  \"{q}\""),
            Block::Hint(h) => writeln!(out, "  (hint) {h}"),
            Block::Warning(w) => writeln!(out, "  (note) {w}"),
            Block::Picture(p) => writeln!(out, "{p}"),
        };
    }
    let turn = step
        .turn
        .as_deref()
        .map(|t| format!("[{t}] "))
        .unwrap_or_default();
    let _ = match &step.request {
        Request::Continue => writeln!(out, "{turn}[continue]"),
        Request::Text(t) => writeln!(
            out,
            "{turn}? {}{}",
            t.prompt,
            if t.private { " (private)" } else { "" }
        ),
        Request::Choice(c) => {
            let opts: Vec<String> = c
                .options
                .iter()
                .enumerate()
                .map(|(i, o)| format!("{}) {o}", i + 1))
                .collect();
            let private = if c.private { " (private)" } else { "" };
            writeln!(out, "{turn}? {}  {}{private}", c.prompt, opts.join("  "))
        }
        Request::Scale(s) => {
            let labels: Vec<String> = s.labels.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let private = if s.private { " (private)" } else { "" };
            writeln!(
                out,
                "{turn}? {} [{}-{}] {}{private}",
                s.prompt,
                s.min,
                s.max,
                labels.join(", ")
            )
        }
        Request::Timer(t) => {
            let pacer = t
                .pacer
                .map(|p| format!(", breathe in {} s, out {} s", p.inhale, p.exhale))
                .unwrap_or_default();
            let cues: Vec<String> = t
                .cues
                .iter()
                .map(|c| format!("@{}s {}", c.at, c.text))
                .collect();
            writeln!(out, "{turn}(timer {} s{pacer}) {}", t.seconds, t.prompt).and_then(|()| {
                if cues.is_empty() {
                    Ok(())
                } else {
                    writeln!(out, "  cues: {}", cues.join(" | "))
                }
            })
        }
        Request::Finish(o) => {
            let _ = writeln!(out, "== finished: {}", o.summary);
            for s in &o.scores {
                let who = s
                    .participant
                    .as_deref()
                    .map(|p| format!(" ({p})"))
                    .unwrap_or_default();
                let _ = writeln!(out, "   score {}{who} = {}", s.name, s.value);
            }
            for j in &o.journal {
                let who = j
                    .participant
                    .as_deref()
                    .map(|p| format!("{p}: "))
                    .unwrap_or_default();
                let private = if j.private { " (private)" } else { "" };
                let _ = writeln!(out, "   journal {who}{} -> {}{private}", j.title, j.text);
            }
            for (k, v) in &o.carry {
                let _ = writeln!(out, "   carry {k} = {v}");
            }
            Ok(())
        }
    };
    out
}
