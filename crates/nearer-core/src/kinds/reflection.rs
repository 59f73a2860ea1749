//! The `reflection` kind: guided writing into the journal, one prompt at a time.

use serde::Deserialize;
use toml::Spanned;

use super::{empty, Validate};
use crate::diag::ContentError;
use crate::script::{outcome, Flow, Script, ScriptExercise};
use crate::step::{JournalEntry, Outcome};

/// A guided reflection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReflectionContent {
    /// Shown first.
    pub intro: String,
    /// The writing prompts, in order.
    pub prompts: Spanned<Vec<String>>,
    /// In pair mode, keep each person's writing hidden from the other until both reveal.
    #[serde(default)]
    pub private: bool,
    /// Shown at the end.
    #[serde(default)]
    pub outro: Option<String>,
}

impl Validate for ReflectionContent {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        if self.prompts.get_ref().iter().all(|p| p.trim().is_empty()) {
            return Err(empty(file, src, self.prompts.span(), "prompts"));
        }
        Ok(())
    }
}

impl ScriptExercise for ReflectionContent {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.say(self.intro.clone());
        s.pause_here()?;
        for who in s.turns() {
            s.set_turn(who.clone());
            for prompt in self.prompts.get_ref() {
                let answer = if self.private && s.is_pair() {
                    s.private_text(prompt.clone())?
                } else {
                    s.text(prompt.clone())?
                };
                if let Some(text) = answer {
                    out.journal.push(JournalEntry {
                        private: false,
                        participant: who.clone(),
                        title: prompt.clone(),
                        text,
                    });
                }
            }
        }
        s.set_turn(None);
        if self.private && s.is_pair() && !out.journal.is_empty() {
            s.offer_reveal(&out.journal)?;
        }
        if let Some(outro) = &self.outro {
            s.say(outro.clone());
        }
        out.summary = if out.journal.is_empty() {
            "Nothing written this time, and that is fine.".into()
        } else {
            format!("{} entries went into your journal.", out.journal.len())
        };
        Ok(out)
    }
}
