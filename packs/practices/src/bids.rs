//! Bids for attention: counting how they were met, and a gentle trend over sessions.
//!
//! A bid is any small reach for attention: a remark, a sigh, a question, a touch, a photo held
//! out. Each can be met by turning toward it (any response), turning away (missing it), or
//! turning against it (irritation). The useful number is the share turned toward; it is shown
//! as a trend against recent sessions, never as a grade.

use std::collections::BTreeMap;

use nearer_core::PriorSession;

use crate::data::person_key;

/// How many earlier sessions the trend compares against.
pub const RECENT: usize = 5;
/// How far (as a share from 0 to 1) today must differ from recent sessions to count as a move.
pub const MOVE: f64 = 0.15;

/// How one person met the bids they logged in one session.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Turned toward: any response.
    pub toward: u32,
    /// Turned away: missed or let pass.
    pub away: u32,
    /// Turned against: met with irritation.
    pub against: u32,
}

impl Tally {
    /// Bids whose response is known.
    pub fn total(self) -> u32 {
        self.toward + self.away + self.against
    }

    /// The share turned toward, from 0 to 1; `None` when no bid was logged.
    pub fn toward_share(self) -> Option<f64> {
        match self.total() {
            0 => None,
            total => Some(f64::from(self.toward) / f64::from(total)),
        }
    }

    /// Writes the tally into a session's carry under `who`'s keys.
    pub fn write(self, carry: &mut BTreeMap<String, String>, who: Option<&str>) {
        for (base, n) in [
            ("toward", self.toward),
            ("away", self.away),
            ("against", self.against),
        ] {
            carry.insert(person_key(base, who), n.to_string());
        }
    }

    /// Reads `who`'s tally from a session's carry; `None` when they logged nothing there.
    /// A count that does not read as a number counts as zero rather than spoiling the rest.
    pub fn read(carry: &BTreeMap<String, String>, who: Option<&str>) -> Option<Tally> {
        let get = |base: &str| carry.get(&person_key(base, who));
        if get("toward").is_none() && get("away").is_none() && get("against").is_none() {
            return None;
        }
        let n = |base: &str| {
            get(base)
                .and_then(|v| v.trim().parse::<u32>().ok())
                .unwrap_or(0)
        };
        Some(Tally {
            toward: n("toward"),
            away: n("away"),
            against: n("against"),
        })
    }
}

/// How today compares with recent sessions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Trend {
    /// No bids logged today.
    NothingToday,
    /// No earlier session with bids to compare with.
    First,
    /// A larger share turned toward than recently.
    Up,
    /// About the same.
    Steady,
    /// A smaller share than recently.
    Down,
}

/// `who`'s share turned toward in each earlier session that logged bids, oldest first.
pub fn earlier_shares(history: &[PriorSession], who: Option<&str>) -> Vec<f64> {
    history
        .iter()
        .filter_map(|s| Tally::read(&s.carry, who))
        .filter_map(Tally::toward_share)
        .collect()
}

/// Compares today's share with the mean of the last [`RECENT`] earlier shares.
pub fn trend(earlier: &[f64], today: Tally) -> Trend {
    let Some(now) = today.toward_share() else {
        return Trend::NothingToday;
    };
    let recent = &earlier[earlier.len().saturating_sub(RECENT)..];
    if recent.is_empty() {
        return Trend::First;
    }
    let mean = recent.iter().sum::<f64>() / recent.len() as f64;
    if now >= mean + MOVE {
        Trend::Up
    } else if now <= mean - MOVE {
        Trend::Down
    } else {
        Trend::Steady
    }
}

/// A share as a whole percentage, e.g. `67%`.
pub fn percent(share: f64) -> String {
    format!("{:.0}%", (share * 100.0).clamp(0.0, 100.0))
}

/// A ten-cell bar for a share, e.g. `[######....]`.
pub fn bar(share: f64) -> String {
    let filled = (share.clamp(0.0, 1.0) * 10.0).round() as usize;
    format!("[{}{}]", "#".repeat(filled), ".".repeat(10 - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(toward: u32, away: u32, against: u32) -> Tally {
        Tally {
            toward,
            away,
            against,
        }
    }

    #[test]
    fn trend_compares_today_with_recent_sessions() {
        let cases: &[(&[f64], Tally, Trend)] = &[
            // Nothing logged today: no trend, whatever came before.
            (&[0.5], t(0, 0, 0), Trend::NothingToday),
            (&[], t(0, 0, 0), Trend::NothingToday),
            // No earlier sessions: the first.
            (&[], t(2, 1, 0), Trend::First),
            // Clearly more, clearly less, about the same.
            (&[0.5, 0.5], t(4, 0, 0), Trend::Up),
            (&[0.8, 0.9], t(1, 1, 1), Trend::Down),
            (&[0.6], t(2, 1, 0), Trend::Steady),
            // A small move stays steady; a quarter more is a move.
            (&[0.5], t(3, 1, 0), Trend::Up),
            (&[0.5], t(3, 2, 0), Trend::Steady),
            (&[0.5], t(2, 3, 0), Trend::Steady),
            (&[0.5], t(1, 3, 0), Trend::Down),
            // Only the last five sessions count: an old low week is forgotten.
            (&[0.0, 1.0, 1.0, 1.0, 1.0, 1.0], t(1, 0, 0), Trend::Steady),
            (&[0.0, 0.0, 0.0, 0.0, 0.0, 1.0], t(1, 0, 0), Trend::Up),
            // Turning against counts like turning away for the share.
            (&[1.0], t(1, 0, 1), Trend::Down),
            // All turned away today after a steady zero: steady, not a scolding.
            (&[0.0, 0.0], t(0, 3, 0), Trend::Steady),
        ];
        for (earlier, today, want) in cases {
            assert_eq!(trend(earlier, *today), *want, "{earlier:?} {today:?}");
        }
    }

    #[test]
    fn tallies_round_trip_through_carry_per_person() {
        let mut carry = BTreeMap::new();
        t(3, 1, 0).write(&mut carry, Some("Ada"));
        t(1, 0, 2).write(&mut carry, None);
        assert_eq!(Tally::read(&carry, Some("Ada")), Some(t(3, 1, 0)));
        assert_eq!(Tally::read(&carry, None), Some(t(1, 0, 2)));
        assert_eq!(Tally::read(&carry, Some("Sam")), None);
    }

    #[test]
    fn odd_carry_values_are_read_gently() {
        type Case<'a> = (&'a [(&'a str, &'a str)], Option<Tally>);
        let cases: &[Case] = &[
            (&[], None),
            (&[("word", "tired")], None),
            (&[("toward", "2")], Some(t(2, 0, 0))),
            (&[("toward", " 2 "), ("away", "1")], Some(t(2, 1, 0))),
            (&[("toward", "two"), ("away", "1")], Some(t(0, 1, 0))),
            (&[("toward", "-1"), ("against", "1")], Some(t(0, 0, 1))),
            (&[("against", "")], Some(t(0, 0, 0))),
        ];
        for (pairs, want) in cases {
            let carry: BTreeMap<String, String> = pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect();
            assert_eq!(Tally::read(&carry, None), *want, "{pairs:?}");
        }
    }

    #[test]
    fn shares_skip_sessions_without_bids() {
        let session = |pairs: &[(&str, &str)]| PriorSession {
            finished_at: "2025-01-01T00:00:00Z".into(),
            participants: Vec::new(),
            carry: pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
            scores: Vec::new(),
        };
        let history = vec![
            session(&[("toward", "1"), ("away", "1")]),
            session(&[]),
            session(&[("toward", "0"), ("away", "0"), ("against", "0")]),
            session(&[("toward:Ada", "3")]),
            session(&[("toward", "3"), ("against", "1")]),
        ];
        assert_eq!(earlier_shares(&history, None), [0.5, 0.75]);
        assert_eq!(earlier_shares(&history, Some("Ada")), [1.0]);
        assert_eq!(t(0, 0, 0).toward_share(), None);
    }

    #[test]
    fn shares_are_drawn_as_bars_and_percentages() {
        assert_eq!(bar(0.0), "[..........]");
        assert_eq!(bar(0.67), "[#######...]");
        assert_eq!(bar(1.0), "[##########]");
        assert_eq!(bar(1.5), "[##########]");
        assert_eq!(percent(2.0 / 3.0), "67%");
        assert_eq!(percent(0.0), "0%");
    }
}
