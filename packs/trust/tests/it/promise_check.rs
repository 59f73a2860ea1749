//! The small-promise check, as a table: what it finds in promises people might write.

use nearer_pack_trust::promise_check::PromiseCheck;
use nearer_pack_trust::small_promise::hints;

fn check() -> PromiseCheck {
    PromiseCheck::builtin().expect("the compiled-in word lists are valid")
}

/// (promise, concrete?, act found, time found, hedges, blurs)
type Case = (
    &'static str,
    bool,
    Option<&'static str>,
    Option<&'static str>,
    &'static [&'static str],
    &'static [&'static str],
);

const CASES: &[Case] = &[
    // The two from the brief.
    (
        "I will try to be nicer",
        false,
        None,
        None,
        &["try"],
        &["nicer"],
    ),
    (
        "I'll make coffee for you on Tuesday and Friday",
        true,
        Some("make"),
        Some("tuesday"),
        &[],
        &[],
    ),
    // A doing word blurred by what follows it is not yet an act anyone could see.
    ("I'll listen better", false, None, None, &[], &["better"]),
    (
        "I'll listen better every evening",
        false,
        None,
        Some("every"),
        &[],
        &["better"],
    ),
    ("I'll do better", false, None, None, &[], &["better"]),
    (
        "I'll make more of an effort",
        false,
        None,
        None,
        &[],
        &["more", "effort"],
    ),
    (
        "I'll help more around the house",
        false,
        None,
        None,
        &[],
        &["more"],
    ),
    (
        "I'll cook dinner more often",
        false,
        None,
        Some("dinner"),
        &[],
        &["more", "often"],
    ),
    (
        "I want to spend more time with you",
        false,
        None,
        None,
        &["want to"],
        &["more"],
    ),
    // A blur far from the act leaves the act alone.
    (
        "I'll be better at calling you on Sundays",
        true,
        Some("call"),
        Some("sunday"),
        &[],
        &["better"],
    ),
    // No doing word at all, even with a day.
    (
        "I'll be nicer to you on Monday",
        false,
        None,
        Some("monday"),
        &[],
        &["nicer"],
    ),
    (
        "Spend more quality time together",
        false,
        None,
        None,
        &[],
        &["more"],
    ),
    ("Be more present", false, None, None, &[], &["more"]),
    (
        "More date nights",
        false,
        None,
        Some("night"),
        &[],
        &["more"],
    ),
    ("Every day", false, None, Some("every"), &[], &[]),
    (
        "I'll be there for you",
        false,
        None,
        None,
        &[],
        &["be there"],
    ),
    ("", false, None, None, &[], &[]),
    // A doing word, but no time: "day" and "when I can" do not say when.
    (
        "I'll ask about your day",
        false,
        Some("ask"),
        None,
        &[],
        &[],
    ),
    (
        "I'll call you when I can",
        false,
        Some("call"),
        None,
        &["when i can"],
        &[],
    ),
    ("I will listen", false, Some("listen"), None, &[], &[]),
    // Concrete, in many shapes.
    (
        "I'll have dinner ready when you get home on Friday",
        true,
        Some("have"),
        Some("dinner"),
        &[],
        &[],
    ),
    (
        "I'll ask about your day at dinner",
        true,
        Some("ask"),
        Some("dinner"),
        &[],
        &[],
    ),
    (
        "Call you at lunch on Wednesday",
        true,
        Some("call"),
        Some("lunch"),
        &[],
        &[],
    ),
    (
        "I won't check my phone while we eat breakfast on Saturday",
        true,
        Some("check"),
        Some("breakfast"),
        &[],
        &[],
    ),
    (
        "I'll be home by 6 on Thursday",
        true,
        Some("be home"),
        Some("6"),
        &[],
        &[],
    ),
    (
        "Hug you every morning before work",
        true,
        Some("hug"),
        Some("every"),
        &[],
        &[],
    ),
    (
        "Leave my phone in the kitchen after 9pm",
        true,
        Some("leave"),
        Some("9pm"),
        &[],
        &[],
    ),
    (
        "I'll do the dishes every night",
        true,
        Some("do"),
        Some("every"),
        &[],
        &[],
    ),
    (
        "I\u{2019}ll text you when I get to work each morning",
        true,
        Some("text"),
        Some("when i get"),
        &[],
        &[],
    ),
    (
        "I'll call you when you get home on Friday",
        true,
        Some("call"),
        Some("when you"),
        &[],
        &[],
    ),
    (
        "Take the bins out on Thursday night without being asked",
        true,
        Some("take"),
        Some("thursday"),
        &[],
        &[],
    ),
    (
        "I'll plan a picnic for Sunday afternoon",
        true,
        Some("plan"),
        Some("sunday"),
        &[],
        &[],
    ),
    (
        "Walking together twice",
        true,
        Some("walk"),
        Some("twice"),
        &[],
        &[],
    ),
    // A hedge beside a real act and time: the brief asks for hints only without an act.
    (
        "I'll try to call my sister on Sunday",
        true,
        Some("call"),
        Some("sunday"),
        &["try"],
        &[],
    ),
    (
        "Maybe cook on Friday",
        true,
        Some("cook"),
        Some("friday"),
        &["maybe"],
        &[],
    ),
    // Shouting does not hide anything.
    (
        "I WILL COOK PASTA ON MONDAY!",
        true,
        Some("cook"),
        Some("monday"),
        &[],
        &[],
    ),
];

#[test]
fn the_promise_check_finds_acts_times_hedges_and_blurs() {
    let check = check();
    let mut wrong = Vec::new();
    for &(promise, concrete, act, when, hedges, blurs) in CASES {
        let f = check.check(promise);
        let got = (
            f.is_concrete(),
            f.act.as_deref(),
            f.when.as_deref(),
            f.hedges.iter().map(String::as_str).collect::<Vec<_>>(),
            f.blurs.iter().map(String::as_str).collect::<Vec<_>>(),
        );
        let want = (concrete, act, when, hedges.to_vec(), blurs.to_vec());
        if got != want {
            wrong.push(format!("{promise:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} cases differ:\n{}",
        wrong.len(),
        CASES.len(),
        wrong.join("\n")
    );
    assert!(CASES.len() >= 10);
}

#[test]
fn hints_are_given_exactly_when_a_promise_is_vague() {
    let check = check();
    for &(promise, concrete, ..) in CASES {
        let hints = hints(&check.check(promise));
        assert_eq!(hints.is_empty(), concrete, "{promise:?}: {hints:?}");
    }
}

#[test]
fn hints_name_what_is_missing_kindly() {
    let check = check();
    let table: &[(&str, &[&str])] = &[
        (
            "I will try to be nicer",
            &["Words like \"nicer\"", "When will it happen?"],
        ),
        (
            "I'll try harder",
            &["Words like \"harder\"", "When will it happen?"],
        ),
        (
            "Maybe something",
            &[
                "\"maybe\" leaves the act itself open",
                "When will it happen?",
            ],
        ),
        (
            "Flowers",
            &["What would someone see you do?", "When will it happen?"],
        ),
        ("Every day", &["What would someone see you do?"]),
        ("I will listen", &["When will it happen?"]),
    ];
    for (promise, starts) in table {
        let hints = hints(&check.check(promise));
        assert_eq!(hints.len(), starts.len(), "{promise:?}: {hints:?}");
        for (hint, start) in hints.iter().zip(starts.iter()) {
            assert!(
                hint.starts_with(start),
                "{promise:?}: {hint:?} should start with {start:?}"
            );
        }
    }
}

#[test]
fn every_example_promise_passes_the_check() {
    let check = check();
    assert!(check.examples().len() >= 3);
    for example in check.examples() {
        assert!(
            check.check(example).is_concrete(),
            "{example:?} should be concrete"
        );
    }
}
