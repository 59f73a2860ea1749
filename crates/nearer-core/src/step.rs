//! The step protocol: what an exercise shows, what it asks, what it is answered, how it ends.
//!
//! Every type here is plain data with serde derives, because the same values travel in-process,
//! over the native ABI as JSON, and out of `nearer run --json`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One screen of an exercise: what to show, and at most one request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// Name of the participant whose turn it is, in pair mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<String>,
    /// The screen must be cleared and handed to `turn` before anything is shown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub handoff: bool,
    /// What to show, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// What the host must collect next; `Finish` ends the exercise.
    pub request: Request,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Step {
    /// A step that shows `blocks` and asks `request`.
    pub fn new(blocks: Vec<Block>, request: Request) -> Self {
        Step {
            turn: None,
            handoff: false,
            blocks,
            request,
        }
    }

    /// Marks the step as `name`'s turn.
    #[must_use]
    pub fn for_turn(mut self, name: Option<&str>) -> Self {
        self.turn = name.map(str::to_owned);
        self
    }

    /// Asks the host to clear the screen and hand over before showing this step.
    #[must_use]
    pub fn with_handoff(mut self, handoff: bool) -> Self {
        self.handoff = handoff;
        self
    }

    /// The outcome, when this is the last step.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.request {
            Request::Finish(outcome) => Some(outcome),
            _ => None,
        }
    }
}

/// A piece of what a step shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    /// A short heading.
    Heading(String),
    /// A paragraph of plain text.
    Text(String),
    /// Words set apart: something a participant wrote, or a line to read aloud.
    Quote(String),
    /// A gentle hint from an automated check; never a grade.
    Hint(String),
    /// A content warning, shown before hard ground.
    Warning(String),
    /// Preformatted ASCII art, shown as is.
    Picture(String),
}

/// What the host must collect from the person before asking for the next step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Request {
    /// Nothing to enter: the person reads, then goes on.
    Continue,
    /// Free text.
    Text(TextRequest),
    /// One option of several.
    Choice(ChoiceRequest),
    /// A whole number on a labelled scale.
    Scale(ScaleRequest),
    /// A timed practice; the host counts down and shows cues.
    Timer(TimerRequest),
    /// The exercise is over.
    Finish(Outcome),
}

/// A request for free text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRequest {
    /// The question.
    pub prompt: String,
    /// Hidden from the other participant until both choose to reveal.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
}

/// A request to pick one option.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceRequest {
    /// The question.
    pub prompt: String,
    /// The options, answered by index (0-based) or by their text.
    pub options: Vec<String>,
    /// Hidden from the other participant until both choose to reveal.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
}

/// A request for a number on a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScaleRequest {
    /// The question.
    pub prompt: String,
    /// Lowest allowed value.
    pub min: i32,
    /// Highest allowed value.
    pub max: i32,
    /// Hidden from the other participant until both choose to reveal.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
    /// Labels for some values, e.g. the two ends.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        with = "labels_as_pairs"
    )]
    pub labels: BTreeMap<i32, String>,
}

/// Scale labels travel as `[[value, "label"], ...]`: JSON object keys are strings, and an
/// internally tagged message (as on the ABI) cannot turn them back into numbers.
mod labels_as_pairs {
    use std::collections::BTreeMap;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(
        labels: &BTreeMap<i32, String>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        labels.iter().collect::<Vec<_>>().serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<i32, String>, D::Error> {
        Ok(Vec::<(i32, String)>::deserialize(d)?.into_iter().collect())
    }
}

/// A timed practice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimerRequest {
    /// What the time is for.
    pub prompt: String,
    /// Length in seconds.
    pub seconds: u32,
    /// Lines shown when the given second is reached.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<Cue>,
    /// An optional breathing pacer, repeated through the time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pacer: Option<Pacer>,
}

/// A line shown at a point in a timer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// Seconds from the start.
    pub at: u32,
    /// What to show.
    pub text: String,
}

/// A breathing rhythm: in for `inhale` seconds, out for `exhale`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pacer {
    /// Seconds breathing in.
    pub inhale: u32,
    /// Seconds breathing out.
    pub exhale: u32,
}

/// The person's reply to a step's request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Reply to `Continue`.
    Continue,
    /// Reply to `Text`.
    Text(String),
    /// Reply to `Choice`: the 0-based index of the option.
    Choice(usize),
    /// Reply to `Scale`.
    Scale(i32),
    /// Reply to `Timer`: the timer ran out, or was ended early after `elapsed` seconds.
    Timer {
        /// Seconds that actually passed.
        elapsed: u32,
    },
    /// The person does not want to answer this one. Always allowed.
    Pass,
    /// The person wants to stop for now and come back later. Always allowed; the host keeps
    /// the session and never hands this answer to the exercise, so replay stays exact.
    Pause,
}

/// Why an answer does not fit the request it replies to.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AnswerError {
    /// The answer is of another kind than the request.
    #[error("this step asks for {expected}")]
    WrongKind {
        /// What the request wants, in words.
        expected: &'static str,
    },
    /// A choice index outside the options.
    #[error("pick a number from 1 to {count}")]
    NoSuchOption {
        /// How many options there are.
        count: usize,
    },
    /// A scale value outside its range.
    #[error("pick a number from {min} to {max}")]
    OutOfRange {
        /// Lowest allowed.
        min: i32,
        /// Highest allowed.
        max: i32,
    },
    /// The exercise is already over.
    #[error("the exercise is already over")]
    Finished,
}

impl Request {
    /// Checks that `answer` fits this request. `Pass` and `Pause` always fit an open request.
    pub fn check(&self, answer: &Answer) -> Result<(), AnswerError> {
        match (self, answer) {
            (Request::Finish(_), _) => Err(AnswerError::Finished),
            (_, Answer::Pass | Answer::Pause) => Ok(()),
            (Request::Continue, Answer::Continue) => Ok(()),
            (Request::Text(_), Answer::Text(_)) => Ok(()),
            (Request::Timer(_), Answer::Timer { .. }) => Ok(()),
            (Request::Choice(c), Answer::Choice(i)) if *i < c.options.len() => Ok(()),
            (Request::Choice(c), Answer::Choice(_)) => Err(AnswerError::NoSuchOption {
                count: c.options.len(),
            }),
            (Request::Scale(s), Answer::Scale(v)) if (s.min..=s.max).contains(v) => Ok(()),
            (Request::Scale(s), Answer::Scale(_)) => Err(AnswerError::OutOfRange {
                min: s.min,
                max: s.max,
            }),
            (r, _) => Err(AnswerError::WrongKind {
                expected: r.expects(),
            }),
        }
    }

    /// Reads one typed line as an answer: `pass` and `pause` always; an empty line to continue
    /// or to end a timer at its full length; a number (1-based) or the text of an option; a
    /// number on a scale; any text for a text request.
    pub fn parse_line(&self, line: &str) -> Result<Answer, AnswerError> {
        let line = line.trim_end_matches(['\r', '\n']);
        let word = line.trim();
        if word.eq_ignore_ascii_case("pass") {
            return Ok(Answer::Pass);
        }
        if word.eq_ignore_ascii_case("pause") {
            return Ok(Answer::Pause);
        }
        let answer = match self {
            Request::Finish(_) => return Err(AnswerError::Finished),
            Request::Continue => Answer::Continue,
            Request::Text(_) => Answer::Text(word.to_owned()),
            Request::Timer(t) => Answer::Timer {
                elapsed: if word.is_empty() {
                    t.seconds
                } else {
                    word.parse::<u32>()
                        .map_err(|_| AnswerError::WrongKind {
                            expected: "an empty line, or the seconds that passed",
                        })?
                        .min(t.seconds)
                },
            },
            Request::Choice(c) => {
                let by_number = word.parse::<usize>().ok().and_then(|n| n.checked_sub(1));
                let by_text = || c.options.iter().position(|o| o.eq_ignore_ascii_case(word));
                match by_number.or_else(by_text) {
                    Some(i) => Answer::Choice(i),
                    None => {
                        return Err(AnswerError::NoSuchOption {
                            count: c.options.len(),
                        })
                    }
                }
            }
            Request::Scale(s) => match word.parse::<i32>() {
                Ok(v) => Answer::Scale(v),
                Err(_) => {
                    return Err(AnswerError::OutOfRange {
                        min: s.min,
                        max: s.max,
                    })
                }
            },
        };
        self.check(&answer)?;
        Ok(answer)
    }

    /// True when the answer must be hidden from the other participant.
    pub fn is_private(&self) -> bool {
        match self {
            Request::Text(t) => t.private,
            Request::Choice(c) => c.private,
            Request::Scale(s) => s.private,
            _ => false,
        }
    }

    /// What this request wants, in words, for error messages.
    pub fn expects(&self) -> &'static str {
        match self {
            Request::Continue => "an empty line to continue",
            Request::Text(_) => "some text",
            Request::Choice(_) => "the number of an option",
            Request::Scale(_) => "a number on the scale",
            Request::Timer(_) => "the end of the timer",
            Request::Finish(_) => "nothing more",
        }
    }
}

/// What a finished exercise leaves behind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// A short, warm closing line.
    pub summary: String,
    /// Named ratings the participants gave (their own, never a verdict of the program).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scores: Vec<Score>,
    /// What belongs in the journal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub journal: Vec<JournalEntry>,
    /// Small facts the exercise wants back in its next session (see [`PriorSession`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub carry: BTreeMap<String, String>,
}

/// A named number recorded at the end of an exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Score {
    /// Stable key, e.g. `closeness_after`.
    pub name: String,
    /// Whose rating it is, in pair mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<String>,
    /// The value.
    pub value: f64,
}

/// One entry for the journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// Who wrote it, in pair mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<String>,
    /// The question or heading it answers.
    pub title: String,
    /// What they wrote.
    pub text: String,
    /// Written in answer to a private request and never revealed to the other participant:
    /// the host keeps it out of the journal and exports unless that person asks for theirs.
    #[serde(default, skip_serializing_if = "is_false")]
    pub private: bool,
}

/// One person taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// How the program addresses them.
    pub name: String,
}

/// What the host passes to `Exercise::start`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SessionContext {
    /// The only source of randomness.
    pub seed: u64,
    /// One participant for solo, two for pair mode; empty means solo with no name.
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// A BCP 47 tag such as `en`.
    #[serde(default = "default_locale")]
    pub locale: String,
    /// What earlier finished sessions of the same exercise left, oldest first.
    #[serde(default)]
    pub history: Vec<PriorSession>,
    /// When this session began, as an RFC 3339 UTC timestamp, if the host records it. Compare
    /// it with [`PriorSession::finished_at`] (e.g. "the last 30 days") instead of reading a
    /// clock: a resumed session gets the same value, so replay stays exact. Since API 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started_at: Option<String>,
}

fn default_locale() -> String {
    "en".to_owned()
}

impl SessionContext {
    /// A solo context with the given seed.
    pub fn solo(seed: u64) -> Self {
        SessionContext {
            seed,
            participants: Vec::new(),
            locale: default_locale(),
            history: Vec::new(),
            started_at: None,
        }
    }

    /// A pair context with the given seed and names.
    pub fn pair(seed: u64, first: &str, second: &str) -> Self {
        SessionContext {
            participants: vec![
                Participant {
                    name: first.to_owned(),
                },
                Participant {
                    name: second.to_owned(),
                },
            ],
            ..SessionContext::solo(seed)
        }
    }

    /// True when two people take turns.
    pub fn is_pair(&self) -> bool {
        self.participants.len() >= 2
    }

    /// The names to take turns with: two names in pair mode, one `None` in solo mode.
    pub fn turns(&self) -> Vec<Option<String>> {
        if self.is_pair() {
            self.participants
                .iter()
                .map(|p| Some(p.name.clone()))
                .collect()
        } else {
            vec![self.participants.first().map(|p| p.name.clone())]
        }
    }
}

/// What one earlier finished session of the same exercise recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorSession {
    /// When it finished, as an RFC 3339 UTC timestamp.
    pub finished_at: String,
    /// Its participants' names.
    #[serde(default)]
    pub participants: Vec<String>,
    /// The facts its outcome asked to carry.
    #[serde(default)]
    pub carry: BTreeMap<String, String>,
    /// Its scores.
    #[serde(default)]
    pub scores: Vec<Score>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pass_and_pause_fit_every_open_request() {
        let requests = [
            Request::Continue,
            Request::Text(TextRequest {
                prompt: "p".into(),
                private: false,
            }),
            Request::Choice(ChoiceRequest {
                prompt: "p".into(),
                options: vec!["a".into()],
                private: false,
            }),
        ];
        for r in requests {
            assert_eq!(r.check(&Answer::Pass), Ok(()));
            assert_eq!(r.check(&Answer::Pause), Ok(()));
        }
        let done = Request::Finish(Outcome::default());
        assert_eq!(done.check(&Answer::Pass), Err(AnswerError::Finished));
    }

    #[test]
    fn out_of_range_answers_are_refused() {
        let scale = Request::Scale(ScaleRequest {
            prompt: "p".into(),
            min: 1,
            max: 7,
            private: false,
            labels: BTreeMap::new(),
        });
        assert_eq!(scale.check(&Answer::Scale(7)), Ok(()));
        assert_eq!(
            scale.check(&Answer::Scale(8)),
            Err(AnswerError::OutOfRange { min: 1, max: 7 })
        );
        assert!(matches!(
            scale.check(&Answer::Text("x".into())),
            Err(AnswerError::WrongKind { .. })
        ));
    }

    #[test]
    fn typed_lines_become_answers() {
        let choice = Request::Choice(ChoiceRequest {
            prompt: "p".into(),
            options: vec!["Yes".into(), "No".into()],
            private: false,
        });
        assert_eq!(choice.parse_line("2"), Ok(Answer::Choice(1)));
        assert_eq!(choice.parse_line(" no "), Ok(Answer::Choice(1)));
        assert_eq!(choice.parse_line("PASS"), Ok(Answer::Pass));
        assert_eq!(
            choice.parse_line("3"),
            Err(AnswerError::NoSuchOption { count: 2 })
        );
        assert_eq!(
            choice.parse_line("0"),
            Err(AnswerError::NoSuchOption { count: 2 })
        );
        let timer = Request::Timer(TimerRequest {
            prompt: "t".into(),
            seconds: 60,
            cues: vec![],
            pacer: None,
        });
        assert_eq!(timer.parse_line(""), Ok(Answer::Timer { elapsed: 60 }));
        assert_eq!(timer.parse_line("90"), Ok(Answer::Timer { elapsed: 60 }));
        assert_eq!(
            Request::Continue.parse_line("anything"),
            Ok(Answer::Continue)
        );
    }

    #[test]
    fn scale_labels_survive_an_internally_tagged_message() {
        #[derive(Serialize, Deserialize)]
        #[serde(tag = "op")]
        enum Msg {
            Step { step: Step },
        }
        let step = Step::new(
            vec![],
            Request::Scale(ScaleRequest {
                prompt: "p".into(),
                min: 1,
                max: 7,
                private: false,
                labels: BTreeMap::from([(1, "low".into()), (7, "high".into())]),
            }),
        );
        let json = serde_json::to_string(&Msg::Step { step: step.clone() }).expect("serializes");
        let Msg::Step { step: back } = serde_json::from_str(&json).expect("deserializes");
        assert_eq!(back, step);
    }

    #[test]
    fn steps_round_trip_through_json() {
        let step = Step::new(
            vec![Block::Text("hi".into())],
            Request::Choice(ChoiceRequest {
                prompt: "which".into(),
                options: vec!["a".into(), "b".into()],
                private: false,
            }),
        )
        .for_turn(Some("Ada"));
        let json = serde_json::to_string(&step).expect("steps serialize");
        let back: Step = serde_json::from_str(&json).expect("steps deserialize");
        assert_eq!(back, step);
    }
}
