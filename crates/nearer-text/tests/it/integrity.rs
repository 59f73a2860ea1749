//! The lexicons themselves: sizes, no duplicates, families, quadrants, cross-references, and
//! every entry findable by the functions that use it.

use std::collections::BTreeSet;

use nearer_text::{
    disguised_judgments, families, feeling, feelings, feelings_in, feelings_in_family,
    find_disguised_judgments, find_feelings, find_needs, find_roadblocks, need_families, needs,
    needs_in_family, roadblocks,
};

fn no_duplicates<'a>(name: &str, words: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for w in words {
        assert!(seen.insert(w), "{name}: {w:?} twice");
        assert_eq!(w, w.to_lowercase(), "{name}: {w:?} is not lowercase");
        assert_eq!(w, w.trim(), "{name}: {w:?} has stray spaces");
    }
}

#[test]
fn lexicons_are_big_enough() {
    assert!(feelings().len() >= 170, "{} feelings", feelings().len());
    assert!(needs().len() >= 45, "{} needs", needs().len());
    assert!(
        disguised_judgments().len() >= 30,
        "{} judgments",
        disguised_judgments().len()
    );
    let kinds: Vec<&str> = roadblocks().iter().map(|r| r.kind.as_str()).collect();
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
            "diverting",
        ]
    );
}

#[test]
fn every_quadrant_has_at_least_25_words() {
    for pleasant in [true, false] {
        for activated in [true, false] {
            let n = feelings_in(pleasant, activated).len();
            assert!(
                n >= 25,
                "pleasant={pleasant} activated={activated}: {n} words"
            );
        }
    }
    let total: usize = [(true, true), (true, false), (false, true), (false, false)]
        .iter()
        .map(|&(p, a)| feelings_in(p, a).len())
        .sum();
    assert_eq!(total, feelings().len());
}

#[test]
fn no_duplicate_words() {
    no_duplicates("feelings", feelings().iter().map(|f| f.word.as_str()));
    no_duplicates("needs", needs().iter().map(|n| n.word.as_str()));
    no_duplicates(
        "judgments",
        disguised_judgments().iter().map(|j| j.word.as_str()),
    );
    no_duplicates("roadblocks", roadblocks().iter().map(|r| r.kind.as_str()));
    for r in roadblocks() {
        no_duplicates(
            &r.kind,
            r.markers.iter().chain(&r.exceptions).map(String::as_str),
        );
    }
}

#[test]
fn families_are_non_empty_and_ordered() {
    let fams = families();
    assert!(fams.len() >= 12, "{fams:?}");
    for fam in &fams {
        let members = feelings_in_family(fam);
        assert!(!members.is_empty(), "{fam}");
        assert!(
            members.windows(2).all(|w| w[0].intensity <= w[1].intensity),
            "{fam}"
        );
    }
    for fam in need_families() {
        assert!(!needs_in_family(fam).is_empty(), "{fam}");
    }
    assert!(need_families().len() >= 8);
    assert!(feelings().iter().all(|f| (1..=3).contains(&f.intensity)));
}

#[test]
fn everyday_words_are_there() {
    for w in [
        "happy",
        "sad",
        "angry",
        "scared",
        "anxious",
        "lonely",
        "hurt",
        "proud",
        "relieved",
        "grateful",
        "frustrated",
        "tired",
        "calm",
        "excited",
        "nervous",
        "disappointed",
        "embarrassed",
        "hopeful",
        "content",
        "annoyed",
        "overwhelmed",
        "worried",
        "afraid",
        "confused",
        "ashamed",
        "guilty",
        "jealous",
        "bored",
        "stressed",
        "curious",
    ] {
        assert!(feelings().iter().any(|f| f.word == w), "{w} is missing");
    }
}

#[test]
fn judgments_point_to_real_feelings_and_are_not_feelings() {
    for j in disguised_judgments() {
        assert!(j.underneath.len() >= 2, "{}", j.word);
        for u in &j.underneath {
            assert!(
                feelings().iter().any(|f| &f.word == u),
                "{}: {u} is not a feeling",
                j.word
            );
        }
        assert!(feeling(&j.word).is_none(), "{} is also a feeling", j.word);
    }
}

#[test]
fn roadblocks_are_complete() {
    for r in roadblocks() {
        assert!(
            r.markers.len() >= 6,
            "{}: {} markers",
            r.kind,
            r.markers.len()
        );
        assert!(r.why.len() > 30, "{}: why is too short", r.kind);
        assert!(!r.instead.is_empty(), "{}: no instead", r.kind);
        for m in &r.markers {
            let kinds: Vec<&str> = find_roadblocks(m).iter().map(|x| x.kind.as_str()).collect();
            assert!(
                kinds.contains(&r.kind.as_str()),
                "{}: marker {m:?} not found",
                r.kind
            );
        }
    }
}

#[test]
fn every_entry_is_found_where_it_is_said() {
    for f in feelings() {
        let said = format!("I feel {}", f.word);
        assert_eq!(find_feelings(&said), [f], "{said}");
        assert_eq!(find_feelings(&f.word), [f], "{} alone", f.word);
    }
    for j in disguised_judgments() {
        let said = format!("I feel {}", j.word);
        assert_eq!(find_disguised_judgments(&said), [j], "{said}");
    }
    for n in needs() {
        let said = format!("What I need is {}.", n.word);
        assert_eq!(find_needs(&said), [n], "{said}");
    }
}
