//! The `repair-kit` kind: repair phrases and a pause signal, each in the person's own words.
//!
//! Talks go badly in every close relationship; what helps is a way back. Each person privately
//! writes phrases they would like to hear or say when a talk turns, and a signal meaning "I
//! need a break". Together they agree how long a break lasts (twenty minutes or more, because
//! a body takes that long to settle), then may reveal what they wrote, if both agree.

use nearer_core::script::outcome;
use nearer_core::{Block, Flow, JournalEntry, Outcome, Script, ScriptExercise};

use crate::{carry_key, other_of};

/// The break lengths on offer, in minutes; all at least twenty.
const BREAKS: [(u32, &str); 4] = [
    (20, "20 minutes"),
    (30, "30 minutes"),
    (45, "45 minutes"),
    (60, "An hour"),
];

/// The repair-kit exercise.
#[derive(Debug, Clone, Copy, Default)]
pub struct RepairKit;

/// One thing a person wrote: what it is (for the journal and the reveal) and the words.
struct Piece {
    title: &'static str,
    label: &'static str,
    text: String,
}

impl ScriptExercise for RepairKit {
    fn run(&self, s: &mut Script) -> Flow<Outcome> {
        let mut out = outcome("");
        s.show(Block::Heading("Repair kit".into()));
        s.show(Block::Warning(
            "This one is about talks that go badly. You will not need to go back into any \
             argument, and you can pass any question."
                .into(),
        ));
        s.say(
            "Every close relationship has talks that go wrong. What helps most is not avoiding \
             them, but having a way back: a few words that can turn things, and a sign that \
             means \"I need a break\".",
        );
        s.say(
            "Repair phrases do different jobs. Some slow things down. Some own a part of the \
             problem. Some ask for a softer tone, or say that the two of you matter more than \
             the point. Use your own words: the ones that sound like you are the ones you will \
             reach for when it counts.",
        );
        s.say(if s.is_pair() {
            "Each of you writes privately. At the end you can choose to show each other."
        } else {
            "Take your time. What you write goes into your journal."
        });
        s.pause_here()?;

        let mut written: Vec<(Option<String>, Vec<Piece>)> = Vec::new();
        for who in s.turns() {
            s.set_turn(who.clone());
            let other = other_of(s, who.as_deref()).unwrap_or_else(|| "the other person".into());
            let asks = [
                (
                    "Repair phrase I would like to hear",
                    "to hear",
                    format!("A phrase you would like to hear from {other} when a talk starts to go badly:"),
                ),
                (
                    "Repair phrase I could say",
                    "to say",
                    "A phrase you could say yourself, to slow things down or soften them:".to_owned(),
                ),
                (
                    "Another repair phrase",
                    "one more",
                    "One more, of either kind, if you like. Pass is fine.".to_owned(),
                ),
            ];
            let mut pieces = Vec::new();
            for (title, label, prompt) in asks {
                let text = if s.is_pair() {
                    s.private_text(prompt)?
                } else {
                    s.text(prompt)?
                };
                if let Some(text) = text {
                    pieces.push(Piece { title, label, text });
                }
            }
            s.say(
                "Now a pause signal: a word or a gesture that means \"I need a break\". Pick \
                 something easy to do in a heated moment, and hard to mistake for anything else.",
            );
            let prompt = "Your pause signal:";
            let signal = if s.is_pair() {
                s.private_text(prompt)?
            } else {
                s.text(prompt)?
            };
            if let Some(text) = signal {
                pieces.push(Piece {
                    title: "My pause signal",
                    label: "pause signal",
                    text,
                });
            }
            written.push((who, pieces));
        }
        s.set_turn(None);

        s.show(Block::Heading("How long a break lasts".into()));
        s.say(
            "When a talk heats up, the body joins in: the heart speeds up, breathing gets short, \
             and it gets hard to really hear each other. That takes a while to pass, often \
             twenty minutes or more. A shorter break often ends with picking up right where you \
             left off.",
        );
        s.say(
            "Whoever asks for the break also says they will come back, so that a break never \
             means leaving the talk for good.",
        );
        let labels = BREAKS.map(|(_, label)| label);
        let prompt = if s.is_pair() {
            "How long will your breaks last? Agree on it together."
        } else {
            "How long will your breaks last?"
        };
        let minutes = match s.choice(prompt, &labels)? {
            Some(i) => {
                let minutes = BREAKS.get(i).map_or(20, |(m, _)| *m);
                s.say(format!(
                    "{}, then. When a break starts, the time-out exercise can keep you company \
                     through it.",
                    BREAKS.get(i).map_or("20 minutes", |(_, label)| label)
                ));
                minutes
            }
            None => {
                s.say(
                    "Then start with twenty minutes; you can change it any time. When a break \
                     starts, the time-out exercise can keep you company through it.",
                );
                20
            }
        };
        s.pause_here()?;
        out.carry
            .insert("break_minutes".into(), minutes.to_string());

        let mut shared = Vec::new();
        let mut phrases = 0;
        let mut signals = 0;
        for (who, pieces) in &written {
            let mut said = Vec::new();
            for piece in pieces {
                if piece.label == "pause signal" {
                    signals += 1;
                    out.carry
                        .insert(carry_key("signal", who.as_deref()), piece.text.clone());
                } else {
                    phrases += 1;
                    said.push(piece.text.clone());
                }
                out.journal.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: piece.title.into(),
                    text: piece.text.clone(),
                });
                shared.push(JournalEntry {
                    private: false,
                    participant: who.clone(),
                    title: piece.title.into(),
                    text: format!("({}) {}", piece.label, piece.text),
                });
            }
            if !said.is_empty() {
                out.carry
                    .insert(carry_key("phrases", who.as_deref()), said.join("\n"));
            }
        }

        if shared.is_empty() {
            s.say("Nothing written this time, and that is fine. You can come back to this whenever you like.");
        } else if s.is_pair() {
            let shown = s.offer_reveal(&shared)?;
            if !shown && signals > 0 {
                s.say(
                    "One thing to know: a pause signal only works if the other person knows it. \
                     When you are ready, tell each other your signals, even if your phrases \
                     stay private.",
                );
            }
        } else {
            s.say(
                "If you like, share your phrases and your signal with the other person. A pause \
                 signal only works if they know it.",
            );
        }
        let breaks = if minutes == 60 {
            "an hour".to_owned()
        } else {
            format!("{minutes} minutes")
        };
        out.summary = if shared.is_empty() {
            format!("Nothing written this time. Your breaks will last {breaks}.")
        } else {
            format!(
                "Your repair kit holds {phrases} {} and {signals} pause {}, with breaks of {breaks}.",
                if phrases == 1 { "phrase" } else { "phrases" },
                if signals == 1 { "signal" } else { "signals" },
            )
        };
        Ok(out)
    }
}
