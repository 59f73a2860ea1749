//! The pack store: installed packs under `packs/<id>/<version>/`, installed atomically.
//!
//! An install copies the pack into a fresh staging folder inside `packs/` (so on the same file
//! system), validates the copy, records the checksum of every file, and only then renames it
//! into place. An interrupted install leaves a staging folder, which the next run removes; the
//! store is never half-written.

mod folder;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use nearer_core::Manifest;
use semver::Version;
use serde::{Deserialize, Serialize};

pub use folder::{library_path, read_pack_folder, sha256_file};

use crate::home::Home;

/// The file inside each installed version that records what was installed.
pub const RECORD_FILE: &str = ".install.json";

const STAGING_PREFIX: &str = ".staging-";

/// What the store recorded when a pack version was installed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InstallRecord {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Where it came from.
    pub source: String,
    /// SHA-256 of every file, by path relative to the pack folder.
    pub files: BTreeMap<String, String>,
}

/// One installed pack version.
#[derive(Debug, Clone)]
pub struct InstalledPack {
    /// Its folder.
    pub dir: PathBuf,
    /// Its validated manifest.
    pub manifest: Manifest,
    /// What was recorded at install.
    pub record: InstallRecord,
}

/// The result of an install.
#[derive(Debug)]
pub enum Installed {
    /// Newly installed.
    New(InstalledPack),
    /// The same version with the same files was already there.
    Unchanged(InstalledPack),
    /// The same version was replaced with different files (`--force`).
    Replaced(InstalledPack),
}

/// The installed packs of one home.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// Opens the store of `home`, creating it if needed and clearing leftovers of interrupted
    /// installs.
    pub fn open(home: &Home) -> Result<Self> {
        home.ensure()?;
        let store = Store { root: home.packs() };
        store.clean_staging();
        Ok(store)
    }

    fn clean_staging(&self) {
        let Ok(entries) = fs::read_dir(&self.root) else {
            return;
        };
        for entry in entries.flatten() {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(STAGING_PREFIX)
            {
                // Best effort: a leftover that cannot be removed now is retried next run.
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }

    fn versions_of(&self, id: &str) -> Vec<Version> {
        let mut versions: Vec<Version> = fs::read_dir(self.root.join(id))
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.path().join(RECORD_FILE).is_file())
            .filter_map(|e| Version::parse(&e.file_name().to_string_lossy()).ok())
            .collect();
        versions.sort();
        versions
    }

    /// The installed pack ids, sorted.
    pub fn ids(&self) -> Result<Vec<String>> {
        let mut ids = Vec::new();
        let entries = match fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(ids),
            Err(e) => return Err(e).context(format!("could not read {}", self.root.display())),
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if nearer_core::manifest::is_valid_id(&name) && !self.versions_of(&name).is_empty() {
                ids.push(name);
            }
        }
        ids.sort();
        Ok(ids)
    }

    /// The active (for now: highest) installed version of `id`.
    pub fn get(&self, id: &str) -> Result<InstalledPack> {
        let Some(version) = self.versions_of(id).pop() else {
            bail!("no pack {id:?} is installed; `nearer pack list` shows what is, and `nearer pack install PATH` adds one");
        };
        self.load(id, &version)
    }

    fn load(&self, id: &str, version: &Version) -> Result<InstalledPack> {
        let dir = self.root.join(id).join(version.to_string());
        let record_path = dir.join(RECORD_FILE);
        let record: InstallRecord = fs::read(&record_path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .with_context(|| {
                format!(
                    "the install record {} is missing or damaged; reinstall pack {id:?}",
                    record_path.display()
                )
            })?;
        let manifest = read_pack_folder(&dir)?;
        Ok(InstalledPack {
            dir,
            manifest,
            record,
        })
    }

    /// Every installed pack's active version; packs that fail to load are returned as errors.
    pub fn all(&self) -> Result<Vec<Result<InstalledPack>>> {
        Ok(self.ids()?.iter().map(|id| self.get(id)).collect())
    }

    /// Installs the pack folder `src`. With `force`, an installed copy of the same version
    /// with different files is replaced.
    pub fn install_folder(&self, src: &Path, force: bool) -> Result<Installed> {
        let manifest = read_pack_folder(src)?;
        if let Some(native) = &manifest.native {
            let lib = library_path(src, &native.library);
            if !lib.is_file() {
                bail!(
                    "pack {:?} has no native library for this machine ({}): expected {}; build it with `cargo xtask build`",
                    manifest.id,
                    nearer_core::abi::BUILD_TARGET,
                    lib.display()
                );
            }
        }
        let id = manifest.id.clone();
        let version = manifest.version.to_string();
        let staging = self
            .root
            .join(format!("{STAGING_PREFIX}{id}-{}", std::process::id()));
        if staging.exists() {
            fs::remove_dir_all(&staging)
                .with_context(|| format!("could not clear {}", staging.display()))?;
        }
        let result = self.stage(src, &staging, &id, &version);
        if result.is_err() {
            let _ = fs::remove_dir_all(&staging);
        }
        let record = result?;

        let target = self.root.join(&id).join(&version);
        if target.exists() {
            let existing = self.load(&id, &manifest.version).ok();
            if existing
                .as_ref()
                .is_some_and(|e| e.record.files == record.files)
            {
                let _ = fs::remove_dir_all(&staging);
                return existing.map(Installed::Unchanged).context("unreachable");
            }
            if !force {
                let _ = fs::remove_dir_all(&staging);
                bail!(
                    "pack {id} {version} is already installed with different files; raise the pack's version, or pass --force to replace it"
                );
            }
            // Move the old copy aside first so the swap is two renames, never a half state.
            let trash = self
                .root
                .join(format!("{STAGING_PREFIX}old-{id}-{}", std::process::id()));
            fs::rename(&target, &trash)
                .with_context(|| format!("could not move aside {}", target.display()))?;
            fs::rename(&staging, &target)
                .with_context(|| format!("could not move the new copy to {}", target.display()))?;
            let _ = fs::remove_dir_all(&trash);
            return Ok(Installed::Replaced(self.load(&id, &manifest.version)?));
        }
        fs::create_dir_all(self.root.join(&id))
            .with_context(|| format!("could not create {}", self.root.join(&id).display()))?;
        fs::rename(&staging, &target)
            .with_context(|| format!("could not move the pack into {}", target.display()))?;
        Ok(Installed::New(self.load(&id, &manifest.version)?))
    }

    fn stage(&self, src: &Path, staging: &Path, id: &str, version: &str) -> Result<InstallRecord> {
        let mut files = BTreeMap::new();
        folder::copy_tree(src, staging, Path::new(""), &mut files)?;
        // Validate the copy, not the source, so what is recorded is what was checked.
        read_pack_folder(staging)?;
        let record = InstallRecord {
            id: id.to_owned(),
            version: version.to_owned(),
            source: src.display().to_string(),
            files,
        };
        let json =
            serde_json::to_vec_pretty(&record).context("could not encode the install record")?;
        fs::write(staging.join(RECORD_FILE), json)
            .with_context(|| format!("could not write {}", staging.join(RECORD_FILE).display()))?;
        Ok(record)
    }

    /// Removes every installed version of `id`; returns the versions removed.
    pub fn remove(&self, id: &str) -> Result<Vec<Version>> {
        let versions = self.versions_of(id);
        if versions.is_empty() {
            bail!("no pack {id:?} is installed; `nearer pack list` shows what is");
        }
        let dir = self.root.join(id);
        // Rename first: the pack disappears at once, and a failed delete leaves only a leftover.
        let trash = self
            .root
            .join(format!("{STAGING_PREFIX}rm-{id}-{}", std::process::id()));
        fs::rename(&dir, &trash).with_context(|| format!("could not remove {}", dir.display()))?;
        fs::remove_dir_all(&trash)
            .with_context(|| format!("could not delete {}", trash.display()))?;
        Ok(versions)
    }
}
