//! Hints on a listener's reflection: opener, feeling, closeness to the speaker, check, roadblocks.
//!
//! Each check is plain and explainable, because its result is shown to the listener as a hint
//! and must never read like a grade. How close the reflection stays to the speaker uses
//! `nearer_text::overlap` (the share of the speaker's meaningful words that come back): too
//! little may mean the listener drifted to their own topic. Too much is not by itself a
//! problem (reusing someone's key words is good listening), so repetition also needs a long
//! run of words taken as they were, after turning the speaker's "I" into "you".

use nearer_text::{
    content_words, find_feelings, find_roadblock_markers, overlap, roadblocks, tokens,
};

use crate::data::ListeningData;
use crate::phrases::{and_list, sentences, Words};

/// How a reflection stands to the speaker's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Close to what was said, in the listener's own words.
    Close,
    /// Few of the speaker's words come back: maybe off on another topic.
    Drifted,
    /// Much of it repeats the speaker word for word.
    Parroting,
}

/// A roadblock found in a reflection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundRoadblock {
    /// Its key, e.g. `reassuring`.
    pub kind: String,
    /// What it may do to the speaker, kindly put.
    pub why: String,
}

/// What the checks found in one reflection.
#[derive(Debug, Clone, PartialEq)]
pub struct Reflection {
    /// The paraphrase opener used in the first sentence, if any.
    pub opener: Option<String>,
    /// Feeling words used.
    pub feelings: Vec<String>,
    /// Share of the speaker's meaningful words that came back (0 to 1).
    pub overlap: f64,
    /// Longest run of words taken from the speaker as they were.
    pub run: usize,
    /// The verdict-free reading of `overlap` and `run`.
    pub fit: Fit,
    /// The last sentence checks whether it landed.
    pub checked: bool,
    /// Roadblocks, each kind once.
    pub roadblocks: Vec<FoundRoadblock>,
}

/// The speaker's words as the listener would say them back: "I" becomes "you".
fn as_heard(text: &str) -> Vec<String> {
    tokens(text)
        .into_iter()
        .map(|w| {
            match w.as_str() {
                "i" | "me" => "you",
                "my" => "your",
                "mine" => "yours",
                "myself" => "yourself",
                "i'm" => "you're",
                "i've" => "you've",
                "i'd" => "you'd",
                "i'll" => "you'll",
                "am" => "are",
                other => other,
            }
            .to_owned()
        })
        .collect()
}

/// The longest run of consecutive words the two lists share.
fn longest_run(a: &[String], b: &[String]) -> usize {
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, y) in b.iter().enumerate() {
            if x == y {
                row[j + 1] = prev[j] + 1;
                best = best.max(row[j + 1]);
            }
        }
        prev = row;
    }
    best
}

/// Checks `reply` as a reflection of `speaker`'s words.
pub fn check_reflection(data: &ListeningData, speaker: &str, reply: &str) -> Reflection {
    let said = sentences(reply);
    let first = said.first().map(|(s, _)| Words::new(s));
    let opener = first.and_then(|w| {
        w.found(&data.openers)
            .into_iter()
            .max_by_key(|o| o.len())
            .map(str::to_owned)
    });
    let feelings = find_feelings(reply)
        .iter()
        .map(|f| f.word.clone())
        .collect();
    let checked = said.last().is_some_and(|(s, question)| {
        let w = Words::new(s);
        !w.found(&data.checks).is_empty() || (*question && tokens(s).len() <= 2)
    });

    let heard = as_heard(speaker);
    let share = overlap(speaker, reply);
    let run = longest_run(&heard, &tokens(reply));
    // A short speaker turn is repeated by a shorter run: four words of four is still an echo.
    let needed = data.parrot_run.min((heard.len() * 4).div_ceil(5)).max(2);
    let fit = if content_words(speaker).is_empty() {
        Fit::Close
    } else if share >= data.parrot_from && run >= needed {
        Fit::Parroting
    } else if share < data.drift_below {
        Fit::Drifted
    } else {
        Fit::Close
    };

    let roadblocks = find_roadblocks_in(data, &heard.join(" "), reply);
    Reflection {
        opener,
        feelings,
        overlap: share,
        run,
        fit,
        checked,
        roadblocks,
    }
}

/// Roadblocks in `reply`, from the shared lexicon and this pack's extra markers. Openers and
/// check phrases are taken out first, and a marker the speaker used themselves (as heard) does
/// not count: "you should rest" reflects "I should rest", it does not advise.
fn find_roadblocks_in(data: &ListeningData, heard: &str, reply: &str) -> Vec<FoundRoadblock> {
    let mut skip = data.openers.clone();
    skip.extend(data.checks.iter().cloned());
    let words = Words::new(reply).without(&skip);
    let echo = Words::new(heard);
    let counts = |m: &String| words.has(m) && !echo.has(m);

    let mut found: Vec<FoundRoadblock> = Vec::new();
    for hit in find_roadblock_markers(words.text()) {
        let r = hit.roadblock;
        if !echo.has(hit.marker) && !found.iter().any(|f| f.kind == r.kind) {
            found.push(FoundRoadblock {
                kind: r.kind.clone(),
                why: r.why.clone(),
            });
        }
    }
    for r in &data.roadblocks {
        if r.markers.iter().any(counts) && !found.iter().any(|f| f.kind == r.kind) {
            let why = roadblocks()
                .iter()
                .find(|shared| shared.kind == r.kind)
                .map_or_else(|| r.why.clone(), |shared| shared.why.clone());
            found.push(FoundRoadblock {
                kind: r.kind.clone(),
                why,
            });
        }
    }
    found
}

/// A lowercase marker as it would be written: "what i hear is" becomes "what I hear is".
fn capital_i(phrase: &str) -> String {
    phrase
        .split(' ')
        .map(|w| match w.strip_prefix('i') {
            Some(rest) if rest.is_empty() || rest.starts_with('\'') => format!("I{rest}"),
            _ => w.to_owned(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Reflection {
    /// True when at least one hint suggests something to add or change.
    pub fn has_suggestions(&self) -> bool {
        self.opener.is_none()
            || self.feelings.is_empty()
            || self.fit != Fit::Close
            || !self.checked
            || !self.roadblocks.is_empty()
    }

    /// Kind hints for the listener, naming `speaker`; `speaker_feelings` are the feeling words
    /// the speaker used, offered when the listener named none.
    pub fn hints(&self, speaker: &str, speaker_feelings: &[String]) -> Vec<String> {
        let mut out = Vec::new();
        out.push(match &self.opener {
            Some(o) => format!(
                "You opened with \"{}\". That tells {speaker} you are reflecting, not replying.",
                capital_i(o)
            ),
            None => format!(
                "You could open with something like \"Sounds like...\" or \"What I hear is...\", so {speaker} knows you are reflecting back, not replying."
            ),
        });
        let named: Vec<&str> = self.feelings.iter().map(String::as_str).collect();
        let offered: Vec<&str> = speaker_feelings.iter().map(String::as_str).collect();
        out.push(if !named.is_empty() {
            format!(
                "You named a feeling: {}. Naming it helps {speaker} feel understood.",
                and_list(&named)
            )
        } else if !offered.is_empty() {
            format!(
                "{speaker} mentioned feeling {}. You could name that too, or your own guess at the feeling.",
                and_list(&offered)
            )
        } else {
            format!(
                "Is there a feeling under what {speaker} said? A guess is fine; {speaker} can correct it."
            )
        });
        out.push(match self.fit {
            Fit::Close => format!("You stayed close to what {speaker} said, in your own words."),
            Fit::Drifted => format!(
                "Only a few of {speaker}'s own words come back here. That is fine if you put it your own way; just check you stayed with what {speaker} said, not where it took you."
            ),
            Fit::Parroting => format!(
                "Much of this repeats {speaker}'s words as they were. Putting it in your own words shows you took it in."
            ),
        });
        out.push(if self.checked {
            format!("You ended with a check, which invites {speaker} to correct you.")
        } else {
            "You could end with a check, such as \"Did I get that right?\"".to_owned()
        });
        for r in &self.roadblocks {
            out.push(format!(
                "Part of this may come across as {}. {} For now, stay with what {speaker} said; your own view can wait.",
                r.kind.replace('-', " "),
                r.why
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data;

    /// (speaker, reflection, opener?, feeling?, fit, checked?, roadblock kinds)
    type Case = (
        &'static str,
        &'static str,
        bool,
        bool,
        Fit,
        bool,
        &'static [&'static str],
    );

    #[test]
    fn reflections_are_read_as_the_table_says() {
        let data = data::listening().expect("listening data loads");
        let cases: &[Case] = &[
            // A good reflection: own words, a feeling, a check.
            (
                "Work has been so busy that I barely see my friends, and I miss them.",
                "Sounds like work has crowded out your friends and you feel lonely. Did I get that right?",
                true, true, Fit::Close, true, &[],
            ),
            // Word for word is parroting, even with an opener and a check.
            (
                "I have been really tired after work and I just want a quiet evening.",
                "So you're saying you have been really tired after work and you just want a quiet evening. Is that right?",
                true, true, Fit::Parroting, true, &[],
            ),
            // The same without any framing.
            (
                "I go to the market every Sunday morning.",
                "You go to the market every Sunday morning.",
                false, false, Fit::Parroting, false, &[],
            ),
            // Reusing a few key words is not parroting.
            (
                "I go to the market every Sunday morning.",
                "Sounds like the market is a highlight of your week. Right?",
                true, false, Fit::Close, true, &[],
            ),
            // Off to the listener's own topic: drifted, and diverting.
            (
                "I'm nervous about the dentist on Friday.",
                "That reminds me, I need to book the car in for a service.",
                false, false, Fit::Drifted, false, &["diverting"],
            ),
            // "At least" is reassuring, however kindly meant.
            (
                "They cut my hours at work and money is going to be tight.",
                "At least you still have your job.",
                false, false, Fit::Drifted, false, &["reassuring"],
            ),
            // Advice after a fair reflection still counts as advice.
            (
                "I'm anxious about the exam next week.",
                "Sounds like the exam is on your mind. You should make a study plan.",
                true, false, Fit::Close, false, &["advising"],
            ),
            // The speaker's own "I should" reflected back is not advice.
            (
                "I keep thinking I should call my sister more, and I feel guilty.",
                "It sounds like calling your sister weighs on you, like you should do it more. Is that it?",
                true, false, Fit::Close, true, &[],
            ),
            // A question mark alone is not a check: "why did you" probes.
            (
                "I was late to the party and felt embarrassed.",
                "Why did you leave so late?",
                false, false, Fit::Close, false, &["questioning"],
            ),
            // A short last question counts as a check.
            (
                "I'm proud that I finished the painting.",
                "What I hear is you're proud of finishing it, and it took a lot. Yes?",
                true, true, Fit::Close, true, &[],
            ),
            // An opener later in the first sentence still counts; the check phrase is not
            // mistaken for anything else.
            (
                "I'm happy the garden is finally growing.",
                "Okay, so it sounds like you're happy with the garden. Did I miss anything?",
                true, true, Fit::Close, true, &[],
            ),
            // A short question of the listener's own is not a check; it probes.
            (
                "I had a great day at the beach with my sister.",
                "You had a lovely day with your sister. Did you swim?",
                false, false, Fit::Close, false, &["questioning"],
            ),
            // "So you..." opens a reflection too.
            (
                "I'm excited about the trip but nervous about flying.",
                "So you're looking forward to the trip, and the flight makes you nervous. Am I close?",
                true, true, Fit::Close, true, &[],
            ),
            // Several roadblocks at once are each named once.
            (
                "I'm scared I'll mess up the speech.",
                "Cheer up, you're amazing. You have to practise though.",
                false, false, Fit::Close, false, &["reassuring", "praising", "ordering"],
            ),
        ];
        for (i, (speaker, reply, opener, feeling, fit, checked, blocks)) in cases.iter().enumerate()
        {
            let r = check_reflection(&data, speaker, reply);
            let kinds: Vec<&str> = r.roadblocks.iter().map(|b| b.kind.as_str()).collect();
            assert_eq!(r.opener.is_some(), *opener, "case {i} opener: {r:?}");
            assert_eq!(!r.feelings.is_empty(), *feeling, "case {i} feeling: {r:?}");
            assert_eq!(r.fit, *fit, "case {i} fit: {r:?}");
            assert_eq!(r.checked, *checked, "case {i} check: {r:?}");
            let mut want: Vec<&str> = blocks.to_vec();
            let mut got = kinds.clone();
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "case {i} roadblocks: {r:?}");
            assert_eq!(
                r.has_suggestions(),
                !(*opener && *feeling && *fit == Fit::Close && *checked && blocks.is_empty()),
                "case {i}"
            );
        }
    }

    #[test]
    fn markers_are_quoted_with_a_capital_i() {
        assert_eq!(capital_i("what i hear is"), "what I hear is");
        assert_eq!(
            capital_i("if i've got this right"),
            "if I've got this right"
        );
        assert_eq!(capital_i("it sounds like"), "it sounds like");
    }

    #[test]
    fn runs_compare_words_as_heard() {
        let heard = as_heard("I am tired and I want my bed");
        assert_eq!(heard.join(" "), "you are tired and you want your bed");
        let reply = tokens("so you want your bed");
        assert_eq!(longest_run(&heard, &reply), 4);
        assert_eq!(longest_run(&heard, &[]), 0);
    }

    #[test]
    fn hints_name_the_speaker_and_offer_their_feeling() {
        let data = data::listening().expect("listening data loads");
        let r = check_reflection(
            &data,
            "I'm sad the trip fell through.",
            "The trip fell through?",
        );
        let hints = r.hints("Ada", &["sad".to_owned()]);
        assert!(
            hints
                .iter()
                .any(|h| h.contains("Ada mentioned feeling sad")),
            "{hints:?}"
        );
        assert!(
            hints.iter().any(|h| h.contains("Did I get that right")),
            "{hints:?}"
        );
    }
}
