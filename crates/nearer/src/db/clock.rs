//! Time for the database: UTC timestamps in one sortable text form, local dates for people.
//!
//! Timestamps are stored as `YYYY-MM-DDTHH:MM:SSZ` (UTC, whole seconds), so text order is time
//! order and SQL can compare them directly. Dates shown to people, and the days of the practice
//! calendar, are in the system's time zone (`TZ`, else `/etc/localtime`). `NEARER_NOW` (an RFC
//! 3339 timestamp) fixes the clock, for tests and reproducible examples.

use anyhow::{Context, Result};
use jiff::civil::Date;
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};

const FORMAT: &str = "%Y-%m-%dT%H:%M:%SZ";

/// The system time zone, looked up once per process.
fn tz() -> TimeZone {
    static TZ: std::sync::OnceLock<TimeZone> = std::sync::OnceLock::new();
    TZ.get_or_init(TimeZone::system).clone()
}

/// Now, or `NEARER_NOW` when it is set to a valid timestamp.
pub fn now() -> Timestamp {
    std::env::var("NEARER_NOW")
        .ok()
        .and_then(|s| s.parse::<Timestamp>().ok())
        .unwrap_or_else(Timestamp::now)
}

/// `ts` in the stored form.
pub fn stamp(ts: Timestamp) -> String {
    ts.strftime(FORMAT).to_string()
}

/// Now, in the stored form.
pub fn now_stamp() -> String {
    stamp(now())
}

fn parse(stored: &str) -> Option<Timestamp> {
    stored.parse::<Timestamp>().ok()
}

/// The local calendar date of a stored timestamp.
pub fn local_date(stored: &str) -> Option<Date> {
    parse(stored).map(|ts| ts.to_zoned_datetime(tz()).date())
}

/// Today's local date.
pub fn today() -> Date {
    now().to_zoned_datetime(tz()).date()
}

/// A stored timestamp as local `YYYY-MM-DD HH:MM`, or the text itself if it does not parse.
pub fn local_minutes(stored: &str) -> String {
    match parse(stored) {
        Some(ts) => ts
            .to_zoned_datetime(tz())
            .strftime("%Y-%m-%d %H:%M")
            .to_string(),
        None => stored.to_owned(),
    }
}

/// The stored form of local midnight at the start of `date` (`YYYY-MM-DD`), for `--since`.
pub fn start_of_local_day(date: &str) -> Result<String> {
    let day: Date = date.trim().parse().with_context(|| {
        format!("{date:?} is not a date; write it as YYYY-MM-DD, e.g. 2026-01-31")
    })?;
    let start = day
        .to_zoned_datetime(tz())
        .with_context(|| format!("{date:?} has no midnight in this time zone"))?;
    Ok(stamp(start.timestamp()))
}

/// `date` moved by `days` (negative for earlier), saturating at the calendar's ends.
pub fn add_days(date: Date, days: i64) -> Date {
    date.saturating_add(days.days())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_sort_as_time_and_round_trip() {
        let a = Timestamp::from_second(1_700_000_000).expect("valid");
        let b = Timestamp::from_second(1_700_000_001).expect("valid");
        assert!(stamp(a) < stamp(b));
        assert_eq!(stamp(a), "2023-11-14T22:13:20Z");
        assert_eq!(parse(&stamp(a)), Some(a));
    }

    #[test]
    fn bad_dates_name_the_form() {
        let err = start_of_local_day("29/11/2026").expect_err("not ISO");
        assert!(format!("{err:#}").contains("YYYY-MM-DD"));
    }
}
