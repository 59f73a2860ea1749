//! The `speaker-listener` drill: short turns, reflections with hints, the speaker's rating.

use std::collections::BTreeMap;

use nearer_core::script::outcome;
use nearer_core::{Block, Flow, JournalEntry, Outcome, Score, Script, ScriptExercise};
use nearer_text::find_feelings;

use crate::data::ListeningData;
use crate::listening::check_reflection;
use crate::phrases::sentences;

/// How many times a listener may try to reflect one turn.
const TRIES: usize = 3;

/// From this rating (of 5) the speaker feels understood and the turn ends.
const UNDERSTOOD: i32 = 4;

/// The drill, with its marker lists and topics.
#[derive(Debug, Clone)]
pub struct SpeakerListener {
    /// What a reflection is checked for, and the topics offered.
    pub data: ListeningData,
}

impl SpeakerListener {
    /// One turn: `speaker` speaks, `listener` reflects until understood or out of tries.
    /// Returns what to tell both at the start of the next screen.
    // `Flow`'s error carries the next step by value, by the core's design.
    #[allow(clippy::result_large_err)]
    fn round(
        &self,
        s: &mut Script,
        speaker: &str,
        listener: &str,
        topic: &str,
        out: &mut Outcome,
    ) -> Flow<String> {
        s.set_turn(Some(speaker.to_owned()));
        s.show(Block::Heading(format!(
            "{speaker} speaks, {listener} listens"
        )));
        s.say(topic.to_owned());
        s.say(format!(
            "{speaker}, say what you think and feel about it, in one to three sentences. Speak for yourself (\"I ...\"), and leave room for {listener} to reflect."
        ));
        let Some(said) = s.text("What would you like to say?")? else {
            return Ok(format!(
                "{speaker} passed this turn to speak. That is fine."
            ));
        };
        if sentences(&said).len() > 3 {
            s.show(Block::Hint(format!(
                "That is more than three sentences. Short turns are easier to take in; {listener} will do their best with all of it, and next time you might say less at once."
            )));
            s.pause_here()?;
        }
        out.journal.push(JournalEntry {
            private: false,
            participant: Some(speaker.to_owned()),
            title: "What I said".into(),
            text: said.clone(),
        });
        let speaker_feelings: Vec<String> = find_feelings(&said)
            .iter()
            .map(|f| f.word.clone())
            .collect();

        let mut context = said.clone();
        let mut added: Option<String> = None;
        let mut first = None;
        let mut last = None;
        let mut tries = 0;
        let mut end = String::new();
        for attempt in 1..=TRIES {
            s.set_turn(Some(listener.to_owned()));
            match &added {
                None => {
                    s.say(format!("{listener}, you are the listener. {speaker} said:"));
                    s.show(Block::Quote(said.clone()));
                    s.say(format!(
                        "Reflect back what you heard, in your own words: what {speaker} said, and what they seem to feel. No advice, no argument, and no story of your own yet."
                    ));
                }
                Some(more) => {
                    s.say(format!("{speaker} added:"));
                    s.show(Block::Quote(more.clone()));
                    s.say(format!("Try again, taking in what {speaker} added."));
                }
            }
            let Some(mut reply) = s.text("What did you hear?")? else {
                end = format!("{listener} passed on reflecting. That is fine; it is a skill that takes practice.");
                break;
            };
            let check = check_reflection(&self.data, &context, &reply);
            for hint in check.hints(speaker, &speaker_feelings) {
                s.show(Block::Hint(hint));
            }
            if check.has_suggestions() {
                let change = s.choice(
                    format!("Would you like to change anything before {speaker} reads it?"),
                    &["Share it as it is", "Rewrite it first"],
                )?;
                if change == Some(1) {
                    if let Some(again) = s.text("Your reflection, rewritten:")? {
                        reply = again;
                    }
                }
            } else {
                s.pause_here()?;
            }
            tries = attempt;
            out.journal.push(JournalEntry {
                private: false,
                participant: Some(listener.to_owned()),
                title: format!("What I heard {speaker} say"),
                text: reply.clone(),
            });

            s.set_turn(Some(speaker.to_owned()));
            s.say(format!("{listener} reflected:"));
            s.show(Block::Quote(reply));
            let labels = BTreeMap::from([
                (1, "missed it".to_owned()),
                (3, "partly".to_owned()),
                (5, "got it fully".to_owned()),
            ]);
            let Some(rating) =
                s.scale_labelled("How well does this catch what you meant?", 1, 5, labels)?
            else {
                end = format!("{speaker} passed on rating. That is fine.");
                break;
            };
            first.get_or_insert(rating);
            last = Some(rating);
            if rating >= UNDERSTOOD {
                end = format!("{speaker} felt understood. Take a breath and notice what that was like, for both of you.");
                break;
            }
            if attempt == TRIES {
                end = format!("You gave it {TRIES} tries. Meaning can be slippery, and that is exactly what the drill is for. You might say it to each other aloud now.");
                break;
            }
            let Some(more) = s.text(format!(
                "What did {listener} miss, or what would you add? One or two sentences."
            ))?
            else {
                end = format!("{speaker} chose to leave it there. That is fine.");
                break;
            };
            context = format!("{context} {more}");
            added = Some(more);
        }
        let listener = Some(listener.to_owned());
        for (name, value) in [
            ("listening_accuracy", last),
            ("listening_accuracy_first", first),
            ("listening_tries", (tries > 0).then_some(tries as i32)),
        ] {
            if let Some(v) = value {
                out.scores.push(Score {
                    name: name.into(),
                    participant: listener.clone(),
                    value: f64::from(v),
                });
            }
        }
        Ok(end)
    }
}

impl ScriptExercise for SpeakerListener {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Speaker and listener".into()));
        s.show(Block::Warning(
            "This is a drill for calm, everyday topics, not for a heated conflict. Keep a hard talk for another time, when you are both rested."
                .into(),
        ));
        let names: Vec<String> = s.turns().into_iter().flatten().collect();
        let [first, second] = names.as_slice() else {
            s.say("This drill needs two people at one keyboard. Start it again with a partner; on your own, the roadblock quiz is a good way to practise.");
            out.summary = "This drill is for two people.".into();
            return Ok(out);
        };
        let (first, second) = (first.clone(), second.clone());
        s.say("One of you speaks, in a few sentences. The other reflects back what they heard, in their own words, without advice or argument. The speaker says how close it came, and you try again if needed. Then you swap.");
        s.say("It may feel slow and a little odd. That is the point: it makes room to be heard. You can type pass at any point.");
        s.pause_here()?;

        let ideas = s.rng("topics").draw(&self.data.topics, 4);
        let mut options: Vec<&str> = ideas.iter().map(String::as_str).collect();
        options.push("A light topic of our own");
        let topic = match s.choice("Pick a calm topic to practise on together.", &options)? {
            Some(i) if i < ideas.len() => Some(ideas[i].clone()),
            Some(_) => s.text("Name your topic in a few words. Keep it light.")?,
            None => None,
        };
        let topic = match topic {
            Some(t) => format!("Your topic: {t}."),
            None => "No set topic: talk about anything light that is on your mind.".into(),
        };

        let carry = self.round(s, &first, &second, &topic, &mut out)?;
        s.set_turn(None);
        s.say(carry);
        s.say(format!("Now swap: {second} speaks and {first} listens."));
        let carry = self.round(s, &second, &first, &topic, &mut out)?;
        s.set_turn(None);
        s.say(carry);
        s.show(Block::Heading("Both turns done".into()));
        let rated = out
            .scores
            .iter()
            .filter(|sc| sc.name == "listening_accuracy")
            .count();
        if rated == 0 {
            s.say("Not much was said this time, and that is all right. The drill will be here whenever you want another go.");
            out.summary = "You tried the drill. Coming back to it is how it gets easier.".into();
        } else {
            s.say("Before you stop, tell each other aloud one thing the other did that helped you feel heard.");
            out.summary = "You took turns to speak and to listen. The ratings are each speaker's own sense of being understood.".into();
        }
        Ok(out)
    }
}
