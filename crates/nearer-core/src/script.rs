//! Scripted exercises: write an exercise as straight-line code that asks and gets answers.
//!
//! An [`Exercise`] is a state machine, but most exercises read best as a script: show this, ask
//! that, then ask something that depends on the answer. [`Script`] gives that style without
//! threads or async: the script function is run again from the top after every answer, and each
//! `ask` returns the recorded answer if there is one, or stops the run with the step to show
//! next. Because exercises are deterministic (randomness only from the seed), re-running is
//! exact, and it is the same replay the host does when a session resumes. Sessions are short
//! (tens of steps), so the quadratic re-run cost is a few microseconds.

use std::collections::BTreeMap;

use crate::exercise::Exercise;
use crate::rng::Rng;
use crate::step::{
    Answer, Block, ChoiceRequest, Cue, JournalEntry, Outcome, Pacer, Request, ScaleRequest,
    SessionContext, Step, TextRequest, TimerRequest,
};

/// Stops a script run: this step needs an answer that has not been given yet.
#[derive(Debug)]
pub struct Pending(Step);

/// What every script step returns; use `?` on each ask.
pub type Flow<T> = Result<T, Pending>;

/// An exercise written as a script. `run` must be deterministic: the same context and answers
/// must lead through the same asks.
pub trait ScriptExercise: Send {
    /// The whole exercise, from its first screen to its outcome.
    fn run(&self, s: &mut Script) -> Flow<Outcome>;
}

/// The script's view of the session: the context, the answers so far, and the asks.
#[derive(Debug)]
pub struct Script {
    ctx: SessionContext,
    answers: Vec<Answer>,
    cursor: usize,
    shown: Vec<Block>,
    turn: Option<String>,
    last_turn: Option<String>,
    /// Text given to private requests in pair mode, by whom.
    private_answers: Vec<(Option<String>, String)>,
    /// Both participants agreed to reveal (see [`Script::offer_reveal`]).
    revealed: bool,
}

impl Script {
    fn new(ctx: SessionContext, answers: Vec<Answer>) -> Self {
        Script {
            ctx,
            answers,
            cursor: 0,
            shown: Vec::new(),
            turn: None,
            last_turn: None,
            private_answers: Vec::new(),
            revealed: false,
        }
    }

    /// The session's context.
    pub fn ctx(&self) -> &SessionContext {
        &self.ctx
    }

    /// A random generator fixed by the session's seed and `salt`.
    pub fn rng(&self, salt: &str) -> Rng {
        Rng::new(self.ctx.seed, salt)
    }

    /// The names to take turns with (see [`SessionContext::turns`]).
    pub fn turns(&self) -> Vec<Option<String>> {
        self.ctx.turns()
    }

    /// True in pair mode.
    pub fn is_pair(&self) -> bool {
        self.ctx.is_pair()
    }

    /// Makes the following steps `name`'s turn. In pair mode, the first step after a change of
    /// turn asks for a hand-off screen.
    pub fn set_turn(&mut self, name: Option<String>) {
        self.turn = name;
    }

    /// Whose turn it is.
    pub fn turn(&self) -> Option<&str> {
        self.turn.as_deref()
    }

    /// Adds a block to the next step shown.
    pub fn show(&mut self, block: Block) {
        self.shown.push(block);
    }

    /// Adds a paragraph to the next step shown.
    pub fn say(&mut self, text: impl Into<String>) {
        self.show(Block::Text(text.into()));
    }

    /// Asks `request` and returns the answer: `Some` answer, or `None` when the person passed.
    pub fn ask(&mut self, request: Request) -> Flow<Option<Answer>> {
        let handoff = self.is_pair() && self.turn.is_some() && self.turn != self.last_turn;
        let blocks = std::mem::take(&mut self.shown);
        if let Some(answer) = self.answers.get(self.cursor) {
            self.cursor += 1;
            self.last_turn = self.turn.clone();
            if let (true, true, Answer::Text(text)) = (self.is_pair(), request.is_private(), answer)
            {
                let text = text.trim();
                if !text.is_empty() {
                    self.private_answers
                        .push((self.turn.clone(), text.to_owned()));
                }
            }
            return Ok(match answer {
                Answer::Pass => None,
                other => Some(other.clone()),
            });
        }
        Err(Pending(Step {
            turn: self.turn.clone(),
            handoff,
            blocks,
            request,
        }))
    }

    /// Shows what has been said and waits for the person to go on.
    pub fn pause_here(&mut self) -> Flow<()> {
        self.ask(Request::Continue).map(|_| ())
    }

    /// Asks for free text; `None` when passed or left empty.
    pub fn text(&mut self, prompt: impl Into<String>) -> Flow<Option<String>> {
        self.text_request(prompt.into(), false)
    }

    /// Asks for text hidden from the other participant until revealed.
    pub fn private_text(&mut self, prompt: impl Into<String>) -> Flow<Option<String>> {
        self.text_request(prompt.into(), true)
    }

    fn text_request(&mut self, prompt: String, private: bool) -> Flow<Option<String>> {
        let answer = self.ask(Request::Text(TextRequest { prompt, private }))?;
        Ok(match answer {
            Some(Answer::Text(t)) if !t.trim().is_empty() => Some(t.trim().to_owned()),
            _ => None,
        })
    }

    /// Asks to pick one of `options`; the index, or `None` when passed.
    pub fn choice(&mut self, prompt: impl Into<String>, options: &[&str]) -> Flow<Option<usize>> {
        self.choice_request(prompt.into(), options, false)
    }

    /// Like [`Script::choice`], but the pick is hidden from the other participant.
    pub fn private_choice(
        &mut self,
        prompt: impl Into<String>,
        options: &[&str],
    ) -> Flow<Option<usize>> {
        self.choice_request(prompt.into(), options, true)
    }

    fn choice_request(
        &mut self,
        prompt: String,
        options: &[&str],
        private: bool,
    ) -> Flow<Option<usize>> {
        let request = Request::Choice(ChoiceRequest {
            prompt,
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            private,
        });
        Ok(match self.ask(request)? {
            Some(Answer::Choice(i)) if i < options.len() => Some(i),
            _ => None,
        })
    }

    /// Asks for a number from `min` to `max`, labelling the two ends.
    pub fn scale(
        &mut self,
        prompt: impl Into<String>,
        (min, low): (i32, &str),
        (max, high): (i32, &str),
    ) -> Flow<Option<i32>> {
        let labels = BTreeMap::from([(min, low.to_owned()), (max, high.to_owned())]);
        self.scale_labelled(prompt, min, max, labels)
    }

    /// Asks for a number from `min` to `max` with any labels.
    pub fn scale_labelled(
        &mut self,
        prompt: impl Into<String>,
        min: i32,
        max: i32,
        labels: BTreeMap<i32, String>,
    ) -> Flow<Option<i32>> {
        self.scale_request(prompt.into(), min, max, labels, false)
    }

    /// Like [`Script::scale`], but the number is hidden from the other participant until both
    /// choose to reveal (see [`Script::offer_reveal`]).
    pub fn private_scale(
        &mut self,
        prompt: impl Into<String>,
        (min, low): (i32, &str),
        (max, high): (i32, &str),
    ) -> Flow<Option<i32>> {
        let labels = BTreeMap::from([(min, low.to_owned()), (max, high.to_owned())]);
        self.scale_request(prompt.into(), min, max, labels, true)
    }

    fn scale_request(
        &mut self,
        prompt: String,
        min: i32,
        max: i32,
        labels: BTreeMap<i32, String>,
        private: bool,
    ) -> Flow<Option<i32>> {
        let request = Request::Scale(ScaleRequest {
            prompt,
            min,
            max,
            private,
            labels,
        });
        Ok(match self.ask(request)? {
            Some(Answer::Scale(v)) if (min..=max).contains(&v) => Some(v),
            _ => None,
        })
    }

    /// Runs a timer; the seconds that passed, or `None` when passed.
    pub fn timer(
        &mut self,
        prompt: impl Into<String>,
        seconds: u32,
        cues: Vec<Cue>,
        pacer: Option<Pacer>,
    ) -> Flow<Option<u32>> {
        let request = Request::Timer(TimerRequest {
            prompt: prompt.into(),
            seconds,
            cues,
            pacer,
        });
        Ok(match self.ask(request)? {
            Some(Answer::Timer { elapsed }) => Some(elapsed),
            _ => None,
        })
    }

    /// Asks each person in turn whether to reveal what they wrote privately, and shows
    /// `entries` to both only if both agree. Returns whether they were shown.
    pub fn offer_reveal(&mut self, entries: &[JournalEntry]) -> Flow<bool> {
        let mut all_agree = true;
        for who in self.turns() {
            self.set_turn(who);
            let yes = self.choice(
                "Would you like to show each other what you both answered? It is shown only if you both say yes.",
                &["Yes, show both", "No, keep mine private"],
            )?;
            all_agree &= yes == Some(0);
        }
        self.set_turn(None);
        self.revealed |= all_agree;
        if all_agree {
            self.show(Block::Heading("What you both answered".into()));
            for e in entries {
                let who = e.participant.as_deref().unwrap_or("You");
                self.show(Block::Quote(format!("{who}: {}", e.text)));
            }
        } else {
            self.say("You kept your answers private. They stay in your journal, for you alone.");
        }
        Ok(all_agree)
    }

    /// Says that what was answered privately so far has now been shared with both (read
    /// aloud, or shown side by side), so the journal need not keep it private. Called for you
    /// by [`Script::offer_reveal`] when both agree.
    pub fn mark_revealed(&mut self) {
        self.revealed = true;
    }

    /// The seven-circle closeness scale (see [`crate::circles`]).
    pub fn closeness(&mut self, prompt: impl Into<String>) -> Flow<Option<i32>> {
        self.show(Block::Picture(crate::circles::picture()));
        self.scale_labelled(prompt, 1, 7, crate::circles::labels())
    }

    /// The closeness scale, hidden from the other participant until both reveal.
    pub fn private_closeness(&mut self, prompt: impl Into<String>) -> Flow<Option<i32>> {
        self.show(Block::Picture(crate::circles::picture()));
        self.scale_request(prompt.into(), 1, 7, crate::circles::labels(), true)
    }
}

/// Runs a [`ScriptExercise`] as an [`Exercise`].
#[derive(Debug)]
pub struct Scripted<T> {
    script: T,
    ctx: SessionContext,
    answers: Vec<Answer>,
    current: Option<Step>,
}

impl<T: ScriptExercise> Scripted<T> {
    /// Wraps a script.
    pub fn new(script: T) -> Self {
        Scripted {
            script,
            ctx: SessionContext::default(),
            answers: Vec::new(),
            current: None,
        }
    }

    fn step(&mut self) -> Step {
        let mut s = Script::new(self.ctx.clone(), self.answers.clone());
        let step = match self.script.run(&mut s) {
            Ok(mut outcome) => {
                mark_private_entries(&s, &mut outcome);
                let blocks = std::mem::take(&mut s.shown);
                Step::new(blocks, Request::Finish(outcome))
            }
            Err(Pending(step)) => step,
        };
        self.current = Some(step.clone());
        step
    }
}

impl<T: ScriptExercise> Exercise for Scripted<T> {
    fn start(&mut self, session: &SessionContext) -> Step {
        self.ctx = session.clone();
        self.answers.clear();
        self.step()
    }

    fn answer(&mut self, answer: Answer) -> Step {
        // A reply that does not fit (or a pause, which the host keeps to itself) changes
        // nothing: the same step is asked again.
        let fits = matches!(&self.current, Some(step) if step.request.check(&answer).is_ok());
        if fits && answer != Answer::Pause {
            self.answers.push(answer);
        }
        self.step()
    }
}

/// Marks the journal entries that hold a private answer never revealed, so the host keeps
/// them from the other participant's view of the journal. Authors may also set the flag.
fn mark_private_entries(s: &Script, outcome: &mut Outcome) {
    if s.revealed {
        return;
    }
    for entry in &mut outcome.journal {
        let holds_private = s
            .private_answers
            .iter()
            .any(|(who, text)| *who == entry.participant && entry.text.contains(text.as_str()));
        entry.private |= entry.participant.is_some() && holds_private;
    }
}

/// Builds an outcome with a summary.
pub fn outcome(summary: impl Into<String>) -> Outcome {
    Outcome {
        summary: summary.into(),
        ..Outcome::default()
    }
}
