//! Registries: plain static files, read from a folder, a `file://` URL or over HTTP(S).
//!
//! ```text
//! config.json                            {"nearer-registry": 1, ...}
//! catalog.json                           [{"id", "name", "description", "latest", "native"}]  (for search)
//! index/<id>.jsonl                       one JSON line per version: id, vers, host, deps, cksum, yanked
//! archives/<id>-<vers>.nearpack          the archive
//! archives/<id>-<vers>.nearpack.minisig  its minisign signature
//! ```
//! Any web server or object store can serve one; a local folder works the same.

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use semver::{Version, VersionReq};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::archive::{hex, top_folder, EXTENSION};
use super::config::RegistryConfig;
use super::trust::PinnedKey;

/// The registry format this nearer reads.
pub const FORMAT: u64 = 1;

/// One version of one pack, as a registry's index lists it.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct IndexLine {
    /// Pack id.
    pub id: String,
    /// Version.
    pub vers: Version,
    /// The pack API requirement from its manifest.
    pub host: VersionReq,
    /// Dependencies on other packs.
    #[serde(default)]
    pub deps: BTreeMap<String, VersionReq>,
    /// SHA-256 of the archive, lowercase hex.
    pub cksum: String,
    /// Withdrawn by its authors: never chosen by resolution.
    #[serde(default)]
    pub yanked: bool,
    /// Whether it carries native code (informational; the archive itself decides).
    #[serde(default)]
    pub native: bool,
}

/// One pack in a registry's catalog.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// Pack id.
    pub id: String,
    /// Display name.
    #[serde(default)]
    pub name: String,
    /// One-paragraph description.
    #[serde(default)]
    pub description: String,
    /// Its highest version.
    pub latest: Version,
    /// Whether that version carries native code.
    #[serde(default)]
    pub native: bool,
}

/// Why a registry could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The registry could not be reached or a file could not be read.
    #[error("registry {registry}: could not read {url}: {reason}; check the location with `nearer registry list`, and your connection")]
    Unreachable {
        /// Registry name.
        registry: String,
        /// The file's URL or path.
        url: String,
        /// Why.
        reason: String,
    },
    /// The location has no `config.json`, or one of another format.
    #[error("registry {registry}: {location} is not a nearer registry ({reason}); check the location, or ask its owner to run `cargo xtask dist` or `nearer pack archive --registry`")]
    NotARegistry {
        /// Registry name.
        registry: String,
        /// Its location.
        location: String,
        /// Why.
        reason: String,
    },
    /// A line of an index file is not a valid index line.
    #[error("registry {registry}: {file} line {line}: {reason}; the registry is damaged, tell its owner")]
    BadIndex {
        /// Registry name.
        registry: String,
        /// The index file.
        file: String,
        /// 1-based line number.
        line: usize,
        /// Why.
        reason: String,
    },
    /// A download was larger than allowed.
    #[error("registry {registry}: {url} is larger than {limit} bytes; refused")]
    TooLarge {
        /// Registry name.
        registry: String,
        /// The file.
        url: String,
        /// The limit.
        limit: u64,
    },
}

/// An open registry file and its length, if known.
type Opened = (Box<dyn Read>, Option<u64>);

enum Location {
    Folder(PathBuf),
    Http(String),
}

/// A client for one configured registry.
pub struct Registry {
    /// Its name.
    pub name: String,
    /// Its location as configured.
    pub location: String,
    /// The keys trusted for it.
    pub keys: Vec<PinnedKey>,
    loc: Location,
    agent: ureq::Agent,
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry")
            .field("name", &self.name)
            .field("location", &self.location)
            .finish()
    }
}

/// Turns what the user typed into the location stored in the config: URLs stay as given,
/// folders become absolute.
pub fn normalize_location(text: &str) -> anyhow::Result<String> {
    if text.starts_with("http://") || text.starts_with("https://") {
        return Ok(text.trim_end_matches('/').to_owned());
    }
    let path = text.strip_prefix("file://").unwrap_or(text);
    let abs = std::path::absolute(path)
        .map_err(|e| anyhow::anyhow!("{path}: not a usable folder ({e})"))?;
    Ok(abs.display().to_string())
}

impl Registry {
    /// A client for `config`.
    pub fn new(config: &RegistryConfig) -> Self {
        let location = config.location.clone();
        let loc = if location.starts_with("http://") || location.starts_with("https://") {
            Location::Http(location.trim_end_matches('/').to_owned())
        } else {
            Location::Folder(PathBuf::from(
                location.strip_prefix("file://").unwrap_or(&location),
            ))
        };
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_connect(Some(Duration::from_secs(20)))
            .timeout_recv_response(Some(Duration::from_secs(60)))
            .timeout_per_read(Some(Duration::from_secs(60)))
            .user_agent(concat!("nearer/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        Registry {
            name: config.name.clone(),
            location,
            keys: config.keys.clone(),
            loc,
            agent,
        }
    }

    fn url(&self, rel: &str) -> String {
        match &self.loc {
            Location::Folder(dir) => dir.join(rel).display().to_string(),
            Location::Http(base) => format!("{base}/{rel}"),
        }
    }

    fn unreachable(&self, rel: &str, reason: impl ToString) -> RegistryError {
        RegistryError::Unreachable {
            registry: self.name.clone(),
            url: self.url(rel),
            reason: reason.to_string(),
        }
    }

    /// Opens `rel`; `None` when the registry does not have it. Also returns its length if known.
    fn open(&self, rel: &str) -> Result<Option<Opened>, RegistryError> {
        match &self.loc {
            Location::Folder(dir) => {
                let path = dir.join(rel);
                match fs::File::open(&path) {
                    Ok(f) => {
                        let len = f.metadata().ok().map(|m| m.len());
                        Ok(Some((Box::new(f), len)))
                    }
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        if dir.is_dir() {
                            Ok(None)
                        } else {
                            Err(self.unreachable(rel, "the registry folder does not exist"))
                        }
                    }
                    Err(e) => Err(self.unreachable(rel, e)),
                }
            }
            Location::Http(base) => {
                let url = format!("{base}/{rel}");
                let response = self
                    .agent
                    .get(&url)
                    .call()
                    .map_err(|e| self.unreachable(rel, e))?;
                let status = response.status().as_u16();
                if status == 404 || status == 410 {
                    return Ok(None);
                }
                if !(200..300).contains(&status) {
                    return Err(self.unreachable(rel, format!("the server answered HTTP {status}")));
                }
                let len = response.body().content_length();
                let reader = response
                    .into_body()
                    .into_with_config()
                    .limit(u64::MAX)
                    .reader();
                Ok(Some((Box::new(reader), len)))
            }
        }
    }

    fn read_small(&self, rel: &str, limit: u64) -> Result<Option<Vec<u8>>, RegistryError> {
        let Some((reader, _)) = self.open(rel)? else {
            return Ok(None);
        };
        let mut buf = Vec::new();
        reader
            .take(limit + 1)
            .read_to_end(&mut buf)
            .map_err(|e| self.unreachable(rel, e))?;
        if buf.len() as u64 > limit {
            return Err(RegistryError::TooLarge {
                registry: self.name.clone(),
                url: self.url(rel),
                limit,
            });
        }
        Ok(Some(buf))
    }

    /// Checks that the location is a registry this nearer can read.
    pub fn check(&self) -> Result<(), RegistryError> {
        let not = |reason: String| RegistryError::NotARegistry {
            registry: self.name.clone(),
            location: self.location.clone(),
            reason,
        };
        let bytes = self
            .read_small("config.json", 64 << 10)?
            .ok_or_else(|| not("it has no config.json".into()))?;
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| not(format!("config.json: {e}")))?;
        match value.get("nearer-registry").and_then(|v| v.as_u64()) {
            Some(FORMAT) => Ok(()),
            Some(other) => Err(not(format!(
                "it has format {other}, this nearer reads format {FORMAT}; update nearer"
            ))),
            None => Err(not("config.json has no \"nearer-registry\" number".into())),
        }
    }

    /// Every version of `id` this registry lists; empty when it does not have the pack.
    pub fn index(&self, id: &str) -> Result<Vec<IndexLine>, RegistryError> {
        let rel = index_path(id);
        let Some(bytes) = self.read_small(&rel, 4 << 20)? else {
            return Ok(Vec::new());
        };
        parse_index(&self.name, &self.url(&rel), id, &bytes)
    }

    /// The registry's catalog (for search); empty when it has none.
    pub fn catalog(&self) -> Result<Vec<CatalogEntry>, RegistryError> {
        let Some(bytes) = self.read_small("catalog.json", 16 << 20)? else {
            return Ok(Vec::new());
        };
        serde_json::from_slice(&bytes).map_err(|e| RegistryError::BadIndex {
            registry: self.name.clone(),
            file: self.url("catalog.json"),
            line: e.line(),
            reason: e.to_string(),
        })
    }

    /// Where an archive lives, for messages.
    pub fn archive_url(&self, id: &str, version: &Version) -> String {
        self.url(&archive_path(id, version))
    }

    /// Downloads the archive of `id` `version` to `dest` (and its signature, if any, beside
    /// it), hashing as it goes. Returns the SHA-256 and whether a signature was found.
    pub fn download(
        &self,
        id: &str,
        version: &Version,
        dest: &Path,
        limit: u64,
        progress: &indicatif::ProgressBar,
    ) -> Result<(String, Option<String>), RegistryError> {
        let rel = archive_path(id, version);
        let Some((mut reader, len)) = self.open(&rel)? else {
            return Err(self.unreachable(&rel, "the index lists it, but the archive is missing"));
        };
        if let Some(len) = len {
            progress.set_length(len);
        }
        let mut out = fs::File::create(dest).map_err(|e| self.unreachable(&rel, e))?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        let mut total = 0u64;
        loop {
            let n = reader
                .read(&mut buf)
                .map_err(|e| self.unreachable(&rel, e))?;
            if n == 0 {
                break;
            }
            total += n as u64;
            if total > limit {
                return Err(RegistryError::TooLarge {
                    registry: self.name.clone(),
                    url: self.url(&rel),
                    limit,
                });
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])
                .map_err(|e| self.unreachable(&rel, e))?;
            progress.inc(n as u64);
        }
        out.sync_all().map_err(|e| self.unreachable(&rel, e))?;
        progress.finish_and_clear();
        let sig_rel = format!("{rel}.minisig");
        let signature = self
            .read_small(&sig_rel, 64 << 10)?
            .map(|b| String::from_utf8_lossy(&b).into_owned());
        Ok((hex(&hasher.finalize()), signature))
    }
}

/// The index file of a pack, relative to the registry's root.
pub fn index_path(id: &str) -> String {
    format!("index/{id}.jsonl")
}

/// The archive of a pack version, relative to the registry's root.
pub fn archive_path(id: &str, version: &Version) -> String {
    format!("archives/{}.{EXTENSION}", top_folder(id, version))
}

/// Parses an index file: one JSON object per non-empty line, each for `id`.
pub fn parse_index(
    registry: &str,
    file: &str,
    id: &str,
    bytes: &[u8],
) -> Result<Vec<IndexLine>, RegistryError> {
    let text = String::from_utf8_lossy(bytes);
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| RegistryError::BadIndex {
            registry: registry.to_owned(),
            file: file.to_owned(),
            line: n + 1,
            reason,
        };
        let entry: IndexLine = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
        if entry.id != id {
            return Err(bad(format!(
                "the line is for pack {:?}, in the index of {id:?}",
                entry.id
            )));
        }
        if entry.cksum.len() != 64 || !entry.cksum.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(bad("cksum is not a SHA-256 in hex".into()));
        }
        lines.push(entry);
    }
    Ok(lines)
}

/// Adds (or replaces) one version's index line and catalog entry in a registry folder whose
/// `archives/` already holds the archive.
/// Used by `nearer pack archive --registry`, and so by `cargo xtask dist`.
pub fn publish_to_folder(
    root: &Path,
    line: &IndexLine,
    name: &str,
    description: &str,
) -> anyhow::Result<()> {
    use anyhow::Context;
    let config = root.join("config.json");
    if !config.is_file() {
        let text = serde_json::json!({
            "nearer-registry": FORMAT,
            "about": "A nearer pack registry: index/<id>.jsonl, archives/<id>-<vers>.nearpack and .minisig signatures.",
        });
        write_public(&config, format!("{text:#}\n").as_bytes())?;
    }
    let index_file = root.join(index_path(&line.id));
    fs::create_dir_all(root.join("index"))
        .with_context(|| format!("could not create {}", root.join("index").display()))?;
    let mut lines = match fs::read(&index_file) {
        Ok(bytes) => parse_index(
            "(local)",
            &index_file.display().to_string(),
            &line.id,
            &bytes,
        )?,
        Err(_) => Vec::new(),
    };
    lines.retain(|l| l.vers != line.vers);
    lines.push(line.clone());
    lines.sort_by(|a, b| a.vers.cmp(&b.vers));
    write_index(&index_file, &lines)?;

    update_catalog(root, &lines, Some((name, description)))
}

/// Rewrites the catalog entry of the pack whose index `lines` were just written: its latest
/// non-yanked version, and its name and description when given.
fn update_catalog(
    root: &Path,
    lines: &[IndexLine],
    about: Option<(&str, &str)>,
) -> anyhow::Result<()> {
    let Some(first) = lines.first() else {
        return Ok(());
    };
    let catalog_file = root.join("catalog.json");
    let mut catalog: Vec<CatalogEntry> = fs::read(&catalog_file)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();
    let old = catalog.iter().find(|c| c.id == first.id).cloned();
    catalog.retain(|c| c.id != first.id);
    let latest = lines
        .iter()
        .filter(|l| !l.yanked)
        .max_by(|a, b| a.vers.cmp(&b.vers));
    if let Some(latest) = latest {
        let (name, description) = match (about, &old) {
            (Some((n, d)), _) => (n.to_owned(), d.to_owned()),
            (None, Some(o)) => (o.name.clone(), o.description.clone()),
            (None, None) => (String::new(), String::new()),
        };
        catalog.push(CatalogEntry {
            id: first.id.clone(),
            name,
            description,
            latest: latest.vers.clone(),
            native: latest.native,
        });
    }
    catalog.sort_by(|a, b| a.id.cmp(&b.id));
    write_public(
        &catalog_file,
        format!("{}\n", serde_json::to_string_pretty(&catalog)?).as_bytes(),
    )
}

fn write_index(index_file: &Path, lines: &[IndexLine]) -> anyhow::Result<()> {
    let mut text = String::new();
    for l in lines {
        text.push_str(&serde_json::to_string(l)?);
        text.push('\n');
    }
    write_public(index_file, text.as_bytes())
}

/// Marks a version in a registry folder as yanked (or not): resolution then passes it over,
/// while `packs.lock` files that name it still install it.
pub fn set_yanked(root: &Path, id: &str, version: &Version, yanked: bool) -> anyhow::Result<()> {
    use anyhow::Context;
    let index_file = root.join(index_path(id));
    let bytes = fs::read(&index_file).with_context(|| {
        format!(
            "could not read {}; is {} a registry folder that has {id}?",
            index_file.display(),
            root.display()
        )
    })?;
    let mut lines = parse_index("(local)", &index_file.display().to_string(), id, &bytes)?;
    let Some(line) = lines.iter_mut().find(|l| &l.vers == version) else {
        let have: Vec<String> = lines.iter().map(|l| l.vers.to_string()).collect();
        anyhow::bail!(
            "{} lists no {id} {version} (it lists {}); name one of those",
            index_file.display(),
            have.join(", ")
        );
    };
    line.yanked = yanked;
    write_index(&index_file, &lines)?;
    update_catalog(root, &lines, None)
}

/// Writes a registry file atomically, readable by everyone (a web server serves it).
fn write_public(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    use anyhow::Context;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, bytes).with_context(|| format!("could not write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("could not write {}", path.display()))
}
