//! `nearer help-now`: help resources, from a data file so they can be localised.

use anyhow::{Context, Result};
use serde::Deserialize;

const HELP: &str = include_str!("../../data/help.toml");

#[derive(Deserialize)]
struct Help {
    intro: String,
    resource: Vec<Resource>,
    outro: String,
}

#[derive(Deserialize)]
struct Resource {
    #[serde(rename = "where")]
    place: String,
    what: String,
    contact: String,
}

/// The help text, ready to print.
pub fn text() -> Result<String> {
    let help: Help = toml::from_str(HELP).context("the built-in help data is damaged")?;
    let mut out = format!("{}\n\n", help.intro.trim());
    for r in &help.resource {
        out.push_str(&format!("  {:<14} {}  ({})\n", r.contact, r.what, r.place));
    }
    out.push('\n');
    out.push_str(help.outro.trim());
    out.push('\n');
    Ok(out)
}

/// Prints the help resources.
pub fn run() -> Result<()> {
    print!("{}", text()?);
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn help_names_the_numbers_and_says_to_check_them() {
        let text = super::text().expect("help data parses");
        for needle in ["112", "911", "988", "counsellor", "check them"] {
            assert!(text.contains(needle), "{needle} missing from:\n{text}");
        }
    }
}
