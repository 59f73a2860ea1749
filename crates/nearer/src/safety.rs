//! The private safety question asked before two people first do an exercise together.
//!
//! Each person answers alone, after a hand-off screen: do they ever feel afraid of the other's
//! reaction? If either says yes, nearer does not start the pair exercise, does not say who
//! answered what, suggests solo exercises, and shows where help is. Only a pair where both
//! said no is remembered (as a hash of their names), so the question is not asked each time.

use std::collections::BTreeSet;
use std::fs;

use anyhow::Result;
use nearer_core::script::{outcome, Flow, Script, ScriptExercise, Scripted};
use nearer_core::{Answer, Block, Exercise, Outcome, Request, SessionContext};
use sha2::{Digest, Sha256};

use crate::front::FrontEnd;
use crate::front::Input;
use crate::home::Home;

const FILE: &str = "safety-checked";

/// What the check decided.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead as a pair.
    Proceed,
    /// Do not run the pair exercise now.
    Stop,
}

struct Question;

impl ScriptExercise for Question {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        s.say("Before your first exercise together, one private question for each of you. Nobody will see the other's answer, and nearer will not say who answered what.");
        s.pause_here()?;
        let names: Vec<String> = s.turns().into_iter().flatten().collect();
        let mut afraid = false;
        for (i, name) in names.iter().enumerate() {
            let other = names.get(1 - i.min(1)).cloned().unwrap_or_default();
            s.set_turn(Some(name.clone()));
            let answer = s.private_choice(
                format!("Do you ever feel afraid of how {other} might react when you say what you think or feel?"),
                &["No", "Yes, sometimes", "I would rather not say"],
            )?;
            afraid |= answer == Some(1);
        }
        s.set_turn(None);
        let mut out = outcome(if afraid { "stop" } else { "proceed" });
        if afraid {
            s.show(Block::Text("Thank you for answering honestly. From your answers, we suggest doing exercises on your own for now: run them without --pair. Feeling afraid of someone's reaction matters, and you deserve support with it.".into()));
            s.show(Block::Text(
                crate::cmd::help_now::text().unwrap_or_default(),
            ));
        } else {
            s.say("Thank you. Remember: either of you can type pass or pause at any time.");
        }
        out.carry.insert("afraid".into(), afraid.to_string());
        Ok(out)
    }
}

/// Runs the question like an exercise, but shows its last words as a note rather than as an
/// outcome: it is nearer speaking, not an exercise, and nothing of it is recorded.
fn ask(
    question: &mut Box<dyn Exercise>,
    ctx: &SessionContext,
    front: &mut dyn FrontEnd,
) -> Result<Option<Outcome>> {
    let mut step = question.start(ctx);
    loop {
        if let Request::Finish(outcome) = step.request {
            for block in &step.blocks {
                if let Block::Text(text) = block {
                    front.note(text)?;
                }
            }
            return Ok(Some(outcome));
        }
        front.show(&step)?;
        match front.read(&step)? {
            Input::End | Input::Answer(Answer::Pause) => return Ok(None),
            Input::Answer(answer) => step = question.answer(answer),
        }
    }
}

fn key(names: &[&str]) -> String {
    let mut sorted: Vec<&str> = names.to_vec();
    sorted.sort_unstable();
    let digest = Sha256::digest(sorted.join("\u{0}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Forgets which pairs answered the safety question (part of `nearer forget --all`).
pub fn forget_all(home: &Home) -> Result<bool> {
    match fs::remove_file(home.root().join(FILE)) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(anyhow::Error::new(e).context("could not delete the safety-question record")),
    }
}

/// Asks the safety question if this pair has not both said no before.
pub fn check_pair(home: &Home, ctx: &SessionContext, front: &mut dyn FrontEnd) -> Result<Verdict> {
    let names: Vec<&str> = ctx.participants.iter().map(|p| p.name.as_str()).collect();
    let path = home.root().join(FILE);
    let known: BTreeSet<String> = fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect();
    let k = key(&names);
    if known.contains(&k) {
        return Ok(Verdict::Proceed);
    }
    let mut question: Box<dyn Exercise> = Box::new(Scripted::new(Question));
    let safety_ctx = SessionContext {
        history: Vec::new(),
        ..ctx.clone()
    };
    match ask(&mut question, &safety_ctx, front)? {
        Some(outcome) if outcome.carry.get("afraid").map(String::as_str) == Some("false") => {
            let mut all = known;
            all.insert(k);
            let text: String = all.into_iter().map(|l| l + "\n").collect();
            crate::fsutil::write_atomic(&path, text.as_bytes())?;
            Ok(Verdict::Proceed)
        }
        _ => Ok(Verdict::Stop),
    }
}
