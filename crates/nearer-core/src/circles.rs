//! The closeness scale drawn in text: seven pairs of circles, from apart to almost one.
//!
//! The idea (a pictorial self-other overlap scale) comes from Aron, Aron and Smollan (1992);
//! this drawing is our own.

use std::collections::BTreeMap;

const WIDTH: usize = 11;

/// How far apart the two circles' left edges sit for each of the seven steps.
const OFFSETS: [usize; 7] = [16, 13, 11, 8, 6, 4, 2];

/// One pair of circles, three lines tall; `you` and `me` mark each circle's middle.
fn pair(offset: usize) -> [String; 3] {
    let len = offset + WIDTH;
    let mut rows = [vec![' '; len], vec![' '; len], vec![' '; len]];
    for start in [0, offset] {
        let (top, mid, bottom) = (" .-------. ", "(         )", " '-------' ");
        for (row, line) in rows.iter_mut().zip([top, mid, bottom]) {
            for (i, c) in line.chars().enumerate() {
                if c != ' ' {
                    row[start + i] = c;
                }
            }
        }
    }
    // Marks go last, in the part of each circle the other does not cover.
    let you = offset.min(WIDTH - 1).div_ceil(2);
    let me = (WIDTH.max(offset + 1) + offset + WIDTH - 1) / 2;
    rows[1][you] = 'Y';
    rows[1][me] = 'M';
    rows.map(|r| r.into_iter().collect::<String>().trim_end().to_owned())
}

/// All seven pairs, numbered, in one picture; Y is you, M is the other person.
pub fn picture() -> String {
    let mut out = String::new();
    for (i, offset) in OFFSETS.iter().enumerate() {
        let rows = pair(*offset);
        for (r, row) in rows.iter().enumerate() {
            let label = if r == 1 {
                format!("{} ", i + 1)
            } else {
                "  ".to_owned()
            };
            out.push_str(&label);
            out.push_str(row);
            out.push('\n');
        }
    }
    out.push_str("Y is you, M is the other person.");
    out
}

/// Labels for the two ends of the scale.
pub fn labels() -> BTreeMap<i32, String> {
    BTreeMap::from([(1, "far apart".to_owned()), (7, "almost one".to_owned())])
}

#[cfg(test)]
mod tests {
    #[test]
    fn seven_pairs_that_move_closer() {
        let pic = super::picture();
        insta::assert_snapshot!(pic);
        let widths: Vec<usize> = pic
            .lines()
            .skip(1)
            .step_by(3)
            .take(7)
            .map(str::len)
            .collect();
        assert!(widths.windows(2).all(|w| w[0] >= w[1]), "{widths:?}");
    }
}
