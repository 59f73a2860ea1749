//! The `prompts` kind: a deck of questions in escalating tiers, both people answering in turn.

use serde::Deserialize;
use toml::Spanned;

use super::{empty, Validate};
use crate::diag::ContentError;
use crate::script::{outcome, Flow, Script, ScriptExercise};
use crate::step::{Block, JournalEntry, Outcome, Score};

/// A deck of prompts.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PromptsContent {
    /// Shown first.
    pub intro: String,
    /// Ask the closeness circles before and after.
    #[serde(default)]
    pub closeness: bool,
    /// Shown at the end.
    #[serde(default)]
    pub outro: Option<String>,
    /// The tiers, gentlest first.
    #[serde(rename = "tier")]
    pub tiers: Spanned<Vec<Tier>>,
}

/// One tier of a deck.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Its heading.
    pub title: String,
    /// Shown before the tier when it touches hard ground; the person may stop there.
    #[serde(default)]
    pub warning: Option<String>,
    /// How many prompts one session draws from this tier (all when absent).
    #[serde(default)]
    pub draw: Option<usize>,
    /// The prompts.
    pub prompts: Spanned<Vec<String>>,
}

impl Validate for PromptsContent {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        if self.tiers.get_ref().is_empty() {
            return Err(empty(file, src, self.tiers.span(), "tier"));
        }
        for tier in self.tiers.get_ref() {
            if tier.prompts.get_ref().iter().all(|p| p.trim().is_empty()) {
                return Err(empty(file, src, tier.prompts.span(), "prompts"));
            }
            if tier.draw == Some(0) {
                return Err(ContentError::at(
                    file,
                    src,
                    Some(tier.prompts.span()),
                    Some("draw"),
                    format!("tier {:?} draws no prompts", tier.title),
                    "set `draw` to 1 or more, or leave it out to use every prompt",
                ));
            }
        }
        Ok(())
    }
}

impl ScriptExercise for PromptsContent {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Text(self.intro.clone()));
        let turns = s.turns();
        if self.closeness {
            ask_closeness(s, &turns, "before", &mut out)?;
        } else {
            s.pause_here()?;
        }
        let mut rng = s.rng("prompts");
        let mut answered = 0;
        let mut stopped = false;
        for (t, tier) in self.tiers.get_ref().iter().enumerate() {
            s.set_turn(None);
            s.show(Block::Heading(tier.title.clone()));
            if let Some(warning) = &tier.warning {
                s.show(Block::Warning(warning.clone()));
                let go = s.choice(
                    "Would you like to go on into this part?",
                    &["Yes, go on", "Stop here for today"],
                )?;
                if go != Some(0) {
                    stopped = true;
                    break;
                }
            }
            let count = tier.draw.unwrap_or(usize::MAX);
            let drawn = rng.draw(tier.prompts.get_ref(), count);
            let mut passes = 0;
            let mut asked = 0;
            for prompt in drawn {
                for who in &turns {
                    s.set_turn(who.clone());
                    asked += 1;
                    match s.text(prompt.clone())? {
                        Some(text) => {
                            answered += 1;
                            out.journal.push(JournalEntry {
                                private: false,
                                participant: who.clone(),
                                title: prompt.clone(),
                                text,
                            });
                        }
                        None => passes += 1,
                    }
                }
            }
            out.scores.push(Score {
                name: format!("pass_rate_tier_{}", t + 1),
                participant: None,
                value: f64::from(passes) / f64::from(asked.max(1)),
            });
        }
        s.set_turn(None);
        if self.closeness {
            ask_closeness(s, &turns, "after", &mut out)?;
        }
        if let Some(outro) = &self.outro {
            s.say(outro.clone());
        }
        out.summary = match (answered, stopped) {
            (0, _) => "You opened the deck. That counts; come back whenever you like.".into(),
            (n, true) => format!("You shared {n} answers and stopped where it felt right."),
            (n, false) => format!("You shared {n} answers. Thank you for taking the time."),
        };
        Ok(out)
    }
}

/// Asks each participant the closeness circles and records the rating.
pub(crate) fn ask_closeness(
    s: &mut Script,
    turns: &[Option<String>],
    when: &str,
    out: &mut Outcome,
) -> Flow<()> {
    for who in turns {
        s.set_turn(who.clone());
        let prompt = if s.is_pair() {
            "Which picture best shows how close you feel to the other person right now?"
        } else {
            "Which picture best shows how close you feel, right now, to the person you have in mind?"
        };
        if let Some(v) = s.closeness(prompt)? {
            out.scores.push(Score {
                name: format!("closeness_{when}"),
                participant: who.clone(),
                value: f64::from(v),
            });
        }
    }
    s.set_turn(None);
    Ok(())
}
