//! Feeling guess transcripts: a full pair session with a story told again without feeling
//! words, passes and a declined reveal, a story that keeps its feeling words, and a pause.

use crate::pack;

#[test]
fn a_full_session_with_a_story_told_again() {
    let t = pack()
        .run("feeling-guess")
        .seed(5)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            // Ada names the family and a word, in private.
            "12",
            "nervous",
            // Her first telling names a feeling; she tells it again.
            "On Tuesday I had to present to the whole team, and I was anxious all morning.",
            "1",
            "On Tuesday I presented to the whole team. My hands shook and I dropped my notes. Afterwards my manager asked for a copy of the slides.",
            // Sam guesses with numbers and a word of his own.
            "2, 6, embarrassed",
            "1",
            "1",
            "4",
            "",
            // Sam's turn: a family, no single word.
            "4",
            "pass",
            "On Saturday I visited my grandmother. She made tea, we looked through old photos, and she remembered my name all afternoon.",
            "grateful, a bit sad",
            "1",
            "1",
            "3",
            "",
        ])
        .transcript();
    insta::assert_snapshot!("feeling_guess_full", t);
}

#[test]
fn passes_and_a_declined_reveal_are_fine() {
    let t = pack()
        .run("feeling-guess")
        .seed(8)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            // A mix, no word, and a story she keeps as it is.
            "A mix, or something else",
            "pass",
            "The bus driver shut the doors in my face and I was so angry.",
            "Keep it as it is",
            // Sam passes on the guess; Sam would rather not look.
            "pass",
            "1",
            "2",
            // Sam passes on everything.
            "pass",
            "pass",
            "pass",
        ])
        .transcript();
    insta::assert_snapshot!("feeling_guess_passes_and_private", t);
}

#[test]
fn a_story_that_keeps_its_feelings_goes_on_after_two_retellings() {
    let t = pack()
        .run("feeling-guess")
        .seed(2)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "9",
            // A judgment in disguise gets a hint; she picks a feeling word instead.
            "let down",
            "disappointed",
            "My friend cancelled again and I felt let down.",
            "1",
            "My friend cancelled again. I was a bit down.",
            "1",
            "My friend cancelled again, which left me lonely.",
            "",
            // Sam's numbers miss; one more try, then a pause.
            "12",
            "pause",
        ])
        .transcript();
    insta::assert_snapshot!("feeling_guess_retold_and_pause", t);
}
