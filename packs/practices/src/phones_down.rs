//! Phones down: both phones away, two minutes to arrive with a breathing pacer, one thing to
//! talk about, and each person's own rating of how present they were.
//!
//! Phone snubbing was found to lower satisfaction through feeling less responded to, and short
//! practices of attention helped some couples. So this is a small, repeatable ritual rather
//! than a lesson: the pacer settles the body, and the topics are light on purpose.

use nearer_core::kinds::{load, Validate};
use nearer_core::script::{outcome, Flow, Script, ScriptExercise};
use nearer_core::step::{Cue, Pacer};
use nearer_core::{Block, ContentError, JournalEntry, Outcome, Score};
use serde::Deserialize;

/// The data file compiled in, used when the host passes no content text.
pub const EMBEDDED: &str = include_str!("../content/phones-down.toml");
const FILE: &str = "content/phones-down.toml";
/// How many topics one session offers at most.
const MAX_TOPICS: usize = 3;

/// The arriving pacer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrive {
    /// Length in seconds.
    pub seconds: u32,
    /// The breathing rhythm.
    pub pacer: Pacer,
    /// Lines shown along the way.
    pub cues: Vec<Cue>,
}

/// The whole data file `content/phones-down.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhonesData {
    /// The arriving pacer.
    pub arrive: Arrive,
    /// Things to talk about, one drawn per session.
    pub topics: Vec<String>,
}

impl Validate for PhonesData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let at = |field: &str, message: String, help: &str| {
            let span = src.find(&format!("{field} =")).map(|i| i..i + field.len());
            ContentError::at(file, src, span, Some(field), message, help)
        };
        let a = &self.arrive;
        if !(10..=600).contains(&a.seconds) {
            return Err(at(
                "seconds",
                format!("{} seconds is outside 10 to 600", a.seconds),
                "an arriving pause of about two minutes works well: `seconds = 120`",
            ));
        }
        if a.pacer.inhale == 0 || a.pacer.exhale == 0 {
            return Err(at(
                "pacer",
                "the pacer needs inhale and exhale of at least 1 second".into(),
                "write e.g. `pacer = { inhale = 4, exhale = 6 }`",
            ));
        }
        if let Some(c) = a.cues.iter().find(|c| c.at > a.seconds) {
            return Err(at(
                "cues",
                format!(
                    "a cue at {} s comes after the pause ends at {} s",
                    c.at, a.seconds
                ),
                "move the cue inside the pause",
            ));
        }
        if self.topics.iter().all(|t| t.trim().is_empty()) {
            return Err(at(
                "topics",
                "`topics` is empty".into(),
                "list a few light things to talk about",
            ));
        }
        Ok(())
    }
}

impl PhonesData {
    /// Parses `content`, or the compiled-in file when the host passes none.
    pub fn parse(content: Option<&str>) -> Result<Self, ContentError> {
        load(FILE, content.unwrap_or(EMBEDDED))
    }
}

/// The phones-down exercise.
#[derive(Debug)]
pub struct PhonesDown {
    data: PhonesData,
}

impl PhonesDown {
    /// The exercise, with its pacer and topics.
    pub fn new(data: PhonesData) -> Self {
        PhonesDown { data }
    }
}

impl ScriptExercise for PhonesDown {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Phones down".into()));
        if !s.is_pair() {
            s.say(
                "This one is for two people. When you are together, put both phones away, take \
                 two minutes to arrive, and talk about one thing.",
            );
            out.summary =
                "This exercise needs two people; it will be here when you are together.".into();
            return Ok(out);
        }
        s.say(
            "For the next few minutes, no phones. Put both out of reach: in another room, in a \
             drawer, or face down across the room with the sound off.",
        );
        let away = s.choice(
            "Are both phones away?",
            &["Yes, both are away", "One has to stay on"],
        )?;
        if away == Some(1) {
            s.say(
                "That is fine. Put it face down with only the sound you are waiting for, and \
                 agree to look only if it rings.",
            );
        }
        s.say(
            "Sit where you can see each other. First, two minutes to arrive: breathe in for \
             four, out for six, and let the day settle.",
        );
        let a = &self.data.arrive;
        let arrived = s.timer(
            format!(
                "Arrive: breathe in for {}, out for {}.",
                a.pacer.inhale, a.pacer.exhale
            ),
            a.seconds,
            a.cues.clone(),
            Some(a.pacer),
        )?;
        if arrived.is_none() {
            s.say(
                "Skipping the breathing is fine. Take one slow breath together before you start.",
            );
        }
        let topics = s.rng("topics").draw(&self.data.topics, MAX_TOPICS);
        let mut talked = Vec::new();
        for (i, topic) in topics.iter().enumerate() {
            s.show(Block::Heading("Something to talk about".into()));
            s.show(Block::Quote(topic.clone()));
            if i == 0 {
                s.say(
                    "Take turns. While one talks, the other only listens, then asks one \
                     question. Talk for as long as it holds you.",
                );
            }
            talked.push(topic.clone());
            let options: &[&str] = if i + 1 < topics.len() {
                &["We are done talking", "Another topic, please"]
            } else {
                &["We are done talking"]
            };
            if s.choice("When you are ready:", options)? != Some(1) {
                break;
            }
        }
        for who in s.turns() {
            s.set_turn(who.clone());
            if let Some(v) = s.scale(
                "How present were you in this talk?",
                (1, "my mind was elsewhere"),
                (7, "fully here"),
            )? {
                out.scores.push(Score {
                    name: "presence".into(),
                    participant: who.clone(),
                    value: f64::from(v),
                });
            }
        }
        s.set_turn(None);
        let times = s.ctx().history.len() + 1;
        if times > 1 {
            s.say(format!(
                "That was phones-down time number {times} for the two of you."
            ));
        }
        s.say(
            "Your phones can come back now. Notice whether you want to reach for them, and \
             whether they could wait a little longer.",
        );
        for topic in &talked {
            out.journal.push(JournalEntry {
                private: false,
                participant: None,
                title: "Phones down: we talked about".into(),
                text: topic.clone(),
            });
        }
        out.summary = match arrived {
            Some(_) => "You put the phones down, arrived together, and talked.".into(),
            None => "You put the phones down and talked.".into(),
        };
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_with_the_pacer_from_the_brief() {
        let d = PhonesData::parse(None).expect("content/phones-down.toml parses");
        assert_eq!(d.arrive.seconds, 120);
        assert_eq!((d.arrive.pacer.inhale, d.arrive.pacer.exhale), (4, 6));
        assert!(d.topics.len() >= 12);
    }

    #[test]
    fn a_cue_after_the_end_is_refused() {
        let src = EMBEDDED.replace("at = 110", "at = 130");
        let e = PhonesData::parse(Some(&src)).expect_err("a late cue is refused");
        assert_eq!(e.field.as_deref(), Some("cues"));
    }
}
