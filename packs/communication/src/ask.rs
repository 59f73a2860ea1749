//! Script helpers shared by the solo exercises: asking with hints, and sampling the lexicons.

use nearer_core::{Block, Flow, Script};
use nearer_text::{feelings, needs};

/// Asks for text; while the check finds something, shows the hints and offers another try,
/// at most `tries` times in all. Returns the version the person kept (their last one, or an
/// earlier one if they pass on a retry), or `None` if they passed from the start. `clean` is
/// shown when the check finds nothing.
// `Flow`'s error carries the next step by value, by the core's design.
#[allow(clippy::result_large_err)]
pub fn ask_with_hints(
    s: &mut Script,
    prompt: &str,
    tries: usize,
    clean: &str,
    check: &dyn Fn(&str) -> Vec<String>,
) -> Flow<Option<String>> {
    let mut kept: Option<String> = None;
    for attempt in 1..=tries.max(1) {
        let Some(text) = s.text(prompt)? else {
            if kept.is_some() {
                s.say("You kept your earlier version. That is fine.");
            }
            return Ok(kept);
        };
        let hints = check(&text);
        if hints.is_empty() {
            s.show(Block::Hint(clean.to_owned()));
            return Ok(Some(text));
        }
        s.show(Block::Quote(text.clone()));
        for h in hints {
            s.show(Block::Hint(h));
        }
        kept = Some(text);
        if attempt == tries {
            s.say("You can keep it as it is. These are only hints, and it is your sentence.");
            s.pause_here()?;
            return Ok(kept);
        }
        let again = s.choice(
            "Would you like to try it another way?",
            &["Keep it as it is", "Try it another way"],
        )?;
        if again != Some(1) {
            return Ok(kept);
        }
    }
    Ok(kept)
}

/// A few unpleasant feeling words of mild or middle strength from the shared lexicon, drawn
/// with the session's seed: the exercises are about everyday complaints, not deep hurts.
pub fn sample_feelings(s: &Script, salt: &str, count: usize) -> Vec<&'static str> {
    let words: Vec<&'static str> = feelings()
        .iter()
        .filter(|f| !f.pleasant && f.intensity <= 2)
        .map(|f| f.word.as_str())
        .collect();
    s.rng(salt).draw(&words, count)
}

/// One need from each family of the shared lexicon (connection, rest, safety, ...), drawn
/// with the session's seed, so the choice spans the kinds of need rather than a random few.
pub fn sample_needs(s: &Script, salt: &str) -> Vec<&'static str> {
    let mut families: Vec<&'static str> = Vec::new();
    for n in needs() {
        if !families.contains(&n.family.as_str()) {
            families.push(n.family.as_str());
        }
    }
    let mut rng = s.rng(salt);
    families
        .iter()
        .filter_map(|family| {
            let words: Vec<&'static str> = needs()
                .iter()
                .filter(|n| n.family == *family)
                .map(|n| n.word.as_str())
                .collect();
            rng.draw(&words, 1).into_iter().next()
        })
        .collect()
}
