//! Every bundled pack installs, and every one of its exercises can be completed through a
//! pipe, solo and in pair mode where the exercise allows.

use crate::harness::Nearer;

#[test]
fn every_exercise_of_every_bundled_pack_completes() {
    let n = Nearer::new();
    let ids = n.bundled();
    for id in &ids {
        let r = n.install(&n.pack(id));
        assert_eq!(r.code, 0, "{id}: {}", r.stderr);
    }
    let list: serde_json::Value =
        serde_json::from_str(&n.ok(&["list", "--json"])).expect("list --json is JSON");
    let exercises = list.as_array().expect("a list");
    let mut runs = 0;
    for e in exercises {
        let name = e["exercise"].as_str().expect("exercise name");
        let who = e["participants"].as_str().expect("participants");
        if who != "pair" {
            n.complete_json(name, false, 400);
            runs += 1;
        }
        if who != "solo" {
            n.complete_json(name, true, 400);
            runs += 1;
        }
    }
    assert!(
        runs >= exercises.len(),
        "{runs} runs for {} exercises",
        exercises.len()
    );
}

#[test]
fn one_exercise_of_each_pack_completes_on_plain_lines() {
    // "1" fits every request: option 1, scale value 1, one second of a timer, or the text "1".
    let n = Nearer::new();
    let script = "1\n".repeat(400);
    let mut packs_run = 0;
    for id in n.bundled() {
        assert_eq!(n.install(&n.pack(&id)).code, 0, "{id}");
        let list: serde_json::Value =
            serde_json::from_str(&n.ok(&["list", "--json"])).expect("list --json is JSON");
        let exercise = list
            .as_array()
            .expect("a list")
            .iter()
            .filter(|e| {
                e["exercise"]
                    .as_str()
                    .is_some_and(|x| x.starts_with(&format!("{id}/")))
            })
            .find(|e| e["participants"] != "pair")
            .and_then(|e| e["exercise"].as_str())
            .map(str::to_owned)
            .unwrap_or_else(|| panic!("pack {id} has no exercise one person can do"));
        let r = n.run(&["run", &exercise, "--seed", "5"], &script);
        assert_eq!(r.code, 0, "{exercise}: {}", r.stderr);
        assert!(
            r.stdout.contains("== finished:"),
            "{exercise} did not finish:\n{}",
            r.stdout
        );
        assert!(
            !r.stdout.lines().any(|l| l.starts_with("! ")),
            "{exercise} refused a line:\n{}",
            r.stdout
        );
        packs_run += 1;
    }
    assert_eq!(packs_run, 5, "the five bundled packs");
}
