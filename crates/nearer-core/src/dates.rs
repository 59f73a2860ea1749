//! Calendar arithmetic on the host's RFC 3339 timestamps, so exercises can say "in the last 30
//! days" from [`crate::SessionContext::started_at`] without reading a clock.

use crate::step::PriorSession;

/// Days from 1970-01-01 to the date at the start of an RFC 3339 timestamp (`YYYY-MM-DD...`).
pub fn day_number(timestamp: &str) -> Option<i64> {
    let date = timestamp.get(..10)?;
    let mut parts = date.split('-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: i64 = parts.next()?.parse().ok()?;
    let d: i64 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whole days from `earlier` to `later`, by calendar date (UTC).
pub fn days_between(earlier: &str, later: &str) -> Option<i64> {
    Some(day_number(later)? - day_number(earlier)?)
}

/// The sessions in `history` that finished within `days` days before `now` (a session's start
/// time). Without `now` (a host older than API 1.1), every session counts.
pub fn within_days<'a>(
    history: &'a [PriorSession],
    now: Option<&str>,
    days: i64,
) -> Vec<&'a PriorSession> {
    history
        .iter()
        .filter(|p| match now {
            None => true,
            Some(now) => days_between(&p.finished_at, now).is_some_and(|d| (0..days).contains(&d)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_between_counts_calendar_days() {
        let cases = [
            ("2026-11-29T10:00:00Z", "2026-11-29T23:59:59Z", Some(0)),
            ("2026-11-28T23:59:59Z", "2026-11-29T00:00:00Z", Some(1)),
            ("2026-10-30T12:00:00Z", "2026-11-29T12:00:00Z", Some(30)),
            ("2024-02-28T00:00:00Z", "2024-03-01T00:00:00Z", Some(2)),
            ("2023-02-28T00:00:00Z", "2023-03-01T00:00:00Z", Some(1)),
            ("1999-12-31T00:00:00Z", "2000-01-01T00:00:00Z", Some(1)),
            ("1970-01-01T00:00:00Z", "1970-01-01T00:00:00Z", Some(0)),
            ("2026-11-29T00:00:00Z", "2026-11-01T00:00:00Z", Some(-28)),
            ("not a date", "2026-11-29T00:00:00Z", None),
            ("2026-13-01T00:00:00Z", "2026-11-29T00:00:00Z", None),
            ("2026-11", "2026-11-29T00:00:00Z", None),
        ];
        for (a, b, want) in cases {
            assert_eq!(days_between(a, b), want, "{a} -> {b}");
        }
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
    }

    #[test]
    fn within_days_keeps_recent_sessions_only() {
        let at = |t: &str| PriorSession {
            finished_at: t.into(),
            participants: vec![],
            carry: Default::default(),
            scores: vec![],
        };
        let history = vec![
            at("2026-09-01T00:00:00Z"),
            at("2026-10-30T09:00:00Z"),
            at("2026-10-31T09:00:00Z"),
            at("2026-11-29T08:00:00Z"),
            at("garbled"),
        ];
        let now = Some("2026-11-29T10:00:00Z");
        let kept: Vec<&str> = within_days(&history, now, 30)
            .iter()
            .map(|p| p.finished_at.as_str())
            .collect();
        assert_eq!(kept, ["2026-10-31T09:00:00Z", "2026-11-29T08:00:00Z"]);
        assert_eq!(within_days(&history, None, 30).len(), 5);
    }
}
