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
    /// Continue a paused or interrupted session (the latest one, or SESSION).
    Resume(ResumeArgs),
    /// Your sessions, finished and paused.
    History(HistoryArgs),
    /// What you wrote, with search and filters.
    Journal(JournalArgs),
    /// Practice over time: a calendar, sparklines of your ratings, counts by component.
    Stats(StatsArgs),
    /// Write your sessions and journal to Markdown or JSON.
    Export(ExportArgs),
    /// Delete sessions for good: one, a pack's, a person's, or all.
    Forget(ForgetArgs),
    /// Copy the database to a backup file while nearer may be in use.
    Backup(BackupArgs),
    /// Install, update, list and remove packs (from folders, archives and registries).
    #[command(subcommand)]
    Pack(crate::cmd::pack::PackCommand),
    /// The registries packs are installed from, and the keys trusted for each.
    #[command(subcommand)]
    Registry(crate::cmd::registry::RegistryCommand),
    /// Create a new pack folder to write your own exercises in.
    New {
        /// The pack id: lowercase letters, digits and dashes.
        id: String,
        /// The folder to create (default: a folder named after the id).
        #[arg(long)]
        path: Option<PathBuf>,
    },
    /// Check a pack folder: its manifest, content, and native library.
    Check {
        /// The pack folder (default: the current folder).
        #[arg(default_value = ".")]
        path: PathBuf,
    },
    /// Where to find help right now.
    HelpNow,
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `nearer man | man -l -`.
    Man,
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

/// Arguments of `nearer resume`.
#[derive(Debug, clap::Args)]
pub struct ResumeArgs {
    /// The session number (see `nearer history`); without it, the latest paused session.
    pub session: Option<i64>,
    /// Speak JSON lines, as `nearer run --json` does.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `nearer history`.
#[derive(Debug, clap::Args)]
pub struct HistoryArgs {
    /// Only this pack.
    #[arg(long, value_name = "PACK")]
    pub pack: Option<String>,
    /// Only sessions this person took part in.
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `nearer journal`.
#[derive(Debug, clap::Args)]
pub struct JournalArgs {
    /// Only entries containing these words (each may be the start of a word).
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Only this pack.
    #[arg(long, value_name = "PACK")]
    pub pack: Option<String>,
    /// Only this component (trust, communication, vulnerability, empathy, listening, sharing,
    /// presence, appreciation).
    #[arg(long, value_name = "COMPONENT")]
    pub component: Option<String>,
    /// Only entries written on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    /// Only what this person wrote.
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
}

/// Arguments of `nearer stats`.
#[derive(Debug, clap::Args)]
pub struct StatsArgs {
    /// Only sessions this person took part in.
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
}

/// The format of `nearer export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    /// Markdown, for reading.
    Md,
    /// JSON, for programs.
    Json,
}

/// Arguments of `nearer export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,
    /// Write to this file (created readable by you alone) instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Only this session.
    #[arg(long, value_name = "N")]
    pub session: Option<i64>,
    /// Only this pack.
    #[arg(long, value_name = "PACK")]
    pub pack: Option<String>,
    /// Only sessions this person took part in.
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    /// Only sessions started on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
}

/// Arguments of `nearer forget`: exactly one of what to forget.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["session", "pack", "who", "all"])))]
pub struct ForgetArgs {
    /// One session.
    #[arg(long, value_name = "N")]
    pub session: Option<i64>,
    /// Every session of this pack.
    #[arg(long, value_name = "PACK")]
    pub pack: Option<String>,
    /// Every session this person took part in (in pair sessions, the other person's answers too).
    #[arg(long, value_name = "NAME")]
    pub who: Option<String>,
    /// Everything.
    #[arg(long)]
    pub all: bool,
    /// Do not ask to confirm.
    #[arg(long)]
    pub yes: bool,
}

/// Arguments of `nearer backup`.
#[derive(Debug, clap::Args)]
pub struct BackupArgs {
    /// Where to write it; default: backups/nearer-DATE-TIME.db in nearer's home.
    pub file: Option<PathBuf>,
}
