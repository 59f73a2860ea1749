//! Trust: archive checksums and minisign signatures against pinned keys.
//!
//! A registry's index gives each archive's SHA-256, which is always checked. Signatures are
//! checked with `minisign-verify` against the keys pinned for that registry in `config.toml`.
//! The signature's trusted comment must name the same pack id and version
//! (`id=trust version=1.0.0`), so an old, validly signed archive cannot be offered as a newer
//! version. "Could not verify" (no signature, or a key we do not know) is a different outcome
//! from "verification failed" (a signature that does not match): the first is a choice for the
//! user when no native code is involved; the second is always refused.

use std::path::{Path, PathBuf};

use minisign_verify::{PublicKey, Signature};

/// A key pinned in the config, with how it was written there.
#[derive(Debug, Clone)]
pub struct PinnedKey {
    /// The base64 key line, as shown to users.
    pub text: String,
    /// The parsed key.
    pub key: PublicKey,
}

/// What checking a signature found, when it did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Signed by this pinned key (base64), for this id and version.
    Signed(String),
    /// There is no signature.
    Unsigned,
    /// Signed, by a key that is not pinned for this source.
    UnknownKey,
}

impl Verdict {
    /// A short description for records and messages.
    pub fn describe(&self) -> String {
        match self {
            Verdict::Signed(key) => format!("signed by {key}"),
            Verdict::Unsigned => "could not verify: not signed".into(),
            Verdict::UnknownKey => "could not verify: signed by a key you have not pinned".into(),
        }
    }

    /// True when the signature was checked against a pinned key.
    pub fn is_verified(&self) -> bool {
        matches!(self, Verdict::Signed(_))
    }
}

/// A trust failure. Each names the file and what to do.
#[derive(Debug, thiserror::Error)]
pub enum TrustError {
    /// The archive's SHA-256 differs from the registry's index line.
    #[error("verification failed: {archive} has SHA-256 {found}, but {claimed_by} says {expected}; the download was damaged or tampered with, so it was not installed (try again; if it repeats, tell the registry's owner)")]
    Checksum {
        /// The archive.
        archive: String,
        /// The expected checksum.
        expected: String,
        /// The actual checksum.
        found: String,
        /// Who gave the expected checksum.
        claimed_by: String,
    },
    /// A pinned key's signature does not match the archive.
    #[error("verification failed: the signature {signature} does not match the archive (checked with pinned key {key}); the archive was changed after signing, so it was not installed")]
    BadSignature {
        /// The signature file.
        signature: String,
        /// The key.
        key: String,
    },
    /// The signature is valid but for another pack or version.
    #[error("verification failed: {signature} is a valid signature for {found}, not for {expected}; an old or different archive is being passed off as this one, so it was not installed")]
    WrongComment {
        /// The signature file.
        signature: String,
        /// What the trusted comment names.
        found: String,
        /// `id version` being installed.
        expected: String,
    },
    /// The signature file is not minisign's format.
    #[error("could not verify: {signature} is not a minisign signature ({reason}); the registry should publish one made with `minisign -S`")]
    MalformedSignature {
        /// The signature file.
        signature: String,
        /// Why it could not be read.
        reason: String,
    },
    /// A key given by the user or in the config is not a minisign public key.
    #[error("{origin}: {text:?} is not a minisign public key ({reason}); give the key line (it starts with \"RW\") or the path of a minisign .pub file")]
    BadKey {
        /// Where the key came from (a file, config.toml, the command line).
        origin: String,
        /// The text (shortened).
        text: String,
        /// Why.
        reason: String,
    },
    /// Native code that could not be verified, without `--allow-unsigned`.
    #[error("could not verify {pack}: {why}. It contains native code, which runs with all your rights on this machine, so nearer installs it only when you pass --allow-unsigned (do that only if you trust where it came from); or pin the publisher's key with `nearer registry add NAME LOCATION --key KEY`")]
    NativeUnverified {
        /// `id version`.
        pack: String,
        /// Why it could not be verified.
        why: String,
    },
}

/// Reads a minisign public key: a bare base64 line, or the text of a `.pub` file.
pub fn parse_key(text: &str, origin: &str) -> Result<PinnedKey, TrustError> {
    let trimmed = text.trim();
    let line = trimmed
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("untrusted comment:"))
        .unwrap_or("");
    let bad = |reason: &str| TrustError::BadKey {
        origin: origin.to_owned(),
        text: shorten(trimmed),
        reason: reason.to_owned(),
    };
    let key = PublicKey::from_base64(line).map_err(|e| bad(&e.to_string()))?;
    Ok(PinnedKey {
        text: line.to_owned(),
        key,
    })
}

/// Reads a key given on the command line: a path to a `.pub` file if one exists there, else
/// the key itself.
pub fn read_key_arg(arg: &str) -> Result<PinnedKey, TrustError> {
    let path = Path::new(arg);
    if path.is_file() {
        let text = std::fs::read_to_string(path).map_err(|e| TrustError::BadKey {
            origin: path.display().to_string(),
            text: String::new(),
            reason: e.to_string(),
        })?;
        return parse_key(&text, &path.display().to_string());
    }
    parse_key(arg, "--key")
}

fn shorten(text: &str) -> String {
    let mut s: String = text.chars().take(60).collect();
    if text.chars().count() > 60 {
        s.push('…');
    }
    s
}

/// The trusted comment that names a pack version.
pub fn trusted_comment(id: &str, version: &str) -> String {
    format!("id={id} version={version}")
}

/// Checks `signature_text` (a `.minisig`, or `None` if there is none) over `archive_bytes`
/// against `keys`, and that its trusted comment names `id` and `version`.
pub fn check_signature(
    archive_bytes: &[u8],
    signature_text: Option<&str>,
    signature_path: &Path,
    keys: &[PinnedKey],
    id: &str,
    version: &str,
) -> Result<Verdict, TrustError> {
    let Some(text) = signature_text else {
        return Ok(Verdict::Unsigned);
    };
    let shown = signature_path.display().to_string();
    let signature = Signature::decode(text).map_err(|e| TrustError::MalformedSignature {
        signature: shown.clone(),
        reason: e.to_string(),
    })?;
    for pinned in keys {
        match pinned.key.verify(archive_bytes, &signature, false) {
            Ok(()) => {
                check_comment(signature.trusted_comment(), &shown, id, version)?;
                return Ok(Verdict::Signed(pinned.text.clone()));
            }
            Err(minisign_verify::Error::UnexpectedKeyId) => continue,
            Err(minisign_verify::Error::UnexpectedAlgorithm) => {
                return Err(TrustError::MalformedSignature {
                    signature: shown,
                    reason: "a legacy, non-prehashed signature; sign again with a current minisign"
                        .into(),
                })
            }
            Err(_) => {
                return Err(TrustError::BadSignature {
                    signature: shown,
                    key: pinned.text.clone(),
                })
            }
        }
    }
    Ok(Verdict::UnknownKey)
}

fn check_comment(comment: &str, shown: &str, id: &str, version: &str) -> Result<(), TrustError> {
    let field = |name: &str| {
        comment
            .split_whitespace()
            .find_map(|w| w.strip_prefix(name)?.strip_prefix('='))
    };
    let (found_id, found_version) = (field("id"), field("version"));
    if found_id == Some(id) && found_version == Some(version) {
        return Ok(());
    }
    let found = match (found_id, found_version) {
        (Some(i), Some(v)) => format!("{i} {v}"),
        _ => format!(
            "a file whose trusted comment is {comment:?} (it should be {:?})",
            trusted_comment(id, version)
        ),
    };
    Err(TrustError::WrongComment {
        signature: shown.to_owned(),
        found,
        expected: format!("{id} {version}"),
    })
}

/// The `.minisig` path beside an archive.
pub fn signature_path(archive: &Path) -> PathBuf {
    let mut name = archive.as_os_str().to_owned();
    name.push(".minisig");
    PathBuf::from(name)
}
