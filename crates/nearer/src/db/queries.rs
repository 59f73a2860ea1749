//! Every read and write of the database, as methods on [`Db`]; no SQL lives elsewhere.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use nearer_core::{Answer, Outcome, PriorSession, Score, Step};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, OptionalExtension, Row, TransactionBehavior};

use super::{clock, Db};

/// What is known when a session starts.
#[derive(Debug, Clone)]
pub struct NewSession {
    /// Pack id.
    pub pack: String,
    /// Pack version that ran it.
    pub pack_version: String,
    /// Exercise id.
    pub exercise: String,
    /// Exercise title, as shown then.
    pub title: String,
    /// The exercise's component (trust, communication, ...).
    pub component: String,
    /// Hash of the exercise's content (see `cmd::run::content_hash`).
    pub content_hash: String,
    /// The session's seed.
    pub seed: u64,
    /// The participants' names.
    pub participants: Vec<String>,
    /// The locale.
    pub locale: String,
}

/// A recorded session.
#[derive(Debug, Clone)]
pub struct SessionRow {
    /// Its number, shown to people and used by `resume`, `export` and `forget`.
    pub id: i64,
    /// Pack id.
    pub pack: String,
    /// Pack version that ran it.
    pub pack_version: String,
    /// Exercise id.
    pub exercise: String,
    /// Exercise title.
    pub title: String,
    /// Component.
    pub component: String,
    /// Content hash at the time.
    pub content_hash: String,
    /// Seed.
    pub seed: u64,
    /// Participants' names.
    pub participants: Vec<String>,
    /// Locale.
    pub locale: String,
    /// When it started (stored form).
    pub started_at: String,
    /// When it finished; `None` while it is open (paused or interrupted).
    pub finished_at: Option<String>,
    /// The outcome's summary.
    pub summary: Option<String>,
    /// What the outcome asked to carry to the next session.
    pub carry: BTreeMap<String, String>,
    /// How many answers are recorded.
    pub answers: i64,
}

/// One recorded answer.
#[derive(Debug, Clone)]
pub struct AnswerRow {
    /// 0-based position in the session.
    pub seq: i64,
    /// Whose turn it was.
    pub participant: Option<String>,
    /// The step it answers.
    pub step: Step,
    /// The answer.
    pub answer: Answer,
    /// When it was given.
    pub answered_at: String,
}

/// One score of a finished session.
#[derive(Debug, Clone)]
pub struct ScoreRow {
    /// Score name.
    pub name: String,
    /// Whose rating.
    pub participant: Option<String>,
    /// Value.
    pub value: f64,
}

/// One journal entry, with where it came from.
#[derive(Debug, Clone)]
pub struct JournalRow {
    /// Entry id.
    pub id: i64,
    /// The session.
    pub session_id: i64,
    /// Pack id.
    pub pack: String,
    /// Exercise id.
    pub exercise: String,
    /// Exercise title.
    pub exercise_title: String,
    /// Component.
    pub component: String,
    /// Who wrote it (the entry's participant, else a solo session's one named person).
    pub who: Option<String>,
    /// The question it answers.
    pub title: String,
    /// What was written.
    pub text: String,
    /// When.
    pub written_at: String,
    /// A private answer its writer never revealed to the other person.
    pub private: bool,
}

/// Which data a command is about. Empty means everything.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// One session.
    pub session: Option<i64>,
    /// One pack.
    pub pack: Option<String>,
    /// One component.
    pub component: Option<String>,
    /// One person (case-insensitive).
    pub who: Option<String>,
    /// Sessions started (entries written) at or after this stored timestamp.
    pub since: Option<String>,
    /// Journal text to search for (FTS5; words, each matched as a prefix).
    pub search: Option<String>,
    /// Also show the private journal entries this person wrote (everyone else's stay hidden).
    pub private_of: Option<String>,
}

/// How much a filter covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Sessions.
    pub sessions: i64,
    /// Answers.
    pub answers: i64,
    /// Journal entries.
    pub journal: i64,
}

const SESSION_COLUMNS: &str = "s.id, s.pack, s.pack_version, s.exercise, s.title, s.component, \
    s.content_hash, s.seed, s.participants, s.locale, s.started_at, s.finished_at, s.summary, \
    s.carry, (SELECT count(*) FROM answers a WHERE a.session_id = s.id)";

fn session_row(r: &Row<'_>) -> rusqlite::Result<SessionRow> {
    let participants: String = r.get(8)?;
    let carry: String = r.get(13)?;
    let seed: i64 = r.get(7)?;
    Ok(SessionRow {
        id: r.get(0)?,
        pack: r.get(1)?,
        pack_version: r.get(2)?,
        exercise: r.get(3)?,
        title: r.get(4)?,
        component: r.get(5)?,
        content_hash: r.get(6)?,
        // Seeds are u64; SQLite integers are i64. The bits are stored as they are.
        seed: seed as u64,
        participants: serde_json::from_str(&participants).unwrap_or_default(),
        locale: r.get(9)?,
        started_at: r.get(10)?,
        finished_at: r.get(11)?,
        summary: r.get(12)?,
        carry: serde_json::from_str(&carry).unwrap_or_default(),
        answers: r.get(14)?,
    })
}

/// Turns free text into an FTS5 query: each word quoted (so no syntax can break it) and
/// matched as a prefix; all words must occur.
fn fts_query(text: &str) -> Option<String> {
    // An apostrophe splits a word in the index too ("river's" is "river" and "s"); the part
    // before it, as a prefix, finds the word with any ending.
    let words: Vec<String> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '\u{2019}'))
        .filter_map(|w| w.split(['\'', '\u{2019}']).next())
        .filter(|w| !w.is_empty())
        .map(|w| format!("\"{w}\"*"))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

impl Filter {
    /// `WHERE` conditions on sessions `s`, with their parameters.
    fn session_conditions(&self, out: &mut Vec<String>, values: &mut Vec<Value>) {
        if let Some(id) = self.session {
            out.push("s.id = ?".into());
            values.push(Value::Integer(id));
        }
        if let Some(pack) = &self.pack {
            out.push("s.pack = ?".into());
            values.push(Value::Text(pack.clone()));
        }
        if let Some(component) = &self.component {
            out.push("s.component = ? COLLATE NOCASE".into());
            values.push(Value::Text(component.clone()));
        }
    }

    fn sessions_where(&self) -> (String, Vec<Value>) {
        let mut conds = Vec::new();
        let mut values = Vec::new();
        self.session_conditions(&mut conds, &mut values);
        if let Some(who) = &self.who {
            conds.push(
                "EXISTS (SELECT 1 FROM json_each(s.participants) p WHERE p.value = ? COLLATE NOCASE)"
                    .into(),
            );
            values.push(Value::Text(who.clone()));
        }
        if let Some(since) = &self.since {
            conds.push("s.started_at >= ?".into());
            values.push(Value::Text(since.clone()));
        }
        (where_clause(&conds), values)
    }
}

fn where_clause(conds: &[String]) -> String {
    if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    }
}

/// Who wrote a journal entry: its participant, else the one named person of a solo session.
const JOURNAL_WHO: &str =
    "coalesce(j.participant, CASE WHEN json_array_length(s.participants) = 1 \
     THEN json_extract(s.participants, '$[0]') END)";

impl Db {
    /// Records a new, open session and returns its number.
    pub fn start_session(&mut self, s: &NewSession) -> Result<i64> {
        let participants = serde_json::to_string(&s.participants)?;
        let now = clock::now_stamp();
        let tx = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate);
        let result = tx.and_then(|tx| {
            tx.execute(
                "INSERT INTO sessions (pack, pack_version, exercise, title, component, content_hash, \
                 seed, participants, locale, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                params![
                    s.pack,
                    s.pack_version,
                    s.exercise,
                    s.title,
                    s.component,
                    s.content_hash,
                    s.seed as i64,
                    participants,
                    s.locale,
                    now
                ],
            )?;
            let id = tx.last_insert_rowid();
            tx.commit()?;
            Ok(id)
        });
        result
            .map_err(|e| self.explain(e))
            .context("could not record the start of the session")
    }

    /// Records answer number `seq` (0-based) of `session`, with the step it answers, in one
    /// transaction that is on disk when this returns.
    pub fn record_answer(
        &mut self,
        session: i64,
        seq: i64,
        step: &Step,
        answer: &Answer,
    ) -> Result<()> {
        let step_json = serde_json::to_string(step)?;
        let answer_json = serde_json::to_string(answer)?;
        let now = clock::now_stamp();
        let result = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .and_then(|tx| {
                tx.execute(
                    "INSERT INTO answers (session_id, seq, participant, step, answer, answered_at) \
                     VALUES (?, ?, ?, ?, ?, ?)",
                    params![session, seq, step.turn, step_json, answer_json, now],
                )?;
                tx.commit()
            });
        match result {
            Ok(()) => Ok(()),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::ConstraintViolation) => {
                anyhow::bail!(
                    "session {session} is being continued somewhere else too (answer {} is already recorded); close the other nearer and run `nearer resume {session}` again",
                    seq + 1
                )
            }
            Err(e) => Err(self.explain(e)).context("could not save your answer"),
        }
    }

    /// Closes `session` with its outcome: summary, carry, scores and journal, in one
    /// transaction.
    pub fn finish_session(&mut self, session: i64, outcome: &Outcome) -> Result<()> {
        let carry = serde_json::to_string(&outcome.carry)?;
        let now = clock::now_stamp();
        let result = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .and_then(|tx| {
                tx.execute(
                    "UPDATE sessions SET finished_at = ?, summary = ?, carry = ? WHERE id = ?",
                    params![now, outcome.summary, carry, session],
                )?;
                for score in &outcome.scores {
                    tx.execute(
                        "INSERT INTO scores (session_id, name, participant, value) VALUES (?, ?, ?, ?)",
                        params![session, score.name, score.participant, score.value],
                    )?;
                }
                for entry in &outcome.journal {
                    tx.execute(
                        "INSERT INTO journal (session_id, participant, title, text, written_at, \
                         private) VALUES (?, ?, ?, ?, ?, ?)",
                        params![
                            session,
                            entry.participant,
                            entry.title,
                            entry.text,
                            now,
                            entry.private
                        ],
                    )?;
                }
                tx.commit()
            });
        result
            .map_err(|e| self.explain(e))
            .context("could not save the end of the session")
    }

    /// Adds scores to finished session `session` (the host's after-exercise items), in one
    /// transaction.
    pub fn add_scores(&mut self, session: i64, scores: &[Score]) -> Result<()> {
        let result = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .and_then(|tx| {
                for score in scores {
                    tx.execute(
                        "INSERT INTO scores (session_id, name, participant, value) VALUES (?, ?, ?, ?)",
                        params![session, score.name, score.participant, score.value],
                    )?;
                }
                tx.commit()
            });
        result
            .map_err(|e| self.explain(e))
            .context("could not save your ratings")
    }

    /// Session `id`, if it exists.
    pub fn session(&self, id: i64) -> Result<Option<SessionRow>> {
        self.conn()
            .query_row(
                &format!("SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.id = ?"),
                [id],
                session_row,
            )
            .optional()
            .map_err(|e| self.explain(e))
    }

    /// The most recently started open session.
    pub fn latest_open(&self) -> Result<Option<SessionRow>> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.finished_at IS NULL \
                     ORDER BY s.started_at DESC, s.id DESC LIMIT 1"
                ),
                [],
                session_row,
            )
            .optional()
            .map_err(|e| self.explain(e))
    }

    /// The latest open session of `pack/exercise` that has answers, if any.
    pub fn paused_of(&self, pack: &str, exercise: &str) -> Result<Option<SessionRow>> {
        self.conn()
            .query_row(
                &format!(
                    "SELECT {SESSION_COLUMNS} FROM sessions s WHERE s.pack = ? AND s.exercise = ? \
                     AND s.finished_at IS NULL \
                     AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id) \
                     ORDER BY s.started_at DESC, s.id DESC LIMIT 1"
                ),
                [pack, exercise],
                session_row,
            )
            .optional()
            .map_err(|e| self.explain(e))
    }

    /// Sessions matching `filter`, oldest first.
    pub fn sessions(&self, filter: &Filter) -> Result<Vec<SessionRow>> {
        let (cond, values) = filter.sessions_where();
        let sql =
            format!("SELECT {SESSION_COLUMNS} FROM sessions s {cond} ORDER BY s.started_at, s.id");
        self.collect(&sql, values, session_row)
    }

    /// The answers of `session`, in order.
    pub fn answers(&self, session: i64) -> Result<Vec<AnswerRow>> {
        let rows: Vec<(i64, Option<String>, String, String, String)> = self.collect(
            "SELECT seq, participant, step, answer, answered_at FROM answers \
             WHERE session_id = ? ORDER BY seq",
            vec![Value::Integer(session)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )?;
        rows.into_iter()
            .map(|(seq, participant, step, answer, answered_at)| {
                Ok(AnswerRow {
                    seq,
                    participant,
                    step: serde_json::from_str(&step).with_context(|| {
                        format!(
                            "answer {} of session {session} is damaged in the database",
                            seq + 1
                        )
                    })?,
                    answer: serde_json::from_str(&answer).with_context(|| {
                        format!(
                            "answer {} of session {session} is damaged in the database",
                            seq + 1
                        )
                    })?,
                    answered_at,
                })
            })
            .collect()
    }

    /// What finished sessions of `pack/exercise` by the same people recorded, oldest first;
    /// with `before`, only sessions numbered below it (what an interrupted session saw when
    /// it started). "The same people" is the same set of names in any order, so a promise
    /// made to one partner is never shown in a session with another.
    pub fn prior_sessions(
        &self,
        pack: &str,
        exercise: &str,
        people: &[String],
        before: Option<i64>,
    ) -> Result<Vec<PriorSession>> {
        let mut wanted = people.to_vec();
        wanted.sort();
        let rows: Vec<(i64, String, String, String)> = self.collect(
            "SELECT id, finished_at, participants, carry FROM sessions \
             WHERE pack = ? AND exercise = ? AND finished_at IS NOT NULL AND id < ? \
             ORDER BY finished_at, id",
            vec![
                Value::Text(pack.into()),
                Value::Text(exercise.into()),
                Value::Integer(before.unwrap_or(i64::MAX)),
            ],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )?;
        let mut out = Vec::new();
        for (id, finished_at, participants, carry) in rows {
            let participants: Vec<String> = serde_json::from_str(&participants).unwrap_or_default();
            let mut sorted = participants.clone();
            sorted.sort();
            if sorted != wanted {
                continue;
            }
            let scores = self.collect(
                "SELECT name, participant, value FROM scores WHERE session_id = ? ORDER BY id",
                vec![Value::Integer(id)],
                |r| {
                    Ok(Score {
                        name: r.get(0)?,
                        participant: r.get(1)?,
                        value: r.get(2)?,
                    })
                },
            )?;
            out.push(PriorSession {
                finished_at,
                participants,
                carry: serde_json::from_str(&carry).unwrap_or_default(),
                scores,
            });
        }
        Ok(out)
    }

    /// The content hash and pack version of the latest session of `pack/exercise`.
    pub fn last_seen(&self, pack: &str, exercise: &str) -> Result<Option<(String, String)>> {
        self.conn()
            .query_row(
                "SELECT content_hash, pack_version FROM sessions WHERE pack = ? AND exercise = ? \
                 ORDER BY started_at DESC, id DESC LIMIT 1",
                [pack, exercise],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(|e| self.explain(e))
    }

    /// Journal entries matching `filter`, oldest first. Private entries are left out, except
    /// those written by `filter.private_of`.
    pub fn journal(&self, filter: &Filter) -> Result<Vec<JournalRow>> {
        self.journal_where(filter, false)
    }

    /// How many private entries matching `filter` were left out of [`Db::journal`].
    pub fn hidden_private(&self, filter: &Filter) -> Result<usize> {
        Ok(self.journal_where(filter, true)?.len())
    }

    fn journal_where(&self, filter: &Filter, hidden: bool) -> Result<Vec<JournalRow>> {
        let mut conds = Vec::new();
        let mut values = Vec::new();
        match (&filter.private_of, hidden) {
            (None, false) => conds.push("j.private = 0".to_owned()),
            (None, true) => conds.push("j.private = 1".to_owned()),
            (Some(who), false) => {
                conds.push(format!(
                    "(j.private = 0 OR coalesce({JOURNAL_WHO}, '') = ? COLLATE NOCASE)"
                ));
                values.push(Value::Text(who.clone()));
            }
            (Some(who), true) => {
                conds.push(format!(
                    "(j.private = 1 AND coalesce({JOURNAL_WHO}, '') <> ? COLLATE NOCASE)"
                ));
                values.push(Value::Text(who.clone()));
            }
        }
        filter.session_conditions(&mut conds, &mut values);
        if let Some(who) = &filter.who {
            conds.push(format!("{JOURNAL_WHO} = ? COLLATE NOCASE"));
            values.push(Value::Text(who.clone()));
        }
        if let Some(since) = &filter.since {
            conds.push("j.written_at >= ?".into());
            values.push(Value::Text(since.clone()));
        }
        if let Some(search) = &filter.search {
            match fts_query(search) {
                Some(q) => {
                    conds.push(
                        "j.id IN (SELECT rowid FROM journal_fts WHERE journal_fts MATCH ?)".into(),
                    );
                    values.push(Value::Text(q));
                }
                // Nothing searchable (only punctuation): nothing matches.
                None => return Ok(Vec::new()),
            }
        }
        let sql = format!(
            "SELECT j.id, j.session_id, s.pack, s.exercise, s.title, s.component, {JOURNAL_WHO}, \
             j.title, j.text, j.written_at, j.private FROM journal j \
             JOIN sessions s ON s.id = j.session_id \
             {} ORDER BY j.written_at, j.id",
            where_clause(&conds)
        );
        self.collect(&sql, values, |r| {
            Ok(JournalRow {
                id: r.get(0)?,
                session_id: r.get(1)?,
                pack: r.get(2)?,
                exercise: r.get(3)?,
                exercise_title: r.get(4)?,
                component: r.get(5)?,
                who: r.get(6)?,
                title: r.get(7)?,
                text: r.get(8)?,
                written_at: r.get(9)?,
                private: r.get(10)?,
            })
        })
    }

    /// Scores of finished sessions matching `filter`, oldest first.
    pub fn scores(&self, filter: &Filter) -> Result<Vec<ScoreRow>> {
        let (cond, values) = filter.sessions_where();
        let cond = if cond.is_empty() {
            "WHERE s.finished_at IS NOT NULL".to_owned()
        } else {
            format!("{cond} AND s.finished_at IS NOT NULL")
        };
        let sql = format!(
            "SELECT c.name, c.participant, c.value FROM scores c \
             JOIN sessions s ON s.id = c.session_id {cond} ORDER BY s.finished_at, s.id, c.id"
        );
        self.collect(&sql, values, |r| {
            Ok(ScoreRow {
                name: r.get(0)?,
                participant: r.get(1)?,
                value: r.get(2)?,
            })
        })
    }

    /// How many sessions, answers and journal entries `filter` covers.
    pub fn count(&self, filter: &Filter) -> Result<Counts> {
        let (cond, values) = filter.sessions_where();
        let sql = format!(
            "SELECT count(*), \
             coalesce(sum((SELECT count(*) FROM answers a WHERE a.session_id = s.id)), 0), \
             coalesce(sum((SELECT count(*) FROM journal j WHERE j.session_id = s.id)), 0) \
             FROM sessions s {cond}"
        );
        self.conn()
            .query_row(&sql, params_from_iter(values), |r| {
                Ok(Counts {
                    sessions: r.get(0)?,
                    answers: r.get(1)?,
                    journal: r.get(2)?,
                })
            })
            .map_err(|e| self.explain(e))
    }

    /// Deletes every session `filter` covers, with its answers, scores and journal entries,
    /// then compacts the file so the deleted text is gone from it (search index rebuilt,
    /// `VACUUM`, WAL truncated).
    pub fn forget(&mut self, filter: &Filter) -> Result<Counts> {
        let counts = self.count(filter)?;
        let (cond, values) = filter.sessions_where();
        let result = self
            .conn_mut()
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .and_then(|tx| {
                tx.execute(
                    &format!(
                        "DELETE FROM sessions WHERE id IN (SELECT s.id FROM sessions s {cond})"
                    ),
                    params_from_iter(values),
                )?;
                // The FTS5 index keeps deleted terms in old segments until they are merged;
                // rebuilding it from the journal leaves none behind.
                tx.execute_batch("INSERT INTO journal_fts (journal_fts) VALUES ('rebuild');")?;
                tx.commit()
            });
        result
            .map_err(|e| self.explain(e))
            .context("could not delete")?;
        self.compact()?;
        Ok(counts)
    }

    /// Rewrites the file without free pages and empties the WAL.
    pub fn compact(&mut self) -> Result<()> {
        self.conn()
            .execute_batch("VACUUM;")
            .map_err(|e| self.explain(e))
            .context("could not compact the database after deleting")?;
        self.conn()
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
            .map_err(|e| self.explain(e))
            .context("could not clear the database's write-ahead log")
    }

    fn collect<T>(
        &self,
        sql: &str,
        values: Vec<Value>,
        f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        let run = || -> rusqlite::Result<Vec<T>> {
            let mut stmt = self.conn().prepare(sql)?;
            let rows = stmt.query_map(params_from_iter(values), f)?;
            rows.collect()
        };
        run().map_err(|e| self.explain(e))
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::temp_db;
    use super::*;
    use nearer_core::{JournalEntry, Request};

    fn new_session(pack: &str, who: &[&str]) -> NewSession {
        NewSession {
            pack: pack.into(),
            pack_version: "1.0.0".into(),
            exercise: "reflect".into(),
            title: "Reflect".into(),
            component: "trust".into(),
            content_hash: "h1".into(),
            seed: u64::MAX - 3,
            participants: who.iter().map(|s| s.to_string()).collect(),
            locale: "en".into(),
        }
    }

    #[test]
    fn a_session_round_trips_with_answers_outcome_and_history() {
        let (_dir, mut db) = temp_db();
        let id = db
            .start_session(&new_session("p", &["Ada"]))
            .expect("start");
        let step = Step::new(vec![], Request::Continue);
        db.record_answer(id, 0, &step, &Answer::Continue)
            .expect("answer");
        db.record_answer(id, 1, &step, &Answer::Text("x".into()))
            .expect("answer");
        assert!(db.record_answer(id, 1, &step, &Answer::Pass).is_err());
        let open = db.latest_open().expect("query").expect("open session");
        assert_eq!((open.id, open.answers, open.seed), (id, 2, u64::MAX - 3));
        let mut outcome = Outcome {
            summary: "done".into(),
            ..Outcome::default()
        };
        outcome.carry.insert("promise".into(), "tea".into());
        outcome.scores.push(Score {
            name: "closeness_after".into(),
            participant: None,
            value: 5.0,
        });
        outcome.journal.push(JournalEntry {
            private: false,
            participant: None,
            title: "What helps".into(),
            text: "Walking together by the river".into(),
        });
        db.finish_session(id, &outcome).expect("finish");
        assert!(db.latest_open().expect("query").is_none());
        let ada = ["Ada".to_string()];
        let prior = db
            .prior_sessions("p", "reflect", &ada, None)
            .expect("prior");
        assert_eq!(prior.len(), 1);
        assert_eq!(prior[0].carry["promise"], "tea");
        assert_eq!(prior[0].scores[0].value, 5.0);
        assert!(db
            .prior_sessions("p", "reflect", &ada, Some(id))
            .expect("prior")
            .is_empty());
        let found = db
            .journal(&Filter {
                search: Some("river's".into()),
                ..Filter::default()
            })
            .expect("search");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].who.as_deref(), Some("Ada"));
        let answers = db.answers(id).expect("answers");
        assert_eq!(answers[1].answer, Answer::Text("x".into()));
    }

    #[test]
    fn history_belongs_to_the_same_people_in_any_order() {
        let (_dir, mut db) = temp_db();
        for who in [
            &["Ada", "Sam"][..],
            &["Ada", "Bo"],
            &["Sam", "Ada"],
            &["Ada"],
        ] {
            let id = db.start_session(&new_session("p", who)).expect("start");
            db.finish_session(id, &Outcome::default()).expect("finish");
        }
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let pair = db
            .prior_sessions("p", "reflect", &names(&["Sam", "Ada"]), None)
            .expect("prior");
        assert_eq!(pair.len(), 2);
        let bo = db
            .prior_sessions("p", "reflect", &names(&["Ada", "Bo"]), None)
            .expect("prior");
        assert_eq!(bo.len(), 1);
        assert_eq!(bo[0].participants, names(&["Ada", "Bo"]));
        let nobody = db.prior_sessions("p", "reflect", &[], None).expect("prior");
        assert!(nobody.is_empty());
    }

    #[test]
    fn forgetting_a_person_leaves_others() {
        let (_dir, mut db) = temp_db();
        db.start_session(&new_session("p", &["Ada", "Sam"]))
            .expect("start");
        db.start_session(&new_session("p", &["Bo"])).expect("start");
        let gone = db
            .forget(&Filter {
                who: Some("sam".into()),
                ..Filter::default()
            })
            .expect("forget");
        assert_eq!(gone.sessions, 1);
        let left = db.sessions(&Filter::default()).expect("sessions");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].participants, vec!["Bo".to_string()]);
    }

    #[test]
    fn searches_with_punctuation_never_break_the_query() {
        let (_dir, db) = temp_db();
        for text in ["\"", "AND OR NOT", "a*b", "(x", "-", "don't"] {
            db.journal(&Filter {
                search: Some(text.into()),
                ..Filter::default()
            })
            .expect("no syntax error");
        }
    }
}
