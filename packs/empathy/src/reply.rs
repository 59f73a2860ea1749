//! Support talk's reading of a supporter's reply: roadblocks on one side; validation, named
//! feelings and questions that invite more on the other; and the kind hints built from them.
//!
//! The reply is read sentence by sentence, because one sentence can invite ("what was that
//! like for you?") while the next puts the sharer on the spot ("why didn't you tell them?").
//! Roadblocks come from the shared lexicon (`nearer_text::find_roadblocks`) and from this
//! pack's own markers; a sentence that invites more is not counted as probing unless one of
//! our explicit probing markers is in it. Hints describe, never grade; the sharer's own
//! "felt supported" rating is the only number recorded.

use nearer_core::diag::ContentError;
use nearer_core::kinds::Validate;
use serde::Deserialize;

use crate::data::{bad_entry, too_few};
use crate::words::{sentences, words, Padded};

/// The file the data comes from, relative to the pack.
pub const FILE: &str = "content/support-talk.toml";

/// The built-in copy of [`FILE`].
pub const BUILTIN: &str = include_str!("../content/support-talk.toml");

/// Roadblocks that steer toward a solution, for which the hint adds that ideas can wait.
const FIXING: &[&str] = &["ordering", "warning", "moralizing", "advising", "lecturing"];

/// The roadblock that probing questions belong to.
pub const QUESTIONING: &str = "questioning";

/// The marker lists of the reply reading (see `content/support-talk.toml`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    /// Lines that tell the sharer their feeling makes sense.
    pub validation: Vec<String>,
    /// Openers that validate when the same sentence names a feeling.
    pub reflecting: Vec<String>,
    /// Questions and invitations that open the door to more.
    pub inviting: Vec<String>,
    /// Question openers that tend to put the sharer on the spot.
    pub probing_openers: Vec<String>,
    /// Signs that the stress may be about the partner after all.
    pub partner_markers: Vec<String>,
    /// The twelve roadblocks: their plain labels, why they block, and extra markers.
    #[serde(rename = "roadblock")]
    pub roadblocks: Vec<RoadblockInfo>,
}

/// One roadblock as this pack names it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoadblockInfo {
    /// The key, shared with the lexicon, e.g. `advising`.
    pub kind: String,
    /// How a hint names it: "a fix".
    pub label: String,
    /// What it can do to the sharer, in one kind sentence.
    pub why: String,
    /// Phrases that often mark it, on top of the lexicon's.
    pub markers: Vec<String>,
}

impl Validate for Markers {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        for (field, list) in [
            ("validation", &self.validation),
            ("inviting", &self.inviting),
            ("partner_markers", &self.partner_markers),
        ] {
            if list.is_empty() {
                return Err(too_few(file, src, field, 1, 0));
            }
        }
        if self.roadblocks.len() < 12 {
            return Err(too_few(file, src, "roadblock", 12, self.roadblocks.len()));
        }
        let mut seen: Vec<&str> = Vec::new();
        for r in &self.roadblocks {
            if seen.contains(&r.kind.as_str()) {
                return Err(bad_entry(
                    file,
                    src,
                    "kind",
                    &format!("kind = \"{}\"", r.kind),
                    format!("the roadblock {:?} is listed twice", r.kind),
                    "keep one [[roadblock]] table per kind and merge their markers",
                ));
            }
            seen.push(&r.kind);
            if r.label.trim().is_empty() || r.why.trim().is_empty() {
                return Err(bad_entry(
                    file,
                    src,
                    "label",
                    &format!("kind = \"{}\"", r.kind),
                    format!("the roadblock {:?} needs a `label` and a `why`", r.kind),
                    "write a short plain label and one kind sentence saying what it can do",
                ));
            }
        }
        for phrase in self
            .validation
            .iter()
            .chain(&self.inviting)
            .chain(&self.partner_markers)
        {
            if words(phrase).is_empty() {
                return Err(bad_entry(
                    file,
                    src,
                    "validation",
                    "\"\"",
                    "an entry has no words",
                    "remove the empty entry",
                ));
            }
        }
        Ok(())
    }
}

/// A roadblock found in a reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Its key, e.g. `advising`.
    pub kind: String,
    /// How a hint names it.
    pub label: String,
    /// What it can do to the sharer.
    pub why: String,
}

/// What a reply holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// Roadblocks, each once, in the order of the data file (lexicon-only kinds last).
    pub roadblocks: Vec<Found>,
    /// The first validating phrase, or the opener that named a feeling.
    pub validation: Option<String>,
    /// Feeling words used, each once.
    pub feelings: Vec<String>,
    /// The sentences that invite the sharer to say more.
    pub inviting: Vec<String>,
}

impl Reading {
    /// The roadblock kinds, for tests and summaries.
    pub fn kinds(&self) -> Vec<&str> {
        self.roadblocks.iter().map(|r| r.kind.as_str()).collect()
    }
}

impl Markers {
    /// The built-in lists. The test below proves they parse, so the empty fallback is never used.
    pub fn builtin() -> Self {
        nearer_core::kinds::load(FILE, BUILTIN).unwrap_or_default()
    }

    /// Reads a supporter's reply.
    pub fn read(&self, reply: &str) -> Reading {
        let mut reading = Reading::default();
        let mut kinds: Vec<String> = Vec::new();
        for sentence in sentences(reply) {
            let p = Padded::new(&sentence.text);
            let invites = p.first_of(&self.inviting).is_some();
            if invites {
                reading.inviting.push(sentence.text.clone());
            }
            let ours = self
                .roadblocks
                .iter()
                .filter(|r| r.markers.iter().any(|m| p.has(m)))
                .map(|r| r.kind.clone());
            let shared = nearer_text::find_roadblocks(&sentence.text)
                .into_iter()
                .map(|r| r.kind.clone());
            let mut here: Vec<String> = ours.chain(shared).collect();
            let explicit_probe = self
                .roadblocks
                .iter()
                .any(|r| r.kind == QUESTIONING && r.markers.iter().any(|m| p.has(m)));
            if sentence.question && self.probing_openers.iter().any(|o| p.starts_with(o)) {
                here.push(QUESTIONING.to_owned());
            }
            // An open question is the opposite of probing, unless it also holds one of our
            // explicit probes ("why didn't you tell me more?").
            if invites && !explicit_probe {
                here.retain(|k| k != QUESTIONING);
            }
            for k in here {
                if !kinds.contains(&k) {
                    kinds.push(k);
                }
            }
            let feelings: Vec<String> = nearer_text::find_feelings(&sentence.text)
                .iter()
                .map(|f| f.word.clone())
                .collect();
            if reading.validation.is_none() {
                reading.validation = p
                    .first_of(&self.validation)
                    .or_else(|| {
                        p.first_of(&self.reflecting)
                            .filter(|_| !feelings.is_empty())
                    })
                    .map(str::to_owned);
            }
            for f in feelings {
                if !reading.feelings.contains(&f) {
                    reading.feelings.push(f);
                }
            }
        }
        reading.roadblocks = self.order(&kinds);
        reading
    }

    /// The found kinds in the data file's order, with labels; kinds only the lexicon knows
    /// come last, with its words.
    fn order(&self, kinds: &[String]) -> Vec<Found> {
        let mut out: Vec<Found> = self
            .roadblocks
            .iter()
            .filter(|r| kinds.contains(&r.kind))
            .map(|r| Found {
                kind: r.kind.clone(),
                label: r.label.clone(),
                why: r.why.clone(),
            })
            .collect();
        for k in kinds {
            if out.iter().any(|f| &f.kind == k) {
                continue;
            }
            let why = nearer_text::roadblocks()
                .iter()
                .find(|r| &r.kind == k)
                .map(|r| r.why.clone())
                .unwrap_or_default();
            out.push(Found {
                kind: k.clone(),
                label: "a roadblock to listening".to_owned(),
                why,
            });
        }
        out
    }

    /// The phrase or name in `story` that suggests it is about `partner`, if any.
    pub fn about_partner(&self, story: &str, partner: &str) -> Option<String> {
        let p = Padded::new(story);
        if p.has(partner) {
            return Some(partner.to_owned());
        }
        p.first_of(&self.partner_markers).map(str::to_owned)
    }
}

/// Kind hints for the supporter about one reply. `last` is the last reply of the talk, when
/// there is no more room for the sharer to answer a question.
pub fn hints(reading: &Reading, sharer: &str, last: bool) -> Vec<String> {
    let mut out = Vec::new();
    for r in &reading.roadblocks {
        // Our `why` lines speak of "the sharer"; in a hint, the sharer has a name.
        let why = r.why.replace("the sharer", sharer);
        out.push(
            format!("This may come across as {}. {why}", r.label)
                .trim()
                .to_owned(),
        );
    }
    if !reading.roadblocks.is_empty() {
        let fixing = reading
            .roadblocks
            .iter()
            .any(|r| FIXING.contains(&r.kind.as_str()));
        out.push(if fixing {
            format!("Staying with how {sharer} feels, before anything else, tends to help most. Ideas can wait until {sharer} asks for them.")
        } else {
            format!("Staying with how {sharer} feels, before anything else, tends to help most.")
        });
    }
    if let Some(v) = &reading.validation {
        out.push(format!(
            "You let {sharer} know it makes sense to feel this way (\"{v}\")."
        ));
    }
    match reading.feelings.as_slice() {
        [] => {}
        [one] => out.push(format!("You named a feeling: {one}.")),
        many => out.push(format!("You named feelings: {}.", many.join(", "))),
    }
    if !reading.inviting.is_empty() {
        out.push(format!(
            "Your question leaves room for {sharer} to say more."
        ));
    }
    if reading.validation.is_none() && reading.roadblocks.is_empty() {
        out.push(
            "You might add a line that shows you get it, such as \"that sounds exhausting\"."
                .to_owned(),
        );
    }
    if reading.inviting.is_empty() && !last {
        out.push(format!(
            "A question like \"what was that like for you?\" can invite {sharer} to go on."
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_file_parses_and_names_all_twelve_roadblocks() {
        let m: Markers =
            nearer_core::kinds::load(FILE, BUILTIN).expect("content/support-talk.toml parses");
        let kinds: Vec<&str> = m.roadblocks.iter().map(|r| r.kind.as_str()).collect();
        assert_eq!(
            kinds,
            [
                "ordering",
                "warning",
                "moralizing",
                "advising",
                "lecturing",
                "judging",
                "praising",
                "name-calling",
                "analyzing",
                "reassuring",
                "questioning",
                "diverting"
            ]
        );
    }

    #[test]
    fn a_repeated_roadblock_is_refused_by_line() {
        let one =
            "[[roadblock]]\nkind = \"advising\"\nlabel = \"a fix\"\nwhy = \"w\"\nmarkers = []\n";
        let src = format!(
            "validation = [\"that sounds\"]\nreflecting = []\ninviting = [\"tell me more\"]\nprobing_openers = []\npartner_markers = [\"between us\"]\n{}",
            one.repeat(12)
        );
        let err = nearer_core::kinds::load::<Markers>("x.toml", &src).expect_err("refused");
        assert!(err.message.contains("listed twice"), "{err}");
        assert_eq!(err.line, 7);
    }

    /// Each case: a reply; the roadblock kinds found; whether it validates; whether it invites.
    #[test]
    fn replies_are_read_for_roadblocks_validation_and_invitations() {
        let m = Markers::builtin();
        let cases: &[(&str, &[&str], bool, bool)] = &[
            // The cases from the brief.
            ("At least it's Friday!", &["reassuring"], false, false),
            ("That sounds really hard.", &[], true, false),
            ("You should quit.", &["advising"], false, false),
            ("Why didn't you tell them?", &["questioning"], false, false),
            ("What was that like for you?", &[], false, true),
            // Both sides in one reply, sentence by sentence.
            (
                "That sounds exhausting. What was the hardest part?",
                &[],
                true,
                true,
            ),
            (
                "I'm sorry. But honestly, you should just quit.",
                &["advising"],
                true,
                false,
            ),
            (
                "How did that feel? Why didn't you leave?",
                &["questioning"],
                false,
                true,
            ),
            // A bare "why" question probes; a "why" that is not a question does not.
            ("Why?", &["questioning"], false, false),
            ("I can see why that stung.", &[], true, false),
            // Reflecting openers validate only with a feeling word.
            ("Sounds like you were anxious all week.", &[], true, false),
            (
                "Sounds like you should talk to your boss.",
                &["advising"],
                false,
                false,
            ),
            // Typed without apostrophes.
            ("dont worry, itll be fine", &["reassuring"], false, false),
            // Other roadblocks.
            (
                "That reminds me of my old job, anyway.",
                &["diverting"],
                false,
                false,
            ),
            ("You're overthinking it.", &["analyzing"], false, false),
            ("You need to stop worrying.", &["ordering"], false, false),
            ("Honestly you're overreacting.", &["judging"], false, false),
            (
                "You ought to do the right thing.",
                &["moralizing"],
                false,
                false,
            ),
            // One phrase can be two roadblocks at once.
            (
                "Everything happens for a reason.",
                &["moralizing", "reassuring"],
                false,
                false,
            ),
            (
                "You're so strong, you'll smash it.",
                &["praising"],
                false,
                false,
            ),
            (
                "If you don't speak up you'll regret it.",
                &["warning"],
                false,
                false,
            ),
            (
                "Don't be such a drama queen.",
                &["name-calling"],
                false,
                false,
            ),
            (
                "The fact is, most people get a bad review once.",
                &["lecturing"],
                false,
                false,
            ),
            // Invitations that are not questions, and a probe inside an invitation.
            ("Tell me more.", &[], false, true),
            (
                "Why didn't you tell me more?",
                &["questioning"],
                false,
                true,
            ),
            // Neither: a plain reply.
            ("Okay.", &[], false, false),
            ("", &[], false, false),
        ];
        for (reply, kinds, validates, invites) in cases {
            let r = m.read(reply);
            assert_eq!(r.kinds(), *kinds, "reply: {reply:?}");
            assert_eq!(
                r.validation.is_some(),
                *validates,
                "validation in {reply:?}"
            );
            assert_eq!(!r.inviting.is_empty(), *invites, "invitation in {reply:?}");
        }
    }

    #[test]
    fn feeling_words_in_a_reply_are_named() {
        let m = Markers::builtin();
        let r = m.read("You must have been so anxious. Then relieved, I bet.");
        assert_eq!(r.feelings, ["anxious", "relieved"]);
        assert_eq!(r.validation.as_deref(), Some("must have been"));
    }

    /// Each case: a story, the partner's name, and what should suggest it is about them.
    #[test]
    fn stories_about_the_partner_are_noticed() {
        let m = Markers::builtin();
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("My manager moved my deadline again.", "Sam", None),
            ("Sam keeps leaving dishes everywhere.", "Sam", Some("Sam")),
            ("sam forgot my birthday", "Sam", Some("Sam")),
            (
                "You never listen when I talk about work.",
                "Sam",
                Some("you never"),
            ),
            (
                "It's about our relationship, really.",
                "Sam",
                Some("our relationship"),
            ),
            ("We argued again last night.", "Sam", Some("we argued")),
            ("My sister and I argued on the phone.", "Sam", None),
            ("Samantha at work took credit for my idea.", "Sam", None),
            ("I wanted to tell you about my week.", "Sam", None),
            ("My landlord says we have to move out.", "Sam", None),
            (
                "Honestly I'm a bit annoyed with you.",
                "Sam",
                Some("annoyed with you"),
            ),
            ("Mary Ann keeps calling me.", "Mary Ann", Some("Mary Ann")),
            ("Ann from next door keeps calling me.", "Mary Ann", None),
        ];
        for (story, partner, want) in cases {
            assert_eq!(
                m.about_partner(story, partner).as_deref(),
                *want,
                "story: {story:?}"
            );
        }
    }

    #[test]
    fn hints_are_kind_and_fit_the_reply() {
        let m = Markers::builtin();
        let advice = hints(&m.read("You should quit."), "Ada", false);
        assert!(
            advice[0].starts_with("This may come across as a fix."),
            "{advice:?}"
        );
        assert!(
            advice
                .iter()
                .any(|h| h.contains("what was that like for you?")),
            "{advice:?}"
        );
        let warm = hints(
            &m.read("That sounds really hard. What was that like?"),
            "Ada",
            false,
        );
        assert_eq!(
            warm,
            [
                "You let Ada know it makes sense to feel this way (\"that sounds\").",
                "Your question leaves room for Ada to say more."
            ]
        );
        let probe = hints(&m.read("Why?"), "Ada", true);
        assert_eq!(
            probe,
            [
                "This may come across as a question that puts someone on the spot. A probing question can make Ada explain themselves instead of being heard.",
                "Staying with how Ada feels, before anything else, tends to help most."
            ]
        );
        let plain = hints(&m.read("Okay."), "Ada", true);
        assert_eq!(
            plain,
            ["You might add a line that shows you get it, such as \"that sounds exhausting\"."]
        );
        for reply in ["You should quit.", "Why?", "Okay.", "That sounds hard."] {
            for h in hints(&m.read(reply), "Ada", false) {
                let lower = h.to_lowercase();
                for harsh in ["wrong", "bad", "fail", "mistake", "score", "grade"] {
                    assert!(!lower.contains(harsh), "{reply:?} -> {h}");
                }
            }
        }
    }
}
