//! The database: one SQLite file in the home holding sessions, answers, scores and the journal.
//!
//! Key decisions:
//! - Each answer is written in its own transaction, together with the step it answers, before
//!   the exercise sees it. A crash, `SIGKILL` or closed terminal loses nothing already typed,
//!   and `nearer resume` replays the answers into a fresh exercise with the same seed.
//! - WAL mode, `synchronous = FULL`, foreign keys on, a busy timeout, and `BEGIN IMMEDIATE`
//!   for every write, so many nearer processes can write at once without "database is locked".
//! - `secure_delete` is on, and `forget` rebuilds the search index, vacuums and truncates the
//!   WAL, so forgotten text does not linger in the file.
//! - The file, its WAL and shm are created 0600 (SQLite gives the WAL and shm the database's
//!   mode). A database from a newer nearer is refused untouched; a damaged one is never
//!   overwritten; a database with data is backed up before a migration.

pub mod clock;
pub mod migrations;
pub mod queries;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use rusqlite::{Connection, ErrorCode, OpenFlags};

use crate::home::Home;

pub use queries::*;

/// The database file's name inside the home.
pub const FILE: &str = "nearer.db";
/// The folder inside the home for backups (automatic ones before migrations, and the default
/// of `nearer backup`).
pub const BACKUPS: &str = "backups";

/// How long a writer waits for another nearer process before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// An open database.
pub struct Db {
    conn: Connection,
    path: PathBuf,
    backups: PathBuf,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Db({})", self.path.display())
    }
}

impl Db {
    /// Opens (creating if needed) the database of `home`, migrating it to the latest schema.
    pub fn open(home: &Home) -> Result<Self> {
        home.ensure()?;
        warn_if_loose(home.root(), 0o077, "folder", "700");
        Db::open_at(&home.root().join(FILE), &home.root().join(BACKUPS))
    }

    /// Opens the database at `path`; `backups` is where a pre-migration backup goes.
    pub fn open_at(path: &Path, backups: &Path) -> Result<Self> {
        create_private_file(path)?;
        warn_if_loose(path, 0o077, "file", "600");
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let mut db = Db {
            conn: Connection::open_with_flags(path, flags)
                .map_err(|e| explain(e, path, backups))
                .with_context(|| format!("could not open the database {}", path.display()))?,
            path: path.to_path_buf(),
            backups: backups.to_path_buf(),
        };
        db.conn
            .busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| db.explain(e))?;
        let version = migrations::version(&db.conn).map_err(|e| db.explain(e))?;
        if version > migrations::LATEST {
            bail!(
                "the database {} was written by a newer nearer (schema {version}; this one knows up to {}). \
                 It was left untouched; update nearer to use it",
                path.display(),
                migrations::LATEST
            );
        }
        db.set_pragmas()?;
        if version < migrations::LATEST {
            if version > 0 && db.has_sessions()? {
                let to = db.backups.join(format!(
                    "before-schema-{}-{}.db",
                    migrations::LATEST,
                    clock::now().strftime("%Y%m%d-%H%M%S")
                ));
                db.backup_to(&to).with_context(|| {
                    format!("could not back up {} before upgrading it", path.display())
                })?;
            }
            migrations::migrate_to(&mut db.conn, migrations::LATEST)
                .map_err(|e| db.explain(e))
                .with_context(|| format!("could not upgrade the database {}", path.display()))?;
        }
        Ok(db)
    }

    fn set_pragmas(&self) -> Result<()> {
        // Turning WAL on needs a moment of exclusive access; another nearer starting at the
        // same time may hold it, so retry briefly rather than fail.
        let mut tries = 0;
        loop {
            match self
                .conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0))
            {
                Ok(_) => break,
                Err(e) if is_busy(&e) && tries < 300 => {
                    tries += 1;
                    std::thread::sleep(Duration::from_millis(100));
                }
                Err(e) => return Err(self.explain(e)),
            }
        }
        self.conn
            .execute_batch(
                "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA secure_delete = ON;",
            )
            .map_err(|e| self.explain(e))
    }

    fn has_sessions(&self) -> Result<bool> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = 'sessions'",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.explain(e))?;
        Ok(n > 0)
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Where backups go by default.
    pub fn backups_dir(&self) -> &Path {
        &self.backups
    }

    /// Turns a SQLite error into one a person can act on (damaged file, full disk, ...).
    pub fn explain(&self, err: rusqlite::Error) -> anyhow::Error {
        explain(err, &self.path, &self.backups)
    }

    /// An online backup of the whole database to `to`, written to a temp file beside it and
    /// renamed into place, readable by the user alone.
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        let dir = match to.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        if !dir.is_dir() {
            crate::home::create_private_dir(&dir)?;
        }
        let name = to
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "backup.db".into());
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let _ = fs::remove_file(&tmp);
        let result = (|| -> Result<()> {
            create_private_file(&tmp)?;
            let mut dst = Connection::open(&tmp)
                .with_context(|| format!("could not create {}", tmp.display()))?;
            {
                let backup = rusqlite::backup::Backup::new(&self.conn, &mut dst)
                    .map_err(|e| self.explain(e))?;
                backup
                    .run_to_completion(256, Duration::from_millis(10), None)
                    .map_err(|e| explain(e, to, &self.backups))?;
            }
            dst.close()
                .map_err(|(_, e)| explain(e, to, &self.backups))?;
            fs::rename(&tmp, to).with_context(|| format!("could not write {}", to.display()))?;
            Ok(())
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result
    }

    /// The files in the backups folder, oldest first.
    pub fn backups(&self) -> Vec<PathBuf> {
        backup_files(&self.backups)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub(crate) fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }
}

fn backup_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    files.into_iter().map(|(_, p)| p).collect()
}

fn latest_backup(dir: &Path) -> Option<PathBuf> {
    backup_files(dir).pop()
}

fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
    )
}

/// Turns a SQLite error about the database at `path` into a message naming the fix.
pub fn explain(err: rusqlite::Error, path: &Path, backups: &Path) -> anyhow::Error {
    let shown = path.display();
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => {
            let restore = match latest_backup(backups) {
                Some(b) => format!(
                    "your latest backup is {}; to restore it, move the damaged file aside and copy the backup to {shown}",
                    b.display()
                ),
                None => format!(
                    "there is no backup in {}; to start afresh, move the damaged file aside (nothing will be read from it)",
                    backups.display()
                ),
            };
            anyhow!("the database {shown} is damaged ({err}). nearer has not changed it; {restore}")
        }
        Some(ErrorCode::DiskFull) => anyhow!(
            "the disk holding {shown} is full. Free some space and try again; everything answered before this is kept, and `nearer resume` continues"
        ),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => anyhow!(
            "the database {shown} stayed busy with another nearer for {} seconds. Close the other nearer (or wait for it) and try again",
            BUSY_TIMEOUT.as_secs()
        ),
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied | ErrorCode::CannotOpen) => anyhow!(
            "could not write the database {shown} ({err}). Check that it and its folder belong to you and are writable"
        ),
        _ => anyhow!("database {shown}: {err}"),
    }
}

/// Creates `path` empty with mode 0600 if it does not exist; never truncates.
pub fn create_private_file(path: &Path) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options
        .open(path)
        .map(drop)
        .with_context(|| format!("could not create {}", path.display()))
}

/// Warns on stderr when `path` is open to others (any of the `loose` mode bits set).
pub fn warn_if_loose(path: &Path, loose: u32, what: &str, fix: &str) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = fs::metadata(path) {
            let mode = meta.permissions().mode() & 0o777;
            if mode & loose != 0 {
                eprintln!(
                    "warning: nearer's {what} {} can be read by others (mode {mode:o}); `chmod {fix} {}` makes it private",
                    path.display(),
                    path.display()
                );
            }
        }
    }
    #[cfg(not(unix))]
    let _ = (path, loose, what, fix);
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn temp_db() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Db::open_at(&dir.path().join(FILE), &dir.path().join(BACKUPS)).expect("open");
        (dir, db)
    }

    #[cfg(unix)]
    #[test]
    fn the_database_wal_and_shm_are_private() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, db) = temp_db();
        db.conn()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
            .expect("write");
        for name in [FILE, "nearer.db-wal", "nearer.db-shm"] {
            let mode = fs::metadata(dir.path().join(name))
                .expect("exists")
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600, "{name}");
        }
    }

    #[test]
    fn a_newer_database_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        {
            let conn = Connection::open(&path).expect("create");
            conn.execute_batch("PRAGMA user_version = 99; CREATE TABLE future (x);")
                .expect("future schema");
        }
        let before = fs::read(&path).expect("read");
        let err = Db::open_at(&path, &dir.path().join(BACKUPS)).expect_err("refused");
        let text = format!("{err:#}");
        assert!(text.contains("newer nearer"), "{text}");
        assert!(text.contains("untouched"), "{text}");
        assert_eq!(fs::read(&path).expect("read"), before);
    }

    #[test]
    fn a_damaged_database_is_named_and_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        let garbage = b"this is not a database, it is a shopping list: eggs, tea".repeat(100);
        fs::write(&path, &garbage).expect("write");
        fs::create_dir(dir.path().join(BACKUPS)).expect("mkdir");
        fs::write(dir.path().join(BACKUPS).join("nearer-1.db"), b"x").expect("backup");
        let err = Db::open_at(&path, &dir.path().join(BACKUPS)).expect_err("refused");
        let text = format!("{err:#}");
        assert!(text.contains("is damaged"), "{text}");
        assert!(text.contains("nearer-1.db"), "{text}");
        assert_eq!(fs::read(&path).expect("read"), garbage);
    }

    #[test]
    fn opening_an_older_database_with_data_backs_it_up_then_upgrades_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(FILE);
        {
            let mut conn = Connection::open(&path).expect("create");
            migrations::migrate_to(&mut conn, 1).expect("version 1");
            conn.execute_batch(
                "INSERT INTO sessions (pack, pack_version, exercise, title, component, \
                 content_hash, seed, started_at) VALUES ('p', '1.0.0', 'e', 'E', 'trust', 'h', 1, \
                 '2026-01-01T00:00:00Z');
                 INSERT INTO journal (session_id, title, text, written_at)
                 VALUES (1, 't', 'an old entry about otters', '2026-01-01T00:00:00Z');",
            )
            .expect("old data");
        }
        let db = Db::open_at(&path, &dir.path().join(BACKUPS)).expect("upgrade");
        assert_eq!(
            migrations::version(db.conn()).expect("version"),
            migrations::LATEST
        );
        let found = db
            .journal(&Filter {
                search: Some("otter".into()),
                ..Filter::default()
            })
            .expect("search");
        assert_eq!(found.len(), 1);
        let backups = db.backups();
        assert_eq!(backups.len(), 1, "{backups:?}");
        let old = Connection::open(&backups[0]).expect("backup opens");
        assert_eq!(migrations::version(&old).expect("version"), 1);
    }

    #[test]
    fn a_full_disk_says_so() {
        let (_dir, db) = temp_db();
        db.conn()
            .execute_batch("PRAGMA max_page_count = 40;")
            .expect("cap");
        db.conn()
            .execute_batch("CREATE TABLE big (x TEXT);")
            .expect("table");
        let big = "x".repeat(400_000);
        let err = db
            .conn()
            .execute("INSERT INTO big VALUES (?1)", [&big])
            .map_err(|e| db.explain(e))
            .expect_err("full");
        assert!(format!("{err:#}").contains("is full"), "{err:#}");
    }

    #[test]
    fn backups_are_complete_and_private() {
        let (dir, db) = temp_db();
        db.conn()
            .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES ('kept');")
            .expect("write");
        let to = dir.path().join("out").join("copy.db");
        db.backup_to(&to).expect("backup");
        let copy = Connection::open(&to).expect("open copy");
        let x: String = copy
            .query_row("SELECT x FROM t", [], |r| r.get(0))
            .expect("row");
        assert_eq!(x, "kept");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&to).expect("exists").permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
