//! `nearer export`: sessions with their answers, scores and journal, as Markdown or JSON.

use std::io::Write;

use anyhow::{Context, Result};
use nearer_core::{Answer, Request, Step};
use serde_json::json;

use crate::cli::{ExportArgs, ExportFormat};
use crate::db::{clock, AnswerRow, Db, Filter, JournalRow, ScoreRow, SessionRow};
use crate::home::Home;

/// One session with everything recorded about it.
struct Full {
    session: SessionRow,
    answers: Vec<AnswerRow>,
    scores: Vec<ScoreRow>,
    journal: Vec<JournalRow>,
}

/// Writes the export to `--out` (atomically, 0600) or standard output.
pub fn run(home: &Home, args: ExportArgs) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(clock::start_of_local_day)
        .transpose()?;
    let db = Db::open(home)?;
    let private_of = args.who.clone();
    let filter = Filter {
        session: args.session,
        pack: args.pack,
        who: args.who,
        since,
        ..Filter::default()
    };
    let sessions = db.sessions(&filter)?;
    let count = sessions.len();
    let now = clock::now_stamp();
    // One session at a time is loaded and rendered, so memory stays small for long histories.
    let mut text = match args.format {
        ExportFormat::Md => markdown_header(count, &now),
        ExportFormat::Json => format!(
            "{{\n  \"exported_at\": {},\n  \"nearer_export\": 1,\n  \"sessions\": [",
            serde_json::to_string(&now)?
        ),
    };
    for (i, session) in sessions.into_iter().enumerate() {
        // Private entries stay out, except the asking person's own (`--who`).
        let only = Filter {
            session: Some(session.id),
            private_of: private_of.clone(),
            ..Filter::default()
        };
        // When someone kept answers to themselves, their answers to private questions stay out
        // of this export too, unless they are the one asking for it.
        let keeps_private = db.hidden_private(&only)? > 0;
        let answers = db
            .answers(session.id)?
            .into_iter()
            .filter(|a| {
                !keeps_private
                    || !a.step.request.is_private()
                    || matches!((&a.participant, &private_of), (Some(p), Some(me)) if p.eq_ignore_ascii_case(me))
            })
            .collect();
        let full = Full {
            answers,
            scores: db.scores(&only)?,
            journal: db.journal(&only)?,
            session,
        };
        match args.format {
            ExportFormat::Md => text.push_str(&markdown_session(&full)),
            ExportFormat::Json => {
                text.push_str(if i == 0 { "\n" } else { ",\n" });
                // Nested two levels deep in the pretty-printed whole; JSON strings hold no
                // raw newlines, so indenting every line is exact.
                for (n, line) in serde_json::to_string_pretty(&session_json(&full))?
                    .lines()
                    .enumerate()
                {
                    if n > 0 {
                        text.push('\n');
                    }
                    text.push_str("    ");
                    text.push_str(line);
                }
            }
        }
    }
    if args.format == ExportFormat::Json {
        text.push_str(if count == 0 { "]\n}\n" } else { "\n  ]\n}\n" });
    }
    match &args.out {
        Some(path) => {
            crate::fsutil::write_atomic(path, text.as_bytes())
                .with_context(|| format!("could not write the export to {}", path.display()))?;
            eprintln!(
                "Exported {count} session{} to {} (readable by you alone).",
                if count == 1 { "" } else { "s" },
                path.display()
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(text.as_bytes())?;
            out.flush()?;
        }
    }
    Ok(())
}

/// The question a step asked, and an answer to it, in words; `None` for plain "continue".
fn in_words(step: &Step, answer: &Answer) -> Option<(String, String)> {
    let prompt = match &step.request {
        Request::Text(t) => t.prompt.clone(),
        Request::Choice(c) => c.prompt.clone(),
        Request::Scale(s) => s.prompt.clone(),
        Request::Timer(t) => t.prompt.clone(),
        Request::Continue | Request::Finish(_) => return None,
    };
    let said = match (answer, &step.request) {
        (Answer::Text(t), _) => t.clone(),
        (Answer::Choice(i), Request::Choice(c)) => {
            c.options.get(*i).cloned().unwrap_or_else(|| i.to_string())
        }
        (Answer::Choice(i), _) => i.to_string(),
        (Answer::Scale(v), Request::Scale(s)) => format!("{v} of {}", s.max),
        (Answer::Scale(v), _) => v.to_string(),
        (Answer::Timer { elapsed }, _) => format!("{elapsed} seconds"),
        (Answer::Pass, _) => "(passed)".into(),
        (Answer::Continue | Answer::Pause, _) => return None,
    };
    Some((prompt, said))
}

fn markdown_header(count: usize, now: &str) -> String {
    format!(
        "# nearer export\n\nWritten {} with {count} session{}. Keep it somewhere private.\n",
        clock::local_minutes(now),
        if count == 1 { "" } else { "s" }
    )
}

fn markdown_session(f: &Full) -> String {
    let mut md = String::new();
    let s = &f.session;
    md.push_str(&format!(
        "\n## Session {}: {} ({}/{})\n\n",
        s.id, s.title, s.pack, s.exercise
    ));
    let who = if s.participants.is_empty() {
        "you".to_owned()
    } else {
        s.participants.join(" and ")
    };
    md.push_str(&format!("- Who: {who}\n"));
    md.push_str(&format!(
        "- Started: {}\n",
        clock::local_minutes(&s.started_at)
    ));
    match &s.finished_at {
        Some(t) => md.push_str(&format!("- Finished: {}\n", clock::local_minutes(t))),
        None => md.push_str(&format!(
            "- Not finished yet (`nearer resume {}` continues it)\n",
            s.id
        )),
    }
    md.push_str(&format!(
        "- Pack version {}, component {}, seed {}\n",
        s.pack_version, s.component, s.seed
    ));
    if let Some(summary) = s.summary.as_deref().filter(|t| !t.is_empty()) {
        md.push_str(&format!("\n{summary}\n"));
    }
    let answers: Vec<_> = f
        .answers
        .iter()
        .filter_map(|a| in_words(&a.step, &a.answer).map(|w| (a, w)))
        .collect();
    if !answers.is_empty() {
        md.push_str("\n### Answers\n\n");
        for (a, (prompt, said)) in answers {
            let who = a
                .participant
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            md.push_str(&format!("- **{prompt}**{who}: {said}\n"));
        }
    }
    if !f.scores.is_empty() {
        md.push_str("\n### Ratings\n\n");
        for c in &f.scores {
            let who = c
                .participant
                .as_deref()
                .map(|p| format!(" ({p})"))
                .unwrap_or_default();
            md.push_str(&format!("- {}{who}: {}\n", c.name, c.value));
        }
    }
    if !f.journal.is_empty() {
        md.push_str("\n### Journal\n");
        for j in &f.journal {
            let who = match (j.who.as_deref(), j.private) {
                (Some(p), true) => format!(" ({p}, private)"),
                (Some(p), false) => format!(" ({p})"),
                (None, true) => " (private)".to_owned(),
                (None, false) => String::new(),
            };
            md.push_str(&format!("\n**{}**{who}\n\n", j.title));
            for line in j.text.lines() {
                md.push_str(&format!("> {line}\n"));
            }
        }
    }
    md
}

fn session_json(f: &Full) -> serde_json::Value {
    let s = &f.session;
    json!({
        "session": s.id,
        "pack": s.pack,
        "pack_version": s.pack_version,
        "exercise": s.exercise,
        "title": s.title,
        "component": s.component,
        "content_hash": s.content_hash,
        "seed": s.seed,
        "participants": s.participants,
        "locale": s.locale,
        "started_at": s.started_at,
        "finished_at": s.finished_at,
        "summary": s.summary,
        "carry": s.carry,
        "answers": f.answers.iter().map(|a| json!({
            "seq": a.seq,
            "participant": a.participant,
            "prompt": in_words(&a.step, &a.answer).map(|w| w.0),
            "answer": a.answer,
            "answered_at": a.answered_at,
        })).collect::<Vec<_>>(),
        "scores": f.scores.iter().map(|c| json!({
            "name": c.name,
            "participant": c.participant,
            "value": c.value,
        })).collect::<Vec<_>>(),
        "journal": f.journal.iter().map(|j| json!({
            "who": j.who,
            "title": j.title,
            "text": j.text,
            "written_at": j.written_at,
            "private": j.private,
        })).collect::<Vec<_>>(),
    })
}
