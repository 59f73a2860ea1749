//! The `four-part-request` exercise: observation, feeling, need, request, then the whole.

use nearer_core::script::outcome;
use nearer_core::{Block, Flow, JournalEntry, Outcome, Score, Script, ScriptExercise};

use crate::ask::{ask_with_hints, sample_feelings, sample_needs};
use crate::data::{RequestData, StartUpData};
use crate::phrases::{lower_first, strip_lead, strip_leads};
use crate::request::{check_feeling, check_need, check_observation, check_request, hints};

/// The exercise, with its marker lists.
#[derive(Debug, Clone)]
pub struct FourPartRequest {
    /// Start-up markers (absolutes and labels).
    pub start_up: StartUpData,
    /// Request markers.
    pub request: RequestData,
}

/// Lowercases the first letter unless the text starts with "I": for a verb phrase or a
/// feeling that follows other words.
fn lower_unless_i(text: &str) -> String {
    let first = nearer_text::tokens(text)
        .into_iter()
        .next()
        .unwrap_or_default();
    if matches!(first.as_str(), "i" | "i'm" | "i've" | "i'd" | "i'll") {
        return text.to_owned();
    }
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Joins the four parts into one request, using what was given:
/// "When ..., I feel ..., because I need .... Would you be willing to ...?"
pub fn assemble(
    observation: Option<&str>,
    feeling: Option<&str>,
    need: Option<&str>,
    request: Option<&str>,
) -> Option<String> {
    let observation = observation.map(|o| lower_first(&strip_lead(o, &["when"])));
    let feeling = feeling.map(|f| {
        lower_unless_i(&strip_lead(
            f,
            &[
                "i feel",
                "i'm feeling",
                "i am feeling",
                "i'm",
                "i am",
                "feeling",
                "feel",
            ],
        ))
    });
    let need = need.map(|n| lower_unless_i(&strip_lead(n, &["because i need", "i need", "need"])));
    let request = request.map(|r| {
        lower_unless_i(&strip_leads(
            r,
            &[
                "would you be willing to",
                "would you be willing",
                "would you",
                "could you",
                "can you",
                "will you",
                "please",
                "i would like you to",
                "i'd like you to",
            ],
        ))
    });
    let inner = match (&feeling, &need) {
        (Some(f), Some(n)) => Some(format!("I feel {f}, because I need {n}")),
        (Some(f), None) => Some(format!("I feel {f}")),
        (None, Some(n)) => Some(format!("I need {n}")),
        (None, None) => None,
    };
    let mut first = match (&observation, inner) {
        (Some(o), Some(i)) => format!("When {o}, {i}."),
        (None, Some(i)) => format!("{i}."),
        (Some(o), None) => format!("When {o}."),
        (None, None) => String::new(),
    };
    if let Some(r) = request {
        if !first.is_empty() {
            first.push(' ');
        }
        first.push_str(&format!("Would you be willing to {r}?"));
    }
    (!first.is_empty()).then_some(first)
}

impl ScriptExercise for FourPartRequest {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        let (d, r) = (&self.start_up, &self.request);
        s.show(Block::Heading("Four-part request".into()));
        s.say("A request without blame has four parts: what happened, how you feel, what you need, and what you would like. You will build one, a part at a time.");
        s.say("Pick a small, everyday situation to practise on. You can type pass at any point, and keep any part as you wrote it.");
        s.pause_here()?;

        let feelings = sample_feelings(s, "request-feelings", 5);
        let needs = sample_needs(s, "request-needs");

        s.show(Block::Heading("1. What happened".into()));
        let observation = ask_with_hints(
            s,
            "What happened? Describe it as a camera would record it: what was said or done, and when.",
            3,
            "That reads like something a camera could record.",
            &|t| {
                hints(&check_observation(d, r, t), &feelings, &needs)
            },
        )?;

        s.show(Block::Heading("2. How you feel".into()));
        if !feelings.is_empty() {
            s.say(format!(
                "Some feeling words, if they help: {}.",
                feelings.join(", ")
            ));
        }
        let feeling = ask_with_hints(
            s,
            "How do you feel when that happens? I feel...",
            3,
            "That names a feeling.",
            &|t| hints(&check_feeling(t), &feelings, &needs),
        )?;

        s.show(Block::Heading("3. What you need".into()));
        s.say("A need is something anyone might want, whoever meets it: not what one person should do.");
        let mut options: Vec<&str> = needs.clone();
        options.push("Something else: I will write it");
        let pick = if needs.is_empty() {
            Some(needs.len())
        } else {
            s.choice("Which need sits under the feeling?", &options)?
        };
        let need = match pick {
            Some(i) if i < needs.len() => Some(needs[i].to_owned()),
            Some(_) => ask_with_hints(
                s,
                "What do you need? I need...",
                3,
                "That is a need of your own.",
                &|t| hints(&check_need(r, t), &feelings, &needs),
            )?,
            None => None,
        };

        s.show(Block::Heading("4. What you would like".into()));
        s.say("A request is doable, says what you would like rather than what should stop, and is specific enough that you would both know if it happened.");
        let request = ask_with_hints(
            s,
            "What would you like to ask for? Would you be willing to...",
            3,
            "That is clear and doable.",
            &|t| hints(&check_request(r, t), &feelings, &needs),
        )?;

        let Some(whole) = assemble(
            observation.as_deref(),
            feeling.as_deref(),
            need.as_deref(),
            request.as_deref(),
        ) else {
            s.say("Nothing to put together this time, and that is all right. The four parts will be here when you want them.");
            out.summary = "You looked at the four parts of a request.".into();
            return Ok(out);
        };
        s.show(Block::Heading("Your request".into()));
        s.show(Block::Quote(whole.clone()));
        s.say("Read it aloud once. Change any word that does not sound like you; it is yours, not a script.");
        let ready = s.scale(
            "How ready do you feel to say something like this?",
            (1, "not yet"),
            (7, "ready"),
        )?;
        out.journal.push(JournalEntry {
            private: false,
            participant: None,
            title: "My four-part request".into(),
            text: whole,
        });
        if let Some(v) = ready {
            out.scores.push(Score {
                name: "ready_to_say".into(),
                participant: None,
                value: f64::from(v),
            });
        }
        let parts = [&observation, &feeling, &need, &request]
            .iter()
            .filter(|p| p.is_some())
            .count();
        out.summary = if parts == 4 {
            "You built a request from all four parts. It is in your journal.".into()
        } else {
            format!("You built a request from {parts} of the four parts. It is in your journal.")
        };
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_assembled_from_what_was_given() {
        let cases = [
            (
                [Some("Yesterday you came home at nine."), Some("I feel lonely"), Some("connection"), Some("Would you be willing to text me by seven?")],
                Some("When yesterday you came home at nine, I feel lonely, because I need connection. Would you be willing to text me by seven?"),
            ),
            (
                [Some("When the bins stay out"), Some("frustrated"), Some("I need order"), Some("Please, could you take them in on Friday")],
                Some("When the bins stay out, I feel frustrated, because I need order. Would you be willing to take them in on Friday?"),
            ),
            (
                [Some("Sam cancelled twice"), Some("sad"), None, None],
                Some("When Sam cancelled twice, I feel sad."),
            ),
            ([None, Some("I'm tired"), Some("rest"), None], Some("I feel tired, because I need rest.")),
            ([None, None, Some("Rest"), Some("Cook on Tuesdays")], Some("I need rest. Would you be willing to cook on Tuesdays?")),
            ([None, None, None, Some("call me at lunch")], Some("Would you be willing to call me at lunch?")),
            ([Some("the TV was on during dinner"), None, None, None], Some("When the TV was on during dinner.")),
            ([None, None, None, None], None),
            // Tricky: a feeling starting with "I" keeps its capital.
            ([None, Some("I feel I'm in the way"), None, None], Some("I feel I'm in the way.")),
            (
                [Some("You were rude"), Some("I feel ignored"), Some("I need you to listen"), Some("stop")],
                Some("When you were rude, I feel ignored, because I need you to listen. Would you be willing to stop?"),
            ),
        ];
        for ([o, f, n, r], want) in cases {
            assert_eq!(
                assemble(o, f, n, r).as_deref(),
                want,
                "{o:?} {f:?} {n:?} {r:?}"
            );
        }
    }
}
