//! `.nearpack` archives: a strict reader that treats every archive as hostile, and a
//! deterministic writer.
//!
//! A `.nearpack` is a gzip-compressed tar with one top folder `<id>-<version>/`. The reader
//! accepts only regular files and folders under that top folder, with portable relative names,
//! and stops at the first entry that breaks a rule: it never follows, creates or overwrites
//! anything outside the (fresh) destination folder. Caps on entries, unpacked size and
//! compression ratio are checked while reading, so a bomb is stopped before it fills the disk.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;

use flate2::read::GzDecoder;
use semver::Version;
use sha2::{Digest, Sha256};

/// The file name suffix of a pack archive.
pub const EXTENSION: &str = "nearpack";

/// How much an archive may hold. The defaults are far above any real pack.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most entries (files and folders) in one archive.
    pub max_entries: usize,
    /// Most bytes once unpacked, all files together.
    pub max_bytes: u64,
    /// Most unpacked bytes per compressed byte, checked once `ratio_grace` bytes are out.
    pub max_ratio: u64,
    /// Unpacked bytes below which the ratio is not checked (small text compresses well).
    pub ratio_grace: u64,
    /// Most bytes of the compressed archive itself.
    pub max_archive: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 4096,
            max_bytes: 256 << 20,
            max_ratio: 100,
            ratio_grace: 4 << 20,
            max_archive: 128 << 20,
        }
    }
}

/// Why an archive was refused. Every variant names the archive; the store is left unchanged.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// The file does not start like a gzip stream.
    #[error("{archive}: not a pack archive (a .nearpack is a gzip-compressed tar); check the file, or ask its author for a new one")]
    NotGzip {
        /// The archive.
        archive: PathBuf,
    },
    /// The gzip or tar structure is broken.
    #[error("{archive}: the archive is damaged ({reason}); download it again, or ask its author for a new one")]
    Corrupt {
        /// The archive.
        archive: PathBuf,
        /// What the decoder said.
        reason: String,
    },
    /// The file name is not `<id>-<version>.nearpack`.
    #[error("{archive}: a pack archive must be named <id>-<version>.nearpack (for example trust-1.0.0.nearpack); rename it to match the pack inside")]
    BadName {
        /// The archive.
        archive: PathBuf,
    },
    /// An entry has an absolute path.
    #[error("{archive}: refused: entry {path:?} has an absolute path, which could write anywhere on your disk; this archive is unsafe, do not install it")]
    Absolute {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
    },
    /// An entry climbs out with `..`.
    #[error("{archive}: refused: entry {path:?} climbs out of the pack with `..`; this archive is unsafe, do not install it")]
    Traversal {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
    },
    /// An entry's name is not portable (not UTF-8, backslash, colon, control character,
    /// hidden file, too long).
    #[error("{archive}: refused: entry {path:?} has a name that is not portable ({why}); ask the author to rename it")]
    UnsafeName {
        /// The archive.
        archive: PathBuf,
        /// The entry's name (lossy).
        path: String,
        /// What is wrong with it.
        why: &'static str,
    },
    /// A symbolic link.
    #[error("{archive}: refused: entry {path:?} is a symbolic link (to {target:?}); a pack holds only regular files and folders")]
    Symlink {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
        /// Where it points.
        target: String,
    },
    /// A hard link.
    #[error("{archive}: refused: entry {path:?} is a hard link (to {target:?}); a pack holds only regular files and folders")]
    HardLink {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
        /// What it links to.
        target: String,
    },
    /// A device file or a FIFO.
    #[error("{archive}: refused: entry {path:?} is a {kind}; a pack holds only regular files and folders")]
    Device {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
        /// Which kind of special file.
        kind: &'static str,
    },
    /// Any other entry type (sparse files, vendor extensions).
    #[error("{archive}: refused: entry {path:?} has tar type {kind:?}, which a pack may not hold; only regular files and folders")]
    OtherType {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
        /// The raw type byte.
        kind: char,
    },
    /// An entry outside the one top folder.
    #[error("{archive}: refused: entry {path:?} is not inside the top folder {expected:?}; a .nearpack holds exactly one folder named <id>-<version>/")]
    WrongTop {
        /// The archive.
        archive: PathBuf,
        /// The entry's name.
        path: String,
        /// The top folder the name of the archive calls for.
        expected: String,
    },
    /// Two entries whose names differ only in case (or the same name twice).
    #[error("{archive}: refused: entries {path:?} and {other:?} would be the same file on a case-insensitive disk; ask the author to rename one")]
    CaseCollision {
        /// The archive.
        archive: PathBuf,
        /// The later entry.
        path: String,
        /// The earlier entry.
        other: String,
    },
    /// More entries than the limit.
    #[error("{archive}: refused: more than {limit} entries; no pack needs that many files, so this archive is broken or hostile")]
    TooManyEntries {
        /// The archive.
        archive: PathBuf,
        /// The limit.
        limit: usize,
    },
    /// More unpacked bytes than the limit.
    #[error("{archive}: refused: it would unpack to more than {} MiB; no pack needs that much, so this archive is broken or hostile", limit >> 20)]
    TooLarge {
        /// The archive.
        archive: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// The compression ratio passed the bound (a decompression bomb).
    #[error("{archive}: refused: it expands more than {limit} times its compressed size, the mark of a decompression bomb; do not install it")]
    Ratio {
        /// The archive.
        archive: PathBuf,
        /// The bound.
        limit: u64,
    },
    /// The pack inside is another id or version than the archive's name (or the registry) says.
    #[error("{archive}: refused: it holds {found}, but {claimed_by} says {expected}; the archive was renamed or swapped, so do not install it")]
    Mismatch {
        /// The archive.
        archive: PathBuf,
        /// `id version` from the pack.toml inside.
        found: String,
        /// `id version` expected.
        expected: String,
        /// Who claimed the expected identity (the file name, or a registry's index).
        claimed_by: String,
    },
    /// Reading the archive or writing the staging folder failed.
    #[error("{archive}: could not unpack into {dest}: {source}")]
    Io {
        /// The archive.
        archive: PathBuf,
        /// Where it was being written.
        dest: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

/// Splits `trust-1.0.0.nearpack` into `("trust", 1.0.0)`; `None` when the name does not fit.
pub fn parse_archive_name(file_name: &str) -> Option<(String, Version)> {
    let stem = file_name.strip_suffix(&format!(".{EXTENSION}"))?;
    stem.match_indices('-').find_map(|(i, _)| {
        let (id, version) = (&stem[..i], &stem[i + 1..]);
        let version = Version::parse(version).ok()?;
        nearer_core::manifest::is_valid_id(id).then(|| (id.to_owned(), version))
    })
}

/// The top folder (and file stem) of an archive of `id` at `version`.
pub fn top_folder(id: &str, version: &Version) -> String {
    format!("{id}-{version}")
}

/// A reader that counts the bytes it hands on, shared with the unpacker for the ratio check.
struct Counting<R> {
    inner: R,
    count: Rc<Cell<u64>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.set(self.count.get() + n as u64);
        Ok(n)
    }
}

/// Unpacks `archive` into the empty folder `dest`, stripping the top folder `expected_top`.
/// Returns the SHA-256 of every file written, by path relative to `dest`. On error, `dest`
/// may hold part of the archive: the caller discards it (it is a staging folder).
pub fn unpack(
    archive: &Path,
    expected_top: &str,
    dest: &Path,
    limits: &Limits,
    progress: &indicatif::ProgressBar,
) -> Result<BTreeMap<String, String>, ArchiveError> {
    let io_err = |source: io::Error| ArchiveError::Io {
        archive: archive.to_path_buf(),
        dest: dest.to_path_buf(),
        source,
    };
    let mut file = fs::File::open(archive).map_err(io_err)?;
    let compressed_len = file.metadata().map_err(io_err)?.len();
    if compressed_len > limits.max_archive {
        return Err(ArchiveError::TooLarge {
            archive: archive.to_path_buf(),
            limit: limits.max_archive,
        });
    }
    let mut magic = [0u8; 2];
    if file.read_exact(&mut magic).is_err() || magic != [0x1f, 0x8b] {
        return Err(ArchiveError::NotGzip {
            archive: archive.to_path_buf(),
        });
    }
    drop(file);
    let file = fs::File::open(archive).map_err(io_err)?;
    progress.set_length(compressed_len);
    let compressed = Rc::new(Cell::new(0u64));
    let counting = Counting {
        inner: progress.wrap_read(file),
        count: Rc::clone(&compressed),
    };
    let mut tar = tar::Archive::new(GzDecoder::new(counting));
    let mut state = Unpacker {
        archive,
        dest,
        top: expected_top,
        limits,
        compressed,
        total: 0,
        entries: 0,
        seen: BTreeMap::new(),
        files: BTreeMap::new(),
    };
    let corrupt = |e: io::Error| ArchiveError::Corrupt {
        archive: archive.to_path_buf(),
        reason: e.to_string(),
    };
    for entry in tar.entries().map_err(corrupt)? {
        let entry = entry.map_err(corrupt)?;
        state.entry(entry)?;
    }
    progress.finish_and_clear();
    Ok(state.files)
}

struct Unpacker<'a> {
    archive: &'a Path,
    dest: &'a Path,
    top: &'a str,
    limits: &'a Limits,
    compressed: Rc<Cell<u64>>,
    total: u64,
    entries: usize,
    /// Lowercased path -> (path as written, is a folder).
    seen: BTreeMap<String, (String, bool)>,
    files: BTreeMap<String, String>,
}

impl Unpacker<'_> {
    fn archive(&self) -> PathBuf {
        self.archive.to_path_buf()
    }

    fn entry<R: Read>(&mut self, mut entry: tar::Entry<'_, R>) -> Result<(), ArchiveError> {
        use tar::EntryType as T;
        let kind = entry.header().entry_type();
        // A pax global header carries only defaults for later entries; it names no file.
        if kind == T::XGlobalHeader {
            return Ok(());
        }
        self.entries += 1;
        if self.entries > self.limits.max_entries {
            return Err(ArchiveError::TooManyEntries {
                archive: self.archive(),
                limit: self.limits.max_entries,
            });
        }
        let raw = entry.path_bytes().into_owned();
        let shown = String::from_utf8_lossy(&raw).into_owned();
        let rel = self.check_path(&raw, &shown)?;
        let is_dir = match kind {
            T::Regular | T::Continuous => false,
            T::Directory => true,
            T::Symlink => {
                return Err(ArchiveError::Symlink {
                    archive: self.archive(),
                    path: shown,
                    target: link_target(&entry),
                })
            }
            T::Link => {
                return Err(ArchiveError::HardLink {
                    archive: self.archive(),
                    path: shown,
                    target: link_target(&entry),
                })
            }
            T::Char | T::Block | T::Fifo => {
                let kind = match kind {
                    T::Char => "character device",
                    T::Block => "block device",
                    _ => "named pipe (FIFO)",
                };
                return Err(ArchiveError::Device {
                    archive: self.archive(),
                    path: shown,
                    kind,
                });
            }
            other => {
                return Err(ArchiveError::OtherType {
                    archive: self.archive(),
                    path: shown,
                    kind: char::from(other.as_byte()),
                })
            }
        };
        let Some(rel) = rel else {
            // The top folder itself.
            if is_dir {
                return Ok(());
            }
            return Err(ArchiveError::WrongTop {
                archive: self.archive(),
                path: shown,
                expected: format!("{}/", self.top),
            });
        };
        self.check_collision(&rel, is_dir)?;
        let target = self.dest.join(&rel);
        let io_err = |source: io::Error| ArchiveError::Io {
            archive: self.archive.to_path_buf(),
            dest: target.clone(),
            source,
        };
        if is_dir {
            fs::create_dir_all(&target).map_err(io_err)?;
            return Ok(());
        }
        let declared = entry.header().size().map_err(|e| ArchiveError::Corrupt {
            archive: self.archive(),
            reason: e.to_string(),
        })?;
        if self.total.saturating_add(declared) > self.limits.max_bytes {
            return Err(ArchiveError::TooLarge {
                archive: self.archive(),
                limit: self.limits.max_bytes,
            });
        }
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io_err)?;
        }
        let mut options = fs::OpenOptions::new();
        // create_new: never open something that already exists (a link planted by an
        // earlier entry, or a duplicate).
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o644);
        }
        let mut out = options.open(&target).map_err(io_err)?;
        let mut hasher = Sha256::new();
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            let n = entry.read(&mut buf).map_err(|e| ArchiveError::Corrupt {
                archive: self.archive(),
                reason: e.to_string(),
            })?;
            if n == 0 {
                break;
            }
            self.total += n as u64;
            if self.total > self.limits.max_bytes {
                return Err(ArchiveError::TooLarge {
                    archive: self.archive(),
                    limit: self.limits.max_bytes,
                });
            }
            let compressed = self.compressed.get().max(1);
            if self.total > self.limits.ratio_grace
                && self.total / compressed > self.limits.max_ratio
            {
                return Err(ArchiveError::Ratio {
                    archive: self.archive(),
                    limit: self.limits.max_ratio,
                });
            }
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n]).map_err(io_err)?;
        }
        out.flush().map_err(io_err)?;
        self.files.insert(rel, hex(&hasher.finalize()));
        Ok(())
    }

    /// Checks an entry's name; returns its path below the top folder (`None` for the top
    /// folder itself).
    fn check_path(&self, raw: &[u8], shown: &str) -> Result<Option<String>, ArchiveError> {
        let unsafe_name = |why| ArchiveError::UnsafeName {
            archive: self.archive(),
            path: shown.to_owned(),
            why,
        };
        let Ok(text) = std::str::from_utf8(raw) else {
            return Err(unsafe_name("not UTF-8"));
        };
        let bytes = text.as_bytes();
        let drive = bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':';
        if text.starts_with('/') || text.starts_with('\\') || drive {
            return Err(ArchiveError::Absolute {
                archive: self.archive(),
                path: shown.to_owned(),
            });
        }
        if text.split(['/', '\\']).any(|part| part == "..") {
            return Err(ArchiveError::Traversal {
                archive: self.archive(),
                path: shown.to_owned(),
            });
        }
        if text.contains('\\') {
            return Err(unsafe_name("it contains a backslash"));
        }
        let mut parts = text.split('/').filter(|p| !p.is_empty() && *p != ".");
        if parts.next() != Some(self.top) {
            return Err(ArchiveError::WrongTop {
                archive: self.archive(),
                path: shown.to_owned(),
                expected: format!("{}/", self.top),
            });
        }
        let rest: Vec<&str> = parts.collect();
        for part in &rest {
            if part.starts_with('.') {
                return Err(unsafe_name(
                    "hidden names starting with '.' are not allowed",
                ));
            }
            if part.chars().any(|c| c.is_control() || c == ':') {
                return Err(unsafe_name("it contains a colon or a control character"));
            }
            if part.len() > 255 {
                return Err(unsafe_name("a part of it is longer than 255 bytes"));
            }
        }
        Ok((!rest.is_empty()).then(|| rest.join("/")))
    }

    /// Refuses a name that equals, ignoring case, one seen before (or any of its folders).
    fn check_collision(&mut self, rel: &str, is_dir: bool) -> Result<(), ArchiveError> {
        let parts: Vec<&str> = rel.split('/').collect();
        for i in 1..=parts.len() {
            let prefix = parts[..i].join("/");
            let folder = i < parts.len() || is_dir;
            let key = prefix.to_lowercase();
            match self.seen.get(&key) {
                Some((earlier, earlier_dir)) => {
                    if *earlier != prefix || !folder || !earlier_dir {
                        return Err(ArchiveError::CaseCollision {
                            archive: self.archive(),
                            path: rel.to_owned(),
                            other: earlier.clone(),
                        });
                    }
                }
                None => {
                    self.seen.insert(key, (prefix, folder));
                }
            }
        }
        Ok(())
    }
}

fn link_target<R: Read>(entry: &tar::Entry<'_, R>) -> String {
    entry
        .link_name_bytes()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// Lowercase hex of a digest.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Writes the pack folder `src` (already validated) as `<out_dir>/<id>-<version>.nearpack`.
/// The archive is deterministic: sorted names, zero times and owners, fixed modes. Hidden
/// files are left out; links and special files are refused. Returns the archive's path.
pub fn write(
    src: &Path,
    id: &str,
    version: &Version,
    out_dir: &Path,
    progress: &indicatif::ProgressBar,
) -> anyhow::Result<PathBuf> {
    use anyhow::Context;
    let top = top_folder(id, version);
    let mut files = Vec::new();
    collect(src, Path::new(""), &mut files)?;
    progress.set_length(files.len() as u64);
    fs::create_dir_all(out_dir)
        .with_context(|| format!("could not create {}", out_dir.display()))?;
    let path = out_dir.join(format!("{top}.{EXTENSION}"));
    let tmp = out_dir.join(format!(".{top}.{EXTENSION}.tmp-{}", std::process::id()));
    let result = (|| -> anyhow::Result<()> {
        let out = fs::File::create(&tmp)
            .with_context(|| format!("could not create {}", tmp.display()))?;
        let gz = flate2::GzBuilder::new().write(out, flate2::Compression::default());
        let mut builder = tar::Builder::new(gz);
        let mut header = dir_header();
        builder
            .append_data(&mut header, format!("{top}/"), io::empty())
            .context("could not write the archive")?;
        for (rel, is_dir) in &files {
            let name = format!("{top}/{}", rel.to_string_lossy().replace('\\', "/"));
            if *is_dir {
                let mut header = dir_header();
                builder
                    .append_data(&mut header, format!("{name}/"), io::empty())
                    .context("could not write the archive")?;
            } else {
                let from = src.join(rel);
                let file = fs::File::open(&from)
                    .with_context(|| format!("could not read {}", from.display()))?;
                let len = file.metadata()?.len();
                let mut header = tar::Header::new_gnu();
                header.set_entry_type(tar::EntryType::Regular);
                header.set_mode(0o644);
                header.set_mtime(0);
                header.set_uid(0);
                header.set_gid(0);
                header.set_size(len);
                builder
                    .append_data(&mut header, &name, file)
                    .with_context(|| format!("could not add {} to the archive", from.display()))?;
            }
            progress.inc(1);
        }
        let gz = builder
            .into_inner()
            .context("could not finish the archive")?;
        let out = gz.finish().context("could not finish the archive")?;
        out.sync_all().context("could not save the archive")?;
        fs::rename(&tmp, &path).with_context(|| format!("could not write {}", path.display()))?;
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    progress.finish_and_clear();
    result.map(|()| path)
}

fn dir_header() -> tar::Header {
    let mut header = tar::Header::new_gnu();
    header.set_entry_type(tar::EntryType::Directory);
    header.set_mode(0o755);
    header.set_mtime(0);
    header.set_uid(0);
    header.set_gid(0);
    header.set_size(0);
    header
}

/// Lists files and folders under `dir` (sorted, hidden names skipped), refusing links.
fn collect(dir: &Path, rel: &Path, out: &mut Vec<(PathBuf, bool)>) -> anyhow::Result<()> {
    use anyhow::{bail, Context};
    let here = dir.join(rel);
    let mut entries: Vec<_> = fs::read_dir(&here)
        .with_context(|| format!("could not read {}", here.display()))?
        .collect::<io::Result<_>>()
        .with_context(|| format!("could not read {}", here.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = rel.join(&name);
        let kind = entry.file_type()?;
        if kind.is_dir() {
            out.push((path.clone(), true));
            collect(dir, &path, out)?;
        } else if kind.is_file() {
            out.push((path, false));
        } else {
            bail!(
                "{} is a link or special file; a pack may hold only regular files and folders",
                entry.path().display()
            );
        }
    }
    Ok(())
}

/// SHA-256 of a file as lowercase hex, with the file's length.
pub fn sha256_and_len(path: &Path) -> io::Result<(String, u64)> {
    let mut file = fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let len = io::copy(&mut file, &mut hasher)?;
    Ok((hex(&hasher.finalize()), len))
}
