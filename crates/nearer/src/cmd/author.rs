//! For pack authors: `nearer new` scaffolds a pack folder, `nearer check` validates one.

use std::fs;
use std::path::Path;

use anyhow::{bail, Context, Result};
use nearer_core::manifest::is_valid_id;

use crate::loader::NativeLibrary;
use crate::store::{library_path, read_pack_folder};

const MANIFEST: &str = r#"schema = 1
id = "{id}"
name = "{name}"
version = "0.1.0"
description = "A short description of what this pack is for."
authors = ["Your Name <you@example.org>"]
license = "CC-BY-4.0"
host = "^1.0"

[[exercise]]
id = "first-questions"
title = "First questions"
summary = "A few questions to answer alone or in turns."
kind = "prompts"
minutes = 10
participants = "either"
component = "vulnerability"
content = "content/first-questions.toml"

[[exercise]]
id = "check-in"
title = "Check-in"
summary = "Two scales and a moment for each."
kind = "scale"
minutes = 5
participants = "either"
component = "trust"
content = "content/check-in.toml"
"#;

const PROMPTS: &str = r#"intro = "Take turns if you are two. Answer as much or as little as you like; pass is always fine."
closeness = false

[[tier]]
title = "Warming up"
draw = 2
prompts = [
  "Write your own first question here.",
  "And a second one.",
  "A third, so that each session draws a different two.",
]
"#;

const SCALE: &str = r#"intro = "A short check-in. There are no right numbers."

[[item]]
id = "rested"
prompt = "How rested do you feel today?"
low = "worn out"
high = "well rested"
moment = "What helped, or what got in the way?"
"#;

const CREDITS: &str = "# Credits\n\nName the research or traditions your exercises draw on here, in your own words,\nand say that there is no affiliation with or endorsement by those authors.\n";

/// Creates a new content-only pack folder at `dir`, with pack id `id`.
pub fn new_pack(dir: &Path, id: &str) -> Result<()> {
    if !is_valid_id(id) {
        bail!("{id:?} is not a pack id: use lowercase letters, digits and dashes, starting with a letter, at most 64 characters");
    }
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        bail!(
            "{} already exists and is not empty; choose a new folder",
            dir.display()
        );
    }
    let name: String = id
        .split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    fs::create_dir_all(dir.join("content"))
        .with_context(|| format!("could not create {}", dir.display()))?;
    let files = [
        (
            "pack.toml",
            MANIFEST.replace("{id}", id).replace("{name}", &name),
        ),
        ("content/first-questions.toml", PROMPTS.to_owned()),
        ("content/check-in.toml", SCALE.to_owned()),
        ("CREDITS.md", CREDITS.to_owned()),
    ];
    for (rel, text) in files {
        fs::write(dir.join(rel), text)
            .with_context(|| format!("could not write {}", dir.join(rel).display()))?;
    }
    println!("created pack {id} in {}", dir.display());
    println!(
        "next: edit content/*.toml, then `nearer check {}` and `nearer pack install {}`",
        dir.display(),
        dir.display()
    );
    println!("the formats are in docs/AUTHORING.md; native exercises need a Rust crate (see packs/trust)");
    Ok(())
}

/// Validates the pack folder at `dir`: manifest, content, and a native library if it has one.
pub fn check(dir: &Path) -> Result<()> {
    let manifest = read_pack_folder(dir)?;
    let mut notes = Vec::new();
    if let Some(native) = &manifest.native {
        let lib = library_path(dir, &native.library);
        if !lib.is_file() {
            bail!(
                "pack {}: no native library for this machine at {}; build the crate as a cdylib and copy it there (cargo xtask build does this for bundled packs)",
                manifest.id,
                lib.display()
            );
        }
        let loaded = NativeLibrary::open(&manifest.id, &lib)?;
        let kinds = match loaded.call(&nearer_core::abi::PackRequest::Kinds)? {
            nearer_core::abi::PackResponse::Kinds { kinds } => kinds,
            other => bail!(
                "pack {}: the library did not list its kinds: {other:?}",
                manifest.id
            ),
        };
        for e in &manifest.exercises {
            if e.builtin_kind().is_none() && !kinds.contains(&e.kind) {
                bail!(
                    "pack.toml: exercise {:?} has kind {:?}, which the native library does not provide (it provides: {}); correct the kind or add it to the library",
                    e.id,
                    e.kind,
                    kinds.join(", ")
                );
            }
        }
        notes.push(format!(
            "native library loads and provides {}",
            kinds.join(", ")
        ));
    }
    println!(
        "pack {} {} is valid: {} exercises",
        manifest.id,
        manifest.version,
        manifest.exercises.len()
    );
    for n in notes {
        println!("  {n}");
    }
    Ok(())
}
