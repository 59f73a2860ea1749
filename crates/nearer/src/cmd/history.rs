//! `nearer history`: every session, finished or open, with how to continue the open ones.

use anyhow::Result;
use serde_json::json;

use crate::cli::HistoryArgs;
use crate::db::{clock, Db, Filter, SessionRow};
use crate::home::Home;

/// Prints the sessions, oldest first.
pub fn run(home: &Home, args: HistoryArgs) -> Result<()> {
    let db = Db::open(home)?;
    let filter = Filter {
        pack: args.pack,
        who: args.who,
        ..Filter::default()
    };
    let sessions = db.sessions(&filter)?;
    if args.json {
        let items: Vec<_> = sessions
            .iter()
            .map(|s| {
                json!({
                    "session": s.id,
                    "exercise": format!("{}/{}", s.pack, s.exercise),
                    "title": s.title,
                    "pack_version": s.pack_version,
                    "participants": s.participants,
                    "started_at": s.started_at,
                    "finished_at": s.finished_at,
                    "answers": s.answers,
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(());
    }
    print!("{}", render(&sessions));
    Ok(())
}

/// The history table.
pub fn render(sessions: &[SessionRow]) -> String {
    if sessions.is_empty() {
        return "No sessions yet. `nearer list` shows the exercises; `nearer run PACK/EXERCISE` starts one.\n".into();
    }
    let target = |s: &SessionRow| format!("{}/{}", s.pack, s.exercise);
    let who = |s: &SessionRow| {
        if s.participants.is_empty() {
            "-".to_owned()
        } else {
            s.participants.join(" & ")
        }
    };
    let tw = sessions.iter().map(|s| target(s).len()).max().unwrap_or(0);
    let ww = sessions
        .iter()
        .map(|s| who(s).len())
        .max()
        .unwrap_or(0)
        .max(3);
    let iw = sessions
        .iter()
        .map(|s| s.id.to_string().len())
        .max()
        .unwrap_or(1);
    let mut out = format!(
        "{:>iw$}  {:<16}  {:<tw$}  {:<ww$}  status\n",
        "#",
        "started",
        "exercise",
        "who",
        iw = iw + 1
    );
    for s in sessions {
        let plural = if s.answers == 1 { "" } else { "s" };
        let status = match &s.finished_at {
            Some(_) => format!("finished, {} answer{plural}", s.answers),
            None => format!(
                "paused after {} answer{plural}: nearer resume {}",
                s.answers, s.id
            ),
        };
        out.push_str(&format!(
            "{:>iw$}  {:<16}  {:<tw$}  {:<ww$}  {status}\n",
            format!("#{}", s.id),
            clock::local_minutes(&s.started_at),
            target(s),
            who(s),
            iw = iw + 1
        ));
    }
    let open = sessions.iter().filter(|s| s.finished_at.is_none()).count();
    let finished = sessions.len() - open;
    out.push_str(&format!(
        "\n{finished} finished, {open} paused. `nearer journal` shows what you wrote.\n"
    ));
    out
}
