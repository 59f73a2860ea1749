//! The built-in exercise kinds, so that a content-only pack needs no compiler.
//!
//! Each kind has a content format (a TOML file in the pack's `content/`), parsed and validated
//! here, and a script that runs it. Their formats are documented in `docs/AUTHORING.md`.

mod prompts;
mod quiz;
mod reflection;
mod scale;
mod timer;

pub use prompts::PromptsContent;
pub use quiz::QuizContent;
pub use reflection::ReflectionContent;
pub use scale::ScaleContent;
pub use timer::TimerContent;

use serde::de::DeserializeOwned;

use crate::diag::ContentError;
use crate::exercise::Exercise;
use crate::script::Scripted;

/// One of the kinds built into the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinKind {
    /// A deck of questions, optionally in escalating tiers, turn-taking for pairs.
    Prompts,
    /// Guided writing into the journal.
    Reflection,
    /// A check-in on labelled scales, including the closeness circles.
    Scale,
    /// Scenarios with options and feedback.
    Quiz,
    /// A timed practice with cues and an optional breathing pacer.
    Timer,
}

/// Parsed content of a built-in kind, ready to run.
#[derive(Debug, Clone)]
pub enum BuiltinContent {
    /// See [`PromptsContent`].
    Prompts(PromptsContent),
    /// See [`ReflectionContent`].
    Reflection(ReflectionContent),
    /// See [`ScaleContent`].
    Scale(ScaleContent),
    /// See [`QuizContent`].
    Quiz(QuizContent),
    /// See [`TimerContent`].
    Timer(TimerContent),
}

impl BuiltinKind {
    /// The names used in `kind = "..."`.
    pub const NAMES: [&'static str; 5] = ["prompts", "reflection", "scale", "quiz", "timer"];

    /// The kind with this name.
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "prompts" => BuiltinKind::Prompts,
            "reflection" => BuiltinKind::Reflection,
            "scale" => BuiltinKind::Scale,
            "quiz" => BuiltinKind::Quiz,
            "timer" => BuiltinKind::Timer,
            _ => return None,
        })
    }

    /// Parses and validates a content file of this kind; `file` names it in errors.
    pub fn parse(self, file: &str, text: &str) -> Result<BuiltinContent, ContentError> {
        Ok(match self {
            BuiltinKind::Prompts => BuiltinContent::Prompts(load(file, text)?),
            BuiltinKind::Reflection => BuiltinContent::Reflection(load(file, text)?),
            BuiltinKind::Scale => BuiltinContent::Scale(load(file, text)?),
            BuiltinKind::Quiz => BuiltinContent::Quiz(load(file, text)?),
            BuiltinKind::Timer => BuiltinContent::Timer(load(file, text)?),
        })
    }
}

impl BuiltinContent {
    /// A fresh exercise running this content.
    pub fn exercise(&self) -> Box<dyn Exercise> {
        match self.clone() {
            BuiltinContent::Prompts(c) => Box::new(Scripted::new(c)),
            BuiltinContent::Reflection(c) => Box::new(Scripted::new(c)),
            BuiltinContent::Scale(c) => Box::new(Scripted::new(c)),
            BuiltinContent::Quiz(c) => Box::new(Scripted::new(c)),
            BuiltinContent::Timer(c) => Box::new(Scripted::new(c)),
        }
    }
}

/// Content that checks itself after parsing; errors carry the file's text for locating.
pub trait Validate {
    /// Checks what serde cannot: non-empty lists, ranges, references.
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError>;
}

/// Parses a content file and validates it. Pack crates use this for their own data files too.
pub fn load<T: DeserializeOwned + Validate>(file: &str, text: &str) -> Result<T, ContentError> {
    let value: T = toml::from_str(text).map_err(|e| {
        ContentError::from_toml(file, text, &e, &|field| {
            if field.is_empty() {
                "check the file against its kind's format in docs/AUTHORING.md".to_owned()
            } else {
                format!("check `{field}` against its kind's format in docs/AUTHORING.md")
            }
        })
    })?;
    value.validate(file, text)?;
    Ok(value)
}

/// An error for an empty list or text in a content file.
pub(crate) fn empty(
    file: &str,
    src: &str,
    span: std::ops::Range<usize>,
    field: &str,
) -> ContentError {
    ContentError::at(
        file,
        src,
        Some(span),
        Some(field),
        format!("`{field}` is empty"),
        format!("write at least one entry in `{field}`"),
    )
}
