//! The `gentle-start-up` exercise: notice what may sting in a complaint, then reshape it.

use nearer_core::script::outcome;
use nearer_core::{Block, Flow, JournalEntry, Outcome, Score, Script, ScriptExercise};

use crate::ask::{ask_with_hints, sample_feelings};
use crate::data::{RequestData, StartUpData};
use crate::phrases::{lower_first, strip_lead};
use crate::request::{check_feeling, check_request, hints as request_hints, PartFlag};
use crate::startup::{
    absolutes_in, check_complaint, contempt_in, hints as start_up_hints, labels_in, StartUpFlag,
};

/// The exercise, with its marker lists.
#[derive(Debug, Clone)]
pub struct GentleStartUp {
    /// Start-up markers.
    pub start_up: StartUpData,
    /// Request markers (for thoughts and negatives).
    pub request: RequestData,
}

/// Joins the three parts into "I feel ... about ..., and I need ...". A part that was passed
/// stays as "...", so the shape is still there to fill in; with no part at all, `None`.
pub fn assemble(feeling: Option<&str>, about: Option<&str>, need: Option<&str>) -> Option<String> {
    if feeling.is_none() && about.is_none() && need.is_none() {
        return None;
    }
    let gap = || "...".to_owned();
    let feeling = feeling.map_or_else(gap, |f| {
        strip_lead(
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
        )
    });
    let about = about.map_or_else(gap, |a| {
        lower_first(&strip_lead(a, &["about", "it's about", "it is about"]))
    });
    let end = if need.is_some() { "." } else { "" };
    let need = need.map_or_else(gap, |n| strip_lead(n, &["and i need", "i need", "need"]));
    Some(format!(
        "I feel {feeling} about {about}, and I need {need}{end}"
    ))
}

impl GentleStartUp {
    /// Hints on a part of the rewrite that describes the situation or the need.
    fn part_hints(&self, text: &str, need: bool) -> Vec<String> {
        let d = &self.start_up;
        let mut flags: Vec<StartUpFlag> = Vec::new();
        flags.extend(absolutes_in(d, text).into_iter().map(StartUpFlag::Absolute));
        flags.extend(labels_in(d, text).into_iter().map(StartUpFlag::Label));
        flags.extend(contempt_in(d, text).into_iter().map(StartUpFlag::Contempt));
        let mut out = start_up_hints(&flags);
        if need {
            // The need here is what would help, so the request checks apply: a need said as a
            // demand, vaguely, or as what should stop is harder to meet. Length does not matter.
            let mut flags = check_request(&self.request, text);
            flags.retain(|f| *f != PartFlag::TooShort);
            out.extend(request_hints(&flags, &[], &[]));
        }
        out
    }
}

impl ScriptExercise for GentleStartUp {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Gentle start-up".into()));
        s.say("How a hard conversation starts often shapes how it ends. A complaint that opens softly is easier to hear than one that opens with blame.");
        s.say("Think of a small, everyday complaint: dishes, lateness, plans that changed. Not a deep hurt; this is practice. You can type pass at any point.");
        s.pause_here()?;

        let original = s.text("How would you usually bring it up? Write it the way it might really come out. Nobody else sees this.")?;
        let mut heard_first = None;
        if let Some(original) = &original {
            heard_first = s.scale(
                "Before we look at it: how likely is it that the other person could really hear this, without getting defensive?",
                (1, "not likely"),
                (7, "very likely"),
            )?;
            let flags = check_complaint(&self.start_up, original);
            s.show(Block::Quote(original.clone()));
            if flags.is_empty() {
                s.show(Block::Hint("This already sounds gentle: it names a feeling and stays with the situation. The next steps may still help you shape it.".into()));
            } else {
                s.say("A few things that may make it harder to hear:");
                for h in start_up_hints(&flags) {
                    s.show(Block::Hint(h));
                }
            }
            s.say("Noticing is most of the skill. Now let's reshape it in three parts: I feel ... about ... and I need ...");
            out.journal.push(JournalEntry {
                private: false,
                participant: None,
                title: "How it might have come out".into(),
                text: original.clone(),
            });
        } else {
            s.say("That is fine. You can still try the shape on any small example: I feel ... about ... and I need ...");
        }
        s.pause_here()?;

        let offer = sample_feelings(s, "gentle-feelings", 5);
        if !offer.is_empty() {
            s.say(format!(
                "Some feeling words, if they help: {}.",
                offer.join(", ")
            ));
        }
        let feeling = ask_with_hints(
            s,
            "I feel... (a feeling word or two)",
            2,
            "That names a feeling.",
            &|t| request_hints(&check_feeling(t), &offer, &[]),
        )?;
        let about = ask_with_hints(
            s,
            "...about... (the situation, as a camera would see it, rather than the person)",
            2,
            "That describes the situation.",
            &|t| self.part_hints(t, false),
        )?;
        let need = ask_with_hints(
            s,
            "...and I need... (what would help, said as what you would like)",
            2,
            "That says what would help.",
            &|t| self.part_hints(t, true),
        )?;

        let Some(rewrite) = assemble(feeling.as_deref(), about.as_deref(), need.as_deref()) else {
            s.say("Nothing to put together this time, and that is all right. The shape will be here when a small complaint comes up.");
            out.summary = "You looked at the shape of a gentle start-up.".into();
            return Ok(out);
        };

        s.show(Block::Heading("Side by side".into()));
        if let Some(original) = &original {
            s.say("How it might have come out:");
            s.show(Block::Quote(original.clone()));
        }
        s.say("Reshaped:");
        s.show(Block::Quote(rewrite.clone()));
        let own = s.text(if rewrite.contains("...") {
            "Would you like to fill the gaps and say it in your own words? Write your version, or leave it empty to keep it as it is."
        } else {
            "Would you like to say it in your own words? Write your version, or leave it empty to keep it as it is."
        })?;
        let last = own.unwrap_or(rewrite);
        let heard_rewrite = s.scale(
            "How likely is it that the other person could hear this version?",
            (1, "not likely"),
            (7, "very likely"),
        )?;
        out.journal.push(JournalEntry {
            private: false,
            participant: None,
            title: "Reshaped".into(),
            text: last,
        });
        for (name, value) in [
            ("heard_first", heard_first),
            ("heard_rewrite", heard_rewrite),
        ] {
            if let Some(v) = value {
                out.scores.push(Score {
                    name: name.into(),
                    participant: None,
                    value: f64::from(v),
                });
            }
        }
        s.say("If you do bring it up, pick a calm time rather than the heat of the moment. One complaint at a time is plenty.");
        out.summary = match (heard_first, heard_rewrite) {
            (Some(a), Some(b)) => format!(
                "You rated the first version {a} and the reshaped one {b} out of 7. That is your own sense of it, not a verdict."
            ),
            _ => "You reshaped a complaint into something gentler. It is in your journal.".into(),
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
                (
                    Some("I feel tired."),
                    Some("The dishes piling up"),
                    Some("I need a hand on weeknights."),
                ),
                Some("I feel tired about the dishes piling up, and I need a hand on weeknights."),
            ),
            (
                (Some("lonely"), Some("about our evenings on phones"), None),
                Some("I feel lonely about our evenings on phones, and I need ..."),
            ),
            (
                (Some("I'm anxious"), None, Some("some warning")),
                Some("I feel anxious about ..., and I need some warning."),
            ),
            (
                (None, Some("Sam's late texts"), Some("a call")),
                Some("I feel ... about Sam's late texts, and I need a call."),
            ),
            (
                (None, None, Some("need rest")),
                Some("I feel ... about ..., and I need rest."),
            ),
            (
                (Some("hurt"), None, None),
                Some("I feel hurt about ..., and I need ..."),
            ),
            (
                (None, Some("the noise"), None),
                Some("I feel ... about the noise, and I need ..."),
            ),
            ((None, None, None), None),
            // Tricky: a thought stays a thought; the builder does not hide it.
            (
                (
                    Some("I feel that you never listen"),
                    Some("the meeting"),
                    Some("to be heard"),
                ),
                Some("I feel that you never listen about the meeting, and I need to be heard."),
            ),
            (
                (
                    Some("I\u{2019}m frustrated"),
                    Some("It's about the car"),
                    Some("and I need a plan!"),
                ),
                Some("I feel frustrated about the car, and I need a plan."),
            ),
        ];
        for ((f, a, n), want) in cases {
            assert_eq!(assemble(f, a, n).as_deref(), want, "{f:?} {a:?} {n:?}");
        }
    }
}
