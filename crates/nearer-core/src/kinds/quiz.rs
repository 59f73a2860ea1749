//! The `quiz` kind: short scenarios, a choice of replies, and warm feedback on each.

use serde::Deserialize;
use toml::Spanned;

use super::{empty, Validate};
use crate::diag::ContentError;
use crate::script::{outcome, Flow, Script, ScriptExercise};
use crate::step::{Block, Outcome, Score};

/// A quiz.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizContent {
    /// Shown first.
    pub intro: String,
    /// How many questions one session draws (all when absent).
    #[serde(default)]
    pub draw: Option<usize>,
    /// The questions.
    #[serde(rename = "question")]
    pub questions: Spanned<Vec<Question>>,
    /// Shown at the end.
    #[serde(default)]
    pub outro: Option<String>,
}

/// One scenario.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// The situation.
    pub scenario: String,
    /// What to pick.
    pub prompt: String,
    /// The options.
    pub options: Spanned<Vec<QuizOption>>,
}

/// One option and what to say when it is picked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizOption {
    /// The option.
    pub text: String,
    /// True for a reply that helps.
    #[serde(default)]
    pub helps: bool,
    /// Shown after it is picked.
    pub feedback: String,
}

impl Validate for QuizContent {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        if self.questions.get_ref().is_empty() {
            return Err(empty(file, src, self.questions.span(), "question"));
        }
        for q in self.questions.get_ref() {
            if q.options.get_ref().len() < 2 {
                return Err(ContentError::at(
                    file,
                    src,
                    Some(q.options.span()),
                    Some("options"),
                    "a question needs at least two options",
                    "add another option with its feedback",
                ));
            }
            if !q.options.get_ref().iter().any(|o| o.helps) {
                return Err(ContentError::at(
                    file,
                    src,
                    Some(q.options.span()),
                    Some("helps"),
                    "no option is marked as helping",
                    "mark at least one option `helps = true`",
                ));
            }
        }
        Ok(())
    }
}

impl ScriptExercise for QuizContent {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        s.say(self.intro.clone());
        s.pause_here()?;
        let questions = self.questions.get_ref();
        let mut rng = s.rng("quiz");
        let drawn = rng.draw(questions, self.draw.unwrap_or(questions.len()));
        let mut helpful = 0;
        let mut tried = 0;
        for q in &drawn {
            s.show(Block::Text(q.scenario.clone()));
            // Options are shuffled per session, so the helpful one has no fixed place.
            let options = q.options.get_ref();
            let mut order: Vec<usize> = (0..options.len()).collect();
            rng.shuffle(&mut order);
            let texts: Vec<&str> = order.iter().map(|&i| options[i].text.as_str()).collect();
            let Some(pick) = s.choice(q.prompt.clone(), &texts)? else {
                continue;
            };
            tried += 1;
            let option = &options[order[pick]];
            if option.helps {
                helpful += 1;
            }
            s.show(Block::Hint(option.feedback.clone()));
            s.pause_here()?;
        }
        if let Some(outro) = &self.outro {
            s.say(outro.clone());
        }
        let mut out = outcome(format!(
            "You worked through {tried} of {} situations.",
            drawn.len()
        ));
        out.scores.push(Score {
            name: "helpful_picks".into(),
            participant: None,
            value: f64::from(helpful),
        });
        Ok(out)
    }
}
