//! Store tests: the hostile-archive corpus, trust and signatures, registries in a folder,
//! resolution, versions side by side, removal with dependents, and `packs.lock`.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use semver::Version;
use tar::EntryType;

use super::archive::ArchiveError;
use super::fetch::{self, Registries};
use super::trust::TrustError;
use super::*;
use crate::home::Home;

/// A temp folder with a home inside it, and somewhere to put archives and registries.
struct Env {
    tmp: tempfile::TempDir,
    home: Home,
    store: Store,
}

fn env() -> Env {
    let tmp = tempfile::tempdir().expect("temp dir");
    let home = Home::at(&tmp.path().join("home"));
    let store = Store::open(&home).expect("store opens");
    Env { tmp, home, store }
}

impl Env {
    fn path(&self, rel: &str) -> PathBuf {
        self.tmp.path().join(rel)
    }

    /// Every file and folder under the temp folder, with file contents.
    fn snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        fn walk(dir: &Path, root: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
            for entry in fs::read_dir(dir).expect("readable").flatten() {
                let path = entry.path();
                let rel = path
                    .strip_prefix(root)
                    .expect("inside")
                    .display()
                    .to_string();
                let meta = fs::symlink_metadata(&path).expect("metadata");
                if meta.is_dir() {
                    out.insert(format!("{rel}/"), Vec::new());
                    walk(&path, root, out);
                } else {
                    out.insert(rel, fs::read(&path).unwrap_or_default());
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.tmp.path(), self.tmp.path(), &mut out);
        out
    }
}

const REFLECTION: &str =
    "intro = \"Hi.\"\nprompts = [\"What helped today?\"]\noutro = \"Thanks.\"\n";

/// A content-only pack manifest.
fn manifest(id: &str, version: &str, extra: &str) -> String {
    format!(
        r#"schema = 1
id = "{id}"
name = "Pack {id}"
version = "{version}"
description = "A test pack about closeness."
authors = ["Tests"]
license = "MIT"
host = "^1.0"
{extra}
[[exercise]]
id = "reflect"
title = "Reflect"
summary = "One question."
kind = "reflection"
minutes = 5
participants = "either"
component = "trust"
content = "content/reflect.toml"
"#
    )
}

/// Writes a pack folder; `native` adds a (dummy) library for this machine.
fn pack_folder(dir: &Path, id: &str, version: &str, deps: &str, native: bool) -> PathBuf {
    let root = dir.join(format!("src-{id}-{version}"));
    fs::create_dir_all(root.join("content")).expect("mkdir");
    let mut extra = String::new();
    if native {
        extra.push_str(&format!(
            "[native]\nlibrary = \"{}\"\n",
            id.replace('-', "_")
        ));
        let lib = library_path(&root, &id.replace('-', "_"));
        fs::create_dir_all(lib.parent().expect("parent")).expect("mkdir");
        fs::write(&lib, b"not really a library").expect("write");
    }
    if !deps.is_empty() {
        extra.push_str(&format!("[dependencies]\n{deps}\n"));
    }
    fs::write(root.join("pack.toml"), manifest(id, version, &extra)).expect("write");
    fs::write(root.join("content/reflect.toml"), REFLECTION).expect("write");
    root
}

/// One raw tar entry.
struct Raw<'a> {
    name: &'a [u8],
    kind: EntryType,
    data: Vec<u8>,
    link: &'a [u8],
    size: Option<u64>,
}

fn file(name: &str, data: &[u8]) -> Raw<'static> {
    Raw {
        name: Box::leak(name.as_bytes().to_vec().into_boxed_slice()),
        kind: EntryType::Regular,
        data: data.to_vec(),
        link: b"",
        size: None,
    }
}

fn special(name: &'static str, kind: EntryType, link: &'static str) -> Raw<'static> {
    Raw {
        name: name.as_bytes(),
        kind,
        data: Vec::new(),
        link: link.as_bytes(),
        size: None,
    }
}

/// Builds a tar.gz by hand, so that entries no well-behaved tool would write can be made.
fn targz(entries: &[Raw<'_>]) -> Vec<u8> {
    let mut tar = Vec::new();
    for e in entries {
        let mut header = tar::Header::new_gnu();
        {
            let old = header.as_old_mut();
            old.name[..e.name.len()].copy_from_slice(e.name);
            old.linkname[..e.link.len()].copy_from_slice(e.link);
        }
        header.set_entry_type(e.kind);
        header.set_mode(0o644);
        header.set_size(e.size.unwrap_or(e.data.len() as u64));
        header.set_cksum();
        tar.extend_from_slice(header.as_bytes());
        tar.extend_from_slice(&e.data);
        let pad = (512 - e.data.len() % 512) % 512;
        tar.extend(std::iter::repeat_n(0u8, pad));
    }
    tar.extend(std::iter::repeat_n(0u8, 1024));
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&tar).expect("gzip");
    gz.finish().expect("gzip")
}

/// The entries of a valid content-only pack `p` 1.0.0 under `top`.
fn valid_entries(top: &str) -> Vec<Raw<'static>> {
    vec![
        file(
            &format!("{top}/pack.toml"),
            manifest("p", "1.0.0", "").as_bytes(),
        ),
        file(
            &format!("{top}/content/reflect.toml"),
            REFLECTION.as_bytes(),
        ),
    ]
}

fn install_bytes(env: &Env, name: &str, bytes: &[u8]) -> Result<Installed> {
    let dir = env.path("incoming");
    fs::create_dir_all(&dir).expect("mkdir");
    let path = dir.join(name);
    fs::write(&path, bytes).expect("write");
    let lock = env.store.lock()?;
    env.store
        .install_archive_file(&lock, &path, &[], InstallOptions::default())
}

#[test]
fn a_valid_archive_installs() {
    let env = env();
    let r = install_bytes(&env, "p-1.0.0.nearpack", &targz(&valid_entries("p-1.0.0")))
        .expect("installs");
    assert!(matches!(r, Installed::New(_)));
    let pack = env.store.get("p").expect("installed");
    assert_eq!(pack.record.files.len(), 2);
    assert_eq!(env.store.verify().expect("verify").1.len(), 0);
}

#[test]
fn hostile_archives_are_refused_each_with_its_own_message() {
    let evil_abs = format!("/tmp/nearer-store-test-evil-{}.txt", std::process::id());
    let mut many = valid_entries("p-1.0.0");
    for i in 0..4100 {
        many.push(file(&format!("p-1.0.0/content/f{i}.txt"), b""));
    }
    let mut too_large = valid_entries("p-1.0.0");
    too_large.push(Raw {
        size: Some(300 << 20),
        ..file("p-1.0.0/content/huge.bin", b"x")
    });
    let mut bomb = valid_entries("p-1.0.0");
    bomb.push(file("p-1.0.0/content/zeros.bin", &vec![0u8; 8 << 20]));
    let with = |extra: Raw<'static>| {
        let mut v = valid_entries("p-1.0.0");
        v.push(extra);
        v
    };
    let mismatch = vec![
        file("p-1.0.0/pack.toml", manifest("p", "2.0.0", "").as_bytes()),
        file("p-1.0.0/content/reflect.toml", REFLECTION.as_bytes()),
    ];
    let cases: Vec<(&str, Vec<Raw<'static>>, &str)> = vec![
        (
            "traversal",
            with(file("p-1.0.0/../../evil.txt", b"x")),
            "climbs out of the pack",
        ),
        (
            "absolute",
            with(file(&evil_abs, b"x")),
            "has an absolute path",
        ),
        (
            "symlink",
            with(special("p-1.0.0/link", EntryType::Symlink, "/etc/passwd")),
            "is a symbolic link",
        ),
        (
            "hard link",
            with(special(
                "p-1.0.0/hard",
                EntryType::Link,
                "p-1.0.0/pack.toml",
            )),
            "is a hard link",
        ),
        (
            "device",
            with(special("p-1.0.0/tty", EntryType::Char, "")),
            "character device",
        ),
        (
            "fifo",
            with(special("p-1.0.0/pipe", EntryType::Fifo, "")),
            "named pipe",
        ),
        (
            "case collision",
            with(file("p-1.0.0/Content/reflect.toml", b"x")),
            "case-insensitive",
        ),
        ("too many entries", many, "more than 4096 entries"),
        ("too large", too_large, "more than 256 MiB"),
        ("compression bomb", bomb, "decompression bomb"),
        (
            "wrong top folder",
            with(file("q-1.0.0/pack.toml", b"x")),
            "is not inside the top folder",
        ),
        (
            "id/version mismatch",
            mismatch,
            "holds p 2.0.0, but its file name",
        ),
        (
            "hidden file",
            with(file("p-1.0.0/.install.json", b"{}")),
            "hidden names",
        ),
    ];
    let mut messages = Vec::new();
    for (what, entries, expected) in cases {
        let env = env();
        // The store already holds a pack; it must come through untouched.
        install_bytes(&env, "p-1.0.0.nearpack", &targz(&valid_entries("p-1.0.0")))
            .expect("the good copy installs");
        let bytes = targz(&entries);
        let path = env.path("incoming/p-1.0.0.nearpack");
        fs::write(&path, &bytes).expect("write");
        let before = env.snapshot();
        let lock = env.store.lock().expect("lock");
        let err = env
            .store
            .install_archive_file(
                &lock,
                &path,
                &[],
                InstallOptions {
                    force: true,
                    allow_unsigned: true,
                },
            )
            .expect_err(what);
        drop(lock);
        let message = format!("{err:#}");
        assert!(
            err.downcast_ref::<ArchiveError>().is_some(),
            "{what}: not an archive error: {message}"
        );
        assert!(message.contains(expected), "{what}: {message}");
        assert_eq!(env.snapshot(), before, "{what}: something changed on disk");
        assert!(!Path::new(&evil_abs).exists(), "{what}: wrote outside");
        messages.push(message.replace(&path.display().to_string(), ""));
    }
    let mut unique = messages.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        messages.len(),
        "messages must differ: {messages:#?}"
    );
}

#[test]
fn archive_names_and_gzip_are_checked() {
    let env = env();
    let err =
        install_bytes(&env, "p.nearpack", &targz(&valid_entries("p-1.0.0"))).expect_err("bad name");
    assert!(format!("{err:#}").contains("must be named <id>-<version>.nearpack"));
    let err = install_bytes(&env, "p-1.0.0.nearpack", b"PK\x03\x04 a zip").expect_err("zip");
    assert!(format!("{err:#}").contains("not a pack archive"));
    assert_eq!(
        archive::parse_archive_name("my-pack-2-1.0.0-rc.1.nearpack"),
        Some(("my-pack-2".into(), Version::parse("1.0.0-rc.1").expect("v")))
    );
}

#[test]
fn written_archives_are_deterministic_and_read_back() {
    let env = env();
    let src = pack_folder(env.tmp.path(), "p", "1.0.0", "", false);
    let a = archive::write(
        &src,
        "p",
        &Version::new(1, 0, 0),
        &env.path("a"),
        &indicatif::ProgressBar::hidden(),
    )
    .expect("write");
    let b = archive::write(
        &src,
        "p",
        &Version::new(1, 0, 0),
        &env.path("b"),
        &indicatif::ProgressBar::hidden(),
    )
    .expect("write");
    assert_eq!(fs::read(&a).expect("a"), fs::read(&b).expect("b"));
    let lock = env.store.lock().expect("lock");
    env.store
        .install_archive_file(&lock, &a, &[], InstallOptions::default())
        .expect("installs");
}

/// A registry folder with signing keys, built the way `cargo xtask dist` does.
struct Reg {
    root: PathBuf,
    key: minisign::KeyPair,
    other: minisign::KeyPair,
}

impl Reg {
    fn new(env: &Env) -> Self {
        Reg {
            root: env.path("registry"),
            key: minisign::KeyPair::generate_unencrypted_keypair().expect("key"),
            other: minisign::KeyPair::generate_unencrypted_keypair().expect("key"),
        }
    }

    fn public(&self) -> String {
        self.key.pk.to_base64()
    }

    /// Publishes a pack version, signed by `key` (None: unsigned) with `comment`.
    fn publish_with(
        &self,
        env: &Env,
        id: &str,
        version: &str,
        deps: &str,
        native: bool,
        key: Option<&minisign::KeyPair>,
    ) -> PathBuf {
        let src = pack_folder(env.tmp.path(), id, version, deps, native);
        let m = read_pack_folder(&src).expect("valid");
        let path = archive::write(
            &src,
            id,
            &m.version,
            &self.root.join("archives"),
            &indicatif::ProgressBar::hidden(),
        )
        .expect("archive");
        let (cksum, _) = archive::sha256_and_len(&path).expect("hash");
        let line = registry::IndexLine {
            id: id.into(),
            vers: m.version.clone(),
            host: m.host.clone(),
            deps: m.dependencies.clone(),
            cksum,
            yanked: false,
            native,
        };
        registry::publish_to_folder(&self.root, &line, &m.name, &m.description).expect("publish");
        if let Some(key) = key {
            self.sign(&path, key, &trust::trusted_comment(id, version));
        }
        path
    }

    fn publish(&self, env: &Env, id: &str, version: &str, deps: &str, native: bool) -> PathBuf {
        self.publish_with(env, id, version, deps, native, Some(&self.key))
    }

    fn sign(&self, archive: &Path, key: &minisign::KeyPair, comment: &str) {
        let sig = minisign::sign(
            Some(&key.pk),
            &key.sk,
            fs::File::open(archive).expect("open"),
            Some(comment),
            None,
        )
        .expect("sign");
        fs::write(trust::signature_path(archive), sig.to_string()).expect("write sig");
    }

    /// Rewrites the index of `id` through `edit`.
    fn edit_index(&self, id: &str, edit: impl Fn(&mut Vec<registry::IndexLine>)) {
        let path = self.root.join(registry::index_path(id));
        let mut lines =
            registry::parse_index("t", "t", id, &fs::read(&path).expect("index")).expect("parse");
        edit(&mut lines);
        let text: String = lines
            .iter()
            .map(|l| serde_json::to_string(l).expect("json") + "\n")
            .collect();
        fs::write(path, text).expect("write");
    }

    fn configure(&self, env: &Env, keys: &[String]) {
        let mut config = config::Config::load(&env.home).expect("config");
        config.registries.insert(
            "test".into(),
            config::RegistryConfig {
                name: "test".into(),
                location: self.root.display().to_string(),
                keys: keys
                    .iter()
                    .map(|k| trust::parse_key(k, "test").expect("key"))
                    .collect(),
            },
        );
        config.save().expect("save");
    }
}

fn install_ids(env: &Env, specs: &[&str], options: InstallOptions) -> Result<fetch::Outcome> {
    let lock = env.store.lock()?;
    let mut registries = Registries::load(&env.store)?;
    let roots = specs
        .iter()
        .map(|s| fetch::parse_spec(s).expect("spec").expect("valid"))
        .collect();
    fetch::install(&env.store, &lock, &mut registries, roots, options)
}

fn err_text(r: Result<fetch::Outcome>) -> String {
    format!("{:#}", r.expect_err("must fail"))
}

#[test]
fn signed_native_packs_install_from_a_folder_registry() {
    let env = env();
    let reg = Reg::new(&env);
    reg.publish(&env, "trust", "1.0.0", "", true);
    reg.publish(&env, "trust", "1.1.0", "", true);
    reg.configure(&env, &[reg.public()]);
    let out = install_ids(&env, &["trust@^1"], InstallOptions::default()).expect("installs");
    let pack = out.installed[0].pack();
    assert_eq!(pack.manifest.version.to_string(), "1.1.0");
    assert!(pack
        .record
        .trust
        .as_deref()
        .is_some_and(|t| t.starts_with("signed by")));
    // Side by side: the older version too, which becomes active; then back.
    install_ids(&env, &["trust@=1.0.0"], InstallOptions::default()).expect("installs");
    assert_eq!(env.store.versions_of("trust").len(), 2);
    assert_eq!(
        env.store
            .get("trust")
            .expect("get")
            .manifest
            .version
            .to_string(),
        "1.0.0"
    );
    let lock = env.store.lock().expect("lock");
    env.store
        .set_active(&lock, "trust", &Version::new(1, 1, 0))
        .expect("use");
    drop(lock);
    assert_eq!(
        env.store
            .get("trust")
            .expect("get")
            .manifest
            .version
            .to_string(),
        "1.1.0"
    );
    assert!(env.store.verify().expect("verify").1.is_empty());
}

#[test]
fn trust_failures_are_refused_and_told_apart() {
    let env = env();
    let reg = Reg::new(&env);
    reg.configure(&env, &[reg.public()]);
    let before_any = || env.store.ids().expect("ids");

    // Checksum mismatch: the index says one thing, the archive is another.
    reg.publish(&env, "a", "1.0.0", "", true);
    reg.edit_index("a", |l| l[0].cksum = "0".repeat(64));
    let e = err_text(install_ids(&env, &["a"], InstallOptions::default()));
    assert!(
        e.contains("verification failed") && e.contains("SHA-256"),
        "{e}"
    );

    // Bad signature: signed, then the archive changed (and the index updated to match).
    let path = reg.publish(&env, "b", "1.0.0", "", false);
    let mut bytes = fs::read(&path).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    fs::write(&path, bytes).expect("tamper");
    let (sum, _) = archive::sha256_and_len(&path).expect("hash");
    reg.edit_index("b", |l| l[0].cksum = sum.clone());
    let e = err_text(install_ids(
        &env,
        &["b"],
        InstallOptions {
            force: false,
            allow_unsigned: true,
        },
    ));
    assert!(
        e.contains("verification failed") && e.contains("does not match"),
        "{e}"
    );

    // Unknown key: native needs --allow-unsigned; content-only installs with a note.
    reg.publish_with(&env, "c", "1.0.0", "", true, Some(&reg.other));
    let e = err_text(install_ids(&env, &["c"], InstallOptions::default()));
    assert!(
        e.contains("could not verify c 1.0.0") && e.contains("--allow-unsigned"),
        "{e}"
    );
    assert!(e.contains("a key you have not pinned"), "{e}");
    // Unsigned native: the same.
    reg.publish_with(&env, "d", "1.0.0", "", true, None);
    let e = err_text(install_ids(&env, &["d"], InstallOptions::default()));
    assert!(
        e.contains("could not verify d 1.0.0") && e.contains("not signed"),
        "{e}"
    );
    assert!(before_any().is_empty(), "nothing installed so far");
    install_ids(
        &env,
        &["d"],
        InstallOptions {
            force: false,
            allow_unsigned: true,
        },
    )
    .expect("allowed");
    reg.publish_with(&env, "e", "1.0.0", "", false, Some(&reg.other));
    let out = install_ids(&env, &["e"], InstallOptions::default()).expect("content-only");
    assert!(out.installed[0]
        .pack()
        .record
        .trust
        .as_deref()
        .is_some_and(|t| t.starts_with("could not verify")));

    // An old archive's valid signature offered as a newer version.
    let old = reg.publish(&env, "f", "1.0.0", "", true);
    let newer = reg.root.join("archives/f-1.1.0.nearpack");
    fs::copy(&old, &newer).expect("copy");
    fs::copy(trust::signature_path(&old), trust::signature_path(&newer)).expect("copy");
    let (sum, _) = archive::sha256_and_len(&newer).expect("hash");
    reg.edit_index("f", |l| {
        let mut line = l[0].clone();
        line.vers = Version::new(1, 1, 0);
        line.cksum = sum.clone();
        l.push(line);
    });
    let e = err_text(install_ids(
        &env,
        &["f@=1.1.0"],
        InstallOptions {
            force: false,
            allow_unsigned: true,
        },
    ));
    assert!(
        e.contains("verification failed")
            && e.contains("valid signature for f 1.0.0, not for f 1.1.0"),
        "{e}"
    );
    assert_eq!(
        env.store.ids().expect("ids"),
        vec!["d".to_owned(), "e".to_owned()]
    );
}

#[test]
fn resolution_skips_yanked_and_incompatible_and_names_conflicts() {
    let env = env();
    let reg = Reg::new(&env);
    reg.configure(&env, &[reg.public()]);
    reg.publish(&env, "y", "1.0.0", "", false);
    reg.publish(&env, "y", "1.1.0", "", false);
    reg.edit_index("y", |l| l[1].yanked = true);
    let out = install_ids(&env, &["y"], InstallOptions::default()).expect("installs");
    assert_eq!(
        out.installed[0].pack().manifest.version.to_string(),
        "1.0.0"
    );
    let e = err_text(install_ids(&env, &["y@=1.1.0"], InstallOptions::default()));
    assert!(e.contains("1.1.0 is yanked"), "{e}");

    reg.publish(&env, "h", "2.0.0", "", false);
    reg.edit_index("h", |l| {
        l[0].host = semver::VersionReq::parse("^2").expect("req")
    });
    let e = err_text(install_ids(&env, &["h"], InstallOptions::default()));
    assert!(e.contains("2.0.0 needs pack API ^2"), "{e}");

    reg.publish(&env, "base", "1.0.0", "", false);
    reg.publish(&env, "base", "2.0.0", "", false);
    reg.publish(&env, "left", "1.0.0", "base = \"^1\"", false);
    reg.publish(&env, "right", "1.0.0", "base = \"^2\"", false);
    let e = err_text(install_ids(
        &env,
        &["left", "right"],
        InstallOptions::default(),
    ));
    assert!(e.contains("dependency conflict on base"), "{e}");
    assert!(
        e.contains("left 1.0.0 needs base ^1") && e.contains("right 1.0.0 needs base ^2"),
        "{e}"
    );

    // With left installed, installing right conflicts with the installed pack.
    install_ids(&env, &["left"], InstallOptions::default()).expect("left and base 1");
    assert_eq!(
        env.store.active_version("base"),
        Some(Version::new(1, 0, 0))
    );
    let e = err_text(install_ids(&env, &["right"], InstallOptions::default()));
    assert!(e.contains("installed pack left 1.0.0 needs base ^1"), "{e}");

    // Removing base is refused while left needs it.
    let lock = env.store.lock().expect("lock");
    let e = env
        .store
        .remove(&lock, "base", None, false)
        .expect_err("refused");
    assert!(
        format!("{e:#}").contains("still needed by left 1.0.0"),
        "{e:#}"
    );
    env.store
        .remove(&lock, "left", None, false)
        .expect("left goes");
    env.store
        .remove(&lock, "base", None, false)
        .expect("then base");
}

#[test]
fn update_moves_to_the_highest_compatible_version() {
    let env = env();
    let reg = Reg::new(&env);
    reg.configure(&env, &[reg.public()]);
    reg.publish(&env, "u", "1.0.0", "", false);
    install_ids(&env, &["u"], InstallOptions::default()).expect("installs");
    reg.publish(&env, "u", "1.2.0", "", false);
    reg.publish(&env, "u", "1.3.0", "", false);
    reg.edit_index("u", |l| l[2].yanked = true);
    let lock = env.store.lock().expect("lock");
    let mut registries = Registries::load(&env.store).expect("registries");
    fetch::update(
        &env.store,
        &lock,
        &mut registries,
        &[],
        InstallOptions::default(),
    )
    .expect("updates");
    assert_eq!(env.store.active_version("u"), Some(Version::new(1, 2, 0)));
}

#[test]
fn locked_installs_reproduce_the_lock_file() {
    let env = env();
    let reg = Reg::new(&env);
    reg.configure(&env, &[reg.public()]);
    reg.publish(&env, "l", "1.0.0", "", false);
    install_ids(&env, &["l"], InstallOptions::default()).expect("installs");
    let lockfile_text = fs::read_to_string(lockfile::path(&env.home)).expect("packs.lock");
    assert!(lockfile_text.contains("id = \"l\""), "{lockfile_text}");
    // A newer version appears; a locked install still gives 1.0.0, on a fresh home.
    reg.publish(&env, "l", "1.1.0", "", false);
    let other = Env {
        home: Home::at(&env.path("home2")),
        store: Store::open(&Home::at(&env.path("home2"))).expect("open"),
        tmp: tempfile::tempdir().expect("tmp"),
    };
    reg.configure(&other, &[reg.public()]);
    fs::write(lockfile::path(&other.home), &lockfile_text).expect("copy lock");
    let lock = other.store.lock().expect("lock");
    let mut registries = Registries::load(&other.store).expect("registries");
    fetch::install_locked(
        &other.store,
        &lock,
        &mut registries,
        InstallOptions::default(),
    )
    .expect("locked");
    assert_eq!(other.store.versions_of("l"), vec![Version::new(1, 0, 0)]);
    // If the registry now serves another archive for 1.0.0, the locked install refuses.
    let lock2 = env.store.lock().expect("lock");
    env.store.remove(&lock2, "l", None, false).expect("remove");
    drop(lock2);
    fs::write(lockfile::path(&env.home), &lockfile_text).expect("restore lock");
    reg.edit_index("l", |l| l[0].cksum = "1".repeat(64));
    let lock3 = env.store.lock().expect("lock");
    let mut registries = Registries::load(&env.store).expect("registries");
    let e = fetch::install_locked(
        &env.store,
        &lock3,
        &mut registries,
        InstallOptions::default(),
    )
    .expect_err("changed");
    assert!(format!("{e:#}").contains("packs.lock"), "{e:#}");
}

#[test]
fn interrupted_installs_are_cleaned_on_the_next_open() {
    let env = env();
    let lock = env.store.lock().expect("lock");
    let staging = env.store.staging(&lock).expect("staging");
    fs::write(staging.path().join("half"), b"x").expect("write");
    let leftover = staging.path().to_path_buf();
    std::mem::forget(staging);
    drop(lock);
    assert!(leftover.exists());
    Store::open(&env.home).expect("open");
    assert!(!leftover.exists());
}

#[test]
fn keys_and_signatures_that_are_not_minisign_say_so() {
    let e = trust::parse_key("hello", "config.toml").expect_err("bad");
    assert!(
        e.to_string().contains("config.toml")
            && e.to_string().contains("not a minisign public key")
    );
    let e = trust::check_signature(
        b"x",
        Some("garbage"),
        Path::new("a.minisig"),
        &[],
        "a",
        "1.0.0",
    )
    .expect_err("bad");
    assert!(matches!(e, TrustError::MalformedSignature { .. }));
    assert!(e.to_string().starts_with("could not verify"));
}

#[test]
fn config_keeps_other_settings_and_names_its_errors() {
    let env = env();
    let path = config::Config::path(&env.home);
    fs::write(&path, "[other]\nkept = true\n").expect("write");
    let reg = Reg::new(&env);
    reg.configure(&env, &[reg.public()]);
    let text = fs::read_to_string(&path).expect("read");
    assert!(
        text.contains("kept = true") && text.contains("[registry.test]"),
        "{text}"
    );
    fs::write(&path, "[registry.x]\nkeys = []\n").expect("write");
    let e = format!(
        "{:#}",
        config::Config::load(&env.home).expect_err("no location")
    );
    assert!(
        e.contains("config.toml: [registry.x] location is missing"),
        "{e}"
    );
    fs::write(
        &path,
        "[registry.x]\nlocation = \"/r\"\nkeys = [\"nope\"]\n",
    )
    .expect("write");
    let e = format!(
        "{:#}",
        config::Config::load(&env.home).expect_err("bad key")
    );
    assert!(
        e.contains("[registry.x] keys") && e.contains("not a minisign public key"),
        "{e}"
    );
    fs::write(&path, "not = [toml").expect("write");
    let e = format!(
        "{:#}",
        config::Config::load(&env.home).expect_err("bad toml")
    );
    assert!(e.contains("is not valid TOML"), "{e}");
}

#[test]
fn native_folders_need_allow_unsigned_and_content_folders_do_not() {
    let env = env();
    let native = pack_folder(env.tmp.path(), "n", "1.0.0", "", true);
    let content = pack_folder(env.tmp.path(), "t", "1.0.0", "", false);
    let lock = env.store.lock().expect("lock");
    let e = env
        .store
        .install_folder(&lock, &native, InstallOptions::default())
        .expect_err("unsigned native");
    assert!(
        format!("{e:#}").contains("a pack folder carries no signature"),
        "{e:#}"
    );
    assert!(env.store.ids().expect("ids").is_empty());
    env.store
        .install_folder(&lock, &content, InstallOptions::default())
        .expect("content-only");
    env.store
        .install_folder(
            &lock,
            &native,
            InstallOptions {
                force: false,
                allow_unsigned: true,
            },
        )
        .expect("allowed");
    // The same version with other files needs --force.
    fs::write(
        content.join("content/reflect.toml"),
        REFLECTION.replace("Hi.", "Hello."),
    )
    .expect("edit");
    let e = env
        .store
        .install_folder(&lock, &content, InstallOptions::default())
        .expect_err("differs");
    assert!(format!("{e:#}").contains("--force"), "{e:#}");
    let r = env
        .store
        .install_folder(
            &lock,
            &content,
            InstallOptions {
                force: true,
                allow_unsigned: false,
            },
        )
        .expect("replaced");
    assert!(matches!(r, Installed::Replaced(_)));
    assert!(env.store.verify().expect("verify").1.is_empty());
}

#[test]
fn index_errors_name_the_file_and_line() {
    let good = r#"{"id":"a","vers":"1.0.0","host":"^1.0","cksum":"0000000000000000000000000000000000000000000000000000000000000000"}"#;
    let lines = registry::parse_index("r", "index/a.jsonl", "a", good.as_bytes()).expect("good");
    assert!(!lines[0].yanked && lines[0].deps.is_empty());
    let text = format!("{good}\n{{\"id\":\"b\"}}\n");
    let e = registry::parse_index("r", "index/a.jsonl", "a", text.as_bytes()).expect_err("bad");
    assert!(e.to_string().contains("index/a.jsonl line 2"), "{e}");
    let other = good.replace("\"a\"", "\"b\"");
    let e = registry::parse_index("r", "index/a.jsonl", "a", other.as_bytes()).expect_err("bad");
    assert!(e.to_string().contains("in the index of \"a\""), "{e}");
    let short = good.replace("0000000000", "");
    let e = registry::parse_index("r", "index/a.jsonl", "a", short.as_bytes()).expect_err("bad");
    assert!(e.to_string().contains("not a SHA-256"), "{e}");
}

#[test]
fn update_asks_the_registry_a_pack_came_from() {
    let env = env();
    let first = Reg::new(&env);
    let second = Reg {
        root: env.path("registry-2"),
        key: minisign::KeyPair::generate_unencrypted_keypair().expect("key"),
        other: minisign::KeyPair::generate_unencrypted_keypair().expect("key"),
    };
    first.publish(&env, "p", "1.0.0", "", false);
    second.publish(&env, "p", "1.5.0", "", false);
    let mut config = config::Config::load(&env.home).expect("config");
    for (name, reg) in [("a-first", &first), ("b-second", &second)] {
        config.registries.insert(
            name.into(),
            config::RegistryConfig {
                name: name.into(),
                location: reg.root.display().to_string(),
                keys: vec![trust::parse_key(&reg.public(), "test").expect("key")],
            },
        );
    }
    config.save().expect("save");
    let lock = env.store.lock().expect("lock");
    let mut registries = Registries::load(&env.store).expect("registries");
    registries.only("b-second").expect("exists");
    let spec = fetch::parse_spec("p").expect("spec").expect("valid");
    fetch::install(
        &env.store,
        &lock,
        &mut registries,
        vec![spec],
        InstallOptions::default(),
    )
    .expect("installs");
    assert_eq!(env.store.active_version("p"), Some(Version::new(1, 5, 0)));
    second.publish(&env, "p", "1.6.0", "", false);
    let mut registries = Registries::load(&env.store).expect("registries");
    fetch::update(
        &env.store,
        &lock,
        &mut registries,
        &[],
        InstallOptions::default(),
    )
    .expect("updates");
    assert_eq!(env.store.active_version("p"), Some(Version::new(1, 6, 0)));
    let pack = env.store.get("p").expect("get");
    assert!(
        matches!(pack.record.origin, Some(Origin::Registry { ref name, .. }) if name == "b-second")
    );
}
