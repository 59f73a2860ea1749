//! `overlap` and `content_words`: how much of the speaker comes back in a reflection.

use nearer_text::{content_words, overlap};

#[test]
fn overlap_table() {
    let cases: &[(&str, &str, f64)] = &[
        (
            "I was worried about the rent",
            "You're worrying about rent",
            1.0,
        ),
        (
            "work deadlines pile up",
            "so the deadlines are piling up at work",
            1.0,
        ),
        ("work deadlines pile up", "what about dinner", 0.0),
        ("the and of", "anything", 0.0),
        ("", "", 0.0),
        ("She stopped calling me", "so she stops calls", 1.0),
        ("My sister never listens", "your sister never listened", 1.0),
        ("RENT", "rent", 1.0),
        ("rent and bills", "rent", 0.5),
        (
            "I'm tired of cooking every night",
            "the weather was nice",
            0.0,
        ),
        (
            "I hoped he would come",
            "you were hoping he'd come",
            2.0 / 3.0,
        ),
        ("the kids keep crying", "kid cried", 2.0 / 3.0),
    ];
    for (original, reply, want) in cases {
        let got = overlap(original, reply);
        assert!(
            (got - want).abs() < 1e-9,
            "overlap({original:?}, {reply:?}) = {got}, want {want}"
        );
    }
}

#[test]
fn content_words_drop_small_words_and_stem() {
    let words: Vec<String> = content_words("I've been worrying about the deadlines")
        .into_iter()
        .collect();
    assert_eq!(words, ["deadlin", "worri"]);
}
