//! A table of bad manifests: each must fail with its own located, helpful message.

use std::collections::BTreeMap;

use nearer_core::manifest::check_pack;

const GOOD: &str = r#"schema = 1
id = "trust"
name = "Trust"
version = "1.0.0"
description = "Exercises for trust."
authors = ["The nearer developers"]
license = "CC-BY-4.0"
host = "^1.0"

[[exercise]]
id = "check-in"
title = "Check-in"
summary = "A short check-in."
kind = "scale"
minutes = 5
participants = "either"
component = "trust"
content = "content/check-in.toml"
"#;

const CHECK_IN: &str = r#"intro = "Hello."
[[item]]
id = "calm"
prompt = "How calm do you feel?"
"#;

fn check(manifest: &str, files: &[(&str, &str)]) -> Result<String, String> {
    let files: BTreeMap<String, String> = files
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let read = |p: &str| files.get(p).cloned();
    check_pack(manifest, &read)
        .map(|m| m.id)
        .map_err(|e| e.to_string())
}

fn bad(manifest: &str) -> String {
    match check(manifest, &[("content/check-in.toml", CHECK_IN)]) {
        Ok(id) => panic!("manifest for {id} was accepted but should fail:\n{manifest}"),
        Err(e) => e,
    }
}

#[test]
fn the_good_manifest_passes() {
    assert_eq!(
        check(GOOD, &[("content/check-in.toml", CHECK_IN)]),
        Ok("trust".to_owned())
    );
}

/// Each case: a name and an edit of the good manifest.
fn cases() -> Vec<(&'static str, String)> {
    let g = GOOD;
    vec![
        (
            "toml_syntax",
            g.replace("name = \"Trust\"", "name = \"Trust"),
        ),
        ("missing_id", g.replace("id = \"trust\"\n", "")),
        (
            "id_with_capitals",
            g.replace("id = \"trust\"", "id = \"Trust\""),
        ),
        (
            "id_too_long",
            g.replace("id = \"trust\"", &format!("id = \"{}\"", "a".repeat(65))),
        ),
        (
            "bad_semver",
            g.replace("version = \"1.0.0\"", "version = \"1.0\""),
        ),
        ("host_star", g.replace("host = \"^1.0\"", "host = \"*\"")),
        (
            "host_not_a_requirement",
            g.replace("host = \"^1.0\"", "host = \"one\""),
        ),
        (
            "unknown_kind",
            g.replace("kind = \"scale\"", "kind = \"dance\""),
        ),
        (
            "duplicate_exercise_id",
            format!("{g}\n{}", &g[g.find("[[exercise]]").unwrap_or(0)..]),
        ),
        (
            "missing_content_file",
            g.replace("content/check-in.toml", "content/nowhere.toml"),
        ),
        (
            "minutes_wrong_type",
            g.replace("minutes = 5", "minutes = \"five\""),
        ),
        ("minutes_zero", g.replace("minutes = 5", "minutes = 0")),
        ("participants_unknown", g.replace("\"either\"", "\"crowd\"")),
        (
            "component_unknown",
            g.replace("component = \"trust\"", "component = \"wealth\""),
        ),
        (
            "schema_from_the_future",
            g.replace("schema = 1", "schema = 2"),
        ),
        ("unknown_field_typo", g.replace("summary = ", "sumary = ")),
        (
            "no_exercises",
            g[..g.find("[[exercise]]").unwrap_or(g.len())].to_owned(),
        ),
        (
            "empty_authors",
            g.replace("[\"The nearer developers\"]", "[]"),
        ),
        (
            "license_not_spdx",
            g.replace("\"CC-BY-4.0\"", "\"do what you like!\""),
        ),
        (
            "dependency_on_itself",
            g.replace(
                "[[exercise]]",
                "[dependencies]\ntrust = \"^1.0\"\n\n[[exercise]]",
            ),
        ),
        (
            "content_escapes_the_pack",
            g.replace("content/check-in.toml", "../secrets.toml"),
        ),
        (
            "builtin_kind_without_content",
            g.replace("content = \"content/check-in.toml\"\n", ""),
        ),
    ]
}

#[test]
fn every_bad_manifest_gets_its_own_located_message() {
    let mut seen = BTreeMap::new();
    for (name, manifest) in cases() {
        let message = bad(&manifest);
        assert!(
            message.starts_with("pack.toml:"),
            "{name}: the message must name the file and line:\n{message}"
        );
        assert!(
            message.contains("help: "),
            "{name}: no fix offered:\n{message}"
        );
        assert!(
            !message.contains("TOML parse error"),
            "{name}: a bare parser message leaked:\n{message}"
        );
        if let Some(other) = seen.insert(message.clone(), name) {
            panic!("{name} and {other} give the same message:\n{message}");
        }
        insta::assert_snapshot!(name, message);
    }
    assert!(seen.len() >= 15);
}

#[test]
fn content_errors_name_the_content_file() {
    let message = check(
        GOOD,
        &[("content/check-in.toml", "intro = \"Hi\"\nitem = 3\n")],
    )
    .expect_err("a scale with a number for items must fail");
    insta::assert_snapshot!(message);
    assert!(message.starts_with("content/check-in.toml:2:"), "{message}");
}
