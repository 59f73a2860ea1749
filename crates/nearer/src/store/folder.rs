//! Reading and copying a pack folder: validation with file access, native library paths,
//! checksums.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use nearer_core::manifest::{check_pack, MANIFEST_FILE};
use nearer_core::Manifest;
use sha2::{Digest, Sha256};

/// Reads and validates the pack in `dir`: its manifest and every content file.
pub fn read_pack_folder(dir: &Path) -> Result<Manifest> {
    let path = dir.join(MANIFEST_FILE);
    let src = fs::read_to_string(&path).with_context(|| {
        format!(
            "{} could not be read; a pack folder holds a pack.toml at its top",
            path.display()
        )
    })?;
    let read = |rel: &str| fs::read_to_string(dir.join(rel)).ok();
    check_pack(&src, &read).map_err(|e| anyhow::anyhow!("in pack folder {}:\n{e}", dir.display()))
}

/// Where a pack's native library for this machine lives.
pub fn library_path(pack_dir: &Path, library: &str) -> PathBuf {
    pack_dir
        .join("lib")
        .join(nearer_core::abi::BUILD_TARGET)
        .join(format!(
            "{}{library}{}",
            std::env::consts::DLL_PREFIX,
            std::env::consts::DLL_SUFFIX
        ))
}

/// SHA-256 of a file, as lowercase hex.
pub fn sha256_file(path: &Path) -> Result<String> {
    let mut file =
        fs::File::open(path).with_context(|| format!("could not open {}", path.display()))?;
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = file
            .read(&mut buf)
            .with_context(|| format!("could not read {}", path.display()))?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

/// Copies regular files and folders from `src` to `dst`, recording each file's checksum under
/// its relative path. Links and special files are refused: a pack is plain files.
pub fn copy_tree(
    src: &Path,
    dst: &Path,
    rel: &Path,
    files: &mut BTreeMap<String, String>,
) -> Result<()> {
    fs::create_dir_all(dst).with_context(|| format!("could not create {}", dst.display()))?;
    let mut entries: Vec<_> = fs::read_dir(src)
        .with_context(|| format!("could not read {}", src.display()))?
        .collect::<std::io::Result<_>>()
        .with_context(|| format!("could not read {}", src.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let kind = entry
            .file_type()
            .with_context(|| format!("could not inspect {}", entry.path().display()))?;
        let from = entry.path();
        let to = dst.join(&name);
        let rel_path = rel.join(&name);
        if kind.is_dir() {
            copy_tree(&from, &to, &rel_path, files)?;
        } else if kind.is_file() {
            fs::copy(&from, &to).with_context(|| format!("could not copy {}", from.display()))?;
            let key = rel_path.to_string_lossy().replace('\\', "/");
            files.insert(key, sha256_file(&to)?);
        } else {
            bail!(
                "{} is a link or special file; a pack may hold only regular files and folders",
                from.display()
            );
        }
    }
    Ok(())
}

/// Lists every file under `dir` (hidden ones too) by relative path with `/` separators.
/// Links count as files, so an added link is reported too.
pub fn list_files(dir: &Path, rel: &Path, out: &mut BTreeMap<String, ()>) -> Result<()> {
    let here = dir.join(rel);
    for entry in
        fs::read_dir(&here).with_context(|| format!("could not read {}", here.display()))?
    {
        let entry = entry.with_context(|| format!("could not read {}", here.display()))?;
        let path = rel.join(entry.file_name());
        if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
            list_files(dir, &path, out)?;
        } else {
            out.insert(path.to_string_lossy().replace('\\', "/"), ());
        }
    }
    Ok(())
}
