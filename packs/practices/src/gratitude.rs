//! The thank-you check: does the "what it shows about them" part say something about them?
//!
//! Gratitude that names what the other's act shows about them (their care, their effort, who
//! they are) was found to bring people closer than thanks about one's own benefit. So the
//! builder looks at the second part: a word about them is what it hopes for; a part that speaks
//! only of what I gained ("it saved me time") gets a kind hint to move that to part three.

use nearer_core::kinds::{load, Validate};
use nearer_core::ContentError;
use serde::Deserialize;

use crate::data::{check_markers, Words};

/// The data file compiled in, used when the host passes no content text.
pub const EMBEDDED: &str = include_str!("../content/thank-you.toml");
const FILE: &str = "content/thank-you.toml";

/// What the second part of a thank-you is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// It names a quality, an effort or a way of caring: about them.
    Them,
    /// It speaks only of what I gained, or only of me.
    OnlyMe,
    /// Neither: too little to tell.
    Unclear,
}

/// The marker lists.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Markers {
    /// Words about the other person.
    pub them: Vec<String>,
    /// Phrases in which a `them` word does not name a quality ("kind of").
    pub not_them: Vec<String>,
    /// What the act did for me.
    pub benefit: Vec<String>,
    /// Words about oneself.
    pub self_words: Vec<String>,
}

/// The hints shown for each focus that is not about them.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hints {
    /// For a part only about my benefit.
    pub only_me: String,
    /// For a part that says too little to tell.
    pub unclear: String,
}

/// The whole data file `content/thank-you.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GratitudeData {
    /// The marker lists.
    pub markers: Markers,
    /// The hints.
    pub hints: Hints,
}

impl Validate for GratitudeData {
    fn validate(&self, file: &str, src: &str) -> Result<(), ContentError> {
        let m = &self.markers;
        for (field, list) in [
            ("them", &m.them),
            ("not_them", &m.not_them),
            ("benefit", &m.benefit),
            ("self_words", &m.self_words),
        ] {
            check_markers(file, src, field, list)?;
        }
        Ok(())
    }
}

impl GratitudeData {
    /// Parses `content`, or the compiled-in file when the host passes none.
    pub fn parse(content: Option<&str>) -> Result<Self, ContentError> {
        load(FILE, content.unwrap_or(EMBEDDED))
    }

    /// What `part` (the "what it shows about them" part) is about; `None` when it is empty.
    pub fn focus(&self, part: &str) -> Option<Focus> {
        let m = &self.markers;
        let words = Words::new(part);
        if words.count() == 0 {
            return None;
        }
        // "kind of useful" names no kindness: blank such phrases out before looking.
        if words.without(&m.not_them).has_any(&m.them) {
            return Some(Focus::Them);
        }
        if words.has_any(&m.benefit) || words.has_any(&m.self_words) {
            return Some(Focus::OnlyMe);
        }
        Some(Focus::Unclear)
    }

    /// The hint for a focus, if it needs one.
    pub fn hint(&self, focus: Focus) -> Option<&str> {
        match focus {
            Focus::Them => None,
            Focus::OnlyMe => Some(&self.hints.only_me),
            Focus::Unclear => Some(&self.hints.unclear),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_second_part_is_read_as_about_them_or_about_me() {
        let d = GratitudeData::parse(None).expect("content/thank-you.toml parses");
        let cases: &[(&str, Option<Focus>)] = &[
            // The case from the research: only my benefit.
            ("it saved me time", Some(Focus::OnlyMe)),
            ("It shows how thoughtful you are", Some(Focus::Them)),
            // "You" as the one who acted is not yet a word about them.
            ("You saved me so much time", Some(Focus::OnlyMe)),
            ("that you notice when I'm tired", Some(Focus::Them)),
            ("I could finally relax", Some(Focus::OnlyMe)),
            // "kind of" is a hedge, not kindness.
            ("It was kind of useful", Some(Focus::OnlyMe)),
            ("that was kind", Some(Focus::Them)),
            // A word about them wins, even beside my benefit.
            (
                "You made my day easier, which shows how patient you are",
                Some(Focus::Them),
            ),
            ("that you care about my work", Some(Focus::Them)),
            ("how generous she is", Some(Focus::Them)),
            ("It shows the kind of person you are", Some(Focus::Them)),
            ("You went out of your way", Some(Focus::Them)),
            ("It made my life easier", Some(Focus::OnlyMe)),
            ("It helped me a lot and I'm grateful", Some(Focus::OnlyMe)),
            ("that you remembered", Some(Focus::Them)),
            // Too little to tell.
            ("the dinner", Some(Focus::Unclear)),
            ("it was good", Some(Focus::Unclear)),
            ("", None),
            ("  ...  ", None),
        ];
        for (part, want) in cases {
            assert_eq!(d.focus(part), *want, "part: {part:?}");
        }
    }

    #[test]
    fn only_parts_not_about_them_get_a_hint() {
        let d = GratitudeData::parse(None).expect("content/thank-you.toml parses");
        assert!(d.hint(Focus::Them).is_none());
        assert!(d
            .hint(Focus::OnlyMe)
            .is_some_and(|h| h.contains("part three")));
        assert!(d.hint(Focus::Unclear).is_some());
    }

    #[test]
    fn an_empty_marker_list_is_refused_with_its_field() {
        let src = EMBEDDED.replace("not_them = [\"kind of\", \"sort of\"]", "not_them = []");
        let e = GratitudeData::parse(Some(&src)).expect_err("an empty list is refused");
        assert_eq!(e.field.as_deref(), Some("not_them"));
    }
}
