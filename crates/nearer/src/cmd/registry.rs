//! `nearer registry add | list | remove`: the registries in `config.toml` and their keys.

use std::io::Write;

use anyhow::{bail, Result};

use crate::home::Home;
use crate::store::config::{Config, RegistryConfig};
use crate::store::registry::{normalize_location, Registry};
use crate::store::trust::read_key_arg;

/// `println!` that returns the write error, so a closed pipe (`| head`) ends quietly.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout(), $($arg)*)?
    };
}

/// `nearer registry ...`
#[derive(Debug, clap::Subcommand)]
pub enum RegistryCommand {
    /// Add (or replace) a registry, with the public keys trusted for its archives.
    Add {
        /// A short name for it ([a-z0-9-]).
        name: String,
        /// A folder, file:// URL, or http(s):// URL.
        location: String,
        /// A minisign public key (the "RW..." line) or the path of a .pub file; repeatable.
        #[arg(long = "key", value_name = "PUBLIC_KEY")]
        keys: Vec<String>,
    },
    /// List the registries and their keys.
    List,
    /// Remove a registry (installed packs stay).
    Remove {
        /// Its name.
        name: String,
    },
}

/// Runs a `registry` subcommand.
pub fn run(home: &Home, command: RegistryCommand) -> Result<()> {
    // The store lock also guards config.toml, so two commands never lose each other's edit.
    let store = crate::store::Store::open(home)?;
    let _lock = match command {
        RegistryCommand::List => None,
        _ => Some(store.lock()?),
    };
    let mut config = Config::load(home)?;
    match command {
        RegistryCommand::Add {
            name,
            location,
            keys,
        } => {
            if !nearer_core::manifest::is_valid_id(&name) {
                bail!("{name:?} is not a usable registry name; use lowercase letters, digits and dashes, e.g. `bundled`");
            }
            let location = normalize_location(&location)?;
            let keys = keys
                .iter()
                .map(|k| read_key_arg(k))
                .collect::<Result<Vec<_>, _>>()?;
            let entry = RegistryConfig {
                name: name.clone(),
                location: location.clone(),
                keys,
            };
            // Check it before saving, so a typo is caught now and not at the next install.
            Registry::new(&entry).check()?;
            let replaced = config.registries.insert(name.clone(), entry).is_some();
            config.save()?;
            let keys = &config.registries[&name].keys;
            say!(
                "{} registry {name} at {location} ({})",
                if replaced { "replaced" } else { "added" },
                match keys.len() {
                    0 => "no keys pinned: its packs cannot be verified, and native ones need --allow-unsigned".to_owned(),
                    1 => "1 key pinned".to_owned(),
                    n => format!("{n} keys pinned"),
                }
            );
        }
        RegistryCommand::List => {
            if config.registries.is_empty() {
                say!("No registries. Add one with `nearer registry add NAME LOCATION --key KEY`.");
            }
            for r in config.registries.values() {
                say!("{:<12} {}", r.name, r.location);
                for k in &r.keys {
                    say!("{:<12}   key {}", "", k.text);
                }
                if r.keys.is_empty() {
                    say!("{:<12}   (no keys pinned)", "");
                }
            }
        }
        RegistryCommand::Remove { name } => {
            if config.registries.remove(&name).is_none() {
                bail!("there is no registry {name:?}; `nearer registry list` shows them");
            }
            config.save()?;
            say!("removed registry {name} (packs installed from it stay installed)");
        }
    }
    Ok(())
}
