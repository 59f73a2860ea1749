//! Telling a feeling from a thought or a judgment in "I feel ..." (the feeling part of a request).
//!
//! Rosenberg's point, in our words: "I feel lonely" names a feeling; "I feel that you never
//! listen" and "I feel like nobody cares" are thoughts wearing the word "feel"; "I feel
//! ignored" sounds like a feeling but says what the other person did. The four-part request
//! builder wants to tell these apart to give a hint, so this module reads each statement:
//!
//! - "I feel / I'm feeling / I felt / it makes me feel" + (intensifiers) + what follows;
//! - "I'm / I am / I was / I get" + (intensifiers) + a feeling or judgment word ("I'm so tired").
//!
//! What follows is classed, in this order: a disguised judgment or a feeling word from the
//! lexicons (joined lists like "tired and a bit lost" count together, and a judgment anywhere
//! in the list wins); a thought opener ("that", "like", "as if", a pronoun or a name for people
//! followed by more words); otherwise an unknown word. Like everything here it gives a hint,
//! never a grade: it will misread some sentences, and callers should phrase it as a question.

use crate::lexicon::{disguised_judgments, feeling_hits, feelings, judgment_hits};
use crate::matcher::{is_conjunction, is_intensifier, Hit, Text};
use crate::{DisguisedJudgment, Feeling};

/// What a feeling statement names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeelingCheck {
    /// A feeling word from our lexicon: "I feel uneasy", "I'm so tired", or just "lonely".
    Feeling(&'static Feeling),
    /// A judgment in disguise: "I feel ignored". Its `underneath` lists feelings to offer.
    Judgment(&'static DisguisedJudgment),
    /// A thought dressed as a feeling: "I feel that you...", "I feel like nobody...", "I feel
    /// as if...", "I feel you don't...". `opener` is the word or words after "feel" that mark
    /// it, lowercase without apostrophes, e.g. `"like"`, `"as if"`, `"youre"`.
    Thought {
        /// The opener, e.g. `"that"`.
        opener: String,
    },
    /// "I feel" followed by a word we do not know: `word` is that word (lowercase, apostrophes
    /// dropped), or empty if nothing followed. It may be a fine feeling missing from our
    /// lexicon, or something vague like "bad"; a hint can ask.
    Unknown {
        /// The word after "feel" and any intensifiers.
        word: String,
    },
    /// No feeling statement and no feeling or judgment word at all.
    Missing,
}

impl FeelingCheck {
    /// Whether this names a feeling from the lexicon.
    pub fn is_feeling(&self) -> bool {
        matches!(self, FeelingCheck::Feeling(_))
    }

    /// Whether a hint should gently point at it: a thought or a judgment in disguise.
    pub fn needs_a_look(&self) -> bool {
        matches!(
            self,
            FeelingCheck::Thought { .. } | FeelingCheck::Judgment(_)
        )
    }
}

/// The verb that opens a statement.
const FEEL: &[&str] = &["feel", "feels", "feeling", "felt"];
/// Verbs of being that open a statement only when a feeling or judgment word follows.
const BE: &[&str] = &[
    "im", "am", "was", "been", "get", "got", "getting", "became", "become", "grew",
];
/// Who may feel: "I feel", "it feels like", "makes me feel".
const FEEL_SUBJECTS: &[&str] = &["i", "im", "ive", "id", "ill", "it", "its", "me"];
/// Who may be: only the speaker ("the email was ignored" is not a feeling statement).
const BE_SUBJECTS: &[&str] = &["i", "im", "ive", "id", "ill"];
/// Words between the subject and the verb: "I *still don't* feel", "I've *been* feeling".
const FILLERS: &[&str] = &[
    "do", "dont", "did", "didnt", "does", "doesnt", "would", "wouldnt", "will", "wont", "can",
    "cant", "could", "couldnt", "been", "have", "havent", "had", "keep", "kept", "start",
    "started", "starting", "begin", "began", "was", "am", "be", "being", "might", "may", "must",
    "should", "already", "then", "to", "want", "wanted", "need", "make", "makes", "made",
    "usually", "tend",
];
/// Words after "feel" that open a thought about someone or something, when more words follow.
const PRONOUN_OPENERS: &[&str] = &[
    "you",
    "youre",
    "youve",
    "youd",
    "youll",
    "he",
    "hes",
    "she",
    "shes",
    "they",
    "theyre",
    "theyve",
    "theyd",
    "we",
    "weve",
    "it",
    "its",
    "this",
    "thats",
    "there",
    "theres",
    "i",
    "im",
    "ive",
    "id",
    "my",
    "your",
    "his",
    "her",
    "their",
    "our",
    "everyone",
    "everybody",
    "nobody",
    "noone",
    "people",
    "someone",
    "somebody",
    "nothing",
    "everything",
    "if",
    "the",
];
/// Words that end a pronoun opener without making it a thought: "I feel it too".
const TRAILING: &[&str] = &[
    "too",
    "also",
    "again",
    "now",
    "way",
    "much",
    "often",
    "sometimes",
];

/// Each feeling statement in `text`, in order. Never contains [`FeelingCheck::Missing`].
pub fn feeling_statements(text: &str) -> Vec<FeelingCheck> {
    let t = Text::new(text);
    let feeling_at = feeling_hits(&t);
    let judgment_at = judgment_hits(&t);
    let hits = Hits {
        feelings: &feeling_at,
        judgments: &judgment_at,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let k = t.get(i).unwrap_or_default();
        let found = if FEEL.contains(&k) && subject_before(&t, i, FEEL_SUBJECTS) {
            Some(after_feel(&t, i + 1, &hits))
        } else if BE.contains(&k) && (k == "im" || subject_before(&t, i, BE_SUBJECTS)) {
            named_at(&t, skip(&t, i + 1, &hits), &hits)
        } else {
            None
        };
        match found {
            Some((check, end)) => {
                out.push(check);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// The verdict for the feeling part of a request.
///
/// A thought or a disguised judgment in any statement comes first (that is what a hint should
/// point at), then the first feeling named in a statement. With no such statement, a bare
/// judgment word ("ignored") or feeling word ("lonely") counts, then an unknown "I feel ...",
/// and otherwise [`FeelingCheck::Missing`].
///
/// ```
/// use nearer_text::{feeling_statement, FeelingCheck};
///
/// match feeling_statement("I feel ignored when you're on your phone") {
///     FeelingCheck::Judgment(j) => {
///         assert_eq!(j.word, "ignored");
///         // A hint might offer what could be underneath: lonely, hurt, sad...
///         assert!(j.underneath.contains(&"lonely".to_owned()));
///     }
///     other => panic!("expected a judgment, got {other:?}"),
/// }
/// assert!(feeling_statement("I feel that you never listen").needs_a_look());
/// assert!(feeling_statement("I feel a bit lonely").is_feeling());
/// ```
pub fn feeling_statement(text: &str) -> FeelingCheck {
    let statements = feeling_statements(text);
    if let Some(c) = statements.iter().find(|c| c.needs_a_look()) {
        return c.clone();
    }
    if let Some(c) = statements.iter().find(|c| c.is_feeling()) {
        return c.clone();
    }
    let t = Text::new(text);
    if let Some(j) = judgment_hits(&t)
        .first()
        .and_then(|h| disguised_judgments().get(h.item))
    {
        return FeelingCheck::Judgment(j);
    }
    if let Some(f) = feeling_hits(&t)
        .first()
        .and_then(|h| feelings().get(h.item))
    {
        return FeelingCheck::Feeling(f);
    }
    statements
        .into_iter()
        .next()
        .unwrap_or(FeelingCheck::Missing)
}

struct Hits<'a> {
    feelings: &'a [Hit],
    judgments: &'a [Hit],
}

impl Hits<'_> {
    fn starts_at(&self, p: usize) -> bool {
        self.feelings
            .iter()
            .chain(self.judgments)
            .any(|h| h.start == p)
    }
}

/// Whether the verb at `i` has a subject before it, past fillers and intensifiers, or opens
/// its clause ("Feeling lonely.").
fn subject_before(t: &Text, i: usize, subjects: &[&str]) -> bool {
    let mut j = i;
    while !t.starts_clause(j) {
        let prev = t.get(j - 1).unwrap_or_default();
        if subjects.contains(&prev) {
            return true;
        }
        if !(FILLERS.contains(&prev) || is_intensifier(prev)) {
            return false;
        }
        j -= 1;
    }
    true
}

/// Skips intensifiers from `p` within its clause, stopping at any lexicon word ("not heard").
fn skip(t: &Text, mut p: usize, hits: &Hits) -> usize {
    while p < t.len()
        && !hits.starts_at(p)
        && !t.starts_clause(p)
        && t.get(p).is_some_and(is_intensifier)
    {
        p += 1;
    }
    p
}

/// The words left in `p`'s clause from `p` on.
fn rest_of_clause(t: &Text, p: usize) -> usize {
    let mut end = p;
    while end < t.len() && (end == p || !t.starts_clause(end)) {
        end += 1;
    }
    end - p
}

/// A feeling or judgment list starting exactly at `p`: "tired and a bit lost". Returns the
/// verdict (a judgment anywhere in the list wins) and where the list ends. `p` must be in the
/// clause of the verb before it, so a clause start finds nothing.
fn named_at(t: &Text, mut p: usize, hits: &Hits) -> Option<(FeelingCheck, usize)> {
    if t.starts_clause(p) {
        return None;
    }
    let mut first_feeling: Option<&'static Feeling> = None;
    let mut first_judgment: Option<&'static DisguisedJudgment> = None;
    let mut end = None;
    loop {
        if let Some(h) = hits.judgments.iter().find(|h| h.start == p) {
            first_judgment = first_judgment.or(disguised_judgments().get(h.item));
            p = h.end;
        } else if let Some(h) = hits.feelings.iter().find(|h| h.start == p) {
            first_feeling = first_feeling.or(feelings().get(h.item));
            p = h.end;
        } else {
            break;
        }
        end = Some(p);
        // Past "and", "or", "but" and intensifiers to a possible next word in the list.
        let mut q = p;
        while q < t.len()
            && !t.starts_clause(q)
            && !hits.starts_at(q)
            && t.get(q)
                .is_some_and(|k| is_conjunction(k) || is_intensifier(k))
        {
            q += 1;
        }
        if q == p || t.starts_clause(q) {
            break;
        }
        p = q;
    }
    let end = end?;
    let check = match (first_judgment, first_feeling) {
        (Some(j), _) => FeelingCheck::Judgment(j),
        (None, Some(f)) => FeelingCheck::Feeling(f),
        (None, None) => return None,
    };
    Some((check, end))
}

/// What follows a "feel" verb that starts at `start`.
fn after_feel(t: &Text, start: usize, hits: &Hits) -> (FeelingCheck, usize) {
    let p = skip(t, start, hits);
    if p < t.len() && !t.starts_clause(p) {
        if let Some(found) = named_at(t, p, hits) {
            return found;
        }
        if let Some(opener) = thought_opener(t, p) {
            return (FeelingCheck::Thought { opener }, p + 1);
        }
        let word = t.get(p).unwrap_or_default().to_owned();
        return (FeelingCheck::Unknown { word }, p + 1);
    }
    (
        FeelingCheck::Unknown {
            word: String::new(),
        },
        start,
    )
}

/// The thought opener at `p`, if any: "that you...", "like nobody...", "as if...", "you...".
fn thought_opener(t: &Text, p: usize) -> Option<String> {
    let k = t.get(p)?;
    let left = rest_of_clause(t, p) - 1;
    let next = if left > 0 { t.get(p + 1) } else { None };
    match k {
        "as" => match next {
            Some(n @ ("if" | "though")) => Some(format!("as {n}")),
            _ => None,
        },
        // "I feel like crying" is a feeling put another way; "I feel like a failure" and
        // "I feel like nobody cares" are thoughts.
        "like" => match next {
            Some(n) if n.ends_with("ing") => None,
            Some(_) if left >= 2 => Some(k.to_owned()),
            _ => None,
        },
        _ if PRONOUN_OPENERS.contains(&k) || k == "that" => match next {
            Some(n) if !TRAILING.contains(&n) => Some(k.to_owned()),
            _ => None,
        },
        _ => None,
    }
}
