//! `config.toml` in the home: the registries and the keys trusted for each.
//!
//! ```toml
//! [registry.bundled]
//! location = "/path/to/registry"        # a folder, file://..., or http(s)://...
//! keys = ["RWQ..."]                     # minisign public keys trusted for it
//! ```
//! Other tables in the file are kept as they are when nearer rewrites it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::trust::{parse_key, PinnedKey};
use crate::home::Home;

/// One configured registry.
#[derive(Debug, Clone)]
pub struct RegistryConfig {
    /// Its name in the config.
    pub name: String,
    /// A folder, `file://` or `http(s)://` URL.
    pub location: String,
    /// Keys trusted for its archives.
    pub keys: Vec<PinnedKey>,
}

/// The parsed config, with the rest of the file kept for rewriting.
#[derive(Debug, Default)]
pub struct Config {
    path: PathBuf,
    rest: toml::Table,
    /// Registries by name.
    pub registries: BTreeMap<String, RegistryConfig>,
}

impl Config {
    /// The config file of `home`.
    pub fn path(home: &Home) -> PathBuf {
        home.root().join("config.toml")
    }

    /// Reads the config of `home`; a missing file is an empty config.
    pub fn load(home: &Home) -> Result<Self> {
        Self::load_from(&Self::path(home))
    }

    fn load_from(path: &Path) -> Result<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Config {
                    path: path.to_path_buf(),
                    ..Config::default()
                })
            }
            Err(e) => return Err(e).with_context(|| format!("could not read {}", path.display())),
        };
        let mut rest: toml::Table = toml::from_str(&text).with_context(|| {
            format!(
                "{} is not valid TOML; fix it by hand, or move it away to start afresh",
                path.display()
            )
        })?;
        let mut registries = BTreeMap::new();
        if let Some(value) = rest.remove("registry") {
            let Some(table) = value.as_table() else {
                bail!("{}: `registry` must be a table of registries ([registry.NAME]); fix it, or remove it and use `nearer registry add`", path.display());
            };
            for (name, entry) in table {
                let field = |f: &str| format!("{}: [registry.{name}] {f}", path.display());
                let location = entry
                    .get("location")
                    .and_then(|l| l.as_str())
                    .with_context(|| {
                        format!(
                            "{} is missing; give the registry's folder or URL, or remove the registry with `nearer registry remove {name}`",
                            field("location")
                        )
                    })?
                    .to_owned();
                let mut keys = Vec::new();
                if let Some(list) = entry.get("keys") {
                    let Some(list) = list.as_array() else {
                        bail!("{} must be a list of minisign public keys", field("keys"));
                    };
                    for key in list {
                        let text = key.as_str().with_context(|| {
                            format!("{} must hold strings (minisign public keys)", field("keys"))
                        })?;
                        keys.push(parse_key(text, &field("keys"))?);
                    }
                }
                registries.insert(
                    name.clone(),
                    RegistryConfig {
                        name: name.clone(),
                        location,
                        keys,
                    },
                );
            }
        }
        Ok(Config {
            path: path.to_path_buf(),
            rest,
            registries,
        })
    }

    /// Writes the config back, atomically.
    pub fn save(&self) -> Result<()> {
        let mut table = self.rest.clone();
        if !self.registries.is_empty() {
            let mut regs = toml::Table::new();
            for r in self.registries.values() {
                let mut entry = toml::Table::new();
                entry.insert("location".into(), r.location.clone().into());
                entry.insert(
                    "keys".into(),
                    toml::Value::Array(r.keys.iter().map(|k| k.text.clone().into()).collect()),
                );
                regs.insert(r.name.clone(), entry.into());
            }
            table.insert("registry".into(), regs.into());
        }
        let text = toml::to_string_pretty(&table).context("could not encode config.toml")?;
        let text = format!(
            "# nearer's settings; `nearer registry add|remove` edit the registries.\n{text}"
        );
        crate::fsutil::write_atomic(&self.path, text.as_bytes())
    }
}
