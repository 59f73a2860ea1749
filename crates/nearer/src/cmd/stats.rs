//! `nearer stats`: a calendar of practice days, sparklines of ratings over time, counts by
//! component, and a streak that encourages and never scolds.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use jiff::civil::Date;

use crate::cli::StatsArgs;
use crate::db::{clock, Db, Filter, ScoreRow, SessionRow};
use crate::home::Home;

/// How many weeks the calendar shows.
const WEEKS: i64 = 12;
/// How many of the latest ratings a sparkline shows.
const SPARK: usize = 30;

/// Prints the statistics.
pub fn run(home: &Home, args: StatsArgs) -> Result<()> {
    let db = Db::open(home)?;
    let filter = Filter {
        who: args.who,
        ..Filter::default()
    };
    let sessions = db.sessions(&filter)?;
    let mut scores = db.scores(&filter)?;
    if let Some(who) = &filter.who {
        // In a pair session, only this person's own ratings.
        scores.retain(|c| {
            c.participant
                .as_deref()
                .is_none_or(|p| p.eq_ignore_ascii_case(who))
        });
    }
    print!("{}", render(&sessions, &scores, clock::today()));
    Ok(())
}

/// The statistics as text, for `today`.
pub fn render(sessions: &[SessionRow], scores: &[ScoreRow], today: Date) -> String {
    let days: BTreeSet<Date> = sessions
        .iter()
        .filter(|s| s.finished_at.is_some() || s.answers > 0)
        .filter_map(|s| clock::local_date(s.finished_at.as_deref().unwrap_or(&s.started_at)))
        .collect();
    if days.is_empty() {
        return "No practice recorded yet. `nearer list` shows where to start; even five minutes counts.\n".into();
    }
    let mut out = String::new();
    out.push_str(&calendar(&days, today));
    out.push('\n');
    out.push_str(&streak(&days, today));
    let finished = sessions.iter().filter(|s| s.finished_at.is_some()).count();
    let first = clock::add_days(today, -(WEEKS * 7 - 1));
    let recent = days.iter().filter(|d| **d >= first && **d <= today).count();
    out.push_str(&format!(
        "{recent} day{} of practice in the last {WEEKS} weeks; {finished} session{} finished in all.\n",
        if recent == 1 { "" } else { "s" },
        if finished == 1 { "" } else { "s" },
    ));
    out.push_str(&components(sessions));
    out.push_str(&sparklines(scores));
    out
}

fn calendar(days: &BTreeSet<Date>, today: Date) -> String {
    let monday = clock::add_days(today, -i64::from(today.weekday().to_monday_zero_offset()));
    let start = clock::add_days(monday, -(WEEKS - 1) * 7);
    // A month's name sits above the first week holding its 1st; the first column is named
    // too, unless the next name would crowd it.
    let month_of = |week_start: Date| clock::add_days(week_start, 6).strftime("%b").to_string();
    let mut labels: Vec<(usize, String)> = (1..WEEKS)
        .map(|w| clock::add_days(start, w * 7))
        .enumerate()
        .filter(|(_, ws)| (0..7).any(|d| clock::add_days(*ws, d).day() == 1))
        .map(|(i, ws)| (5 + (i + 1) * 2, month_of(ws)))
        .collect();
    if labels.first().is_none_or(|(col, _)| *col >= 5 + 4) {
        labels.insert(0, (5, start.strftime("%b").to_string()));
    }
    let mut months = String::new();
    for (col, label) in labels {
        while months.len() < col {
            months.push(' ');
        }
        months.push_str(&label);
    }
    let mut out = format!("Practice, last {WEEKS} weeks\n{}\n", months.trim_end());
    for (row, name) in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        .iter()
        .enumerate()
    {
        let mut line = format!("{name}  ");
        for w in 0..WEEKS {
            let day = clock::add_days(start, w * 7 + row as i64);
            let mark = if day > today {
                ' '
            } else if days.contains(&day) {
                '#'
            } else {
                '.'
            };
            line.push(mark);
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str("     # a day you practised   . a day to rest\n");
    out
}

fn run_ending(days: &BTreeSet<Date>, end: Date) -> i64 {
    let mut n = 0;
    let mut day = end;
    while days.contains(&day) {
        n += 1;
        day = clock::add_days(day, -1);
    }
    n
}

fn streak(days: &BTreeSet<Date>, today: Date) -> String {
    let yesterday = clock::add_days(today, -1);
    // One pass over the sorted days: a run grows while each day follows the one before.
    let mut longest = 0;
    let mut run = 0;
    let mut prev: Option<Date> = None;
    for day in days {
        run = match prev {
            Some(p) if clock::add_days(p, 1) == *day => run + 1,
            _ => 1,
        };
        longest = longest.max(run);
        prev = Some(*day);
    }
    let now = run_ending(days, today);
    let before = run_ending(days, yesterday);
    let mut out = if now >= 2 {
        format!("You have practised {now} days in a row, today included. Lovely.\n")
    } else if now == 1 {
        "You practised today. That counts.\n".to_owned()
    } else if before >= 2 {
        format!(
            "You practised {before} days in a row, up to yesterday. Today is open, if you feel like it.\n"
        )
    } else if before == 1 {
        "You practised yesterday. Today is open, if you feel like it.\n".to_owned()
    } else if let Some(last) = days.iter().next_back() {
        format!(
            "Your last practice was on {}. Whenever you are ready, something short is waiting in `nearer list`.\n",
            last.strftime("%a %-d %b %Y")
        )
    } else {
        String::new()
    };
    if longest >= 2 && longest > now.max(before) {
        out.push_str(&format!(
            "Your longest run so far: {longest} days in a row.\n"
        ));
    }
    out
}

fn components(sessions: &[SessionRow]) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sessions.iter().filter(|s| s.finished_at.is_some()) {
        *counts.entry(s.component.as_str()).or_default() += 1;
    }
    if counts.is_empty() {
        return String::new();
    }
    let width = counts.keys().map(|k| k.len()).max().unwrap_or(0);
    let most = counts.values().copied().max().unwrap_or(1).max(1);
    let mut out = String::from("\nFinished sessions by component\n");
    for (name, n) in &counts {
        let bar = "#".repeat((n * 20).div_ceil(most));
        out.push_str(&format!("  {name:<width$}  {bar} {n}\n"));
    }
    out
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// A sparkline of `values` between `lo` and `hi`.
pub fn sparkline(values: &[f64], lo: f64, hi: f64) -> String {
    values
        .iter()
        .map(|v| {
            let t = if hi > lo { (v - lo) / (hi - lo) } else { 0.5 };
            let i = (t.clamp(0.0, 1.0) * 7.0).round() as usize;
            BARS[i.min(7)]
        })
        .collect()
}

fn sparklines(scores: &[ScoreRow]) -> String {
    let mut series: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for c in scores {
        let name = c.name.replace('_', " ");
        let key = match &c.participant {
            Some(p) => format!("{name} ({p})"),
            None => name,
        };
        series.entry(key).or_default().push(c.value);
    }
    if series.is_empty() {
        return String::new();
    }
    let width = series.keys().map(|k| k.chars().count()).max().unwrap_or(0);
    let spark_width = series
        .values()
        .map(|v| v.len().min(SPARK))
        .max()
        .unwrap_or(0);
    let mut out = String::from("\nYour ratings over time, oldest first\n");
    for (name, values) in &series {
        let shown = &values[values.len().saturating_sub(SPARK)..];
        let lo = shown.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = shown.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // Ratings on the usual 1-7 scales are drawn against the whole scale.
        let (lo, hi) = if lo >= 1.0 && hi <= 7.0 {
            (1.0, 7.0)
        } else {
            (lo, hi)
        };
        let last = shown.last().copied().unwrap_or_default();
        out.push_str(&format!(
            "  {name:<width$}  {:<spark_width$}  latest {last}, {} rating{}\n",
            sparkline(shown, lo, hi),
            values.len(),
            if values.len() == 1 { "" } else { "s" },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_span_the_scale() {
        assert_eq!(sparkline(&[1.0, 4.0, 7.0], 1.0, 7.0), "▁▅█");
        assert_eq!(sparkline(&[3.0, 3.0], 3.0, 3.0), "▅▅");
    }

    #[test]
    fn a_broken_streak_is_never_a_loss_message() {
        let today: Date = "2026-11-29".parse().expect("date");
        let days: BTreeSet<Date> = ["2026-11-01", "2026-11-02", "2026-11-03"]
            .iter()
            .map(|d| d.parse().expect("date"))
            .collect();
        let text = streak(&days, today).to_lowercase();
        for word in ["lost", "broke", "missed", "failed", "only"] {
            assert!(!text.contains(word), "{word} in {text}");
        }
        assert!(text.contains("3 days in a row"), "{text}");
    }
}
