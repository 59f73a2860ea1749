//! Content guards: deck sizes, warnings and draws, originality, and no romance in shared decks.

use nearer_core::kinds::{load, PromptsContent};
use nearer_pack_practices::moments::FondnessData;
use nearer_pack_practices::phones_down::PhonesData;
use nearer_text::tokens;

fn story_deck() -> PromptsContent {
    let path = format!("{}/content/story-swap.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    load("content/story-swap.toml", &text).unwrap_or_else(|e| panic!("{e}"))
}

/// Every line people read as a prompt, topic or starter, from every file.
fn all_texts() -> Vec<String> {
    let mut texts: Vec<String> = story_deck()
        .tiers
        .get_ref()
        .iter()
        .flat_map(|t| t.prompts.get_ref().clone())
        .collect();
    texts.extend(
        PhonesData::parse(None)
            .unwrap_or_else(|e| panic!("{e}"))
            .topics,
    );
    texts.extend(
        FondnessData::parse(None)
            .unwrap_or_else(|e| panic!("{e}"))
            .qualities,
    );
    texts
}

#[test]
fn the_story_deck_has_two_tiers_of_twelve_or_more_with_a_warning_on_the_second() {
    let deck = story_deck();
    let tiers = deck.tiers.get_ref();
    assert_eq!(tiers.len(), 2);
    for (i, t) in tiers.iter().enumerate() {
        let n = t.prompts.get_ref().len();
        assert!(n >= 12, "tier {} has {n} prompts", i + 1);
        let draw = t.draw.unwrap_or(n);
        assert!(
            draw * 4 <= n,
            "tier {}: a draw of {draw} from {n} keeps sessions fresh",
            i + 1
        );
        assert_eq!(t.warning.is_some(), i == 1, "tier {}", i + 1);
        for p in t.prompts.get_ref() {
            assert!(p.ends_with('.') || p.ends_with('?'), "{p}");
            assert!(p.len() < 120, "keep prompts short: {p}");
        }
    }
}

#[test]
fn no_text_is_used_twice() {
    let mut seen: Vec<String> = Vec::new();
    for t in all_texts() {
        let key = t.to_lowercase();
        assert!(!seen.contains(&key), "repeated: {t}");
        seen.push(key);
    }
}

#[test]
fn shared_decks_have_no_romantic_content() {
    // Story swap, phones-down topics and fondness starters are for friends and family too.
    const ROMANTIC: &[&str] = &[
        "partner",
        "romance",
        "romantic",
        "date",
        "dating",
        "kiss",
        "sex",
        "sexy",
        "crush",
        "lover",
        "boyfriend",
        "girlfriend",
        "husband",
        "wife",
        "spouse",
        "flirt",
        "honeymoon",
        "valentine",
        "bedroom",
        "intimate",
        "sexual",
        "attraction",
    ];
    for text in all_texts() {
        for word in tokens(&text) {
            assert!(!ROMANTIC.contains(&word.as_str()), "{text:?} uses {word:?}");
        }
    }
}

#[test]
fn no_text_echoes_a_well_known_published_question_set() {
    // Telltale phrases of question sets that nearer must not copy (CONTENT.md); our prompts
    // may share a theme with them, never the wording.
    const ECHOES: &[&str] = &[
        "perfect day",
        "dinner guest",
        "treasured memory",
        "terrible memory",
        "crystal ball",
        "cry in front",
        "embarrassing moment",
        "want to be famous",
        "love map",
        "what is your greatest",
    ];
    for text in all_texts() {
        let lower = text.to_lowercase();
        for echo in ECHOES {
            assert!(!lower.contains(echo), "{text:?} echoes {echo:?}");
        }
    }
}
