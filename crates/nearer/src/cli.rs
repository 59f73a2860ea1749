//! The command line, declared with clap's derive API.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::front::ColorChoice;

/// nearer: short guided exercises for growing closeness, alone or as two people taking turns.
#[derive(Debug, Parser)]
#[command(name = "nearer", version, about, long_about = None)]
pub struct Cli {
    /// When to use colour.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,
    /// What to do; without one, nearer greets you and suggests a first exercise.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List every installed exercise.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Run an exercise, e.g. `nearer run trust/check-in`.
    Run(RunArgs),
    /// Install, list and remove packs.
    #[command(subcommand)]
    Pack(PackCommand),
    /// Where to find help right now.
    HelpNow,
    /// Serve one native pack over stdin/stdout (nearer runs this itself to isolate packs).
    #[command(hide = true)]
    PackHost {
        /// The pack id.
        #[arg(long)]
        pack: String,
    },
}

/// Arguments of `nearer run`.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// The exercise, as PACK/EXERCISE (see `nearer list`).
    pub exercise: String,
    /// Seed for the exercise's choices (the same seed and answers give the same session).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Two people taking turns: their names, as NAME,NAME.
    #[arg(long, value_name = "NAME,NAME")]
    pub pair: Option<String>,
    /// Your name, for solo exercises (shown in the journal).
    #[arg(long, value_name = "NAME", conflicts_with = "pair")]
    pub name: Option<String>,
    /// Speak JSON lines: one step object out, one answer object in.
    #[arg(long)]
    pub json: bool,
    /// Run a native pack inside nearer's own process instead of a child process (for
    /// debugging a pack; a crash in the pack then ends nearer too).
    #[arg(long)]
    pub in_process: bool,
}

/// `nearer pack ...`
#[derive(Debug, Subcommand)]
pub enum PackCommand {
    /// Install packs from pack folders.
    Install {
        /// Pack folders (each holding a pack.toml).
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// Replace an installed copy of the same version whose files differ.
        #[arg(long)]
        force: bool,
    },
    /// List installed packs.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Remove a pack (every installed version).
    Remove {
        /// The pack id.
        id: String,
    },
}
