//! `nearer journal`: what you wrote, newest last, with full-text search and filters.

use anyhow::{bail, Result};
use nearer_core::manifest::Component;
use serde_json::json;

use crate::cli::JournalArgs;
use crate::db::{clock, Db, Filter, JournalRow};
use crate::home::Home;

/// Prints the matching entries.
pub fn run(home: &Home, args: JournalArgs) -> Result<()> {
    let since = args
        .since
        .as_deref()
        .map(clock::start_of_local_day)
        .transpose()?;
    if let Some(c) = &args.component {
        let known: Vec<&str> = Component::ALL.iter().map(|c| c.as_str()).collect();
        if !known.iter().any(|k| k.eq_ignore_ascii_case(c)) {
            bail!(
                "there is no component {c:?}; use one of: {}",
                known.join(", ")
            );
        }
    }
    let db = Db::open(home)?;
    let filter = Filter {
        pack: args.pack,
        component: args.component,
        private_of: args.who.clone(),
        who: args.who,
        since,
        search: args.search,
        ..Filter::default()
    };
    let entries = db.journal(&filter)?;
    let hidden = db.hidden_private(&filter)?;
    if args.json {
        let items: Vec<_> = entries
            .iter()
            .map(|e| {
                json!({
                    "id": e.id,
                    "session": e.session_id,
                    "exercise": format!("{}/{}", e.pack, e.exercise),
                    "component": e.component,
                    "who": e.who,
                    "title": e.title,
                    "text": e.text,
                    "written_at": e.written_at,
                    "private": e.private,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(());
    }
    let filtered = filter.search.is_some()
        || filter.pack.is_some()
        || filter.component.is_some()
        || filter.who.is_some()
        || filter.since.is_some();
    print!("{}", render(&entries, filtered));
    if hidden > 0 {
        println!(
            "{hidden} private entr{} not shown: answers one person kept to themselves in a pair exercise. `nearer journal --who NAME` shows that person's own.",
            if hidden == 1 { "y is" } else { "ies are" }
        );
    }
    Ok(())
}

/// The entries as text.
pub fn render(entries: &[JournalRow], filtered: bool) -> String {
    if entries.is_empty() {
        return if filtered {
            "No journal entries match. `nearer journal` without filters shows them all.\n".into()
        } else {
            "Your journal is empty. Exercises that ask you to write keep what you write here.\n"
                .into()
        };
    }
    let mut out = String::new();
    let mut last_session = None;
    for e in entries {
        // One heading per session; its entries follow.
        if last_session != Some(e.session_id) {
            if last_session.is_some() {
                out.push('\n');
            }
            last_session = Some(e.session_id);
            out.push_str(&format!(
                "{}  {} ({}/{}, {}, session {})\n",
                clock::local_minutes(&e.written_at),
                e.exercise_title,
                e.pack,
                e.exercise,
                e.component,
                e.session_id,
            ));
        }
        let who = match (e.who.as_deref(), e.private) {
            (Some(w), true) => format!(" ({w}, private)"),
            (Some(w), false) => format!(" ({w})"),
            (None, true) => " (private)".to_owned(),
            (None, false) => String::new(),
        };
        out.push_str(&format!("  {}{who}\n", e.title));
        for line in e.text.lines() {
            out.push_str(&format!("  > {line}\n"));
        }
    }
    out.push('\n');
    let n = entries.len();
    out.push_str(&format!("{n} entr{}.\n", if n == 1 { "y" } else { "ies" }));
    out
}
