//! Support talk transcripts: a full talk with a rewrite and a swap, a stress that turns out to
//! be about the partner, passes, and a pause.

use crate::pack;

#[test]
fn a_full_talk_with_a_rewrite_and_a_swap() {
    let t = pack()
        .run("support-talk")
        .seed(1)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            // Ada: a stress from outside.
            "1",
            "My manager moved my deadline up by a week, and I am doing two people's work since Priya left.",
            // Sam's first reply hurries past it; he rewrites.
            "At least it's Friday! You should just tell your boss no.",
            "Rewrite it first",
            "That sounds exhausting. What has this week been like for you?",
            "Send it as it is",
            // Ada says more.
            "Long days. I wake up at four and go through my to-do list in my head.",
            "No wonder you're so tired. Waking at four with all that on your mind is a lot.",
            "1",
            // Ada's rating, what helped, and she shows the rating.
            "6",
            "When you asked what the week was like. I didn't have to explain myself.",
            "Yes, show it",
            // They swap.
            "Yes, swap",
            "1",
            "My brother hasn't called back about Dad's hospital appointment.",
            "Why didn't you call the hospital yourself?",
            "2",
            "That's a lot to carry while you wait. How are you doing with it?",
            "1",
            "Not great. I keep checking my phone.",
            "pass",
            "5",
            "pass",
            "Keep it to myself",
        ])
        .transcript();
    insta::assert_snapshot!("support_talk_full", t);
}

#[test]
fn a_stress_about_the_partner_is_kindly_set_aside() {
    let t = pack()
        .run("support-talk")
        .seed(1)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            // Ada says it is about them, then stops.
            "Honestly, it is about us",
            "Stop here for now",
            // They swap; Sam's story names Ada.
            "1",
            "1",
            "Ada keeps working late and we hardly eat together.",
            "It is about us, stop here",
        ])
        .transcript();
    insta::assert_snapshot!("support_talk_about_us", t);
}

#[test]
fn passes_end_gently_and_the_rewrites_run_out() {
    let t = pack()
        .run("support-talk")
        .seed(1)
        .pair("Ada", "Sam")
        .answers(&[
            "",
            "1",
            "The landlord says the rent goes up in March.",
            // Three tries, each with hints; the third is sent after a last look.
            "Don't worry, it'll be fine.",
            "2",
            "Have you tried asking for a longer lease?",
            "2",
            "Ugh. That's rough.",
            "",
            // Ada passes on saying more; no rating; nothing shared.
            "pass",
            "pass",
            "pass",
            // No swap this time.
            "Not this time",
        ])
        .transcript();
    insta::assert_snapshot!("support_talk_passes", t);
}

#[test]
fn a_pause_in_the_middle_of_a_reply() {
    let t = pack()
        .run("support-talk")
        .seed(1)
        .pair("Ada", "Sam")
        .answers(&["", "1", "My knee still hurts after the run.", "pause"])
        .transcript();
    insta::assert_snapshot!("support_talk_pause", t);
}
