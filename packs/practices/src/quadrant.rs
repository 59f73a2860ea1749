//! The feelings grid: pleasant or unpleasant by calm or activated, and words filtered by it.
//!
//! Naming a feeling precisely helps to handle it, and the skill grows with practice. A common
//! way in is to place the feeling on two plain axes first (how pleasant, how stirred up), then
//! to choose among words from that corner. The words come from the shared lexicon in
//! `nearer-text`, whose entries carry both axes.

use nearer_core::rng::Rng;
use nearer_text::{tokens, Feeling};

/// Where a feeling sits on the two axes; `None` on an axis means "hard to say".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Axes {
    /// Pleasant (`true`) or unpleasant (`false`) to feel.
    pub pleasant: Option<bool>,
    /// Activated (`true`) or calm (`false`) in the body.
    pub activated: Option<bool>,
}

/// The four corners, numbered as in [`GRID`].
pub const QUADRANTS: [Axes; 4] = [
    Axes::corner(false, true),
    Axes::corner(true, true),
    Axes::corner(false, false),
    Axes::corner(true, false),
];

/// The grid, drawn with the corners numbered as [`QUADRANTS`] and the choice offer them.
pub const GRID: &str = r"                     activated
                         |
   1  unpleasant and     |   2  pleasant and
      activated          |      activated
      (tense, on edge)   |      (lively, eager)
 unpleasant -------------+------------- pleasant
   3  unpleasant and     |   4  pleasant and
      calm               |      calm
      (low, heavy)       |      (easy, at rest)
                         |
                       calm";

impl Axes {
    /// A corner of the grid.
    pub const fn corner(pleasant: bool, activated: bool) -> Self {
        Axes {
            pleasant: Some(pleasant),
            activated: Some(activated),
        }
    }

    /// True when `feeling` fits every axis that is known.
    pub fn fits(self, feeling: &Feeling) -> bool {
        self.pleasant.is_none_or(|p| p == feeling.pleasant)
            && self.activated.is_none_or(|a| a == feeling.activated)
    }

    /// True when neither axis is known.
    pub fn is_open(self) -> bool {
        self.pleasant.is_none() && self.activated.is_none()
    }

    /// The place in words, e.g. "unpleasant and calm".
    pub fn describe(self) -> String {
        let p = self
            .pleasant
            .map(|p| if p { "pleasant" } else { "unpleasant" });
        let a = self.activated.map(|a| if a { "activated" } else { "calm" });
        match (p, a) {
            (Some(p), Some(a)) => format!("{p} and {a}"),
            (Some(one), None) | (None, Some(one)) => one.to_owned(),
            (None, None) => "hard to place".to_owned(),
        }
    }

    /// The axes of a known feeling.
    pub fn of(feeling: &Feeling) -> Self {
        Axes::corner(feeling.pleasant, feeling.activated)
    }
}

/// Every word in `lexicon` that fits `axes`, mildest first, then alphabetical.
pub fn words_in(axes: Axes, lexicon: &[Feeling]) -> Vec<&Feeling> {
    let mut words: Vec<&Feeling> = lexicon.iter().filter(|f| axes.fits(f)).collect();
    sort_mild_first(&mut words);
    words.dedup_by(|a, b| a.word == b.word);
    words
}

/// Up to `count` words that fit `axes`, drawn by `rng`, then shown mildest first so the
/// offer reads as a ladder of strength.
pub fn offer<'a>(
    axes: Axes,
    lexicon: &'a [Feeling],
    rng: &mut Rng,
    count: usize,
) -> Vec<&'a Feeling> {
    let mut drawn = rng.draw(&words_in(axes, lexicon), count);
    sort_mild_first(&mut drawn);
    drawn
}

fn sort_mild_first(words: &mut [&Feeling]) {
    words.sort_by(|a, b| {
        a.intensity
            .cmp(&b.intensity)
            .then_with(|| a.word.cmp(&b.word))
    });
}

/// The lexicon entry for a word the person typed, if it names one: the whole entry first
/// ("fed up"), else the first word of the entry set that appears ("a bit anxious").
pub fn lookup<'a>(typed: &str, lexicon: &'a [Feeling]) -> Option<&'a Feeling> {
    let typed = tokens(typed);
    if typed.is_empty() {
        return None;
    }
    let joined = typed.join(" ");
    if let Some(f) = lexicon.iter().find(|f| tokens(&f.word).join(" ") == joined) {
        return Some(f);
    }
    typed
        .iter()
        .find_map(|w| lexicon.iter().find(|f| &f.word == w))
}

/// Other words beside `feeling`: same family and same corner, for a next, finer choice.
pub fn neighbours<'a>(feeling: &Feeling, lexicon: &'a [Feeling]) -> Vec<&'a Feeling> {
    let axes = Axes::of(feeling);
    let mut near: Vec<&Feeling> = lexicon
        .iter()
        .filter(|f| f.family == feeling.family && f.word != feeling.word && axes.fits(f))
        .collect();
    sort_mild_first(&mut near);
    near
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(word: &str, family: &str, intensity: u8, pleasant: bool, activated: bool) -> Feeling {
        Feeling {
            word: word.into(),
            family: family.into(),
            intensity,
            pleasant,
            activated,
        }
    }

    /// A small lexicon of our own, so these tests do not move when the shared one grows.
    fn lexicon() -> Vec<Feeling> {
        vec![
            f("anxious", "scared", 2, false, true),
            f("furious", "angry", 3, false, true),
            f("irritated", "angry", 1, false, true),
            f("excited", "glad", 2, true, true),
            f("proud", "glad", 2, true, true),
            f("sad", "sad", 2, false, false),
            f("tired", "sad", 1, false, false),
            f("lonely", "sad", 2, false, false),
            f("relieved", "calm", 2, true, false),
            f("content", "calm", 1, true, false),
            f("fed up", "angry", 2, false, true),
        ]
    }

    fn words(list: &[&Feeling]) -> Vec<String> {
        list.iter().map(|f| f.word.clone()).collect()
    }

    #[test]
    fn each_corner_gets_only_its_words_mildest_first() {
        let lex = lexicon();
        let mut twice = lexicon();
        twice.push(f("tired", "sad", 1, false, false));
        let open = Axes::default();
        let pleasant = Axes {
            pleasant: Some(true),
            activated: None,
        };
        let calm = Axes {
            pleasant: None,
            activated: Some(false),
        };
        let unpleasant = Axes {
            pleasant: Some(false),
            activated: None,
        };
        let activated = Axes {
            pleasant: None,
            activated: Some(true),
        };
        let cases: &[(&[Feeling], Axes, &[&str])] = &[
            (
                &lex,
                QUADRANTS[0],
                &["irritated", "anxious", "fed up", "furious"],
            ),
            (&lex, QUADRANTS[1], &["excited", "proud"]),
            (&lex, QUADRANTS[2], &["tired", "lonely", "sad"]),
            (&lex, QUADRANTS[3], &["content", "relieved"]),
            // One axis known: every word on that side.
            (&lex, pleasant, &["content", "excited", "proud", "relieved"]),
            (
                &lex,
                calm,
                &["content", "tired", "lonely", "relieved", "sad"],
            ),
            (
                &lex,
                unpleasant,
                &[
                    "irritated",
                    "tired",
                    "anxious",
                    "fed up",
                    "lonely",
                    "sad",
                    "furious",
                ],
            ),
            (
                &lex,
                activated,
                &[
                    "irritated",
                    "anxious",
                    "excited",
                    "fed up",
                    "proud",
                    "furious",
                ],
            ),
            // Neither axis known: every word.
            (
                &lex,
                open,
                &[
                    "content",
                    "irritated",
                    "tired",
                    "anxious",
                    "excited",
                    "fed up",
                    "lonely",
                    "proud",
                    "relieved",
                    "sad",
                    "furious",
                ],
            ),
            // A word listed twice is offered once.
            (&twice, QUADRANTS[2], &["tired", "lonely", "sad"]),
            // An empty lexicon gives nothing rather than failing.
            (&[], QUADRANTS[0], &[]),
            (&[], open, &[]),
        ];
        for (lexicon, axes, want) in cases {
            assert_eq!(
                words(&words_in(*axes, lexicon)),
                *want,
                "{}",
                axes.describe()
            );
        }
    }

    #[test]
    fn offers_are_drawn_by_seed_capped_and_shown_mildest_first() {
        let lex = lexicon();
        let a = offer(QUADRANTS[0], &lex, &mut Rng::new(5, "words"), 3);
        let b = offer(QUADRANTS[0], &lex, &mut Rng::new(5, "words"), 3);
        assert_eq!(words(&a), words(&b));
        assert_eq!(a.len(), 3);
        assert!(a.windows(2).all(|w| w[0].intensity <= w[1].intensity));
        assert!(a.iter().all(|f| !f.pleasant && f.activated));
        // Asking for more than there are gives all of them.
        assert_eq!(
            offer(QUADRANTS[1], &lex, &mut Rng::new(5, "words"), 8).len(),
            2
        );
    }

    #[test]
    fn typed_words_are_found_in_the_lexicon() {
        let lex = lexicon();
        let cases: &[(&str, Option<&str>)] = &[
            ("anxious", Some("anxious")),
            ("  Anxious. ", Some("anxious")),
            ("a bit anxious, really", Some("anxious")),
            ("fed up", Some("fed up")),
            ("Fed up!", Some("fed up")),
            ("tired and sad", Some("tired")),
            ("PROUD", Some("proud")),
            ("meh", None),
            ("", None),
            ("anxiousness", None),
            ("content", Some("content")),
        ];
        for (typed, want) in cases {
            assert_eq!(
                lookup(typed, &lex).map(|f| f.word.as_str()),
                *want,
                "typed: {typed:?}"
            );
        }
    }

    #[test]
    fn the_axes_are_described_and_placed() {
        let lex = lexicon();
        assert_eq!(QUADRANTS[2].describe(), "unpleasant and calm");
        assert_eq!(
            Axes {
                pleasant: None,
                activated: Some(true)
            }
            .describe(),
            "activated"
        );
        assert_eq!(Axes::default().describe(), "hard to place");
        assert!(Axes::default().is_open());
        let anxious = lookup("anxious", &lex).expect("in the test lexicon");
        assert_eq!(Axes::of(anxious), QUADRANTS[0]);
        assert_eq!(words(&neighbours(anxious, &lex)), Vec::<String>::new());
        let tired = lookup("tired", &lex).expect("in the test lexicon");
        assert_eq!(words(&neighbours(tired, &lex)), ["lonely", "sad"]);
    }

    #[test]
    fn the_grid_numbers_match_the_corners() {
        for (n, q) in QUADRANTS.iter().enumerate() {
            let label = format!("{}  {}", n + 1, q.describe().replace(" and ", " and\n"));
            let first_line = label.lines().next().unwrap_or_default().to_owned();
            assert!(GRID.contains(&first_line), "{first_line:?}");
        }
    }
}
