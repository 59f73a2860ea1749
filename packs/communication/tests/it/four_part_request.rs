//! Transcripts of the four-part request builder.

use crate::pack;

#[test]
fn each_part_with_a_second_try() {
    let t = pack()
        .run("four-part-request")
        .seed(6)
        .answers(&[
            "",
            "You were rude to my friends at dinner",
            "2",
            "At dinner on Friday you looked at your phone while my friends were talking",
            "I feel ignored",
            "2",
            "embarrassed and a bit lonely",
            "2",
            "stop using your phone",
            "2",
            "put our phones in the basket when friends come over",
            "4",
        ])
        .transcript();
    insta::assert_snapshot!("four_part_request_full", t);
}

#[test]
fn an_own_need_about_someone_else_kept_as_written() {
    let t = pack()
        .run("four-part-request")
        .seed(8)
        .answers(&[
            "",
            "The bins stayed out from Tuesday to Friday",
            "I feel that you never listen",
            "1",
            "10",
            "I need you to listen",
            "1",
            "You have to take them in or else",
            "2",
            "take the bins in on Tuesday evenings",
            "pass",
        ])
        .transcript();
    insta::assert_snapshot!("four_part_request_own_need", t);
}

#[test]
fn passing_parts_builds_from_the_rest() {
    let t = pack()
        .run("four-part-request")
        .answers(&["", "pass", "frustrated", "pass", "help more", "1", "3"])
        .transcript();
    insta::assert_snapshot!("four_part_request_passes", t);
}

#[test]
fn three_tries_then_kept() {
    let t = pack()
        .run("four-part-request")
        .seed(9)
        .answers(&[
            "",
            "You always leave a mess",
            "2",
            "You obviously don't care",
            "2",
            "You left a mess on purpose",
            "",
            "pause",
        ])
        .transcript();
    insta::assert_snapshot!("four_part_request_three_tries_pause", t);
}
