//! nearer: the host program. It finds installed packs, loads them, and runs their exercises
//! through a front end; see ARCHITECTURE.md for the map.
//!
//! `main` maps every error to one `error:` line on stderr and exit code 1 (clap uses 2 for
//! usage errors). A closed stdout (`nearer list | head`) is not an error.

mod cli;
mod cmd;
mod db;
mod front;
mod fsutil;
mod home;
mod isolate;
mod loader;
mod run;
mod safety;
mod session;
mod store;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use home::Home;

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: nearer hit a bug it could not recover from ({info}). What you already answered is kept. Please report this."
        );
    }));
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let home = Home::locate()?;
    match cli.command {
        None => cmd::welcome::run(&home, cli.color),
        Some(Command::List { json }) => cmd::list::run(&home, json),
        Some(Command::Run(args)) => cmd::run::run(&home, args, cli.color),
        Some(Command::Pack(command)) => cmd::pack::run(&home, command),
        Some(Command::Registry(command)) => cmd::registry::run(&home, command),
        Some(Command::HelpNow) => cmd::help_now::run(),
        Some(Command::Completions { shell }) => {
            // Into a buffer first: clap_complete panics on a write error such as a closed pipe.
            let mut command = <Cli as clap::CommandFactory>::command();
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut command, "nearer", &mut script);
            std::io::Write::write_all(&mut std::io::stdout(), &script)?;
            Ok(())
        }
        Some(Command::Man) => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            clap_mangen::Man::new(command).render(&mut page)?;
            std::io::Write::write_all(&mut std::io::stdout(), &page)?;
            Ok(())
        }
        Some(Command::Resume(args)) => cmd::resume::run(&home, args, cli.color),
        Some(Command::History(args)) => cmd::history::run(&home, args),
        Some(Command::Journal(args)) => cmd::journal::run(&home, args),
        Some(Command::Stats(args)) => cmd::stats::run(&home, args),
        Some(Command::Export(args)) => cmd::export::run(&home, args),
        Some(Command::Forget(args)) => cmd::forget::run(&home, args),
        Some(Command::Backup(args)) => cmd::backup::run(&home, args),
        Some(Command::New { id, path }) => {
            let dir = path.unwrap_or_else(|| std::path::PathBuf::from(&id));
            cmd::author::new_pack(&dir, &id)
        }
        Some(Command::Check { path }) => cmd::author::check(&path),
        Some(Command::PackHost { pack }) => isolate::serve(&home, &pack),
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
