//! Transcripts of small promises: the first time, later times with a look back and a trend,
//! passing, rewording, and a promise carried from one session into the next.

use std::collections::BTreeMap;

use nearer_core::{PriorSession, Score};

use crate::pack;

/// An earlier session: the promises it carried and the look backs it recorded.
fn session(day: u32, promises: &[(&str, &str)], kept: &[(&str, f64)]) -> PriorSession {
    PriorSession {
        finished_at: format!("2025-03-{day:02}T20:00:00Z"),
        participants: vec!["Ada".into(), "Sam".into()],
        carry: promises
            .iter()
            .map(|(who, p)| (format!("promise.{who}"), (*p).to_owned()))
            .collect::<BTreeMap<_, _>>(),
        scores: kept
            .iter()
            .map(|(who, v)| Score {
                name: "promise_kept".into(),
                participant: Some((*who).into()),
                value: *v,
            })
            .collect(),
    }
}

/// Three earlier weeks; the last one's promises are the ones to look back on.
fn three_weeks() -> Vec<PriorSession> {
    vec![
        session(
            1,
            &[("Ada", "Cook on Friday"), ("Sam", "Walk on Sunday")],
            &[],
        ),
        session(
            8,
            &[("Ada", "Tea on Saturday morning")],
            &[("Ada", 1.0), ("Sam", 0.5)],
        ),
        session(
            15,
            &[
                ("Ada", "I'll call you at lunch on Wednesday."),
                ("Sam", "I'll put my phone away during dinner on Thursday."),
            ],
            &[("Ada", 0.0)],
        ),
    ]
}

#[test]
fn pair_first_time_rewords_a_vague_promise() {
    let t = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "I will try to be nicer",
            "1",
            "I'll make you breakfast on Saturday morning",
            "I'll leave my phone in the hall during dinner on Wednesday",
        ])
        .transcript();
    assert!(t.contains("This is your first time here."), "{t}");
    assert!(t.contains("(hint) Words like \"nicer\""), "{t}");
    assert!(
        t.contains("carry promise.Ada = I'll make you breakfast on Saturday morning"),
        "{t}"
    );
    assert!(!t.contains("promise_kept"), "{t}");
    insta::assert_snapshot!("small_promise_pair_first", t);
}

#[test]
fn pair_later_looks_back_without_blame_and_shows_the_trend() {
    let t = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .history(three_weeks())
        .answers(&[
            "",
            "1",
            "",
            "3",
            "A late shift every night.",
            "",
            "More date nights",
            "2",
            "I'll bring you a coffee on Tuesday morning",
        ])
        .transcript();
    assert!(
        t.contains("\"I'll call you at lunch on Wednesday.\""),
        "{t}"
    );
    // Ada: kept in week two, not yet in week three, kept today.
    assert!(t.contains("   *  .  *\n"), "{t}");
    // Sam: partly in week two, not yet today.
    assert!(t.contains("   +  .\n"), "{t}");
    assert!(t.contains("score promise_kept (Ada) = 1"), "{t}");
    assert!(t.contains("score promise_kept (Sam) = 0"), "{t}");
    assert!(t.contains("carry promise.Ada = More date nights"), "{t}");
    for unkind in ["failed", "broke", "lost", "streak"] {
        assert!(!t.to_lowercase().contains(unkind), "{unkind:?} in {t}");
    }
    insta::assert_snapshot!("small_promise_pair_later", t);
}

#[test]
fn pair_may_pass_the_look_back_and_the_promise() {
    let t = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .history(three_weeks())
        .answers(&[
            "",
            "pass",
            "",
            "2",
            "pass",
            "",
            "I'll cook dinner on Friday",
            "pass",
        ])
        .transcript();
    assert!(t.contains("That is fine. You do not have to say."), "{t}");
    assert!(
        t.contains("Sam is not making one this time, and that is fine."),
        "{t}"
    );
    assert!(!t.contains("score promise_kept (Ada)"), "{t}");
    assert!(t.contains("score promise_kept (Sam) = 0.5"), "{t}");
    assert!(!t.contains("carry promise.Sam"), "{t}");
    insta::assert_snapshot!("small_promise_pair_pass", t);
}

#[test]
fn a_still_vague_promise_is_accepted_after_two_rewordings() {
    let t = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "Be kinder",
            "1",
            "Be more patient",
            "1",
            "Listen better",
            "pass",
        ])
        .transcript();
    assert_eq!(t.matches("Would you like to reword it?").count(), 2, "{t}");
    assert!(t.contains("carry promise.Ada = Listen better"), "{t}");
    insta::assert_snapshot!("small_promise_pair_rewords", t);
}

#[test]
fn history_without_these_promises_starts_fresh() {
    let other_pair = vec![session(1, &[("Kim", "Walk on Sunday")], &[])];
    let t = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .history(other_pair)
        .answers(&["", "pass", "pass"])
        .transcript();
    assert!(
        t.contains("There is no promise from last time to look back on"),
        "{t}"
    );
    assert!(t.contains("== finished: No promise this time"), "{t}");
    insta::assert_snapshot!("small_promise_pair_fresh", t);
}

#[test]
fn pair_can_pause_in_the_look_back() {
    let t = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .history(three_weeks())
        .answers(&["", "pause"])
        .transcript();
    assert!(
        t.ends_with("(paused: the host keeps the session for `nearer resume`)\n"),
        "{t}"
    );
    insta::assert_snapshot!("small_promise_pair_pause", t);
}

#[test]
fn a_promise_made_today_is_asked_about_next_time() {
    let (_, last) = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "I'll water the plants on Monday",
            "I'll call your dad on Sunday",
        ])
        .play();
    let outcome = last
        .and_then(|step| step.outcome().cloned())
        .expect("the first session finishes");
    let history = vec![PriorSession {
        finished_at: "2025-04-01T20:00:00Z".into(),
        participants: vec!["Ada".into(), "Sam".into()],
        carry: outcome.carry,
        scores: outcome.scores,
    }];
    let (t, last) = pack()
        .run("small-promise")
        .pair("Ada", "Sam")
        .history(history)
        .answers(&["", "1", "", "2", "pass", "", "pass", "pass"])
        .play();
    assert!(t.contains("  \"I'll water the plants on Monday\""), "{t}");
    assert!(t.contains("  \"I'll call your dad on Sunday\""), "{t}");
    assert!(t.contains("Your first look back."), "{t}");
    let scores: Vec<(Option<String>, f64)> = last
        .and_then(|step| step.outcome().cloned())
        .map(|o| {
            o.scores
                .into_iter()
                .map(|s| (s.participant, s.value))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        scores,
        vec![(Some("Ada".into()), 1.0), (Some("Sam".into()), 0.5)]
    );
}
