//! The `timer` kind: a timed practice with cues, an optional breathing pacer, and a rating.

use serde::Deserialize;

use super::Validate;
use crate::diag::ContentError;
use crate::script::{outcome, Flow, Script, ScriptExercise};
use crate::step::{Cue, JournalEntry, Outcome, Pacer, Score};

/// A timed practice.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimerContent {
    /// Shown first.
    pub intro: String,
    /// What the time is for, shown while it runs.
    pub prompt: String,
    /// Length in seconds.
    pub seconds: u32,
    /// Optional breathing rhythm.
    #[serde(default)]
    pub pacer: Option<Pacer>,
    /// Lines shown at given seconds.
    #[serde(default, rename = "cue")]
    pub cues: Vec<Cue>,
    /// A 1-7 rating each person gives afterwards, recorded as `rating`.
    #[serde(default)]
    pub rating: Option<String>,
    /// A reflection prompt afterwards.
    #[serde(default)]
    pub reflect: Option<String>,
    /// Shown at the end.
    #[serde(default)]
    pub outro: Option<String>,
}

impl Validate for TimerContent {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let at = |field: &str, message: String, help: &str| {
            let span = src.find(&format!("{field} =")).map(|i| i..i + field.len());
            ContentError::at(file, src, span, Some(field), message, help)
        };
        if !(1..=3600).contains(&self.seconds) {
            return Err(at(
                "seconds",
                format!("{} seconds is outside 1 to 3600", self.seconds),
                "set `seconds` between 1 and 3600",
            ));
        }
        if let Some(cue) = self.cues.iter().find(|c| c.at > self.seconds) {
            return Err(at(
                "at",
                format!(
                    "a cue at {} s comes after the timer ends at {} s",
                    cue.at, self.seconds
                ),
                "move the cue inside the timer, or make the timer longer",
            ));
        }
        if let Some(p) = self.pacer {
            if p.inhale == 0 || p.exhale == 0 {
                return Err(at(
                    "pacer",
                    "a breathing pacer needs inhale and exhale of at least 1 second".into(),
                    "write e.g. `pacer = { inhale = 4, exhale = 6 }`",
                ));
            }
        }
        Ok(())
    }
}

impl ScriptExercise for TimerContent {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.say(self.intro.clone());
        s.pause_here()?;
        let elapsed = s.timer(
            self.prompt.clone(),
            self.seconds,
            self.cues.clone(),
            self.pacer,
        )?;
        for who in s.turns() {
            s.set_turn(who.clone());
            if let Some(rating) = &self.rating {
                if let Some(v) = s.scale(rating.clone(), (1, "not at all"), (7, "completely"))? {
                    out.scores.push(Score {
                        name: "rating".into(),
                        participant: who.clone(),
                        value: f64::from(v),
                    });
                }
            }
            if let Some(reflect) = &self.reflect {
                if let Some(text) = s.text(reflect.clone())? {
                    out.journal.push(JournalEntry {
                        private: false,
                        participant: who.clone(),
                        title: reflect.clone(),
                        text,
                    });
                }
            }
        }
        s.set_turn(None);
        if let Some(outro) = &self.outro {
            s.say(outro.clone());
        }
        out.summary = match elapsed {
            Some(e) if e >= self.seconds => "You gave it the whole time. Well done.".into(),
            Some(e) => format!("You practised for {e} seconds. Every bit counts."),
            None => "You skipped the timer this time; it will be here when you want it.".into(),
        };
        Ok(out)
    }
}
