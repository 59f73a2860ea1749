//! `nearer pack install | list | info | update | remove | use | search | verify | archive`.

use std::io::Write;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use serde_json::json;

use crate::home::Home;
use crate::store::fetch::{self, Registries};
use crate::store::registry::{publish_to_folder, IndexLine};
use crate::store::{archive, progress_bar, InstallOptions, Installed, Store};

/// `println!` that returns the write error, so a closed pipe (`| head`) ends quietly.
macro_rules! say {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout(), $($arg)*)?
    };
}

/// `nearer pack ...`
#[derive(Debug, clap::Subcommand)]
pub enum PackCommand {
    /// Install packs: a pack folder, a .nearpack archive, or ID[@REQ] from the registries.
    Install {
        /// Pack folders, .nearpack files, or ids with an optional requirement (trust@^1).
        #[arg(required_unless_present = "locked")]
        sources: Vec<String>,
        /// Replace an installed copy of the same version whose files differ.
        #[arg(long)]
        force: bool,
        /// Install native code even if it is unsigned or signed by a key you have not pinned.
        /// Native code runs with all your rights; pass this only for sources you trust.
        #[arg(long)]
        allow_unsigned: bool,
        /// Install exactly what packs.lock lists, without resolving again.
        #[arg(long, conflicts_with = "sources")]
        locked: bool,
        /// Look packs up in this registry only (when several list the same id).
        #[arg(long, value_name = "NAME")]
        registry: Option<String>,
    },
    /// List installed packs (the active version, and the others beside it).
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Show one installed pack: versions, origin, trust, dependencies, exercises.
    Info {
        /// The pack id.
        id: String,
    },
    /// Update packs installed from registries to their highest compatible, non-yanked version.
    Update {
        /// The pack id (all packs from registries when left out).
        id: Option<String>,
        /// Install native code even if it could not be verified.
        #[arg(long)]
        allow_unsigned: bool,
    },
    /// Remove a pack, or one version of it (ID@VERSION).
    Remove {
        /// The pack id, or ID@VERSION.
        id: String,
        /// Remove it even if other installed packs depend on it.
        #[arg(long)]
        force: bool,
    },
    /// Choose which installed version of a pack is active.
    Use {
        /// ID@VERSION.
        spec: String,
        /// Switch even if other installed packs' requirements no longer hold.
        #[arg(long)]
        force: bool,
    },
    /// Search the registries for packs.
    Search {
        /// Words to look for in ids, names and descriptions.
        text: String,
    },
    /// Re-hash every installed file against what was recorded at install.
    Verify {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Write a pack folder as a .nearpack archive (for authors, and `cargo xtask dist`).
    Archive {
        /// The pack folder.
        folder: PathBuf,
        /// Where to write the archive.
        #[arg(long, default_value = ".", conflicts_with = "registry")]
        out: PathBuf,
        /// Publish into this registry folder instead: archive, index line and catalog entry.
        #[arg(long)]
        registry: Option<PathBuf>,
    },
    /// Mark a version in a registry folder as withdrawn (for registry owners).
    Yank {
        /// ID@VERSION.
        spec: String,
        /// The registry folder.
        #[arg(long)]
        registry: PathBuf,
        /// Take the mark back.
        #[arg(long)]
        undo: bool,
    },
}

/// Runs a `pack` subcommand.
pub fn run(home: &Home, command: PackCommand) -> Result<()> {
    let store = Store::open(home)?;
    match command {
        PackCommand::Install {
            sources,
            force,
            allow_unsigned,
            locked,
            registry,
        } => install(
            &store,
            &sources,
            InstallOptions {
                force,
                allow_unsigned,
            },
            locked,
            registry.as_deref(),
        ),
        PackCommand::List { json } => list(&store, json),
        PackCommand::Info { id } => info(&store, &id),
        PackCommand::Update { id, allow_unsigned } => {
            let lock = store.lock()?;
            let mut registries = Registries::load(&store)?;
            let ids: Vec<String> = id.into_iter().collect();
            let before: Vec<(String, Option<semver::Version>)> = store
                .ids()?
                .into_iter()
                .map(|i| {
                    let v = store.active_version(&i);
                    (i, v)
                })
                .collect();
            let (outcome, notes) = fetch::update(
                &store,
                &lock,
                &mut registries,
                &ids,
                InstallOptions {
                    force: false,
                    allow_unsigned,
                },
            )?;
            for note in notes {
                say!("{note}");
            }
            for result in &outcome.installed {
                let p = result.pack();
                let old = before
                    .iter()
                    .find(|(i, _)| *i == p.manifest.id)
                    .and_then(|(_, v)| v.clone());
                match old {
                    Some(old) if old == p.manifest.version => {
                        say!("{} {} is up to date", p.manifest.id, old);
                    }
                    Some(old) => {
                        say!("updated {} {old} -> {}", p.manifest.id, p.manifest.version)
                    }
                    None => say!(
                        "installed {} {} (a new dependency)",
                        p.manifest.id,
                        p.manifest.version
                    ),
                }
            }
            Ok(())
        }
        PackCommand::Remove { id, force } => {
            let (id, version) = fetch::parse_exact(&id)?;
            let lock = store.lock()?;
            let removed = store.remove(&lock, &id, version.as_ref(), force)?;
            store.write_lockfile(&lock)?;
            let list: Vec<String> = removed.iter().map(ToString::to_string).collect();
            match store.active_version(&id) {
                Some(active) => {
                    say!("removed {id} {}; {id} {active} is active", list.join(", "))
                }
                None => say!("removed {id} ({})", list.join(", ")),
            }
            Ok(())
        }
        PackCommand::Use { spec, force } => {
            let (id, version) = fetch::parse_exact(&spec)?;
            let Some(version) = version else {
                bail!("name the version to use, as ID@VERSION (e.g. {id}@1.0.0); `nearer pack info {id}` lists the installed ones");
            };
            let lock = store.lock()?;
            if !store.versions_of(&id).contains(&version) {
                bail!("{id} {version} is not installed; install it with `nearer pack install {id}@={version}`");
            }
            let pack = store.load(&id, &version)?;
            if !force {
                let broken = store.broken_dependents(&id, Some(&version))?;
                if !broken.is_empty() {
                    bail!(
                        "{id} {version} does not satisfy {}; pass --force to switch anyway",
                        broken.join(", ")
                    );
                }
            }
            store.set_active(&lock, &id, &version)?;
            store.write_lockfile(&lock)?;
            for (dep, req) in &pack.manifest.dependencies {
                let ok = store.active_version(dep).is_some_and(|v| req.matches(&v));
                if !ok {
                    eprintln!("warning: {id} {version} needs {dep} {req}, which is not the active version; install it with `nearer pack install {dep}@{req}`");
                }
            }
            say!("{id} {version} is now active");
            Ok(())
        }
        PackCommand::Search { text } => {
            let registries = Registries::load(&store)?;
            if registries.list().is_empty() {
                bail!("no registries are configured to search; add one with `nearer registry add NAME LOCATION --key KEY`");
            }
            let hits = fetch::search(&registries, &text)?;
            if hits.is_empty() {
                say!("No pack matches {text:?} ({}).", registries.names());
            }
            for (registry, entry) in hits {
                let installed = store
                    .active_version(&entry.id)
                    .map(|v| format!("  [installed {v}]"))
                    .unwrap_or_default();
                say!(
                    "{:<16} {:<8} {:<10} {}{installed}",
                    entry.id,
                    entry.latest.to_string(),
                    registry,
                    entry.name
                );
                if !entry.description.is_empty() {
                    say!("    {}", entry.description);
                }
            }
            Ok(())
        }
        PackCommand::Verify { json } => {
            let (checked, problems) = store.verify()?;
            if json {
                say!(
                    "{}",
                    serde_json::to_string_pretty(
                        &json!({"checked": checked, "problems": problems})
                    )?
                );
            } else {
                for p in &problems {
                    say!("{}: {}: {}", p.pack, p.file, p.problem);
                }
            }
            if !problems.is_empty() {
                bail!(
                    "{} problem(s) in {checked} installed pack version(s); reinstall the packs named above with `nearer pack install --force`",
                    problems.len()
                );
            }
            if !json {
                say!("all {checked} installed pack version(s) match what was installed");
            }
            Ok(())
        }
        PackCommand::Archive {
            folder,
            out,
            registry,
        } => archive_cmd(&folder, &out, registry.as_deref()),
        PackCommand::Yank {
            spec,
            registry,
            undo,
        } => {
            let (id, version) = fetch::parse_exact(&spec)?;
            let Some(version) = version else {
                bail!("name the version, as ID@VERSION (e.g. {id}@1.0.0)");
            };
            crate::store::registry::set_yanked(&registry, &id, &version, !undo)?;
            say!(
                "{} {id} {version} in {}",
                if undo { "un-yanked" } else { "yanked" },
                registry.display()
            );
            Ok(())
        }
    }
}

enum Source {
    Folder(PathBuf),
    Archive(PathBuf),
    Registry(String, semver::VersionReq),
}

fn classify(text: &str) -> Result<Source> {
    let path = Path::new(text);
    if path.is_dir() {
        return Ok(Source::Folder(path.to_path_buf()));
    }
    if text.ends_with(&format!(".{}", archive::EXTENSION)) {
        if path.is_file() {
            return Ok(Source::Archive(path.to_path_buf()));
        }
        bail!("{text}: no such archive file");
    }
    match fetch::parse_spec(text) {
        Some(Ok((id, req))) => Ok(Source::Registry(id, req)),
        Some(Err(e)) => Err(e),
        None => bail!("{text:?} is not a pack folder, a .nearpack file, or a pack id (ID or ID@REQ, e.g. trust@^1)"),
    }
}

fn report(result: &Installed) -> Result<()> {
    let (verb, pack) = match result {
        Installed::New(p) => ("installed", p),
        Installed::Replaced(p) => ("replaced", p),
        Installed::Unchanged(p) => ("already installed", p),
    };
    say!(
        "{verb} {} {} ({} exercises)",
        pack.manifest.id,
        pack.manifest.version,
        pack.manifest.exercises.len()
    );
    if !matches!(result, Installed::Unchanged(_)) {
        if let Some(trust) = &pack.record.trust {
            if trust.starts_with("could not verify") && pack.manifest.native.is_some() {
                eprintln!("warning: {} {}: {trust}; its native code was installed because you passed --allow-unsigned", pack.manifest.id, pack.manifest.version);
            } else if trust.starts_with("could not verify")
                && !matches!(
                    pack.record.origin,
                    Some(crate::store::Origin::Folder { .. })
                )
            {
                eprintln!("note: {} {}: {trust}; it holds no native code (only text), so it was installed", pack.manifest.id, pack.manifest.version);
            }
        }
    }
    Ok(())
}

fn install(
    store: &Store,
    sources: &[String],
    options: InstallOptions,
    locked: bool,
    only: Option<&str>,
) -> Result<()> {
    let lock = store.lock()?;
    let mut registries = Registries::load(store)?;
    if let Some(name) = only {
        registries.only(name)?;
    }
    if locked {
        let outcome = fetch::install_locked(store, &lock, &mut registries, options)?;
        for r in &outcome.installed {
            report(r)?;
        }
        return Ok(());
    }
    let classified: Vec<(String, Source)> = sources
        .iter()
        .map(|s| classify(s).map(|c| (s.clone(), c)))
        .collect::<Result<_>>()?;
    let mut wanted = Vec::new();
    for (text, source) in classified {
        let staged = match source {
            Source::Registry(id, req) => {
                wanted.push((id, req));
                continue;
            }
            Source::Folder(dir) => store.stage_folder(&lock, &dir),
            Source::Archive(file) => {
                store.stage_archive_file(&lock, &file, &fetch::all_keys(&registries))
            }
        };
        let r = staged
            .and_then(|staged| {
                let deps = fetch::ensure_dependencies(
                    store,
                    &lock,
                    &mut registries,
                    staged.manifest(),
                    options,
                )?;
                for d in &deps {
                    report(d)?;
                }
                store.commit(&lock, staged, options)
            })
            .with_context(|| format!("could not install {text}"))?;
        report(&r)?;
    }
    if !wanted.is_empty() {
        let names: Vec<String> = wanted
            .iter()
            .map(|(i, r)| {
                if *r == semver::VersionReq::STAR {
                    i.clone()
                } else {
                    format!("{i}@{r}")
                }
            })
            .collect();
        let outcome = fetch::install(store, &lock, &mut registries, wanted, options)
            .with_context(|| format!("could not install {}", names.join(", ")))?;
        for r in &outcome.installed {
            report(r)?;
        }
    } else {
        store.write_lockfile(&lock)?;
    }
    Ok(())
}

fn list(store: &Store, as_json: bool) -> Result<()> {
    let mut rows = Vec::new();
    for id in store.ids()? {
        match store.get(&id) {
            Ok(p) => rows.push((p, store.versions_of(&id))),
            Err(e) => eprintln!("warning: skipping pack {id}: {e:#}"),
        }
    }
    if as_json {
        let items: Vec<_> = rows
            .iter()
            .map(|(p, versions)| {
                json!({
                    "id": p.manifest.id,
                    "version": p.manifest.version.to_string(),
                    "versions": versions.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "name": p.manifest.name,
                    "description": p.manifest.description,
                    "native": p.manifest.native.is_some(),
                    "exercises": p.manifest.exercises.len(),
                    "source": p.record.origin.as_ref().map(ToString::to_string).unwrap_or_else(|| p.record.source.clone()),
                    "trust": p.record.trust,
                })
            })
            .collect();
        say!("{}", serde_json::to_string_pretty(&items)?);
    } else if rows.is_empty() {
        say!("No packs installed. Install one with `nearer pack install PATH` or `nearer pack install ID`.");
    } else {
        for (p, versions) in &rows {
            let others: Vec<String> = versions
                .iter()
                .filter(|v| **v != p.manifest.version)
                .map(ToString::to_string)
                .collect();
            let also = if others.is_empty() {
                String::new()
            } else {
                format!("  (also {})", others.join(", "))
            };
            say!(
                "{:<16} {:<8} {:>2} exercises  {}{also}",
                p.manifest.id,
                p.manifest.version.to_string(),
                p.manifest.exercises.len(),
                p.manifest.name
            );
        }
    }
    Ok(())
}

/// The versions the registries offer for `id`, as one line; `None` when no registry has it.
fn registry_versions(store: &Store, id: &str) -> Result<Option<String>> {
    let mut registries = Registries::load(store)?;
    let Some((registry, lines)) = registries.index(id)? else {
        return Ok(None);
    };
    let versions: Vec<String> = lines
        .iter()
        .map(|l| {
            let mut v = l.vers.to_string();
            if l.yanked {
                v.push_str(" (yanked)");
            } else if !l.host.matches(&nearer_core::api_version()) {
                v.push_str(&format!(" (needs pack API {})", l.host));
            }
            v
        })
        .collect();
    Ok(Some(format!(
        "{} (registry {})",
        versions.join(", "),
        registry.name
    )))
}

fn info(store: &Store, id: &str) -> Result<()> {
    if store.active_version(id).is_none() {
        // Not installed: say what the registries offer, if any has it.
        if let Some(line) = registry_versions(store, id)? {
            say!("{id} is not installed");
            say!("available:    {line}");
            say!("install it with `nearer pack install {id}`");
            return Ok(());
        }
    }
    let pack = store.get(id)?;
    let m = &pack.manifest;
    say!("{} {} — {}", m.id, m.version, m.name);
    say!("{}", m.description);
    let versions: Vec<String> = store
        .versions_of(id)
        .iter()
        .map(|v| {
            if *v == m.version {
                format!("{v} (active)")
            } else {
                v.to_string()
            }
        })
        .collect();
    say!("installed:    {}", versions.join(", "));
    say!("authors:      {}", m.authors.join(", "));
    say!("license:      {}", m.license);
    say!("pack API:     {}", m.host);
    say!(
        "native code:  {}",
        if m.native.is_some() {
            "yes"
        } else {
            "no (content only)"
        }
    );
    say!(
        "from:         {}",
        pack.record
            .origin
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_else(|| pack.record.source.clone())
    );
    if let Some(trust) = &pack.record.trust {
        say!("signature:    {trust}");
    }
    if !m.dependencies.is_empty() {
        let deps: Vec<String> = m
            .dependencies
            .iter()
            .map(|(d, r)| format!("{d} {r}"))
            .collect();
        say!("depends on:   {}", deps.join(", "));
    }
    if matches!(
        pack.record.origin,
        Some(crate::store::Origin::Registry { .. })
    ) {
        match registry_versions(store, id) {
            Ok(Some(line)) => say!("available:    {line}"),
            Ok(None) => {}
            Err(e) => eprintln!("note: could not ask the registries about {id}: {e:#}"),
        }
    }
    say!("folder:       {}", pack.dir.display());
    say!("exercises:");
    for e in &m.exercises {
        say!("  {}/{:<20} {:>3} min  {}", m.id, e.id, e.minutes, e.title);
    }
    Ok(())
}

fn archive_cmd(folder: &Path, out: &Path, registry: Option<&Path>) -> Result<()> {
    let manifest = crate::store::read_pack_folder(folder)?;
    let out_dir = match registry {
        Some(root) => root.join("archives"),
        None => out.to_path_buf(),
    };
    let bar = progress_bar("archiving", false);
    let path = archive::write(folder, &manifest.id, &manifest.version, &out_dir, &bar)?;
    let (cksum, len) = archive::sha256_and_len(&path)
        .with_context(|| format!("could not read back {}", path.display()))?;
    let line = IndexLine {
        id: manifest.id.clone(),
        vers: manifest.version.clone(),
        host: manifest.host.clone(),
        deps: manifest.dependencies.clone(),
        cksum,
        yanked: false,
        native: manifest.native.is_some(),
    };
    if let Some(root) = registry {
        publish_to_folder(root, &line, &manifest.name, &manifest.description)?;
        // A signature of an earlier build of the same version no longer matches.
        let _ = std::fs::remove_file(crate::store::trust::signature_path(&path));
    }
    eprintln!("wrote {} ({len} bytes)", path.display());
    say!("{}", serde_json::to_string(&line)?);
    Ok(())
}
