//! `packs.lock`: every installed version with its origin and checksum, rewritten after each
//! change to the store. `nearer pack install --locked` installs exactly what it lists, from the
//! same origins, checking the same checksums, without resolving again.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use semver::Version;
use serde::{Deserialize, Serialize};

use super::Origin;
use crate::home::Home;

/// The file format this nearer writes and reads.
pub const FORMAT: u32 = 1;

/// The path of `packs.lock` in `home`.
pub fn path(home: &Home) -> PathBuf {
    home.root().join("packs.lock")
}

/// One locked pack version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LockedPack {
    /// Pack id.
    pub id: String,
    /// Version.
    pub version: Version,
    /// Whether it is the active version.
    pub active: bool,
    /// SHA-256 of the archive, or `tree:...` for a folder.
    pub cksum: String,
    /// Where it came from.
    pub origin: Origin,
}

/// The whole file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LockFile {
    /// Format number.
    pub version: u32,
    /// Locked packs, by id then version.
    #[serde(default, rename = "pack")]
    pub packs: Vec<LockedPack>,
}

impl LockFile {
    /// Reads a lock file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path).with_context(|| {
            format!(
                "could not read {}; `nearer pack install --locked` needs the packs.lock written by an earlier install (copy it into the home)",
                path.display()
            )
        })?;
        let lock: LockFile = toml::from_str(&text).with_context(|| {
            format!(
                "{} is damaged; restore it from where you copied it, or install without --locked to write a new one",
                path.display()
            )
        })?;
        if lock.version != FORMAT {
            bail!(
                "{} has format {}, this nearer reads format {FORMAT}; update nearer",
                path.display(),
                lock.version
            );
        }
        Ok(lock)
    }

    /// Writes the lock file atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        let body = toml::to_string_pretty(self).context("could not encode packs.lock")?;
        let text = format!(
            "# Written by nearer after every change to the installed packs; do not edit.\n# `nearer pack install --locked` installs exactly these, checking the same checksums.\n{body}"
        );
        crate::fsutil::write_atomic(path, text.as_bytes())
    }
}
