//! `nearer backup [FILE]`: an online copy of the database through SQLite's backup API.

use anyhow::Result;

use crate::cli::BackupArgs;
use crate::db::{clock, Db};
use crate::home::Home;

/// Writes the backup and says where it went.
pub fn run(home: &Home, args: BackupArgs) -> Result<()> {
    let db = Db::open(home)?;
    let to = match args.file {
        Some(f) => f,
        None => db.backups_dir().join(format!(
            "nearer-{}.db",
            clock::now().strftime("%Y%m%d-%H%M%S")
        )),
    };
    db.backup_to(&to)?;
    println!(
        "Backed up to {} (readable by you alone). To restore it, copy it over {} while nearer is closed.",
        to.display(),
        db.path().display()
    );
    Ok(())
}
