//! Loading native pack libraries. The only module with `unsafe` or `libloading`.
//!
//! Checks run in the order the design fixes, each failing with its own error naming the pack:
//! the file's checksum against the store's record, the file loads (`RTLD_NOW`, so a missing
//! symbol fails here and not mid-session), the symbols exist, the ABI matches, the API the
//! library was built against is semver-compatible with ours, and the manifest's `host`
//! requirement accepts our API. Libraries are never unloaded: `dlclose` on a Rust library
//! with thread-locals is unsound, and a process runs few packs.

use std::ffi::{c_char, CStr};
use std::path::{Path, PathBuf};

use nearer_core::abi::{
    NativeManifest, PackRequest, PackResponse, PackV1, ABI_VERSION, API_VERSION, ENTRY_SYMBOL,
    MANIFEST_SYMBOL,
};
use semver::{Version, VersionReq};

use crate::store::{library_path, sha256_file, InstalledPack};

/// Why a native library cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file is not the one that was installed.
    #[error("pack {pack}: {path} does not match the checksum recorded at install (it was changed or damaged); reinstall the pack")]
    Checksum {
        /// Pack id.
        pack: String,
        /// The library file.
        path: PathBuf,
    },
    /// The file is missing or could not be read.
    #[error("pack {pack}: could not read {path}: {reason}; reinstall the pack")]
    Unreadable {
        /// Pack id.
        pack: String,
        /// The library file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The operating system refused to load it.
    #[error("pack {pack}: {path} is not a loadable library for this machine ({reason}); rebuild the pack for {target}")]
    Open {
        /// Pack id.
        pack: String,
        /// The library file.
        path: PathBuf,
        /// The loader's message.
        reason: String,
        /// This machine's target.
        target: &'static str,
    },
    /// A required symbol is missing.
    #[error("pack {pack}: the library does not export `{symbol}`, so it is not a nearer pack library (or was built for another ABI); rebuild it with `nearer_core::export_pack!`")]
    MissingSymbol {
        /// Pack id.
        pack: String,
        /// The symbol.
        symbol: &'static str,
    },
    /// The manifest JSON could not be read.
    #[error("pack {pack}: the library's manifest is unreadable ({reason}); rebuild it with `nearer_core::export_pack!`")]
    BadManifest {
        /// Pack id.
        pack: String,
        /// Why.
        reason: String,
    },
    /// Another ABI major.
    #[error("pack {pack}: the library speaks ABI {found}, this nearer speaks ABI {ABI_VERSION}; install a version of the pack built for ABI {ABI_VERSION}")]
    Abi {
        /// Pack id.
        pack: String,
        /// The library's ABI.
        found: u32,
    },
    /// Built against an incompatible pack API.
    #[error("pack {pack}: the library was built against pack API {built}, which this nearer (API {API_VERSION}) cannot serve; update nearer, or install a pack version built for API {API_VERSION}")]
    Api {
        /// Pack id.
        pack: String,
        /// The API it was built against.
        built: String,
    },
    /// Built with `panic = "abort"`.
    #[error("pack {pack}: the library was built with panic = \"abort\", so any bug in it would end nearer without saving; rebuild it with panic = \"unwind\"")]
    PanicAbort {
        /// Pack id.
        pack: String,
    },
    /// The library is for another pack or version than its folder says.
    #[error("pack {pack}: the library belongs to {found}, but pack.toml says {expected}; rebuild the pack")]
    Mismatch {
        /// Pack id.
        pack: String,
        /// What the library says.
        found: String,
        /// What pack.toml says.
        expected: String,
    },
    /// The manifest's `host` requirement rejects our API version.
    #[error("pack {pack}: it requires pack API {requirement}, and this nearer has API {API_VERSION}; install a version of the pack that fits, or update nearer")]
    Host {
        /// Pack id.
        pack: String,
        /// The requirement from pack.toml.
        requirement: String,
    },
    /// The function table is older than the fields we need.
    #[error(
        "pack {pack}: the library's function table is too small ({size} bytes); rebuild the pack"
    )]
    Table {
        /// Pack id.
        pack: String,
        /// Its size.
        size: usize,
    },
    /// A call returned something that is not a response.
    #[error("pack {pack}: the library answered with something unreadable ({reason})")]
    Protocol {
        /// Pack id.
        pack: String,
        /// Why.
        reason: String,
    },
}

/// A loaded native pack library, ready for calls.
pub struct NativeLibrary {
    pack: String,
    table: &'static PackV1,
    /// What the library said about itself.
    pub manifest: NativeManifest,
}

impl std::fmt::Debug for NativeLibrary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeLibrary")
            .field("pack", &self.pack)
            .finish()
    }
}

type ManifestFn = unsafe extern "C" fn() -> *const c_char;
type EntryFn = unsafe extern "C" fn() -> *const PackV1;

impl NativeLibrary {
    /// Loads the native library of an installed pack, running every check in order.
    pub fn load_installed(pack: &InstalledPack) -> Result<Self, LoadError> {
        let id = pack.manifest.id.clone();
        let Some(native) = &pack.manifest.native else {
            return Err(LoadError::BadManifest {
                pack: id,
                reason: "pack.toml has no [native] table".into(),
            });
        };
        let path = library_path(&pack.dir, &native.library);
        let rel = path
            .strip_prefix(&pack.dir)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let actual = sha256_file(&path).map_err(|e| LoadError::Unreadable {
            pack: id.clone(),
            path: path.clone(),
            reason: format!("{e:#}"),
        })?;
        if pack.record.files.get(&rel) != Some(&actual) {
            return Err(LoadError::Checksum { pack: id, path });
        }
        let lib = Self::open(&id, &path)?;
        lib.check_identity(&pack.manifest.id, &pack.manifest.version)?;
        if !pack.manifest.host.matches(&nearer_core::api_version()) {
            return Err(LoadError::Host {
                pack: id,
                requirement: pack.manifest.host.to_string(),
            });
        }
        Ok(lib)
    }

    /// Opens a library file and checks its symbols, ABI, API and panic strategy.
    pub fn open(pack: &str, path: &Path) -> Result<Self, LoadError> {
        let pack = pack.to_owned();
        let lib = open_now(path).map_err(|reason| LoadError::Open {
            pack: pack.clone(),
            path: path.to_path_buf(),
            reason,
            target: nearer_core::abi::BUILD_TARGET,
        })?;
        // Never unloaded (see the module docs): leak it so its symbols live for the process.
        let lib: &'static libloading::Library = Box::leak(Box::new(lib));

        // SAFETY: the symbol, if present, is declared by `export_pack!` with exactly this
        // signature; a library that exports the name with another type is not a nearer pack,
        // which is the risk every plugin host takes on its installed, checksummed files.
        let manifest_fn: libloading::Symbol<'static, ManifestFn> = unsafe {
            lib.get(MANIFEST_SYMBOL.as_bytes())
        }
        .map_err(|_| LoadError::MissingSymbol {
            pack: pack.clone(),
            symbol: MANIFEST_SYMBOL,
        })?;
        // SAFETY: as above, for the entry symbol's declared signature.
        let entry_fn: libloading::Symbol<'static, EntryFn> =
            unsafe { lib.get(ENTRY_SYMBOL.as_bytes()) }.map_err(|_| LoadError::MissingSymbol {
                pack: pack.clone(),
                symbol: ENTRY_SYMBOL,
            })?;

        // SAFETY: `nearer_pack_manifest` takes nothing and returns a pointer to a static,
        // NUL-terminated string owned by the library, which is never unloaded.
        let raw = unsafe { manifest_fn() };
        if raw.is_null() {
            return Err(LoadError::BadManifest {
                pack,
                reason: "the manifest symbol returned nothing".into(),
            });
        }
        // SAFETY: non-null, NUL-terminated and static, as just stated.
        let text = unsafe { CStr::from_ptr(raw) }
            .to_string_lossy()
            .into_owned();
        let manifest = parse_native_manifest(&pack, &text)?;

        // SAFETY: `nearer_pack_v1` takes nothing and returns a pointer to a static table.
        let table_ptr = unsafe { entry_fn() };
        if table_ptr.is_null() {
            return Err(LoadError::Table { pack, size: 0 });
        }
        // SAFETY: non-null and pointing to a `'static` table in a library never unloaded. Only
        // `size` is read before it is checked to cover the whole struct.
        let size = unsafe { (*table_ptr).size };
        if size < std::mem::size_of::<PackV1>() {
            return Err(LoadError::Table { pack, size });
        }
        // SAFETY: the table is at least as large as the struct we read it as (checked above).
        let table: &'static PackV1 = unsafe { &*table_ptr };
        Ok(NativeLibrary {
            pack,
            table,
            manifest,
        })
    }

    fn check_identity(&self, id: &str, version: &Version) -> Result<(), LoadError> {
        let found = format!("{} {}", self.manifest.pack, self.manifest.version);
        let expected = format!("{id} {version}");
        if found != expected {
            return Err(LoadError::Mismatch {
                pack: id.to_owned(),
                found,
                expected,
            });
        }
        Ok(())
    }

    /// Sends one request and returns the pack's response.
    pub fn call(&self, request: &PackRequest) -> Result<PackResponse, LoadError> {
        let bytes = serde_json::to_vec(request).map_err(|e| LoadError::Protocol {
            pack: self.pack.clone(),
            reason: e.to_string(),
        })?;
        // SAFETY: `call` reads exactly `len` bytes from our live buffer and returns bytes it
        // owns; we copy them before handing them back to the same library's `free`, once.
        let response = unsafe {
            let out = (self.table.call)(bytes.as_ptr(), bytes.len());
            let copy = if out.ptr.is_null() {
                Vec::new()
            } else {
                std::slice::from_raw_parts(out.ptr, out.len).to_vec()
            };
            (self.table.free)(out);
            copy
        };
        serde_json::from_slice(&response).map_err(|e| LoadError::Protocol {
            pack: self.pack.clone(),
            reason: e.to_string(),
        })
    }
}

/// Checks the fields of a library's manifest that need no pack folder.
fn parse_native_manifest(pack: &str, text: &str) -> Result<NativeManifest, LoadError> {
    let manifest: NativeManifest =
        serde_json::from_str(text).map_err(|e| LoadError::BadManifest {
            pack: pack.to_owned(),
            reason: e.to_string(),
        })?;
    if manifest.abi != ABI_VERSION {
        return Err(LoadError::Abi {
            pack: pack.to_owned(),
            found: manifest.abi,
        });
    }
    let compatible = Version::parse(&manifest.api)
        .ok()
        .and_then(|built| VersionReq::parse(&format!("^{built}")).ok())
        .is_some_and(|req| req.matches(&nearer_core::api_version()));
    if !compatible {
        return Err(LoadError::Api {
            pack: pack.to_owned(),
            built: manifest.api,
        });
    }
    if manifest.panic != "unwind" {
        return Err(LoadError::PanicAbort {
            pack: pack.to_owned(),
        });
    }
    Ok(manifest)
}

#[cfg(unix)]
fn open_now(path: &Path) -> Result<libloading::Library, String> {
    use libloading::os::unix::{Library, RTLD_LOCAL, RTLD_NOW};
    // SAFETY: loading runs the library's initialisers. Only installed pack libraries, whose
    // checksum matched the store's record, reach this point.
    unsafe { Library::open(Some(path), RTLD_NOW | RTLD_LOCAL) }
        .map(Into::into)
        .map_err(|e| e.to_string())
}

#[cfg(not(unix))]
fn open_now(path: &Path) -> Result<libloading::Library, String> {
    // SAFETY: as on Unix; Windows resolves imports at load time.
    unsafe { libloading::Library::new(path) }.map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn manifest(abi: u32, api: &str, panic: &str) -> String {
        format!(
            r#"{{"abi":{abi},"api":"{api}","pack":"p","version":"1.0.0","rustc":"r","target":"t","panic":"{panic}","later":"ignored"}}"#
        )
    }

    #[test]
    fn manifest_checks_come_in_order() {
        assert!(parse_native_manifest("p", &manifest(ABI_VERSION, API_VERSION, "unwind")).is_ok());
        assert!(matches!(
            parse_native_manifest("p", &manifest(9, "9.0.0", "abort")),
            Err(LoadError::Abi { found: 9, .. })
        ));
        assert!(matches!(
            parse_native_manifest("p", &manifest(ABI_VERSION, "2.0.0", "abort")),
            Err(LoadError::Api { .. })
        ));
        assert!(matches!(
            parse_native_manifest("p", &manifest(ABI_VERSION, "1.99.0", "unwind")),
            Err(LoadError::Api { .. })
        ));
        assert!(matches!(
            parse_native_manifest("p", &manifest(ABI_VERSION, API_VERSION, "abort")),
            Err(LoadError::PanicAbort { .. })
        ));
        assert!(matches!(
            parse_native_manifest("p", "{"),
            Err(LoadError::BadManifest { .. })
        ));
    }
}
