//! Support talk: one shares a stress from outside the relationship, the other practises replies
//! that help, and the sharer says how supported they felt. Swapping is offered at the end.
//!
//! Only stress from outside the two of them belongs here: the sharer is asked first, and a
//! story that seems to be about the partner is gently checked. Each reply is read
//! ([`crate::reply`]) and the supporter sees kind hints, on their own turn, with the chance to
//! rewrite before it is sent. The sharer's rating is their own and is shown to the supporter
//! only if the sharer says so.

use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::{Block, JournalEntry, Outcome, Score};

use crate::reply::{hints, Markers};

/// The score: the sharer's own rating of how supported they felt, 1 to 7.
pub const SCORE: &str = "felt_supported";

/// Replies from the supporter per talk.
const ROUNDS: usize = 2;

/// Times the supporter may write a reply: the first, and two rewrites.
const ATTEMPTS: usize = 3;

/// Where to go for a talk about the two of you.
const ELSEWHERE: &str = "A stress about the two of you deserves a talk where both of you speak and both are heard. The \"Speaker and listener\" exercise in the communication pack is made for that.";

/// The support-talk exercise.
#[derive(Debug, Clone)]
pub struct SupportTalk {
    markers: Markers,
}

/// What one sharer's turn left.
#[derive(Debug, Default)]
struct Turn {
    journal: Vec<JournalEntry>,
    rating: Option<i32>,
}

impl SupportTalk {
    /// An exercise reading replies with `markers`.
    pub fn new(markers: Markers) -> Self {
        SupportTalk { markers }
    }

    /// One supporter reply: written, read, hinted at, and rewritten if they like.
    // `Flow`'s error carries the pending step; its size is the core's choice.
    #[allow(clippy::result_large_err)]
    fn reply(
        &self,
        s: &mut Script,
        sharer: &str,
        supporter: &str,
        last: bool,
    ) -> Flow<Option<String>> {
        let mut prompt = format!(
            "{supporter}, what would you say back to {sharer}? Write it the way you would say it."
        );
        for attempt in 1..=ATTEMPTS {
            let Some(reply) = s.text(prompt.clone())? else {
                return Ok(None);
            };
            for h in hints(&self.markers.read(&reply), sharer, last) {
                s.show(Block::Hint(h));
            }
            if attempt == ATTEMPTS {
                // No more rewrites: the hints still belong on the supporter's own screen.
                s.say(format!("Your reply goes to {sharer} now."));
                s.pause_here()?;
                return Ok(Some(reply));
            }
            let pick = s.choice(
                "These are only hints. What would you like to do?",
                &["Send it as it is", "Rewrite it first"],
            )?;
            if pick != Some(1) {
                return Ok(Some(reply));
            }
            prompt = "Write your reply again, your way.".to_owned();
        }
        Ok(None)
    }

    /// One person shares, the other supports. `None` when the sharer chose not to go on.
    // `Flow`'s error carries the pending step; its size is the core's choice.
    #[allow(clippy::result_large_err)]
    fn turn(&self, s: &mut Script, sharer: &str, supporter: &str) -> Flow<Option<Turn>> {
        s.set_turn(Some(sharer.to_owned()));
        let outside = s.choice(
            format!("{sharer}, have you got a stress in mind from outside your relationship?"),
            &["Yes, from outside", "Honestly, it is about us"],
        )?;
        match outside {
            Some(0) => {}
            Some(_) => {
                s.say(format!("Thank you for being honest. {ELSEWHERE}"));
                let go = s.choice(
                    "What would you like to do?",
                    &["Pick a stress from outside instead", "Stop here for now"],
                )?;
                if go != Some(0) {
                    return Ok(None);
                }
            }
            None => return Ok(None),
        }
        let Some(story) = s.text(format!(
            "What is weighing on you? A few sentences are enough. {supporter} will read them."
        ))?
        else {
            return Ok(None);
        };
        if let Some(sign) = self.markers.about_partner(&story, supporter) {
            s.show(Block::Hint(format!("You mention \"{sign}\". If this stress is about {supporter}, this is not the exercise for it, and that is all right. If it is from outside, go on.")));
            let go = s.choice(
                "Is it from outside your relationship?",
                &["Yes, go on", "It is about us, stop here"],
            )?;
            if go != Some(0) {
                s.say(ELSEWHERE);
                return Ok(None);
            }
        }
        let mut turn = Turn::default();
        turn.journal.push(JournalEntry {
            private: false,
            participant: Some(sharer.to_owned()),
            title: "What was weighing on me".to_owned(),
            text: story.clone(),
        });

        let mut said = story;
        for round in 1..=ROUNDS {
            s.set_turn(Some(supporter.to_owned()));
            s.say(format!("{sharer} says:"));
            s.show(Block::Quote(said.clone()));
            if round == 1 {
                s.say(format!("Your part is to help {sharer} feel heard: show you get it, and maybe ask what it was like. No need to fix anything."));
            }
            let reply = self.reply(s, sharer, supporter, round == ROUNDS)?;
            s.set_turn(Some(sharer.to_owned()));
            match &reply {
                Some(r) => {
                    s.say(format!("{supporter} says:"));
                    s.show(Block::Quote(r.clone()));
                }
                None => s.say(format!(
                    "{supporter} passed on this one. Quiet company can be a reply too."
                )),
            }
            if round == ROUNDS {
                break;
            }
            match s.text(format!(
                "Say a little more, or tell {supporter} how that landed."
            ))? {
                Some(more) => said = more,
                None => {
                    s.say("That is fine. Let's close the talk here.");
                    break;
                }
            }
        }

        turn.rating = s.scale(
            format!("{sharer}, thinking of the whole talk, how supported did you feel?"),
            (1, "not at all"),
            (7, "very much"),
        )?;
        let helped = s.text(format!(
            "Was there something {supporter} said or did that helped? You can say it here, or pass."
        ))?;
        let show_rating = match turn.rating {
            Some(_) => {
                s.choice(
                    format!("Would you like {supporter} to see your rating?"),
                    &["Yes, show it", "Keep it to myself"],
                )? == Some(0)
            }
            None => false,
        };
        s.set_turn(None);
        if let Some(h) = &helped {
            s.say(format!("{sharer} says this helped:"));
            s.show(Block::Quote(h.clone()));
            turn.journal.push(JournalEntry {
                private: false,
                participant: Some(sharer.to_owned()),
                title: format!("What helped, from {supporter}"),
                text: h.clone(),
            });
        }
        if let (true, Some(r)) = (show_rating, turn.rating) {
            s.say(format!("{sharer} felt supported: {r} out of 7."));
        }
        s.say(format!("{supporter}, thank you for staying with {sharer}'s stress instead of rushing to fix it. That takes practice, and you just had some."));
        Ok(Some(turn))
    }
}

impl ScriptExercise for SupportTalk {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let turns = s.turns();
        let (Some(Some(a)), Some(Some(b))) = (turns.first(), turns.get(1)) else {
            s.say("Support talk is for two people taking turns at one keyboard. Come back to it when you are together.");
            return Ok(outcome("Support talk needs two people."));
        };
        let (a, b) = (a.clone(), b.clone());
        s.show(Block::Heading("Support talk".into()));
        s.say("When something outside the two of you weighs on one of you, the other can help carry it: not by fixing it, but by showing they understand and care. Feeling understood is much of what makes people feel close.");
        s.show(Block::Warning(format!("This is for a stress from outside your relationship: work, study, family, friends, health, money, the news. If what weighs on you is about {b} or {a}, this is not the exercise for it.")));
        s.say(format!("{a} shares first, and {b} replies. You can swap at the end. Type pass whenever you like."));
        s.pause_here()?;

        let mut out = outcome("");
        let mut talks = 0;
        for (round, (sharer, supporter)) in [(&a, &b), (&b, &a)].into_iter().enumerate() {
            if round == 1 {
                s.set_turn(None);
                let prompt = if talks == 0 {
                    format!("Would {sharer} like to share a stress instead, with {supporter} listening?")
                } else {
                    format!(
                        "Would you like to swap, so that {sharer} shares and {supporter} listens?"
                    )
                };
                let swap = s.choice(prompt, &["Yes, swap", "Not this time"])?;
                if swap != Some(0) {
                    break;
                }
            }
            let Some(turn) = self.turn(s, sharer, supporter)? else {
                s.set_turn(None);
                s.say(format!(
                    "No talk from {sharer} this time, and that is fine."
                ));
                continue;
            };
            talks += 1;
            out.journal.extend(turn.journal);
            if let Some(r) = turn.rating {
                out.scores.push(Score {
                    name: SCORE.to_owned(),
                    participant: Some(sharer.clone()),
                    value: f64::from(r),
                });
            }
        }
        s.set_turn(None);
        out.summary = match talks {
            0 => "No talk this time, and that is fine.".to_owned(),
            1 => "One of you shared a stress and the other stayed with it.".to_owned(),
            _ => "You each shared a stress and stayed with each other's.".to_owned(),
        };
        Ok(out)
    }
}
