//! xtask: nearer's automation in Rust, run as `cargo xtask <command>`.
//!
//! `build` compiles the workspace and stages every pack under `packs/` (and every loader test
//! fixture under `tests/fixtures/`) as an installable folder in `target/packs/<id>/`, with its
//! native library in `lib/<target>/`. `run` builds, installs the bundled packs into the home,
//! and runs `nearer`. `test` builds, then runs every test with the staged packs' location in
//! the environment. `ci` adds the format and lint checks. `dist` writes a signed registry of
//! the bundled packs in `target/dist/registry/`, signing with the minisign key in `dist/keys/`
//! (created, unencrypted, if there is none; kept out of git), and registers it in the home as
//! `bundled`, trusting that key; `run` installs the bundled packs from it.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

const HELP: &str = "\
cargo xtask <command>

  build            build nearer and stage every pack in target/packs/
  run [-- ARGS]    build, dist, install the bundled packs into the home, run `nearer ARGS`
  dist             build, write a signed registry of the bundled packs in target/dist/registry,
                   and register it as `bundled` in the home (NEARER_HOME, else the default)
  test [-- ARGS]   build, then run every test in the workspace (ARGS go to cargo test)
  ci               cargo fmt --check, clippy -D warnings, then test
  bench            time a native session in a child process against in-process, side by side
";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("xtask: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<ExitCode> {
    let mut args = env::args().skip(1);
    let command = args.next().unwrap_or_default();
    let rest: Vec<String> = args.skip_while(|a| a == "--").collect();
    let ws = Workspace::locate()?;
    match command.as_str() {
        "build" => ws.build().map(|_| ExitCode::SUCCESS),
        "run" => ws.run_nearer(&rest),
        "dist" => ws.dist().map(|_| ExitCode::SUCCESS),
        "test" => ws.test(&rest),
        "ci" => ws.ci(),
        "bench" => ws.bench(),
        "" | "help" | "--help" | "-h" => {
            print!("{HELP}");
            Ok(ExitCode::SUCCESS)
        }
        other => bail!("unknown command {other:?}\n\n{HELP}"),
    }
}

struct Workspace {
    root: PathBuf,
    target: PathBuf,
}

/// What `build` produced.
struct Built {
    nearer: PathBuf,
    packs: PathBuf,
    fixtures: PathBuf,
}

impl Workspace {
    fn locate() -> Result<Self> {
        let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .context("xtask is not inside the workspace")?
            .to_path_buf();
        let target = env::var_os("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("target"));
        Ok(Workspace { root, target })
    }

    fn cargo(&self) -> Command {
        let mut cmd = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        cmd.current_dir(&self.root);
        cmd
    }

    fn build(&self) -> Result<Built> {
        status(self.cargo().args(["build", "--workspace"]), "cargo build")?;
        let out = self.target.join("debug");
        let triple = host_triple()?;
        let packs = self.target.join("packs");
        let fixtures = self.target.join("fixtures");
        let staged = stage_all(&self.root.join("packs"), &packs, &out, &triple)?;
        stage_all(&self.root.join("tests/fixtures"), &fixtures, &out, &triple)?;
        eprintln!("xtask: staged {staged} packs in {}", packs.display());
        Ok(Built {
            nearer: out.join(format!("nearer{}", env::consts::EXE_SUFFIX)),
            packs,
            fixtures,
        })
    }

    fn run_nearer(&self, args: &[String]) -> Result<ExitCode> {
        let (built, ids) = self.dist()?;
        // From the signed registry, so the bundled native packs install as verified.
        let mut install = Command::new(&built.nearer);
        install.args(["pack", "install", "--force"]).args(&ids);
        status(&mut install, "nearer pack install")?;
        let code = Command::new(&built.nearer)
            .args(args)
            .status()
            .context("could not start nearer")?
            .code()
            .unwrap_or(1);
        Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
    }

    /// Builds, then writes the bundled packs as a signed registry and registers it in the
    /// home as `bundled` with the dist key pinned. Returns what was built and the pack ids.
    fn dist(&self) -> Result<(Built, Vec<String>)> {
        let built = self.build()?;
        let keys = self.root.join("dist").join("keys");
        let (secret, public) = dist_key(&keys)?;
        let registry = self.target.join("dist").join("registry");
        let mut packs: Vec<PathBuf> = fs::read_dir(&built.packs)
            .with_context(|| format!("could not read {}", built.packs.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("pack.toml").is_file())
            .collect();
        packs.sort();
        let mut ids = Vec::new();
        for (n, pack) in packs.iter().enumerate() {
            let out = Command::new(&built.nearer)
                .args(["pack", "archive"])
                .arg(pack)
                .arg("--registry")
                .arg(&registry)
                .stderr(std::process::Stdio::inherit())
                .output()
                .context("could not start nearer pack archive")?;
            if !out.status.success() {
                bail!(
                    "nearer pack archive {} failed ({})",
                    pack.display(),
                    out.status
                );
            }
            let line = String::from_utf8_lossy(&out.stdout);
            let (id, version) = (json_field(&line, "id")?, json_field(&line, "vers")?);
            let archive = registry
                .join("archives")
                .join(format!("{id}-{version}.nearpack"));
            sign(
                &archive,
                &secret,
                &public,
                &format!("id={id} version={version}"),
            )?;
            eprintln!(
                "xtask: dist [{}/{}] {id} {version} archived and signed",
                n + 1,
                packs.len()
            );
            ids.push(id);
        }
        let mut add = Command::new(&built.nearer);
        add.args(["registry", "add", "bundled"])
            .arg(&registry)
            .arg("--key")
            .arg(public.to_base64());
        status(&mut add, "nearer registry add")?;
        eprintln!(
            "xtask: registry in {} (key {}), registered as `bundled` in this home; install with `nearer pack install ID` (e.g. trust@^1)\n       for another home: nearer registry add bundled {} --key {}",
            registry.display(),
            keys.join("nearer-dist.pub").display(),
            registry.display(),
            public.to_base64()
        );
        Ok((built, ids))
    }

    fn test(&self, args: &[String]) -> Result<ExitCode> {
        let built = self.build()?;
        let mut cmd = self.cargo();
        cmd.args(["test", "--workspace"])
            .args(args)
            .env("NEARER_BIN", &built.nearer)
            .env("NEARER_STAGED_PACKS", &built.packs)
            .env("NEARER_FIXTURES", &built.fixtures);
        status(&mut cmd, "cargo test")?;
        Ok(ExitCode::SUCCESS)
    }

    /// Times starting a native exercise isolated (the default) and `--in-process`,
    /// interleaved in one run so machine noise hits both alike, and prints medians and ratio.
    fn bench(&self) -> Result<ExitCode> {
        const ROUNDS: usize = 21;
        let built = self.build()?;
        let home = self.target.join("bench-home");
        if home.exists() {
            fs::remove_dir_all(&home)?;
        }
        fs::create_dir_all(&home)?;
        let nearer = |args: &[&str]| {
            let mut cmd = Command::new(&built.nearer);
            cmd.args(args)
                .env("NEARER_HOME", &home)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null());
            cmd
        };
        let trust = built.packs.join("trust");
        status(
            nearer(&["pack", "install", "--allow-unsigned"]).arg(&trust),
            "nearer pack install",
        )?;
        let cases: [(&str, &[&str]); 3] = [
            ("list (no pack code runs)", &["list"]),
            (
                "native session, isolated",
                &["run", "trust/time-out", "--json", "--seed", "1"],
            ),
            (
                "native session, in-process",
                &[
                    "run",
                    "trust/time-out",
                    "--json",
                    "--seed",
                    "1",
                    "--in-process",
                ],
            ),
        ];
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); cases.len()];
        for _ in 0..ROUNDS {
            for (i, (_, args)) in cases.iter().enumerate() {
                let start = std::time::Instant::now();
                nearer(args).status().context("could not run nearer")?;
                times[i].push(start.elapsed().as_secs_f64() * 1000.0);
            }
        }
        let medians: Vec<f64> = times
            .iter_mut()
            .map(|t| {
                t.sort_by(f64::total_cmp);
                t[t.len() / 2]
            })
            .collect();
        println!("median wall time over {ROUNDS} interleaved rounds (debug build):");
        for ((name, _), m) in cases.iter().zip(&medians) {
            println!("  {name:<28} {m:>7.1} ms");
        }
        println!(
            "  isolation costs {:.1} ms per session ({:.2}x the in-process start)",
            medians[1] - medians[2],
            medians[1] / medians[2]
        );
        Ok(ExitCode::SUCCESS)
    }

    fn ci(&self) -> Result<ExitCode> {
        status(
            self.cargo().args(["fmt", "--all", "--", "--check"]),
            "cargo fmt --check",
        )?;
        status(
            self.cargo().args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ]),
            "cargo clippy",
        )?;
        self.test(&[])
    }
}

fn status(cmd: &mut Command, what: &str) -> Result<()> {
    let st = cmd
        .status()
        .with_context(|| format!("could not start {what}"))?;
    if !st.success() {
        bail!("{what} failed ({st})");
    }
    Ok(())
}

fn host_triple() -> Result<String> {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let out = Command::new(rustc)
        .arg("-vV")
        .output()
        .context("could not run rustc -vV")?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: "))
        .map(str::to_owned)
        .context("rustc -vV did not name the host triple")
}

/// Stages every pack folder under `src` (each with a `pack.toml`) into `dst/<id>/`.
fn stage_all(src: &Path, dst: &Path, build_dir: &Path, triple: &str) -> Result<usize> {
    let Ok(entries) = fs::read_dir(src) else {
        return Ok(0);
    };
    let mut count = 0;
    for entry in entries.flatten() {
        let dir = entry.path();
        if dir.join("pack.toml").is_file() {
            stage(&dir, dst, build_dir, triple)?;
            count += 1;
        }
    }
    Ok(count)
}

/// Copies one pack's manifest, content and credits, and its built library, into `dst/<id>/`.
fn stage(pack: &Path, dst: &Path, build_dir: &Path, triple: &str) -> Result<()> {
    let manifest_path = pack.join("pack.toml");
    let text = fs::read_to_string(&manifest_path)
        .with_context(|| format!("could not read {}", manifest_path.display()))?;
    let manifest: toml::Table = toml::from_str(&text)
        .with_context(|| format!("{} is not valid TOML", manifest_path.display()))?;
    let id = manifest
        .get("id")
        .and_then(|v| v.as_str())
        .with_context(|| format!("{} has no id", manifest_path.display()))?;
    let out = dst.join(id);
    if out.exists() {
        fs::remove_dir_all(&out).with_context(|| format!("could not clear {}", out.display()))?;
    }
    fs::create_dir_all(&out)?;
    fs::copy(&manifest_path, out.join("pack.toml"))?;
    for extra in ["CREDITS.md", "README.md"] {
        if pack.join(extra).is_file() {
            fs::copy(pack.join(extra), out.join(extra))?;
        }
    }
    if pack.join("content").is_dir() {
        copy_dir(&pack.join("content"), &out.join("content"))?;
    }
    let library = manifest
        .get("native")
        .and_then(|n| n.get("library"))
        .and_then(|l| l.as_str());
    if let Some(library) = library {
        let file = format!(
            "{}{library}{}",
            env::consts::DLL_PREFIX,
            env::consts::DLL_SUFFIX
        );
        let built = build_dir.join(&file);
        if !built.is_file() {
            bail!(
                "{} names library {library:?}, but {} was not built; is its crate's lib name {library:?} with crate-type cdylib?",
                manifest_path.display(),
                built.display()
            );
        }
        let lib_dir = out.join("lib").join(triple);
        fs::create_dir_all(&lib_dir)?;
        fs::copy(&built, lib_dir.join(&file))?;
    }
    Ok(())
}

fn copy_dir(src: &Path, dst: &Path) -> Result<()> {
    fs::create_dir_all(dst)?;
    for entry in fs::read_dir(src)? {
        let entry = entry?;
        let to = dst.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &to)?;
        } else {
            fs::copy(entry.path(), &to)?;
        }
    }
    Ok(())
}

/// Loads the dist signing key from `dir`, creating an unencrypted one if there is none.
fn dist_key(dir: &Path) -> Result<(minisign::SecretKey, minisign::PublicKey)> {
    let secret_path = dir.join("nearer-dist.key");
    let public_path = dir.join("nearer-dist.pub");
    if !secret_path.exists() {
        fs::create_dir_all(dir).with_context(|| format!("could not create {}", dir.display()))?;
        let pair = minisign::KeyPair::generate_unencrypted_keypair()
            .map_err(|e| anyhow::anyhow!("could not create a signing key: {e}"))?;
        let secret_box = pair
            .sk
            .to_box(Some("nearer dist key (unencrypted; keep it out of git)"))
            .map_err(|e| anyhow::anyhow!("could not encode the signing key: {e}"))?;
        let public_box = pair
            .pk
            .to_box()
            .map_err(|e| anyhow::anyhow!("could not encode the public key: {e}"))?;
        write_private(&secret_path, secret_box.to_string().as_bytes())?;
        fs::write(&public_path, public_box.to_string())
            .with_context(|| format!("could not write {}", public_path.display()))?;
        eprintln!("xtask: created the signing key {}", secret_path.display());
    }
    let fix = "delete the dist/keys folder to create a new key (then users must pin the new one)";
    let text = fs::read_to_string(&secret_path)
        .with_context(|| format!("could not read {}; {fix}", secret_path.display()))?;
    let secret = minisign::SecretKeyBox::from_string(&text)
        .and_then(|b| b.into_unencrypted_secret_key())
        .map_err(|e| {
            anyhow::anyhow!(
                "{} is not an unencrypted minisign secret key ({e}); {fix}",
                secret_path.display()
            )
        })?;
    let public = minisign::PublicKey::from_secret_key(&secret).map_err(|e| {
        anyhow::anyhow!(
            "{}: could not derive its public key ({e}); {fix}",
            secret_path.display()
        )
    })?;
    let public_text = public
        .to_box()
        .map(|b| b.to_string())
        .map_err(|e| anyhow::anyhow!("could not encode the public key: {e}"))?;
    if fs::read_to_string(&public_path).ok().as_deref() != Some(public_text.as_str()) {
        fs::write(&public_path, &public_text)
            .with_context(|| format!("could not write {}", public_path.display()))?;
    }
    Ok((secret, public))
}

fn write_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options
        .open(path)
        .with_context(|| format!("could not create {}", path.display()))?;
    std::io::Write::write_all(&mut file, bytes)
        .with_context(|| format!("could not write {}", path.display()))
}

/// Writes `<archive>.minisig`, with a trusted comment naming the pack id and version.
fn sign(
    archive: &Path,
    secret: &minisign::SecretKey,
    public: &minisign::PublicKey,
    trusted: &str,
) -> Result<()> {
    let data =
        fs::File::open(archive).with_context(|| format!("could not read {}", archive.display()))?;
    let signature = minisign::sign(
        Some(public),
        secret,
        data,
        Some(trusted),
        Some("signature from cargo xtask dist"),
    )
    .map_err(|e| anyhow::anyhow!("could not sign {}: {e}", archive.display()))?;
    let mut path = archive.as_os_str().to_owned();
    path.push(".minisig");
    fs::write(&path, signature.to_string())
        .with_context(|| format!("could not write {}", PathBuf::from(&path).display()))
}

/// The string value of `"field":"..."` in one compact JSON line that nearer printed.
fn json_field(line: &str, field: &str) -> Result<String> {
    let key = format!("\"{field}\":\"");
    let start = line
        .find(&key)
        .map(|i| i + key.len())
        .with_context(|| format!("nearer pack archive printed no {field:?}: {line}"))?;
    let end = line[start..]
        .find('"')
        .with_context(|| format!("nearer pack archive printed a broken line: {line}"))?;
    Ok(line[start..start + end].to_owned())
}
