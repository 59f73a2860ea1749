//! The good-news reply hint: reads a reply as active or passive, constructive or destructive.
//!
//! Research on how people respond to a partner's good news sorts replies on two lines: active
//! or passive, and constructive or destructive. Only replies that are both active and
//! constructive (glad, engaged, asking for more) were found to build the bond. This module
//! makes a plain, explainable guess from the words alone, in this order:
//!
//! 1. a worry or a catch (`problem`), or a contrast word ("but") not followed by anything glad
//!    or curious: active-destructive;
//! 2. a change of subject (`away`), or a clause about oneself that touches neither the other
//!    person nor their news: passive-destructive;
//! 3. curiosity: a curious phrase, or a question about them or their news: active-constructive;
//! 4. warmth together with engagement (speaking to them, or picking up words from the news):
//!    active-constructive;
//! 5. warmth or a brief kind word alone: passive-constructive;
//! 6. anything else: no guess.
//!
//! The guess is shown only as a hint. It cannot hear tone, so the sharer's own sense of how the
//! reply felt is what the exercise records.

use nearer_core::kinds::{load, Validate};
use nearer_core::ContentError;
use nearer_text::content_words;
use serde::Deserialize;

use crate::data::{check_markers, clauses, Words};

/// The data file compiled in, used when the host passes no content text.
pub const EMBEDDED: &str = include_str!("../content/good-news.toml");
const FILE: &str = "content/good-news.toml";

/// The four kinds of reply to good news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReplyKind {
    /// Glad and engaged: enthusiasm, questions, details.
    ActiveConstructive,
    /// Kind but quiet: "nice", "good for you".
    PassiveConstructive,
    /// Points out problems: "but won't that mean...".
    ActiveDestructive,
    /// Turns away: a change of subject, or back to oneself.
    PassiveDestructive,
}

impl ReplyKind {
    /// All four, in the order the sharer is offered them.
    pub const ALL: [ReplyKind; 4] = [
        ReplyKind::ActiveConstructive,
        ReplyKind::PassiveConstructive,
        ReplyKind::ActiveDestructive,
        ReplyKind::PassiveDestructive,
    ];

    /// The stable id, as recorded in scores and carry.
    pub fn id(self) -> &'static str {
        match self {
            ReplyKind::ActiveConstructive => "active-constructive",
            ReplyKind::PassiveConstructive => "passive-constructive",
            ReplyKind::ActiveDestructive => "active-destructive",
            ReplyKind::PassiveDestructive => "passive-destructive",
        }
    }
}

/// The marker lists, all lowercase phrases matched as whole words.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    /// Worries, catches, problems.
    pub problem: Vec<String>,
    /// Contrast words that usually lead to a catch.
    pub contrast: Vec<String>,
    /// Changes of subject.
    pub away: Vec<String>,
    /// Asking for more.
    pub curious: Vec<String>,
    /// Glad, with energy.
    pub warm: Vec<String>,
    /// Short, kind, quiet.
    pub brief: Vec<String>,
    /// Words that begin a sentence about oneself.
    pub self_words: Vec<String>,
    /// Words that speak to the other person.
    pub you_words: Vec<String>,
}

/// What the sharer is offered for one kind, and the hint shown when the words read like it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindText {
    /// The option the sharer can pick, in their words.
    pub felt: String,
    /// The hint for the one who replied.
    pub hint: String,
}

/// The texts for all four kinds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kinds {
    /// See [`ReplyKind::ActiveConstructive`].
    #[serde(rename = "active-constructive")]
    pub active_constructive: KindText,
    /// See [`ReplyKind::PassiveConstructive`].
    #[serde(rename = "passive-constructive")]
    pub passive_constructive: KindText,
    /// See [`ReplyKind::ActiveDestructive`].
    #[serde(rename = "active-destructive")]
    pub active_destructive: KindText,
    /// See [`ReplyKind::PassiveDestructive`].
    #[serde(rename = "passive-destructive")]
    pub passive_destructive: KindText,
}

/// The whole data file `content/good-news.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplyData {
    /// The marker lists.
    pub markers: Markers,
    /// The texts per kind.
    pub kinds: Kinds,
}

impl Validate for ReplyData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let m = &self.markers;
        for (field, list) in [
            ("problem", &m.problem),
            ("contrast", &m.contrast),
            ("away", &m.away),
            ("curious", &m.curious),
            ("warm", &m.warm),
            ("brief", &m.brief),
            ("self_words", &m.self_words),
            ("you_words", &m.you_words),
        ] {
            check_markers(file, src, field, list)?;
        }
        Ok(())
    }
}

impl ReplyData {
    /// Parses `content`, or the compiled-in file when the host passes none.
    pub fn parse(content: Option<&str>) -> Result<Self, ContentError> {
        load(FILE, content.unwrap_or(EMBEDDED))
    }

    /// The texts for `kind`.
    pub fn text(&self, kind: ReplyKind) -> &KindText {
        match kind {
            ReplyKind::ActiveConstructive => &self.kinds.active_constructive,
            ReplyKind::PassiveConstructive => &self.kinds.passive_constructive,
            ReplyKind::ActiveDestructive => &self.kinds.active_destructive,
            ReplyKind::PassiveDestructive => &self.kinds.passive_destructive,
        }
    }

    /// Guesses the kind of `reply` to `news`; `None` when the words give too little to go on.
    pub fn classify(&self, news: &str, reply: &str) -> Option<ReplyKind> {
        let m = &self.markers;
        let all = Words::new(reply);
        if all.count() == 0 {
            return None;
        }
        if all.has_any(&m.problem) || self.contrast_leads_to_catch(reply) {
            return Some(ReplyKind::ActiveDestructive);
        }
        if all.has_any(&m.away) {
            return Some(ReplyKind::PassiveDestructive);
        }
        let news_words = content_words(news);
        let parts: Vec<(Words, bool, bool, bool)> = clauses(reply)
            .into_iter()
            .map(|(toks, question)| {
                let words = Words::from_tokens(&toks);
                let engaged = words.has_any(&m.you_words)
                    || !content_words(&toks.join(" ")).is_disjoint(&news_words);
                let about_self = toks.first().is_some_and(|t| m.self_words.contains(t));
                (words, question, engaged, about_self)
            })
            .collect();
        let curious = all.has_any(&m.curious) || parts.iter().any(|p| p.1 && p.2);
        let turns_to_self = parts.iter().any(|(words, _, engaged, about_self)| {
            *about_self
                && !engaged
                && !words.has_any(&m.warm)
                && !words.has_any(&m.brief)
                && !words.has_any(&m.curious)
        });
        if turns_to_self && !curious {
            return Some(ReplyKind::PassiveDestructive);
        }
        if curious {
            return Some(ReplyKind::ActiveConstructive);
        }
        let warm = all.has_any(&m.warm);
        if warm && parts.iter().any(|p| p.2) {
            return Some(ReplyKind::ActiveConstructive);
        }
        if warm || all.has_any(&m.brief) {
            return Some(ReplyKind::PassiveConstructive);
        }
        None
    }

    /// True when a contrast word ("but", "though") is followed by nothing glad or curious: a
    /// "but" that leads on to a question about the news is not a catch.
    fn contrast_leads_to_catch(&self, reply: &str) -> bool {
        let m = &self.markers;
        let toks = nearer_text::tokens(reply);
        let Some(at) = toks.iter().position(|t| m.contrast.contains(t)) else {
            return false;
        };
        let rest = Words::from_tokens(&toks[at + 1..]);
        !(rest.has_any(&m.curious) || rest.has_any(&m.warm))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ReplyKind::{ActiveConstructive as AC, ActiveDestructive as AD};
    use ReplyKind::{PassiveConstructive as PC, PassiveDestructive as PD};

    fn data() -> ReplyData {
        ReplyData::parse(None).expect("content/good-news.toml parses")
    }

    #[test]
    fn the_data_file_parses_and_has_a_text_for_every_kind() {
        let d = data();
        for kind in ReplyKind::ALL {
            assert!(!d.text(kind).felt.is_empty() && !d.text(kind).hint.is_empty());
        }
    }

    #[test]
    fn a_bad_marker_is_refused_with_its_field() {
        let src = EMBEDDED.replacen("\"anyway\"", "\"Anyway!\"", 1);
        let e = ReplyData::parse(Some(&src)).expect_err("an uppercase marker is refused");
        assert_eq!(e.field.as_deref(), Some("away"));
    }

    #[test]
    fn replies_are_read_as_the_four_kinds() {
        let news = "I got the job at the library!";
        let cases: &[(&str, Option<ReplyKind>)] = &[
            // The three cases from the brief.
            ("That's great! But won't it mean longer hours?", Some(AD)),
            ("cool", Some(PC)),
            ("Wow, tell me everything! How did they tell you?", Some(AC)),
            // Active-constructive: glad and engaged.
            (
                "I'm so proud of you! You worked so hard for this.",
                Some(AC),
            ),
            (
                "The library job! That's brilliant, you'll love it there.",
                Some(AC),
            ),
            ("Oh nice, I love that! When do you start?", Some(AC)),
            ("What are you going to do first?", Some(AC)),
            ("Did they say why they picked you?", Some(AC)),
            // A "but" that leads to a question about the news is not a catch.
            ("That's great! But how did they tell you?", Some(AC)),
            // Passive-constructive: warm or kind, but brief and not engaged.
            ("Good for you.", Some(PC)),
            ("Congratulations!", Some(PC)),
            ("Wow.", Some(PC)),
            ("I see.", Some(PC)),
            ("Nice one", Some(PC)),
            // Active-destructive: a worry or a catch.
            ("Are you sure you can handle that much work?", Some(AD)),
            ("Nice, though the commute will be long.", Some(AD)),
            ("Good, but it pays less, right?", Some(AD)),
            (
                "Don't get your hopes up, they might change their minds.",
                Some(AD),
            ),
            // Passive-destructive: away from the news.
            ("Nice. Anyway, did you remember to buy milk?", Some(PD)),
            ("By the way, your mum called.", Some(PD)),
            ("I had an awful day at work.", Some(PD)),
            ("My back hurts again.", Some(PD)),
            // Warmth first, then a change of subject: the change is what lands.
            ("That's amazing! Anyway, what's for dinner?", Some(PD)),
            // Too little to go on.
            ("", None),
            ("Hmm.", None),
            ("The bus was late.", None),
        ];
        let d = data();
        for (reply, want) in cases {
            assert_eq!(d.classify(news, reply), *want, "reply: {reply:?}");
        }
    }

    #[test]
    fn details_picked_up_from_the_news_count_as_engagement() {
        let d = data();
        // Warm and picking up "marathon" from the news, without a "you".
        assert_eq!(
            d.classify("I finished my first marathon", "A whole marathon! Amazing."),
            Some(AC)
        );
        // The same warmth about nothing in particular stays quiet.
        assert_eq!(
            d.classify("I finished my first marathon", "Amazing."),
            Some(PC)
        );
    }
}
