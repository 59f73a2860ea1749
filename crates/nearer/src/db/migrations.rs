//! The schema, as an ordered list of migrations; `PRAGMA user_version` says how many ran.
//!
//! Policy: a migration is never edited once released; a change is a new entry at the end.
//! Each runs inside the same `BEGIN IMMEDIATE` transaction as the version bump, so a crash
//! leaves the old version or the new one. Before migrating a database that holds data, the
//! caller takes a backup. A database whose version is above [`LATEST`] comes from a newer
//! nearer and is refused untouched.

use rusqlite::{Connection, TransactionBehavior};

/// Migration `i` (0-based) takes the schema from version `i` to version `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: sessions, each answer with the step it answers, scores, journal.
    r#"
    CREATE TABLE sessions (
        id            INTEGER PRIMARY KEY,
        pack          TEXT NOT NULL,
        pack_version  TEXT NOT NULL,
        exercise      TEXT NOT NULL,
        title         TEXT NOT NULL,
        component     TEXT NOT NULL,
        content_hash  TEXT NOT NULL,
        seed          INTEGER NOT NULL,
        participants  TEXT NOT NULL DEFAULT '[]',
        locale        TEXT NOT NULL DEFAULT 'en',
        started_at    TEXT NOT NULL,
        finished_at   TEXT,
        summary       TEXT,
        carry         TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX sessions_by_exercise ON sessions (pack, exercise, content_hash);
    CREATE TABLE answers (
        session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        participant   TEXT,
        step          TEXT NOT NULL,
        answer        TEXT NOT NULL,
        answered_at   TEXT NOT NULL,
        PRIMARY KEY (session_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE scores (
        id            INTEGER PRIMARY KEY,
        session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        name          TEXT NOT NULL,
        participant   TEXT,
        value         REAL NOT NULL
    );
    CREATE INDEX scores_by_session ON scores (session_id);
    CREATE TABLE journal (
        id            INTEGER PRIMARY KEY,
        session_id    INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        participant   TEXT,
        title         TEXT NOT NULL,
        text          TEXT NOT NULL,
        written_at    TEXT NOT NULL
    );
    CREATE INDEX journal_by_session ON journal (session_id);
    "#,
    // 2: full-text search over the journal (FTS5, external content kept in step by triggers).
    r#"
    CREATE VIRTUAL TABLE journal_fts USING fts5 (
        title, text, content = 'journal', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER journal_fts_insert AFTER INSERT ON journal BEGIN
        INSERT INTO journal_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER journal_fts_delete AFTER DELETE ON journal BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER journal_fts_update AFTER UPDATE ON journal BEGIN
        INSERT INTO journal_fts (journal_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO journal_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    INSERT INTO journal_fts (journal_fts) VALUES ('rebuild');
    "#,
    // 3: entries holding a private answer one person never revealed to the other.
    r#"
    ALTER TABLE journal ADD COLUMN private INTEGER NOT NULL DEFAULT 0;
    "#,
];

/// The schema version this nearer writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// The database's schema version.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
}

/// Brings the schema up to `target` (at most [`LATEST`]). Safe to call from many processes at
/// once: the version is read again inside the write transaction.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let from = version(&tx)?;
    for (i, sql) in MIGRATIONS.iter().enumerate() {
        let to = i as i64 + 1;
        if to > from && to <= target {
            tx.execute_batch(sql)?;
        }
    }
    if target > from {
        // `PRAGMA` takes no parameters; `target` is our own integer.
        tx.execute_batch(&format!("PRAGMA user_version = {target}"))?;
    }
    tx.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows a user of schema version `v` could have written, in that version's columns.
    fn seed_data(conn: &Connection, v: i64) {
        if v >= 1 {
            conn.execute_batch(
                r#"
                INSERT INTO sessions (id, pack, pack_version, exercise, title, component,
                    content_hash, seed, participants, started_at, finished_at, summary, carry)
                VALUES (1, 'trust', '1.0.0', 'small-promise', 'Small promise', 'trust', 'abc',
                    42, '["Ada","Sam"]', '2026-01-01T10:00:00Z', '2026-01-01T10:10:00Z',
                    'done', '{"promise":"walk on sunday"}'),
                       (2, 'trust', '1.0.0', 'check-in', 'Check-in', 'trust', 'def', 7, '[]',
                    '2026-01-02T10:00:00Z', NULL, NULL, '{}');
                INSERT INTO answers VALUES (1, 0, 'Ada', '{"request":"continue"}', '"continue"',
                    '2026-01-01T10:01:00Z');
                INSERT INTO answers VALUES (2, 0, NULL, '{"request":"continue"}', '"pass"',
                    '2026-01-02T10:01:00Z');
                INSERT INTO scores (session_id, name, participant, value)
                    VALUES (1, 'closeness_after', 'Ada', 6);
                INSERT INTO journal (session_id, participant, title, text, written_at)
                    VALUES (1, 'Ada', 'My promise', 'a quiet walk by the heron pond',
                    '2026-01-01T10:10:00Z');
                "#,
            )
            .expect("seed rows fit the schema");
        }
    }

    fn count(conn: &Connection, table: &str) -> i64 {
        conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .expect("count")
    }

    #[test]
    fn every_earlier_version_with_data_upgrades_without_loss() {
        for from in 0..=LATEST {
            let mut conn = Connection::open_in_memory().expect("memory db");
            migrate_to(&mut conn, from).expect("reach the old version");
            assert_eq!(version(&conn).expect("version"), from);
            seed_data(&conn, from);
            migrate_to(&mut conn, LATEST).expect("upgrade");
            assert_eq!(version(&conn).expect("version"), LATEST, "from {from}");
            if from >= 1 {
                assert_eq!(count(&conn, "sessions"), 2, "from {from}");
                assert_eq!(count(&conn, "answers"), 2, "from {from}");
                assert_eq!(count(&conn, "scores"), 1, "from {from}");
                assert_eq!(count(&conn, "journal"), 1, "from {from}");
                let carry: String = conn
                    .query_row("SELECT carry FROM sessions WHERE id = 1", [], |r| r.get(0))
                    .expect("carry");
                assert!(carry.contains("walk on sunday"));
                // Journal entries written before the search index existed are found by it.
                let hits: i64 = conn
                    .query_row(
                        "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'heron'",
                        [],
                        |r| r.get(0),
                    )
                    .expect("search");
                assert_eq!(hits, 1, "from {from}");
            }
            // Running the migrations again changes nothing.
            migrate_to(&mut conn, LATEST).expect("idempotent");
            assert_eq!(version(&conn).expect("version"), LATEST);
        }
    }

    #[test]
    fn deleting_a_session_cascades_to_its_rows_and_the_search_index() {
        let mut conn = Connection::open_in_memory().expect("memory db");
        conn.execute_batch("PRAGMA foreign_keys = ON").expect("fk");
        migrate_to(&mut conn, LATEST).expect("migrate");
        seed_data(&conn, LATEST);
        conn.execute("DELETE FROM sessions WHERE id = 1", [])
            .expect("delete");
        assert_eq!(count(&conn, "journal"), 0);
        assert_eq!(count(&conn, "scores"), 0);
        assert_eq!(count(&conn, "answers"), 1);
        let hits: i64 = conn
            .query_row(
                "SELECT count(*) FROM journal_fts WHERE journal_fts MATCH 'heron'",
                [],
                |r| r.get(0),
            )
            .expect("search");
        assert_eq!(hits, 0);
    }
}
