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
