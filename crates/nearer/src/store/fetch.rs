//! Installing from registries: resolve the versions, download each archive, check its
//! checksum against the index and its signature against the pinned keys, unpack it strictly,
//! and commit it. Also `pack update` and `pack install --locked`.

use std::collections::BTreeMap;
use std::fs;

use anyhow::{bail, Context, Result};
use semver::{Version, VersionReq};

use super::config::Config;
use super::registry::{IndexLine, Registry};
use super::resolve::{self, Candidate, From, Need, Problem};
use super::trust::{self, TrustError};
use super::{lockfile, progress_bar, InstallOptions, Installed, Origin, Store, StoreLock};

/// Parses `ID` or `ID@REQ` (`trust`, `trust@^1.2`, `trust@=1.0.0`); `None` if it is not one.
pub fn parse_spec(text: &str) -> Option<Result<(String, VersionReq)>> {
    let (id, req) = match text.split_once('@') {
        Some((id, req)) => (id, Some(req)),
        None => (text, None),
    };
    if !nearer_core::manifest::is_valid_id(id) {
        return None;
    }
    let req = match req {
        None => VersionReq::STAR,
        Some(r) => match VersionReq::parse(r) {
            Ok(req) => req,
            Err(e) => {
                return Some(Err(anyhow::anyhow!(
                    "{text:?}: {r:?} is not a version requirement ({e}); write e.g. {id}@^1.2 or {id}@=1.0.0"
                )))
            }
        },
    };
    Some(Ok((id.to_owned(), req)))
}

/// The configured registries, with a cache of the index files read in this run.
pub struct Registries {
    list: Vec<Registry>,
    cache: BTreeMap<String, Option<(usize, Vec<IndexLine>)>>,
    /// Pack id -> the registry to ask first (where it was installed from).
    pinned: BTreeMap<String, String>,
}

impl std::fmt::Debug for Registries {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.list.iter()).finish()
    }
}

impl Registries {
    /// The registries of the home's `config.toml`, in name order.
    pub fn load(store: &Store) -> Result<Self> {
        let config = Config::load(store.home())?;
        Ok(Registries {
            list: config.registries.values().map(Registry::new).collect(),
            cache: BTreeMap::new(),
            pinned: BTreeMap::new(),
        })
    }

    /// Keeps only the registry `name`, for `--registry NAME`.
    pub fn only(&mut self, name: &str) -> Result<()> {
        if !self.list.iter().any(|r| r.name == name) {
            bail!("there is no registry {name:?}; `nearer registry list` shows them");
        }
        self.list.retain(|r| r.name == name);
        self.cache.clear();
        Ok(())
    }

    /// The registries.
    pub fn list(&self) -> &[Registry] {
        &self.list
    }

    /// Their names, for messages.
    pub fn names(&self) -> String {
        if self.list.is_empty() {
            return "no registries are configured".into();
        }
        let names: Vec<&str> = self.list.iter().map(|r| r.name.as_str()).collect();
        format!("searched: {}", names.join(", "))
    }

    /// Asks registry `name` first for `id` (the one it was installed from).
    pub fn pin(&mut self, id: &str, name: &str) {
        self.pinned.insert(id.to_owned(), name.to_owned());
        self.cache.remove(id);
    }

    /// The index of `id` from the first registry that has it (a pinned one first).
    pub fn index(&mut self, id: &str) -> Result<Option<(&Registry, &[IndexLine])>> {
        if !self.cache.contains_key(id) {
            let mut found = None;
            let mut order: Vec<usize> = (0..self.list.len()).collect();
            if let Some(name) = self.pinned.get(id) {
                order.sort_by_key(|&i| self.list[i].name != *name);
            }
            for i in order {
                let registry = &self.list[i];
                let lines = registry.index(id)?;
                if !lines.is_empty() {
                    found = Some((i, lines));
                    break;
                }
            }
            self.cache.insert(id.to_owned(), found);
        }
        Ok(match self.cache.get(id) {
            Some(Some((i, lines))) => Some((&self.list[*i], lines.as_slice())),
            _ => None,
        })
    }
}

/// What an install or update did, pack by pack, for the command to report.
#[derive(Debug)]
pub struct Outcome {
    /// The result per pack, dependencies first.
    pub installed: Vec<Installed>,
}

/// Installs `roots` (id and requirement) and their dependencies from the registries.
pub fn install(
    store: &Store,
    lock: &StoreLock,
    registries: &mut Registries,
    roots: Vec<(String, VersionReq)>,
    options: InstallOptions,
) -> Result<Outcome> {
    let needs = roots
        .into_iter()
        .map(|(id, req)| Need {
            id,
            req,
            who: "you".into(),
        })
        .collect();
    resolve_and_install(store, lock, registries, needs, options)
}

/// Updates `ids` (all packs from registries when empty) to their highest compatible versions.
pub fn update(
    store: &Store,
    lock: &StoreLock,
    registries: &mut Registries,
    ids: &[String],
    options: InstallOptions,
) -> Result<(Outcome, Vec<String>)> {
    let mut notes = Vec::new();
    let mut needs = Vec::new();
    let wanted: Vec<String> = if ids.is_empty() {
        store.ids()?
    } else {
        ids.to_vec()
    };
    for id in wanted {
        let pack = store.get(&id)?;
        match &pack.record.origin {
            Some(Origin::Registry { name, .. }) => {
                registries.pin(&id, name);
                needs.push(Need {
                    id,
                    req: VersionReq::STAR,
                    who: "you".into(),
                });
            }
            other => {
                let from = other
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_else(|| pack.record.source.clone());
                notes.push(format!(
                    "{id} {} was installed from {from}, not a registry; install it again from there to update it",
                    pack.manifest.version
                ));
            }
        }
    }
    if needs.is_empty() {
        return Ok((
            Outcome {
                installed: Vec::new(),
            },
            notes,
        ));
    }
    let outcome = resolve_and_install(store, lock, registries, needs, options)?;
    Ok((outcome, notes))
}

fn resolve_and_install(
    store: &Store,
    lock: &StoreLock,
    registries: &mut Registries,
    roots: Vec<Need>,
    options: InstallOptions,
) -> Result<Outcome> {
    if registries.list.is_empty() {
        bail!("no registries are configured, so {} cannot be looked up; add one with `nearer registry add NAME LOCATION --key KEY` (`cargo xtask dist` prints the line for the bundled packs), or install from a folder or .nearpack file", roots.iter().map(|n| n.id.as_str()).collect::<Vec<_>>().join(", "));
    }
    let root_ids: Vec<String> = roots.iter().map(|n| n.id.clone()).collect();
    let mut prefer = BTreeMap::new();
    let mut fixed = Vec::new();
    for pack in store.all()?.into_iter().flatten() {
        prefer.insert(pack.manifest.id.clone(), pack.manifest.version.clone());
        if let Some(Origin::Registry { name, .. }) = &pack.record.origin {
            if !registries.pinned.contains_key(&pack.manifest.id) {
                registries.pin(&pack.manifest.id, name);
            }
        }
        if root_ids.contains(&pack.manifest.id) {
            continue;
        }
        for (dep, req) in &pack.manifest.dependencies {
            fixed.push(Need {
                id: dep.clone(),
                req: req.clone(),
                who: format!(
                    "installed pack {} {}",
                    pack.manifest.id, pack.manifest.version
                ),
            });
        }
    }
    let names = registries.names();
    let force = options.force;
    let mut lookup = |id: &str| -> Result<Vec<Candidate>> {
        let mut out = Vec::new();
        let skip_installed = force && root_ids.iter().any(|r| r == id);
        if !skip_installed {
            for version in store.versions_of(id) {
                if let Ok(pack) = store.load(id, &version) {
                    out.push(Candidate {
                        id: id.to_owned(),
                        version,
                        host: pack.manifest.host.clone(),
                        deps: pack.manifest.dependencies.clone(),
                        yanked: false,
                        from: From::Installed,
                    });
                }
            }
        }
        if let Some((registry, lines)) = registries.index(id)? {
            for line in lines {
                out.push(Candidate {
                    id: id.to_owned(),
                    version: line.vers.clone(),
                    host: line.host.clone(),
                    deps: line.deps.clone(),
                    yanked: line.yanked,
                    from: From::Registry(registry.name.clone()),
                });
            }
        }
        Ok(out)
    };
    let chosen = resolve::resolve(&mut Problem {
        roots,
        fixed,
        prefer,
        api: nearer_core::api_version(),
        candidates: &mut lookup,
        registries: names,
    })?;

    let mut installed = Vec::new();
    for candidate in dependency_order(&chosen) {
        let result = match &candidate.from {
            From::Installed => {
                let pack = store.load(&candidate.id, &candidate.version)?;
                if store.active_version(&candidate.id).as_ref() != Some(&candidate.version) {
                    store.set_active(lock, &candidate.id, &candidate.version)?;
                }
                Installed::Unchanged(pack)
            }
            From::Registry(name) => {
                let (registry, lines) = registries
                    .index(&candidate.id)?
                    .context("the registry's index changed during the install; try again")?;
                let line = lines
                    .iter()
                    .find(|l| l.vers == candidate.version)
                    .cloned()
                    .with_context(|| {
                        format!(
                            "registry {name} no longer lists {} {}; try again",
                            candidate.id, candidate.version
                        )
                    })?;
                fetch_and_install(store, lock, registry, &line, options)?
            }
        };
        installed.push(result);
    }
    store.write_lockfile(lock)?;
    Ok(Outcome { installed })
}

/// Before a pack from a folder or a file is committed: refuses it if it would break what
/// installed packs need (unless `force`), and installs its missing dependencies from the
/// registries.
pub fn ensure_dependencies(
    store: &Store,
    lock: &StoreLock,
    registries: &mut Registries,
    manifest: &nearer_core::Manifest,
    options: InstallOptions,
) -> Result<Vec<Installed>> {
    let who = format!("pack {} {}", manifest.id, manifest.version);
    if !options.force {
        let broken = store.broken_dependents(&manifest.id, Some(&manifest.version))?;
        if let Some(first) = broken.first() {
            bail!(
                "dependency conflict on {id}: installed {first}, but you are installing {id} {v}; install a version that fits, remove the packs that need another, or pass --force to install it anyway",
                id = manifest.id,
                v = manifest.version
            );
        }
    }
    let missing: Vec<Need> = manifest
        .dependencies
        .iter()
        .filter(|(dep, req)| !store.active_version(dep).is_some_and(|v| req.matches(&v)))
        .map(|(dep, req)| Need {
            id: dep.clone(),
            req: req.clone(),
            who: who.clone(),
        })
        .collect();
    if missing.is_empty() {
        return Ok(Vec::new());
    }
    if registries.list.is_empty() {
        let list: Vec<String> = missing
            .iter()
            .map(|n| format!("{} {}", n.id, n.req))
            .collect();
        bail!(
            "{who} needs {}, which is not installed; install it first, or add a registry that has it with `nearer registry add`",
            list.join(" and ")
        );
    }
    Ok(resolve_and_install(store, lock, registries, missing, options)?.installed)
}

/// The chosen candidates, each after its dependencies.
fn dependency_order(chosen: &BTreeMap<String, Candidate>) -> Vec<&Candidate> {
    fn visit<'a>(
        id: &str,
        chosen: &'a BTreeMap<String, Candidate>,
        done: &mut Vec<String>,
        out: &mut Vec<&'a Candidate>,
    ) {
        if done.iter().any(|d| d == id) {
            return;
        }
        done.push(id.to_owned());
        if let Some(c) = chosen.get(id) {
            for dep in c.deps.keys() {
                visit(dep, chosen, done, out);
            }
            out.push(c);
        }
    }
    let mut done = Vec::new();
    let mut out = Vec::new();
    for id in chosen.keys() {
        visit(id, chosen, &mut done, &mut out);
    }
    out
}

/// Downloads, checks and installs one version listed by `registry`.
pub fn fetch_and_install(
    store: &Store,
    lock: &StoreLock,
    registry: &Registry,
    line: &IndexLine,
    options: InstallOptions,
) -> Result<Installed> {
    let version = line.vers.to_string();
    let download = store.staging(lock)?;
    let file = download.path().join(format!(
        "{}.{}",
        super::archive::top_folder(&line.id, &line.vers),
        super::archive::EXTENSION
    ));
    let bar = progress_bar(&format!("{} {version}", line.id), true);
    let limits = super::archive::Limits::default();
    let (cksum, signature) =
        registry.download(&line.id, &line.vers, &file, limits.max_archive, &bar)?;
    let url = registry.archive_url(&line.id, &line.vers);
    if cksum != line.cksum {
        return Err(TrustError::Checksum {
            archive: url,
            expected: line.cksum.clone(),
            found: cksum,
            claimed_by: format!("registry {}'s index", registry.name),
        }
        .into());
    }
    let bytes = fs::read(&file).with_context(|| format!("could not read {}", file.display()))?;
    let sig_path = std::path::PathBuf::from(format!("{url}.minisig"));
    let verdict = trust::check_signature(
        &bytes,
        signature.as_deref(),
        &sig_path,
        &registry.keys,
        &line.id,
        &version,
    )?;
    let claimed = format!("registry {}'s index", registry.name);
    let staged = store.stage_archive(
        lock,
        &file,
        Some((&line.id, &line.vers, &claimed)),
        Origin::Registry {
            name: registry.name.clone(),
            location: registry.location.clone(),
        },
        cksum,
        verdict,
    )?;
    let installed = store.commit(lock, staged, options)?;
    drop(download);
    Ok(installed)
}

/// Installs exactly what `packs.lock` lists, from the same origins, with the same checksums.
pub fn install_locked(
    store: &Store,
    lock: &StoreLock,
    registries: &mut Registries,
    options: InstallOptions,
) -> Result<Outcome> {
    let path = lockfile::path(store.home());
    let locked = lockfile::LockFile::load(&path)?;
    let keys = all_keys(registries);
    let mut installed = Vec::new();
    for entry in &locked.packs {
        let what = format!("{} {}", entry.id, entry.version);
        if let Ok(pack) = store.load(&entry.id, &entry.version) {
            if pack.record.cksum.as_deref() == Some(entry.cksum.as_str()) {
                installed.push(Installed::Unchanged(pack));
                continue;
            }
        }
        let result = match &entry.origin {
            Origin::Registry { name, .. } => {
                let Some(registry) = registries.list.iter().find(|r| &r.name == name) else {
                    bail!("packs.lock installs {what} from registry {name}, which is not configured here; add it with `nearer registry add {name} LOCATION --key KEY`");
                };
                let lines = registry.index(&entry.id)?;
                let Some(line) = lines.iter().find(|l| l.vers == entry.version) else {
                    bail!("registry {name} no longer lists {what}, which packs.lock needs; ask the registry's owner, or install without --locked");
                };
                if line.cksum != entry.cksum {
                    return Err(TrustError::Checksum {
                        archive: registry.archive_url(&entry.id, &entry.version),
                        expected: entry.cksum.clone(),
                        found: line.cksum.clone(),
                        claimed_by: format!(
                            "packs.lock (registry {name} now lists another archive for {what})"
                        ),
                    }
                    .into());
                }
                fetch_and_install(store, lock, registry, line, options)?
            }
            Origin::Folder { path } => {
                let staged = store.stage_folder(lock, std::path::Path::new(path))?;
                if staged.cksum != entry.cksum {
                    bail!("the folder {path} changed since packs.lock was written, so it is not {what} as locked; restore it, or install without --locked");
                }
                store.commit(lock, staged, options)?
            }
            Origin::Archive { path } => {
                let p = std::path::Path::new(path);
                let (sum, _) = super::archive::sha256_and_len(p).with_context(|| {
                    format!("could not read {path}, which packs.lock installs {what} from")
                })?;
                if sum != entry.cksum {
                    return Err(TrustError::Checksum {
                        archive: path.clone(),
                        expected: entry.cksum.clone(),
                        found: sum,
                        claimed_by: "packs.lock".into(),
                    }
                    .into());
                }
                store.install_archive_file(lock, p, &keys, options)?
            }
        };
        installed.push(result);
    }
    for entry in locked.packs.iter().filter(|e| e.active) {
        store.set_active(lock, &entry.id, &entry.version)?;
    }
    store.write_lockfile(lock)?;
    Ok(Outcome { installed })
}

/// Every key pinned for any registry: used for archives installed from a file.
pub fn all_keys(registries: &Registries) -> Vec<trust::PinnedKey> {
    registries
        .list
        .iter()
        .flat_map(|r| r.keys.iter().cloned())
        .collect()
}

/// Packs in the registries' catalogs whose id, name or description contains `text`.
pub fn search(
    registries: &Registries,
    text: &str,
) -> Result<Vec<(String, super::registry::CatalogEntry)>> {
    let needle = text.to_lowercase();
    let mut hits = Vec::new();
    for registry in &registries.list {
        let catalog = registry
            .catalog()
            .with_context(|| format!("could not search registry {}", registry.name))?;
        for entry in catalog {
            let hay = format!("{} {} {}", entry.id, entry.name, entry.description).to_lowercase();
            if hay.contains(&needle) {
                hits.push((registry.name.clone(), entry));
            }
        }
    }
    Ok(hits)
}

/// The version a `Version`-typed requirement string names exactly, for `ID@VERSION`.
pub fn parse_exact(text: &str) -> Result<(String, Option<Version>)> {
    match text.split_once('@') {
        None => Ok((text.to_owned(), None)),
        Some((id, v)) => {
            let v = Version::parse(v.trim_start_matches('=')).with_context(|| {
                format!("{text:?}: {v:?} is not a version; write ID@VERSION, e.g. {id}@1.0.0")
            })?;
            Ok((id.to_owned(), Some(v)))
        }
    }
}
