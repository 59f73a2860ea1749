//! The bid log: note today's small reaches for attention and how each was met, then see the
//! share turned toward beside recent sessions.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, Score};

use crate::bids::{self, Tally, Trend, RECENT};

/// How many bids one person logs at most in a session; enough for a day, short enough to stay light.
pub const MAX_BIDS: usize = 6;

/// The bid log exercise.
#[derive(Debug, Default)]
pub struct BidLog;

const RESPONSES: [&str; 4] = [
    "Turned toward: I responded, even briefly",
    "Turned away: I missed it or let it pass",
    "Turned against: I answered with irritation",
    "Not sure",
];

const TITLES: [&str; 4] = [
    "Bid (turned toward)",
    "Bid (turned away)",
    "Bid (turned against)",
    "Bid (not sure)",
];

const AFTER: [&str; 4] = [
    "Small responses count. A look, a word, a question: that is turning toward.",
    "Noticing it now is the practice. If it still matters, you can pick it up later: \"Earlier \
     you mentioned something. Tell me more?\"",
    "That happens to everyone, more so when tired or stressed. A short repair can help: \"I was \
     sharp earlier, I'm sorry. What were you telling me?\"",
    "Some bids are hard to read. Noting it is enough.",
];

impl ScriptExercise for BidLog {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Bid log".into()));
        s.say(
            "A bid is any small reach for attention: a remark about something in the news, a \
             sigh, a question, a touch, a photo held out. You can turn toward it (any response, \
             even a nod), turn away (miss it or let it pass), or turn against it (answer with \
             irritation).",
        );
        s.say("Everyone misses bids. Noticing them is the practice.");
        if s.is_pair() {
            s.say("You will each log your own day, in turn.");
        }
        s.pause_here()?;
        let mut logged = 0;
        for who in s.turns() {
            s.set_turn(who.clone());
            let mut tally = Tally::default();
            let mut count = 0;
            while count < MAX_BIDS {
                let prompt = if count == 0 {
                    "Think of today. Describe one moment when someone reached for your attention: \
                     who, and how?"
                } else {
                    "Describe another one: who, and how?"
                };
                let Some(what) = s.text(prompt)? else {
                    break;
                };
                count += 1;
                let response = s.choice("How did you respond?", &RESPONSES)?.unwrap_or(3);
                match response {
                    0 => tally.toward += 1,
                    1 => tally.away += 1,
                    2 => tally.against += 1,
                    _ => {}
                }
                out.journal.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: TITLES[response].into(),
                    text: what,
                });
                s.show(Block::Hint(AFTER[response].into()));
                if count < MAX_BIDS {
                    let more = s.choice(
                        "Add another, or is that all for today?",
                        &["Add another", "That is all for today"],
                    )?;
                    if more != Some(0) {
                        break;
                    }
                }
            }
            logged += count;
            if count == 0 {
                s.say("No bids logged today, and that is fine. Tomorrow, you might watch for one or two.");
            } else {
                show_trend(s, who.as_deref(), tally);
                tally.write(&mut out.carry, who.as_deref());
                if let Some(share) = tally.toward_share() {
                    out.scores.push(Score {
                        name: "toward_share".into(),
                        participant: who.clone(),
                        value: share,
                    });
                }
            }
            s.pause_here()?;
        }
        s.set_turn(None);
        out.summary = match logged {
            0 => "Nothing logged this time. Noticing can start tomorrow.".into(),
            1 => "You logged one bid. Noticing is the practice.".into(),
            n => format!("You logged {n} bids. Noticing is the practice."),
        };
        Ok(out)
    }
}

/// Shows today's share turned toward, recent sessions, and a kind word about the trend.
fn show_trend(s: &mut Script, who: Option<&str>, today: Tally) {
    let earlier = bids::earlier_shares(&s.ctx().history, who);
    let trend = bids::trend(&earlier, today);
    if let Some(share) = today.toward_share() {
        s.show(Block::Picture(format!(
            "Today: turned toward {} of {}  {} {}",
            today.toward,
            today.total(),
            bids::bar(share),
            bids::percent(share)
        )));
    }
    let recent = &earlier[earlier.len().saturating_sub(RECENT)..];
    if !recent.is_empty() && trend != Trend::NothingToday {
        let list: Vec<String> = recent.iter().map(|&v| bids::percent(v)).collect();
        s.say(format!(
            "Your recent sessions, oldest first: {}.",
            list.join(", ")
        ));
    }
    s.say(match trend {
        Trend::NothingToday => "None of today's bids had a clear response, and that is fine.",
        Trend::First => "This is your first log. Next time, you will see how it moves.",
        Trend::Up => "That is a larger share than in your recent sessions.",
        Trend::Steady => "That is about the same as in your recent sessions.",
        Trend::Down => {
            "That is a smaller share than in your recent sessions. Busy days do that, and a \
             missed bid can often still be picked up later."
        }
    });
}
