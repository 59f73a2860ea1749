//! The pack store: installed packs under `packs/<id>/<version>/`, several versions side by side
//! with one active, installed atomically under a store lock. See docs/STORE.md.
//!
//! An install puts the pack into a fresh staging folder inside `packs/` (so on the same file
//! system), validates it there, records the checksum of every file, and only then renames it
//! into place; the active version and `packs.lock` are written after. Every change holds the
//! store lock (`packs/.lock`), so two `nearer` processes never interleave. An interrupted
//! install leaves only a staging folder, which the next run removes under the lock: the store
//! is never half-written.
//!
//! Modules: [`archive`] reads and writes `.nearpack` files, [`registry`] reads registries,
//! [`trust`] checks checksums and signatures, [`resolve`] picks versions, [`lockfile`] writes
//! `packs.lock`, [`fetch`] ties them together for installs from registries, [`config`] holds
//! the registries of `config.toml`.

pub mod archive;
pub mod config;
pub mod fetch;
mod folder;
pub mod lockfile;
pub mod registry;
pub mod resolve;
#[cfg(test)]
mod tests;
pub mod trust;

use std::collections::BTreeMap;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use anyhow::{bail, Context, Result};
use nearer_core::Manifest;
use semver::Version;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub use folder::{library_path, read_pack_folder, sha256_file};

use crate::home::Home;
use trust::{TrustError, Verdict};

/// The file inside each installed version that records what was installed.
pub const RECORD_FILE: &str = ".install.json";

/// The file inside `packs/<id>/` naming the active version.
const ACTIVE_FILE: &str = ".active";

/// The store lock, inside `packs/`.
const LOCK_FILE: &str = ".lock";

const STAGING_PREFIX: &str = ".staging-";
const TRASH_PREFIX: &str = ".trash-";

/// Where an installed version came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Origin {
    /// A pack folder.
    Folder {
        /// Its absolute path.
        path: String,
    },
    /// A `.nearpack` file.
    Archive {
        /// Its absolute path.
        path: String,
    },
    /// A registry from `config.toml`.
    Registry {
        /// The registry's name.
        name: String,
        /// Its location when the pack was installed.
        location: String,
    },
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Folder { path } => write!(f, "folder {path}"),
            Origin::Archive { path } => write!(f, "archive {path}"),
            Origin::Registry { name, .. } => write!(f, "registry {name}"),
        }
    }
}

/// What the store recorded when a pack version was installed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InstallRecord {
    /// Pack id.
    pub id: String,
    /// Pack version.
    pub version: String,
    /// Where it came from, for people.
    pub source: String,
    /// SHA-256 of every file, by path relative to the pack folder.
    pub files: BTreeMap<String, String>,
    /// Where it came from, for `packs.lock` and `pack update`.
    #[serde(default)]
    pub origin: Option<Origin>,
    /// SHA-256 of the archive (or `tree:` + a hash of `files` for a folder).
    #[serde(default)]
    pub cksum: Option<String>,
    /// What the signature check found.
    #[serde(default)]
    pub trust: Option<String>,
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

impl Installed {
    /// The pack, whichever way it was installed.
    pub fn pack(&self) -> &InstalledPack {
        match self {
            Installed::New(p) | Installed::Unchanged(p) | Installed::Replaced(p) => p,
        }
    }
}

/// How to install.
#[derive(Debug, Clone, Copy, Default)]
pub struct InstallOptions {
    /// Replace an installed copy of the same version whose files differ.
    pub force: bool,
    /// Install native code that could not be verified.
    pub allow_unsigned: bool,
}

/// A pack that has been staged and checked, ready to commit.
#[derive(Debug)]
pub struct Staged {
    staging: Staging,
    manifest: Manifest,
    files: BTreeMap<String, String>,
    origin: Origin,
    cksum: String,
    verdict: Verdict,
}

/// A fresh folder inside `packs/`, removed when dropped unless it was renamed into place.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
}

impl Staged {
    /// The validated manifest of the staged pack.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }
}

impl Staging {
    /// Its path.
    pub fn path(&self) -> &Path {
        &self.dir
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.dir.exists() {
            // Best effort: a leftover is removed by the next run under the lock.
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Held while the store is being changed; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct StoreLock {
    _file: fs::File,
}

/// A file that `pack verify` found wrong.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyProblem {
    /// `id version`.
    pub pack: String,
    /// The file, relative to the pack folder.
    pub file: String,
    /// What is wrong.
    pub problem: String,
}

/// The installed packs of one home.
#[derive(Debug)]
pub struct Store {
    root: PathBuf,
    home: Home,
}

static STAGING_COUNTER: AtomicU64 = AtomicU64::new(0);

/// A progress bar on stderr, hidden when stderr is not a terminal.
pub fn progress_bar(message: &str, bytes: bool) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::no_length();
    let template = if bytes {
        "{msg:>12} [{bar:30}] {bytes}/{total_bytes}"
    } else {
        "{msg:>12} [{bar:30}] {pos}/{len}"
    };
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(message.to_owned());
    bar
}

/// A hash of a file list, for packs installed from folders (which have no archive checksum).
pub fn tree_hash(files: &BTreeMap<String, String>) -> String {
    let mut hasher = Sha256::new();
    for (path, sum) in files {
        hasher.update(path.as_bytes());
        hasher.update([0]);
        hasher.update(sum.as_bytes());
        hasher.update([b'\n']);
    }
    format!("tree:{}", archive::hex(&hasher.finalize()))
}

impl Store {
    /// Opens the store of `home`, creating it if needed. If no other `nearer` is changing the
    /// store, leftovers of interrupted installs are cleared.
    pub fn open(home: &Home) -> Result<Self> {
        home.ensure()?;
        let store = Store {
            root: home.packs(),
            home: home.clone(),
        };
        if let Ok(file) = store.lock_file() {
            if file.try_lock().is_ok() {
                let lock = StoreLock { _file: file };
                store.clean_leftovers(&lock);
            }
        }
        Ok(store)
    }

    /// The home this store lives in.
    pub fn home(&self) -> &Home {
        &self.home
    }

    fn lock_file(&self) -> Result<fs::File> {
        let path = self.root.join(LOCK_FILE);
        fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .with_context(|| format!("could not open the store lock {}", path.display()))
    }

    /// Takes the store lock, waiting (and saying so) while another `nearer` holds it.
    pub fn lock(&self) -> Result<StoreLock> {
        let file = self.lock_file()?;
        match file.try_lock() {
            Ok(()) => {}
            Err(fs::TryLockError::WouldBlock) => {
                eprintln!("waiting for another nearer to finish changing the packs...");
                file.lock().context("could not lock the pack store")?;
            }
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).context("could not lock the pack store");
            }
        }
        let lock = StoreLock { _file: file };
        self.clean_leftovers(&lock);
        Ok(lock)
    }

    /// Removes staging folders, trash and temporary files that an interrupted run left.
    fn clean_leftovers(&self, _lock: &StoreLock) {
        // Only files that the store writes under its lock: other parts of nearer keep their
        // own temporary files in the home, and may be writing one right now.
        let is_leftover = |name: &str| {
            name.starts_with(STAGING_PREFIX)
                || name.starts_with(TRASH_PREFIX)
                || name.starts_with(".packs.lock.tmp-")
                || name.starts_with(".config.toml.tmp-")
                || name.starts_with(&format!(".{ACTIVE_FILE}.tmp-"))
        };
        let mut dirs = vec![self.root.clone(), self.home.root().to_path_buf()];
        dirs.extend(
            fs::read_dir(&self.root)
                .into_iter()
                .flatten()
                .flatten()
                .filter(|e| e.path().is_dir())
                .map(|e| e.path()),
        );
        for dir in dirs {
            for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                if !is_leftover(&name) {
                    continue;
                }
                // Best effort: what cannot be removed now is retried next run.
                let path = entry.path();
                if path.is_dir() {
                    let _ = fs::remove_dir_all(&path);
                } else {
                    let _ = fs::remove_file(&path);
                }
            }
        }
    }

    /// A fresh staging folder inside `packs/`.
    pub fn staging(&self, _lock: &StoreLock) -> Result<Staging> {
        let n = STAGING_COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let dir = self.root.join(format!(
            "{STAGING_PREFIX}{}-{n}-{nanos}",
            std::process::id()
        ));
        fs::create_dir(&dir).with_context(|| format!("could not create {}", dir.display()))?;
        Ok(Staging { dir })
    }

    /// The installed versions of `id`, lowest first.
    pub fn versions_of(&self, id: &str) -> Vec<Version> {
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

    /// The active version of `id`: the one chosen with `pack use` or installed last, else the
    /// highest installed.
    pub fn active_version(&self, id: &str) -> Option<Version> {
        let versions = self.versions_of(id);
        let chosen = fs::read_to_string(self.root.join(id).join(ACTIVE_FILE))
            .ok()
            .and_then(|t| Version::parse(t.trim()).ok())
            .filter(|v| versions.contains(v));
        chosen.or_else(|| versions.last().cloned())
    }

    /// The active installed version of `id`.
    pub fn get(&self, id: &str) -> Result<InstalledPack> {
        let Some(version) = self.active_version(id) else {
            bail!("no pack {id:?} is installed; `nearer pack list` shows what is, and `nearer pack install {id}` adds it");
        };
        self.load(id, &version)
    }

    /// One installed version of `id`.
    pub fn load(&self, id: &str, version: &Version) -> Result<InstalledPack> {
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

    /// Stages the pack folder `src`: copies it, records checksums, validates the copy.
    pub fn stage_folder(&self, lock: &StoreLock, src: &Path) -> Result<Staged> {
        // Validate the source first for a clear error naming the user's folder.
        read_pack_folder(src)?;
        let staging = self.staging(lock)?;
        let mut files = BTreeMap::new();
        folder::copy_tree(src, staging.path(), Path::new(""), &mut files)?;
        let manifest = read_pack_folder(staging.path())?;
        let path = std::path::absolute(src).unwrap_or_else(|_| src.to_path_buf());
        Ok(Staged {
            staging,
            manifest,
            cksum: tree_hash(&files),
            files,
            origin: Origin::Folder {
                path: path.display().to_string(),
            },
            verdict: Verdict::Unsigned,
        })
    }

    /// Stages a `.nearpack` file: strict unpacking, then the identity checks (the archive's
    /// name, and `expected` from a registry's index, must match the pack inside).
    pub fn stage_archive(
        &self,
        lock: &StoreLock,
        archive: &Path,
        expected: Option<(&str, &Version, &str)>,
        origin: Origin,
        cksum: String,
        verdict: Verdict,
    ) -> Result<Staged, anyhow::Error> {
        let file_name = archive
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (name_id, name_version) = match expected {
            Some((id, version, _)) => (id.to_owned(), version.clone()),
            None => archive::parse_archive_name(&file_name).ok_or_else(|| {
                archive::ArchiveError::BadName {
                    archive: archive.to_path_buf(),
                }
            })?,
        };
        let top = archive::top_folder(&name_id, &name_version);
        let staging = self.staging(lock)?;
        let bar = progress_bar("unpacking", true);
        let files = archive::unpack(
            archive,
            &top,
            staging.path(),
            &archive::Limits::default(),
            &bar,
        )?;
        let manifest = read_pack_folder(staging.path())
            .with_context(|| format!("{}: the pack inside is not valid", archive.display()))?;
        let found = format!("{} {}", manifest.id, manifest.version);
        let wanted = format!("{name_id} {name_version}");
        if found != wanted {
            let claimed_by = match expected {
                Some((_, _, who)) => who.to_owned(),
                None => format!("its file name {file_name:?}"),
            };
            return Err(archive::ArchiveError::Mismatch {
                archive: archive.to_path_buf(),
                found,
                expected: wanted,
                claimed_by,
            }
            .into());
        }
        Ok(Staged {
            staging,
            manifest,
            files,
            origin,
            cksum,
            verdict,
        })
    }

    /// Commits a staged pack: final checks (native library present, `host` accepts this
    /// nearer, native code verified or allowed), the install record, the rename into place,
    /// and the active version.
    pub fn commit(
        &self,
        lock: &StoreLock,
        staged: Staged,
        options: InstallOptions,
    ) -> Result<Installed> {
        let Staged {
            staging,
            manifest,
            files,
            origin,
            cksum,
            verdict,
        } = staged;
        let id = manifest.id.clone();
        let version = manifest.version.to_string();
        if let Some(native) = &manifest.native {
            let lib = library_path(staging.path(), &native.library);
            if !lib.is_file() {
                bail!(
                    "pack {id} {version} has no native library for this machine ({}): expected lib/{}/ in the pack; build it with `cargo xtask build`, or ask its author for a build for your machine",
                    nearer_core::abi::BUILD_TARGET,
                    nearer_core::abi::BUILD_TARGET,
                );
            }
            if !verdict.is_verified() && !options.allow_unsigned {
                return Err(TrustError::NativeUnverified {
                    pack: format!("{id} {version}"),
                    why: match &origin {
                        Origin::Folder { .. } => "a pack folder carries no signature".into(),
                        _ => verdict.describe().replace("could not verify: ", ""),
                    },
                }
                .into());
            }
        }
        let api = nearer_core::api_version();
        if !manifest.host.matches(&api) {
            bail!(
                "pack {id} {version} needs pack API {}, and this nearer has API {api}; update nearer, or install a version of the pack made for API {api}",
                manifest.host
            );
        }
        let record = InstallRecord {
            id: id.clone(),
            version: version.clone(),
            source: origin.to_string(),
            files,
            origin: Some(origin),
            cksum: Some(cksum),
            trust: Some(verdict.describe()),
        };
        let json =
            serde_json::to_vec_pretty(&record).context("could not encode the install record")?;
        let record_path = staging.path().join(RECORD_FILE);
        fs::write(&record_path, json)
            .with_context(|| format!("could not write {}", record_path.display()))?;

        let target = self.root.join(&id).join(&version);
        let result = if target.join(RECORD_FILE).is_file() {
            let existing = self.load(&id, &manifest.version).ok();
            if let Some(existing) = existing.filter(|e| e.record.files == record.files) {
                Installed::Unchanged(existing)
            } else {
                if !options.force {
                    bail!(
                        "pack {id} {version} is already installed with different files; raise the pack's version, or pass --force to replace it"
                    );
                }
                // Move the old copy aside first so the swap is two renames, never a half state.
                let trash_dir = self.root.join(format!(
                    "{TRASH_PREFIX}{}-{}",
                    std::process::id(),
                    STAGING_COUNTER.fetch_add(1, Ordering::Relaxed)
                ));
                fs::rename(&target, &trash_dir)
                    .with_context(|| format!("could not move aside {}", target.display()))?;
                fs::rename(staging.path(), &target).with_context(|| {
                    format!("could not move the new copy to {}", target.display())
                })?;
                let _ = fs::remove_dir_all(&trash_dir);
                Installed::Replaced(self.load(&id, &manifest.version)?)
            }
        } else {
            if target.exists() {
                // A version folder without a record is debris from an old crash.
                fs::remove_dir_all(&target)
                    .with_context(|| format!("could not clear {}", target.display()))?;
            }
            fs::create_dir_all(self.root.join(&id))
                .with_context(|| format!("could not create {}", self.root.join(&id).display()))?;
            fs::rename(staging.path(), &target)
                .with_context(|| format!("could not move the pack into {}", target.display()))?;
            Installed::New(self.load(&id, &manifest.version)?)
        };
        drop(staging);
        self.set_active(lock, &id, &manifest.version)?;
        Ok(result)
    }

    /// Installs the pack folder `src` (its dependencies are the caller's concern).
    #[cfg(test)]
    pub fn install_folder(
        &self,
        lock: &StoreLock,
        src: &Path,
        options: InstallOptions,
    ) -> Result<Installed> {
        let staged = self.stage_folder(lock, src)?;
        self.commit(lock, staged, options)
    }

    /// Installs a `.nearpack` file. A `.minisig` beside it is checked against every key
    /// pinned in the config.
    pub fn install_archive_file(
        &self,
        lock: &StoreLock,
        path: &Path,
        keys: &[trust::PinnedKey],
        options: InstallOptions,
    ) -> Result<Installed> {
        let staged = self.stage_archive_file(lock, path, keys)?;
        self.commit(lock, staged, options)
    }

    /// Stages a `.nearpack` file, checking a `.minisig` beside it against `keys`.
    pub fn stage_archive_file(
        &self,
        lock: &StoreLock,
        path: &Path,
        keys: &[trust::PinnedKey],
    ) -> Result<Staged> {
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (id, version) = archive::parse_archive_name(&file_name).ok_or_else(|| {
            archive::ArchiveError::BadName {
                archive: path.to_path_buf(),
            }
        })?;
        let bytes = fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
        let sig_path = trust::signature_path(path);
        let sig = fs::read_to_string(&sig_path).ok();
        let verdict = trust::check_signature(
            &bytes,
            sig.as_deref(),
            &sig_path,
            keys,
            &id,
            &version.to_string(),
        )?;
        let cksum = archive::hex(&Sha256::digest(&bytes));
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.stage_archive(
            lock,
            path,
            None,
            Origin::Archive {
                path: abs.display().to_string(),
            },
            cksum,
            verdict,
        )
    }

    /// Makes `version` the active version of `id`.
    pub fn set_active(&self, _lock: &StoreLock, id: &str, version: &Version) -> Result<()> {
        if !self.versions_of(id).contains(version) {
            bail!("{id} {version} is not installed; `nearer pack info {id}` lists the installed versions");
        }
        crate::fsutil::write_atomic(
            &self.root.join(id).join(ACTIVE_FILE),
            format!("{version}\n").as_bytes(),
        )
    }

    /// Installed packs (active versions, other than `id`) whose dependencies on `id` would
    /// not be met if `id`'s active version were `new_active` (`None`: not installed at all).
    pub fn broken_dependents(&self, id: &str, new_active: Option<&Version>) -> Result<Vec<String>> {
        let mut broken = Vec::new();
        for pack in self.all()?.into_iter().flatten() {
            if pack.manifest.id == id {
                continue;
            }
            if let Some(req) = pack.manifest.dependencies.get(id) {
                if !new_active.is_some_and(|v| req.matches(v)) {
                    broken.push(format!(
                        "{} {} (needs {id} {req})",
                        pack.manifest.id, pack.manifest.version
                    ));
                }
            }
        }
        Ok(broken)
    }

    /// Removes one version of `id`, or all of them; refuses while an installed pack depends on
    /// it, unless `force`. Returns the versions removed.
    pub fn remove(
        &self,
        lock: &StoreLock,
        id: &str,
        version: Option<&Version>,
        force: bool,
    ) -> Result<Vec<Version>> {
        let versions = self.versions_of(id);
        if versions.is_empty() {
            bail!("no pack {id:?} is installed; `nearer pack list` shows what is");
        }
        let doomed: Vec<Version> = match version {
            Some(v) if versions.contains(v) => vec![v.clone()],
            Some(v) => {
                let have: Vec<String> = versions.iter().map(ToString::to_string).collect();
                bail!(
                    "{id} {v} is not installed (installed: {}); name one of those",
                    have.join(", ")
                );
            }
            None => versions.clone(),
        };
        let remaining: Vec<&Version> = versions.iter().filter(|v| !doomed.contains(v)).collect();
        let active = self.active_version(id);
        let new_active = if active.as_ref().is_some_and(|a| doomed.contains(a)) {
            remaining.last().map(|v| (*v).clone())
        } else {
            active
        };
        if !force {
            let broken = self.broken_dependents(id, new_active.as_ref())?;
            if !broken.is_empty() {
                bail!(
                    "{id} is still needed by {}; remove those first, or pass --force to remove it anyway (they will stop working)",
                    broken.join(", ")
                );
            }
        }
        // Rename first: what is removed disappears at once (the whole pack in one rename when
        // no version stays), and a failed or interrupted delete leaves only a leftover.
        let trash = self.staging(lock)?;
        if remaining.is_empty() {
            let dir = self.root.join(id);
            fs::rename(&dir, trash.path().join(id))
                .with_context(|| format!("could not remove {}", dir.display()))?;
        } else {
            for v in &doomed {
                let dir = self.root.join(id).join(v.to_string());
                fs::rename(&dir, trash.path().join(v.to_string()))
                    .with_context(|| format!("could not remove {}", dir.display()))?;
            }
            if let Some(v) = new_active {
                self.set_active(lock, id, &v)?;
            }
        }
        drop(trash);
        Ok(doomed)
    }

    /// Re-hashes every file of every installed version against its install record.
    pub fn verify(&self) -> Result<(usize, Vec<VerifyProblem>)> {
        let mut problems = Vec::new();
        let mut checked = 0;
        for id in self.ids()? {
            for version in self.versions_of(&id) {
                let pack = format!("{id} {version}");
                let dir = self.root.join(&id).join(version.to_string());
                let record: Option<InstallRecord> = fs::read(dir.join(RECORD_FILE))
                    .ok()
                    .and_then(|b| serde_json::from_slice(&b).ok());
                let Some(record) = record else {
                    problems.push(VerifyProblem {
                        pack,
                        file: RECORD_FILE.into(),
                        problem: "the install record is missing or damaged".into(),
                    });
                    continue;
                };
                checked += 1;
                for (file, sum) in &record.files {
                    match sha256_file(&dir.join(file)) {
                        Ok(actual) if &actual == sum => {}
                        Ok(_) => problems.push(VerifyProblem {
                            pack: pack.clone(),
                            file: file.clone(),
                            problem: "changed since install (checksum differs)".into(),
                        }),
                        Err(_) => problems.push(VerifyProblem {
                            pack: pack.clone(),
                            file: file.clone(),
                            problem: "missing or unreadable".into(),
                        }),
                    }
                }
                let mut present = BTreeMap::new();
                let _ = folder::list_files(&dir, Path::new(""), &mut present);
                for file in present.keys() {
                    if file != RECORD_FILE && !record.files.contains_key(file) {
                        problems.push(VerifyProblem {
                            pack: pack.clone(),
                            file: file.clone(),
                            problem: "not part of the pack as installed (added later)".into(),
                        });
                    }
                }
            }
        }
        Ok((checked, problems))
    }

    /// Rewrites `packs.lock` from the installed versions.
    pub fn write_lockfile(&self, _lock: &StoreLock) -> Result<()> {
        let mut packs = Vec::new();
        for id in self.ids()? {
            let active = self.active_version(&id);
            for version in self.versions_of(&id) {
                let Ok(pack) = self.load(&id, &version) else {
                    continue;
                };
                // Records written before origins were kept came from pack folders.
                let cksum = pack
                    .record
                    .cksum
                    .unwrap_or_else(|| tree_hash(&pack.record.files));
                let origin = pack.record.origin.unwrap_or(Origin::Folder {
                    path: pack.record.source,
                });
                packs.push(lockfile::LockedPack {
                    active: active.as_ref() == Some(&version),
                    id: id.clone(),
                    version,
                    origin,
                    cksum,
                });
            }
        }
        lockfile::LockFile { version: 1, packs }.save(&lockfile::path(&self.home))
    }
}
