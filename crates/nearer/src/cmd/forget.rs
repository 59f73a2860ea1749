//! `nearer forget`: delete sessions for good (one, a pack's, a person's, or all), then compact
//! the database so the deleted text is gone from the file too.

use std::io::BufRead;

use anyhow::{Context, Result};

use crate::cli::ForgetArgs;
use crate::db::{Db, Filter};
use crate::home::Home;

/// Asks to confirm (unless `--yes`), deletes, and says what remains elsewhere.
pub fn run(home: &Home, args: ForgetArgs) -> Result<()> {
    let mut db = Db::open(home)?;
    let (filter, what) = if args.all {
        (
            Filter::default(),
            "everything nearer has recorded".to_owned(),
        )
    } else if let Some(id) = args.session {
        (
            Filter {
                session: Some(id),
                ..Filter::default()
            },
            format!("session {id}"),
        )
    } else if let Some(pack) = args.pack {
        let what = format!("every session of pack {pack}");
        (
            Filter {
                pack: Some(pack),
                ..Filter::default()
            },
            what,
        )
    } else if let Some(who) = args.who {
        let what = format!(
            "every session {who} took part in (in pair sessions, the other person's answers too)"
        );
        (
            Filter {
                who: Some(who),
                ..Filter::default()
            },
            what,
        )
    } else {
        anyhow::bail!("say what to forget: --session N, --pack PACK, --who NAME or --all");
    };
    let counts = db.count(&filter)?;
    if counts.sessions == 0 {
        if args.all {
            forget_safety_record(home)?;
        }
        println!("Nothing to forget: no sessions match.");
        return Ok(());
    }
    let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "{}, {} and {}",
        plural(counts.sessions, "session", "sessions"),
        plural(counts.answers, "answer", "answers"),
        plural(counts.journal, "journal entry", "journal entries")
    );
    if !args.yes {
        println!("This deletes {what}: {summary}. It cannot be undone.");
        println!("Type yes to delete, anything else to keep it:");
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .context("could not read the confirmation")?;
        if !line.trim().eq_ignore_ascii_case("yes") {
            println!("Nothing was deleted.");
            return Ok(());
        }
    }
    db.forget(&filter)?;
    if args.all {
        forget_safety_record(home)?;
    }
    println!(
        "Forgot {summary}. The database was compacted, so the deleted text is gone from the file."
    );
    let backups = db.backups();
    if !backups.is_empty() {
        println!(
            "Backups made earlier may still hold it ({} in {}); delete them too if it should be gone everywhere.",
            plural(backups.len() as i64, "file", "files"),
            db.backups_dir().display()
        );
    }
    Ok(())
}

/// `--all` also forgets which pairs answered the safety question (hashes of their names).
fn forget_safety_record(home: &Home) -> Result<()> {
    if crate::safety::forget_all(home)? {
        println!("Forgot which pairs answered the safety question; it will be asked again.");
    }
    Ok(())
}
