//! xtask: nearer's automation in Rust, run as `cargo xtask <command>`.
//!
//! `build` compiles the workspace and stages every pack under `packs/` (and every loader test
//! fixture under `tests/fixtures/`) as an installable folder in `target/packs/<id>/`, with its
//! native library in `lib/<target>/`. `run` builds, installs the bundled packs into the home,
//! and runs `nearer`. `test` builds, then runs every test with the staged packs' location in
//! the environment. `ci` adds the format and lint checks.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use anyhow::{bail, Context, Result};

const HELP: &str = "\
cargo xtask <command>

  build            build nearer and stage every pack in target/packs/
  run [-- ARGS]    build, install the bundled packs into the home, run `nearer ARGS`
  test [-- ARGS]   build, then run every test in the workspace (ARGS go to cargo test)
  ci               cargo fmt --check, clippy -D warnings, then test
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
        "test" => ws.test(&rest),
        "ci" => ws.ci(),
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
        let built = self.build()?;
        let mut sources: Vec<PathBuf> = fs::read_dir(&built.packs)
            .with_context(|| format!("could not read {}", built.packs.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.join("pack.toml").is_file())
            .collect();
        sources.sort();
        let mut install = Command::new(&built.nearer);
        install.args(["pack", "install", "--force"]).args(&sources);
        status(&mut install, "nearer pack install")?;
        let code = Command::new(&built.nearer)
            .args(args)
            .status()
            .context("could not start nearer")?
            .code()
            .unwrap_or(1);
        Ok(ExitCode::from(u8::try_from(code).unwrap_or(1)))
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
