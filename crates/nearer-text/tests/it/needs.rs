//! `find_needs`: matched by stem, as phrases.

use nearer_text::{find_needs, need};

fn check(text: &str, want: &[&str]) {
    let got: Vec<&str> = find_needs(text).iter().map(|n| n.word.as_str()).collect();
    assert_eq!(got, want, "find_needs({text:?})");
}

#[test]
fn needs_table() {
    let cases: &[(&str, &[&str])] = &[
        ("I need some rest", &["rest"]),
        (
            "I was longing for closeness and a bit of fun",
            &["closeness", "fun"],
        ),
        ("I need time alone", &["time alone"]),
        ("more freedom and more choices", &["freedom", "choice"]),
        ("I want respect", &["respect"]),
        ("some humor, please", &["humour"]),
        ("Self expression matters to me", &["self-expression"]),
        ("Help!", &["help"]),
        ("You should call me more", &[]),
        ("safety, then stability", &["safety", "stability"]),
        ("I'd love some acknowledgment", &["acknowledgement"]),
        ("teamwork and cooperation", &["teamwork", "cooperation"]),
        ("I need sleep, sleep, sleep", &["sleep"]),
        ("", &[]),
    ];
    for (text, want) in cases {
        check(text, want);
    }
}

#[test]
fn lookup_by_stem() {
    assert_eq!(need("choices").map(|n| n.word.as_str()), Some("choice"));
    assert_eq!(need("humor").map(|n| n.word.as_str()), Some("humour"));
    assert_eq!(need("pizza"), None);
}
