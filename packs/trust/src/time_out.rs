//! The `time-out` kind: the break itself, twenty minutes of settling, then a gentle way back.
//!
//! When a talk overheats, the body does too, and it takes twenty minutes or more to settle.
//! This exercise keeps a person (or both) company through that time with a slow breathing
//! pacer and cues on what helps (breathing, moving, something calm) and what keeps the heat up
//! (replaying or rehearsing the argument). Then each says how settled they feel and one thing
//! they want the other to know. History is per exercise, so the pause signal agreed in the
//! repair kit is asked once here and carried from then on.

use serde::Deserialize;
use toml::Spanned;

use nearer_core::kinds::Validate;
use nearer_core::script::outcome;
use nearer_core::step::{Cue, Pacer};
use nearer_core::{
    Block, ContentError, Flow, JournalEntry, Outcome, Score, Script, ScriptExercise,
};

use crate::{carry_key, other_of};

/// The content file of the time-out, relative to the pack.
pub const CONTENT_FILE: &str = "content/time-out.toml";

/// The compiled-in text of [`CONTENT_FILE`], used when the host passes no content.
pub const CONTENT_TEXT: &str = include_str!("../content/time-out.toml");

/// A break shorter than this does not give a body time to settle.
const MIN_SECONDS: u32 = 1200;

/// A settled rating at or below this suggests more time before talking again.
const STILL_STIRRED: i32 = 3;

/// The time-out's content: lengths, rhythm and cues.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeOutContent {
    /// Length of the break in seconds, at least 1200.
    pub seconds: Spanned<u32>,
    /// Length of the optional extra break in seconds.
    pub extra_seconds: Spanned<u32>,
    /// The breathing rhythm.
    pub pacer: Spanned<Pacer>,
    /// Lines shown during the break.
    #[serde(rename = "cue")]
    pub cues: Spanned<Vec<Cue>>,
    /// Lines shown during the extra break.
    #[serde(default, rename = "extra_cue")]
    pub extra_cues: Vec<Cue>,
}

impl Validate for TimeOutContent {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let fail = |span, field, message: String, help: &str| {
            ContentError::at(file, src, Some(span), Some(field), message, help)
        };
        let seconds = *self.seconds.get_ref();
        let extra = *self.extra_seconds.get_ref();
        if !(MIN_SECONDS..=3600).contains(&seconds) {
            return Err(fail(
                self.seconds.span(),
                "seconds",
                format!("{seconds} seconds is outside 1200 to 3600"),
                "a body needs twenty minutes or more to settle: set `seconds` from 1200 to 3600",
            ));
        }
        if !(60..=3600).contains(&extra) {
            return Err(fail(
                self.extra_seconds.span(),
                "extra_seconds",
                format!("{extra} seconds is outside 60 to 3600"),
                "set `extra_seconds` from 60 to 3600",
            ));
        }
        let pacer = self.pacer.get_ref();
        if pacer.inhale == 0 || pacer.exhale == 0 {
            return Err(fail(
                self.pacer.span(),
                "pacer",
                "a breath of zero seconds".into(),
                "write e.g. `pacer = { inhale = 4, exhale = 6 }`",
            ));
        }
        if self.cues.get_ref().is_empty() {
            return Err(fail(
                self.cues.span(),
                "cue",
                "there are no cues".into(),
                "add at least one `[[cue]]` with `at` and `text`",
            ));
        }
        let late = |cues: &[Cue], end: u32| cues.iter().find(|c| c.at >= end).map(|c| c.at);
        if let Some(at) = late(self.cues.get_ref(), seconds) {
            return Err(fail(
                self.cues.span(),
                "cue",
                format!("a cue at {at} s is not before the break ends at {seconds} s"),
                "move the cue inside the break",
            ));
        }
        if let Some(at) = late(&self.extra_cues, extra) {
            return Err(fail(
                self.extra_seconds.span(),
                "extra_cue",
                format!("an extra cue at {at} s is not before the extra break ends at {extra} s"),
                "move the cue inside the extra break, or lengthen `extra_seconds`",
            ));
        }
        Ok(())
    }
}

impl TimeOutContent {
    /// Parses and validates the content; errors name the file, line and fix.
    // `ContentError` is the core's type; its size is the core's to change, and a content
    // error is rare and cold.
    #[allow(clippy::result_large_err)]
    pub fn parse(file: &str, text: &str) -> Result<Self, ContentError> {
        nearer_core::kinds::load(file, text)
    }
}

/// The time-out exercise.
#[derive(Debug, Clone)]
pub struct TimeOut {
    content: TimeOutContent,
}

impl TimeOut {
    /// A time-out with the given content.
    pub fn new(content: TimeOutContent) -> Self {
        TimeOut { content }
    }
}

/// Seconds as a phrase of whole minutes: "less than a minute", "1 minute", "12 minutes".
fn minutes(seconds: u32) -> String {
    match seconds / 60 {
        0 => "less than a minute".into(),
        1 => "1 minute".into(),
        m => format!("{m} minutes"),
    }
}

impl ScriptExercise for TimeOut {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        let turns = s.turns();
        let history = s.ctx().history.clone();
        let seconds = *self.content.seconds.get_ref();
        let pacer = *self.content.pacer.get_ref();

        s.show(Block::Heading("Time-out".into()));
        s.say(if s.is_pair() {
            "One of you asked for a break. Thank you both for stopping. A break is a way of \
             caring for the talk, not leaving it."
        } else {
            "You asked for a break, or you know you need one. Stopping is a way of caring for \
             the talk, not leaving it."
        });
        s.say(format!(
            "For the next {} nothing needs to be solved. Your only task is to let your body \
             settle.",
            minutes(seconds)
        ));

        // Signals remembered from earlier time-outs are shown; missing ones are asked once.
        let remembered: Vec<(Option<String>, Option<String>)> = turns
            .iter()
            .map(|who| {
                let key = carry_key("signal", who.as_deref());
                let found = history
                    .iter()
                    .rev()
                    .find_map(|h| h.carry.get(&key).cloned());
                (who.clone(), found)
            })
            .collect();
        let known: Vec<(&Option<String>, &String)> = remembered
            .iter()
            .filter_map(|(who, sig)| sig.as_ref().map(|sig| (who, sig)))
            .collect();
        if let (false, [(_, sig)]) = (s.is_pair(), known.as_slice()) {
            s.say(format!(
                "Your pause signal, as you wrote it before: \"{sig}\"."
            ));
        } else if !known.is_empty() {
            s.say("The pause signals you wrote here before:");
            for (who, sig) in &known {
                let name = who.as_deref().unwrap_or("You");
                s.show(Block::Quote(format!("{name}: {sig}")));
            }
        }
        s.pause_here()?;

        for (who, found) in remembered {
            let signal = match found {
                Some(sig) => Some(sig),
                None => {
                    s.set_turn(who.clone());
                    s.say(
                        "If you have a pause signal, the word or gesture that means \"I need a \
                         break\", you can write it here. Next time, this break will remind you \
                         of it.",
                    );
                    s.text("Your pause signal (pass is fine):")?
                }
            };
            if let Some(sig) = signal {
                out.carry.insert(carry_key("signal", who.as_deref()), sig);
            }
        }
        s.set_turn(None);

        s.show(Block::Heading("During the break".into()));
        if s.is_pair() {
            s.say(
                "If you can, spend it in separate rooms, and agree to meet back here when the \
                 timer ends.",
            );
        }
        s.say(
            "What helps: breathing slowly, moving a little, doing something calm that holds \
             your attention.",
        );
        s.say(
            "What keeps the heat up: replaying the argument, rehearsing what you will say, \
             building your case. If your mind goes there, that is normal. Notice it, and come \
             back to your breath.",
        );
        s.pause_here()?;

        let prompt = format!(
            "Breathe in for {} seconds and out for {}. Come back here when the time is up.",
            pacer.inhale, pacer.exhale
        );
        let elapsed = s.timer(
            prompt.clone(),
            seconds,
            self.content.cues.get_ref().clone(),
            Some(pacer),
        )?;
        let mut total = elapsed.unwrap_or(0);
        match elapsed {
            None => s.say("That is fine. Take the time in your own way."),
            Some(e) if e < seconds => {
                s.say(format!(
                    "You came back after {}. Bodies often need twenty minutes or more to \
                     settle, so there is no hurry.",
                    minutes(e)
                ));
                let extra = *self.content.extra_seconds.get_ref();
                let more = format!("Take another {}", minutes(extra));
                let again = s.choice(
                    "Would you like a little more time?",
                    &[more.as_str(), "I am ready to come back"],
                )?;
                if again == Some(0) {
                    let more =
                        s.timer(prompt, extra, self.content.extra_cues.clone(), Some(pacer))?;
                    total += more.unwrap_or(0);
                }
            }
            Some(_) => {}
        }

        s.show(Block::Heading("Coming back".into()));
        s.say(if s.is_pair() {
            "Welcome back, both of you. Before you talk again, take a moment, each of you, to \
             check in with yourself."
        } else {
            "Welcome back. Before you talk again, check in with yourself."
        });
        s.pause_here()?;
        let mut stirred = false;
        let mut messages = Vec::new();
        for who in &turns {
            s.set_turn(who.clone());
            let settled = s.scale(
                "How settled do you feel right now?",
                (1, "still stirred up"),
                (7, "calm and settled"),
            )?;
            if let Some(v) = settled {
                out.scores.push(Score {
                    name: "settled".into(),
                    participant: who.clone(),
                    value: f64::from(v),
                });
                if v <= STILL_STIRRED {
                    stirred = true;
                    s.say(
                        "Still stirred up is all right. Go gently: you can take another break \
                         before you pick the talk up again.",
                    );
                }
            }
            let prompt = match other_of(s, who.as_deref()) {
                Some(other) if s.is_pair() => format!(
                    "One thing you want {other} to know as you come back. Not a point in the \
                     argument: something true about you, or about the two of you."
                ),
                _ => "One thing you want the other person to know when you talk again. Not a \
                      point in the argument: something true about you, or about the two of you. \
                      You can tell them, or keep it here."
                    .to_owned(),
            };
            if let Some(text) = s.text(prompt)? {
                out.journal.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: "What I want you to know as I come back".into(),
                    text: text.clone(),
                });
                messages.push((who.clone(), text));
            }
        }
        s.set_turn(None);

        if s.is_pair() && !messages.is_empty() {
            s.show(Block::Heading("What you want each other to know".into()));
            for (who, text) in &messages {
                let name = who.as_deref().unwrap_or("You");
                s.show(Block::Quote(format!("{name}: {text}")));
            }
            s.say("Read them to each other, if you like, and start there.");
        }
        s.say(match (stirred, s.is_pair()) {
            (true, true) => {
                "At least one of you is still stirred up. That is all right; the talk will keep. \
                 You can start another time-out, or agree on a time to come back to it."
            }
            (true, false) => {
                "You are still stirred up, and that is all right; the talk will keep. You can \
                 start another time-out, or choose a time to come back to it."
            }
            (false, _) => "When you go back to the talk, go gently. You can always pause again.",
        });
        if stirred {
            s.say("If a talk ever leaves you feeling unsafe, `nearer help-now` shows where to find help.");
        }
        if elapsed.is_some() {
            out.scores.push(Score {
                name: "break_minutes".into(),
                participant: None,
                value: f64::from(total / 60),
            });
        }
        out.summary = if elapsed.is_none() {
            "You stopped, and you came back. That is what a break is for.".into()
        } else {
            format!("You took a break of {} and came back.", minutes(total))
        };
        Ok(out)
    }
}
