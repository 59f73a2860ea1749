//! `nearer` with no command: a greeting, said once, that this is not therapy, and a first step.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Result;

use crate::cli::RunArgs;
use crate::front::ColorChoice;
use crate::home::Home;
use crate::store::Store;

/// Short exercises one person can start with, in the order they are offered.
const FIRST_STEPS: [&str; 3] = [
    "trust/check-in",
    "practices/feelings-check-in",
    "vulnerability/softer-feeling",
];

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

/// Greets a new person (once), shows how to begin, and at a terminal offers a first exercise.
pub fn run(home: &Home, color: ColorChoice) -> Result<()> {
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
    if std::io::stdin().is_terminal() {
        offer_first_exercise(home, color)?;
    }
    Ok(())
}

/// Lists the installed first steps and runs the one picked; Enter leaves it for later.
fn offer_first_exercise(home: &Home, color: ColorChoice) -> Result<()> {
    let store = Store::open(home)?;
    let offered: Vec<(&str, String)> = FIRST_STEPS
        .iter()
        .filter_map(|target| {
            let (pack, id) = target.split_once('/')?;
            let installed = store.get(pack).ok()?;
            let info = installed.manifest.exercise(id)?;
            Some((*target, format!("{} ({} min)", info.title, info.minutes)))
        })
        .collect();
    if offered.is_empty() {
        return Ok(());
    }
    println!("\nWould you like to start one now, on your own? Type its number, or press Enter for later.");
    for (i, (_, title)) in offered.iter().enumerate() {
        println!("  {}) {title}", i + 1);
    }
    print!("> ");
    std::io::stdout().flush()?;
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let Some((target, _)) = line
        .trim()
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| offered.get(i))
    else {
        println!("Any time you like: `nearer list` shows everything.");
        return Ok(());
    };
    let args = RunArgs {
        exercise: (*target).to_owned(),
        seed: None,
        pair: None,
        name: None,
        json: false,
        in_process: false,
    };
    crate::cmd::run::run(home, args, color)
}
