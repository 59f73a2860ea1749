//! `nearer pack install | list | remove`.

use anyhow::{Context, Result};
use serde_json::json;

use crate::cli::PackCommand;
use crate::home::Home;
use crate::store::{Installed, Store};

/// Runs a `pack` subcommand.
pub fn run(home: &Home, command: PackCommand) -> Result<()> {
    let store = Store::open(home)?;
    match command {
        PackCommand::Install { sources, force } => {
            for src in sources {
                let result = store
                    .install_folder(&src, force)
                    .with_context(|| format!("could not install {}", src.display()))?;
                let (verb, pack) = match &result {
                    Installed::New(p) => ("installed", p),
                    Installed::Replaced(p) => ("replaced", p),
                    Installed::Unchanged(p) => ("already installed", p),
                };
                println!(
                    "{verb} {} {} ({} exercises)",
                    pack.manifest.id,
                    pack.manifest.version,
                    pack.manifest.exercises.len()
                );
            }
        }
        PackCommand::List { json: as_json } => {
            let packs: Vec<_> = store.all()?.into_iter().filter_map(Result::ok).collect();
            if as_json {
                let items: Vec<_> = packs
                    .iter()
                    .map(|p| {
                        json!({
                            "id": p.manifest.id,
                            "version": p.manifest.version.to_string(),
                            "name": p.manifest.name,
                            "description": p.manifest.description,
                            "native": p.manifest.native.is_some(),
                            "exercises": p.manifest.exercises.len(),
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&items)?);
            } else if packs.is_empty() {
                println!("No packs installed. Install one with `nearer pack install PATH`.");
            } else {
                for p in &packs {
                    println!(
                        "{:<16} {:<8} {:>2} exercises  {}",
                        p.manifest.id,
                        p.manifest.version.to_string(),
                        p.manifest.exercises.len(),
                        p.manifest.name
                    );
                }
            }
        }
        PackCommand::Remove { id } => {
            let versions = store.remove(&id)?;
            let list: Vec<String> = versions.iter().map(ToString::to_string).collect();
            println!("removed {id} ({})", list.join(", "));
        }
    }
    Ok(())
}
