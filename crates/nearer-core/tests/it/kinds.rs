//! Transcripts of every built-in kind, solo and in pair mode, through nearer-testkit.

use nearer_core::kinds::BuiltinKind;
use nearer_testkit::Run;

fn run(kind: &str, content: &str) -> Run {
    let kind = BuiltinKind::from_name(kind).expect("a built-in kind");
    let parsed = kind
        .parse("content/test.toml", content)
        .expect("test content is valid");
    Run::of(parsed.exercise())
}

const PROMPTS: &str = r#"
intro = "Take turns. Answer as much or as little as you like."
closeness = true
outro = "Thank you both."

[[tier]]
title = "Easy"
draw = 2
prompts = ["What made you smile this week?", "What is a meal you could eat every day?", "Which season suits you best?"]

[[tier]]
title = "Deeper"
warning = "These ask about hopes and worries."
prompts = ["What is something you are quietly proud of?"]
"#;

#[test]
fn prompts_solo_with_a_pass() {
    let t = run("prompts", PROMPTS)
        .answers(&[
            "3",
            "pass",
            "Pancakes, always.",
            "1",
            "Learning to swim at thirty.",
            "5",
        ])
        .transcript();
    insta::assert_snapshot!(t);
}

#[test]
fn prompts_pair_stopping_at_the_warning() {
    let t = run("prompts", PROMPTS)
        .pair("Ada", "Sam")
        .answers(&[
            "4",
            "3",
            "Sunny mornings",
            "pass",
            "Soup",
            "Rice",
            "2",
            "5",
            "4",
        ])
        .transcript();
    insta::assert_snapshot!(t);
}

#[test]
fn prompts_draw_differs_by_seed() {
    let draw = |seed| {
        run("prompts", PROMPTS)
            .seed(seed)
            .answers(&["3", "a", "b"])
            .transcript()
    };
    let all: std::collections::BTreeSet<String> = (1..=6).map(draw).collect();
    assert!(all.len() > 1, "six seeds all drew the same prompts");
}

#[test]
fn prompts_pause_stops_the_run() {
    let t = run("prompts", PROMPTS)
        .answers(&["3", "pause"])
        .transcript();
    assert!(
        t.ends_with("(paused: the host keeps the session for `nearer resume`)\n"),
        "{t}"
    );
}

const REFLECTION: &str = r#"
intro = "A few minutes of writing, just for you."
prompts = ["What felt good today?", "What would you like more of?"]
private = true
"#;

#[test]
fn reflection_solo_and_pair_with_private_reveal() {
    let solo = run("reflection", REFLECTION)
        .answers(&["", "A long walk.", "pass"])
        .transcript();
    insta::assert_snapshot!("reflection_solo", solo);
    let pair = run("reflection", REFLECTION)
        .pair("Ada", "Sam")
        .answers(&["", "Tea together", "Quiet", "The call", "Sleep", "1", "1"])
        .transcript();
    insta::assert_snapshot!("reflection_pair", pair);
    let declined = run("reflection", REFLECTION)
        .pair("Ada", "Sam")
        .answers(&["", "a", "b", "c", "d", "1", "2"])
        .transcript();
    assert!(
        declined.contains("You kept your answers private."),
        "{declined}"
    );
    assert!(!declined.contains("Ada: a"), "{declined}");
    // Unrevealed private answers are marked so the host keeps them out of the shared journal.
    assert!(
        declined.contains("journal Ada: What felt good today? -> a (private)"),
        "{declined}"
    );
    assert!(
        !pair
            .lines()
            .any(|l| l.starts_with("   journal") && l.ends_with("(private)")),
        "revealed entries are not private:\n{pair}"
    );
}

const SCALE: &str = r#"
intro = "A quick check-in."
[[item]]
id = "closeness"
prompt = "How close do you feel?"
circles = true

[[item]]
id = "heard"
prompt = "How heard do you feel?"
low = "not at all"
high = "completely"
moment = "When did you last feel heard?"
"#;

#[test]
fn scale_solo_and_pair() {
    let solo = run("scale", SCALE)
        .answers(&["", "4", "9", "6", "At dinner."])
        .transcript();
    insta::assert_snapshot!("scale_solo", solo);
    let pair = run("scale", SCALE)
        .pair("Ada", "Sam")
        .answers(&["", "5", "6", "Yesterday", "3", "pass", "1", "1"])
        .transcript();
    insta::assert_snapshot!("scale_pair", pair);
}

const QUIZ: &str = r#"
intro = "Which reply helps?"
[[question]]
scenario = "Your friend says their week was long."
prompt = "What do you say?"
options = [
  { text = "Sounds like it wore you out.", helps = true, feedback = "A reflection invites them to say more." },
  { text = "Mine was worse.", feedback = "Comparing turns the talk to you." },
]
"#;

#[test]
fn quiz_runs_with_feedback() {
    let t = run("quiz", QUIZ).answers(&["", "2", ""]).transcript();
    insta::assert_snapshot!(t);
}

const TIMER: &str = r#"
intro = "Two quiet minutes."
prompt = "Breathe with the pacer."
seconds = 120
pacer = { inhale = 4, exhale = 6 }
rating = "How present do you feel?"
[[cue]]
at = 60
text = "Halfway."
"#;

#[test]
fn timer_solo_and_pair() {
    let solo = run("timer", TIMER).answers(&["", "", "6"]).transcript();
    insta::assert_snapshot!("timer_solo", solo);
    let pair = run("timer", TIMER)
        .pair("Ada", "Sam")
        .answers(&["", "45", "5", "pass"])
        .transcript();
    insta::assert_snapshot!("timer_pair", pair);
}
