//! `nearer` with no command: a greeting, said once, that this is not therapy, and a first step.

use anyhow::Result;

use crate::home::Home;

const GREETING: &str = "\
Welcome to nearer.

nearer offers short, guided exercises for growing closeness: trust, talking and listening,
letting yourself be known, and understanding each other. You can do them alone, or as two
people taking turns at one keyboard. Everything you write stays on this computer.

One thing to say once, kindly: nearer is for practice and reflection. It is not therapy,
and it cannot help in a crisis. If things feel unsafe or too heavy, `nearer help-now` shows
where to find help, and a counsellor can walk with you where an exercise cannot.
";

const MARKER: &str = "welcomed";

/// Greets a new person (once), then shows how to begin.
pub fn run(home: &Home) -> Result<()> {
    home.ensure()?;
    let marker = home.root().join(MARKER);
    if !marker.exists() {
        println!("{GREETING}");
        crate::fsutil::write_atomic(&marker, b"the first-run greeting was shown\n")?;
    } else {
        println!("Welcome back to nearer.\n");
    }
    println!("To begin:");
    println!("  nearer list                       every exercise you have");
    println!("  nearer run trust/check-in         a short check-in, alone or together");
    println!("  nearer run trust/check-in --pair Ada,Sam   the same, two people taking turns");
    println!("  nearer help-now                   where to find help right now");
    Ok(())
}
