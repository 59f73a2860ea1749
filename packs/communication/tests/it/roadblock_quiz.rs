//! Transcripts of the roadblock quiz (built-in `quiz` kind).

use crate::pack;

#[test]
fn solo_with_a_pass() {
    let t = pack()
        .run("roadblock-quiz")
        .seed(1)
        .answers(&["", "1", "", "2", "", "pass", "3", "", "2", "", "1", ""])
        .transcript();
    insta::assert_snapshot!("roadblock_quiz_solo", t);
}

#[test]
fn pair_draws_another_set() {
    let t = pack()
        .run("roadblock-quiz")
        .seed(12)
        .pair("Ada", "Sam")
        .answers(&["", "3", "", "3", "", "1", "", "2", "", "2", "", "3", ""])
        .transcript();
    insta::assert_snapshot!("roadblock_quiz_pair", t);
}

#[test]
fn pause_keeps_the_session() {
    let t = pack()
        .run("roadblock-quiz")
        .answers(&["", "2", "pause"])
        .transcript();
    insta::assert_snapshot!("roadblock_quiz_pause", t);
}

#[test]
fn every_kind_of_roadblock_appears_and_each_question_has_one_helpful_reply() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/roadblock-quiz.toml"
    ))
    .expect("the quiz file is readable");
    let quiz: nearer_core::kinds::QuizContent =
        nearer_core::kinds::load("content/roadblock-quiz.toml", &text).expect("the quiz loads");
    let questions = quiz.questions.get_ref();
    assert!(questions.len() >= 12, "{} questions", questions.len());
    for q in questions {
        let helpful: Vec<_> = q.options.get_ref().iter().filter(|o| o.helps).collect();
        assert_eq!(helpful.len(), 1, "{}", q.scenario);
        assert!(
            helpful[0].feedback.starts_with("This one helps"),
            "{}",
            q.scenario
        );
    }
    let kinds = [
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
    ];
    for kind in kinds {
        let named = questions.iter().any(|q| {
            q.options
                .get_ref()
                .iter()
                .any(|o| !o.helps && o.feedback.starts_with(&format!("This one is {kind}")))
        });
        assert!(named, "no feedback names {kind}");
    }
}
