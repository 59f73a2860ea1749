//! The `gentle-start-up` exercise: notice what may sting in a complaint, then reshape it.

use nearer_core::script::outcome;
use nearer_core::{Block, Flow, JournalEntry, Outcome, Score, Script, ScriptExercise};

use crate::ask::{ask_with_hints, sample_feelings};
use crate::data::{RequestData, StartUpData};
use crate::phrases::{lower_first, strip_lead};
use crate::request::{check_feeling, check_request, PartFlag};
use crate::startup::{absolutes_in, check_complaint, contempt_in, labels_in, StartUpFlag};

/// The exercise, with its marker lists.
#[derive(Debug, Clone)]
pub struct GentleStartUp {
    /// Start-up markers.
    pub start_up: StartUpData,
    /// Request markers (for thoughts and negatives).
    pub request: RequestData,
}

/// Joins the three parts into "I feel ... about ..., and I need ...", using what was given.
pub fn assemble(feeling: Option<&str>, about: Option<&str>, need: Option<&str>) -> Option<String> {
    let feeling = feeling.map(|f| strip_lead(f, &["i feel", "i'm feeling", "i am feeling", "i'm", "i am", "feeling", "feel"]));
    let about = about.map(|a| lower_first(&strip_lead(a, &["about", "it's about", "it is about"])));
    let need = need.map(|n| strip_lead(n, &["and i need", "i need", "need"]));
    let sentence = match (feeling, about, need) {
        (Some(f), Some(a), Some(n)) => format!("I feel {f} about {a}, and I need {n}."),
        (Some(f), Some(a), None) => format!("I feel {f} about {a}."),
        (Some(f), None, Some(n)) => format!("I feel {f}, and I need {n}."),
        (None, Some(a), Some(n)) => format!("About {a}: I need {n}."),
        (Some(f), None, None) => format!("I feel {f}."),
        (None, None, Some(n)) => format!("I need {n}."),
        (None, Some(a), None) => format!("About {a}."),
        (None, None, None) => return None,
    };
    Some(sentence)
}

impl GentleStartUp {
    /// Hints on a part of the rewrite that describes the situation or the need.
    fn part_hints(&self, text: &str, need: bool) -> Vec<String> {
        let mut hints: Vec<String> = Vec::new();
        let d = &self.start_up;
        for a in absolutes_in(d, text) {
            hints.push(StartUpFlag::Absolute(a).hint());
        }
        for l in labels_in(d, text) {
            hints.push(StartUpFlag::Label(l).hint());
        }
        for c in contempt_in(d, text) {
            hints.push(StartUpFlag::Contempt(c).hint());
        }
        if need {
            // A need said as what should stop is harder to meet than what would help.
            for f in check_request(&self.request, text) {
                if let PartFlag::Negative(_) = f {
                    hints.push(f.hint(&[], &[]));
                }
            }
        }
        hints
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
                for f in &flags {
                    s.show(Block::Hint(f.hint()));
                }
            }
            s.say("Noticing is most of the skill. Now let's reshape it in three parts: I feel ... about ... and I need ...");
            out.journal.push(JournalEntry {
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
            s.say(format!("Some feeling words, if they help: {}.", offer.join(", ")));
        }
        let feeling = ask_with_hints(
            s,
            "I feel... (a feeling word or two)",
            2,
            "That names a feeling.",
            &|t| {
                check_feeling(t)
                    .iter()
                    .map(|f| f.hint(&offer, &[]))
                    .collect()
            },
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
        let own = s.text("Would you like to say it in your own words? Write your version, or leave it empty to keep it as it is.")?;
        let last = own.unwrap_or(rewrite);
        let heard_rewrite = s.scale(
            "How likely is it that the other person could hear this version?",
            (1, "not likely"),
            (7, "very likely"),
        )?;
        out.journal.push(JournalEntry {
            participant: None,
            title: "Reshaped".into(),
            text: last,
        });
        for (name, value) in [("heard_first", heard_first), ("heard_rewrite", heard_rewrite)] {
            if let Some(v) = value {
                out.scores.push(Score {
                    name: name.into(),
                    participant: None,
                    value: f64::from(v),
                });
            }
        }
        s.say("If you do bring it up, pick a calm moment, not the middle of the moment itself. And one complaint at a time is plenty.");
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
                (Some("I feel tired."), Some("The dishes piling up"), Some("I need a hand on weeknights.")),
                Some("I feel tired about the dishes piling up, and I need a hand on weeknights."),
            ),
            (
                (Some("lonely"), Some("about our evenings on phones"), None),
                Some("I feel lonely about our evenings on phones."),
            ),
            ((Some("I'm anxious"), None, Some("some warning")), Some("I feel anxious, and I need some warning.")),
            ((None, Some("Sam's late texts"), Some("a call")), Some("About Sam's late texts: I need a call.")),
            ((None, None, Some("need rest")), Some("I need rest.")),
            ((Some("hurt"), None, None), Some("I feel hurt.")),
            ((None, Some("the noise"), None), Some("About the noise.")),
            ((None, None, None), None),
            // Tricky: a thought stays a thought; the builder does not hide it.
            (
                (Some("I feel that you never listen"), Some("the meeting"), Some("to be heard")),
                Some("I feel that you never listen about the meeting, and I need to be heard."),
            ),
            (
                (Some("I\u{2019}m frustrated"), Some("It's about the car"), Some("and I need a plan!")),
                Some("I feel frustrated about the car, and I need a plan."),
            ),
        ];
        for ((f, a, n), want) in cases {
            assert_eq!(assemble(f, a, n).as_deref(), want, "{f:?} {a:?} {n:?}");
        }
    }
}
