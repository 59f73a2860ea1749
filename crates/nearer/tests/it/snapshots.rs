//! Snapshots of `history`, `journal`, `stats` and `export` for a fixed data set, recorded
//! through the real binary with the clock fixed (`NEARER_NOW`) and `TZ=UTC`.

use crate::harness::{stderr, stdout, TestHome};

/// Five sessions over eight days: four finished, one paused.
fn fixed_data_set() -> TestHome {
    let home = TestHome::new();
    let sessions: [(&str, &[&str], &str); 5] = [
        (
            "2026-03-02T09:00:00Z",
            &["run", "dbtest/reflect", "--seed", "1", "--name", "Ada"],
            "\nthe smell of rain\npass\nmy grandmother\nthat her soup still helps\n",
        ),
        (
            "2026-03-03T20:30:00Z",
            &["run", "dbtest/checkin", "--seed", "2", "--name", "Ada"],
            "\n3\na quiet dinner where we did not talk\n4\npass\n",
        ),
        (
            "2026-03-04T08:15:00Z",
            &["run", "dbtest/checkin", "--seed", "3", "--name", "Ada"],
            "\n5\nwe laughed about the cat\n5\nI said I was tired and was heard\n",
        ),
        (
            "2026-03-05T18:00:00Z",
            &["run", "dbtest/reflect", "--seed", "4", "--name", "Sam"],
            "\nfinishing the bookshelf\npause\n",
        ),
        (
            "2026-03-09T07:45:00Z",
            &["run", "dbtest/checkin", "--seed", "5"],
            "\n6\nbreakfast together\n6\npass\n",
        ),
    ];
    for (now, args, input) in sessions {
        let out = home.run_at(args, input, Some(now));
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    home
}

fn at(home: &TestHome, args: &[&str]) -> String {
    let out = home.run_at(args, "", Some("2026-03-10T12:00:00Z"));
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

#[test]
fn history_journal_stats_and_export_of_a_fixed_data_set() {
    let home = fixed_data_set();
    insta::assert_snapshot!("history", at(&home, &["history"]));
    insta::assert_snapshot!("journal", at(&home, &["journal"]));
    insta::assert_snapshot!(
        "journal_search",
        at(&home, &["journal", "--search", "laugh"])
    );
    insta::assert_snapshot!(
        "journal_filtered",
        at(
            &home,
            &[
                "journal",
                "--who",
                "ada",
                "--since",
                "2026-03-04",
                "--component",
                "communication"
            ]
        )
    );
    insta::assert_snapshot!("stats", at(&home, &["stats"]));
    insta::assert_snapshot!("export_md", at(&home, &["export", "--session", "3"]));
    insta::assert_snapshot!(
        "export_json",
        at(&home, &["export", "--session", "2", "--format", "json"])
    );
}
