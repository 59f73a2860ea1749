//! The `scale` kind: a check-in on labelled scales, with an optional moment written for each,
//! and in pair mode an optional reveal that both must agree to.

use serde::Deserialize;
use toml::Spanned;

use super::{empty, Validate};
use crate::diag::ContentError;
use crate::script::{outcome, Flow, Script, ScriptExercise};
use crate::step::{JournalEntry, Outcome, Score};

/// A check-in.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleContent {
    /// Shown first.
    pub intro: String,
    /// The scales.
    #[serde(rename = "item")]
    pub items: Spanned<Vec<ScaleItem>>,
    /// Shown at the end.
    #[serde(default)]
    pub outro: Option<String>,
}

/// One scale.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleItem {
    /// Key under which the rating is recorded.
    pub id: String,
    /// The question.
    pub prompt: String,
    /// Lowest value (default 1).
    #[serde(default = "one")]
    pub min: i32,
    /// Highest value (default 7).
    #[serde(default = "seven")]
    pub max: i32,
    /// Label of the lowest value.
    #[serde(default)]
    pub low: Option<String>,
    /// Label of the highest value.
    #[serde(default)]
    pub high: Option<String>,
    /// Show the seven closeness circles (requires 1 to 7).
    #[serde(default)]
    pub circles: bool,
    /// A follow-up asking for a moment that fits the rating.
    #[serde(default)]
    pub moment: Option<String>,
}

fn one() -> i32 {
    1
}
fn seven() -> i32 {
    7
}

impl Validate for ScaleContent {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        if self.items.get_ref().is_empty() {
            return Err(empty(file, src, self.items.span(), "item"));
        }
        let mut ids = std::collections::BTreeSet::new();
        for item in self.items.get_ref() {
            let problem = if item.min >= item.max {
                Some(format!(
                    "item {:?} has min {} not below max {}",
                    item.id, item.min, item.max
                ))
            } else if item.circles && (item.min, item.max) != (1, 7) {
                Some(format!(
                    "item {:?} shows the circles, which need min 1 and max 7",
                    item.id
                ))
            } else if !crate::manifest::is_valid_id(&item.id) {
                Some(format!(
                    "item id {:?} is not an id of lowercase letters, digits and dashes",
                    item.id
                ))
            } else if !ids.insert(item.id.clone()) {
                Some(format!("item id {:?} is used twice", item.id))
            } else {
                None
            };
            if let Some(message) = problem {
                return Err(ContentError::at(
                    file,
                    src,
                    Some(self.items.span()),
                    Some("item"),
                    message,
                    "give each item its own id and a range such as min = 1, max = 7",
                ));
            }
        }
        Ok(())
    }
}

impl ScriptExercise for ScaleContent {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.say(self.intro.clone());
        s.pause_here()?;
        let mut shared = Vec::new();
        for who in s.turns() {
            s.set_turn(who.clone());
            for item in self.items.get_ref() {
                // In pair mode every rating stays private until both agree to reveal.
                let private = s.is_pair();
                let low = item.low.as_deref().unwrap_or("");
                let high = item.high.as_deref().unwrap_or("");
                let ends = ((item.min, low), (item.max, high));
                let value = match (item.circles, private) {
                    (true, false) => s.closeness(item.prompt.clone())?,
                    (true, true) => s.private_closeness(item.prompt.clone())?,
                    (false, false) => s.scale(item.prompt.clone(), ends.0, ends.1)?,
                    (false, true) => s.private_scale(item.prompt.clone(), ends.0, ends.1)?,
                };
                let Some(value) = value else { continue };
                out.scores.push(Score {
                    name: item.id.clone(),
                    participant: who.clone(),
                    value: f64::from(value),
                });
                let mut line = format!("{} {value} of {}.", item.prompt, item.max);
                if let Some(moment) = &item.moment {
                    let text = if s.is_pair() {
                        s.private_text(moment.clone())?
                    } else {
                        s.text(moment.clone())?
                    };
                    if let Some(text) = text {
                        line = format!("{line} {text}");
                        out.journal.push(JournalEntry {
                            private: false,
                            participant: who.clone(),
                            title: moment.clone(),
                            text,
                        });
                    }
                }
                shared.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: item.id.clone(),
                    text: line,
                });
            }
        }
        s.set_turn(None);
        if s.is_pair() && !shared.is_empty() {
            s.offer_reveal(&shared)?;
        }
        if let Some(outro) = &self.outro {
            s.say(outro.clone());
        }
        out.summary = format!(
            "You checked in on {} of {} scales. These are your own ratings, not a test result.",
            out.scores.len(),
            self.items.get_ref().len() * s.turns().len()
        );
        Ok(out)
    }
}
