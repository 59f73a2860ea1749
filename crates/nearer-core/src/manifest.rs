//! The pack manifest (`pack.toml`): its types, parsing, and validation with located errors.
//!
//! Parsing is pure: the host reads files and hands their text in. [`check_pack`] also takes a
//! way to read the pack's other files, so that content files are validated with the manifest.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use semver::{Version, VersionReq};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::diag::ContentError;
use crate::kinds::BuiltinKind;

/// The manifest schema this build reads.
pub const MANIFEST_SCHEMA: u32 = 1;

/// The file name of a pack's manifest.
pub const MANIFEST_FILE: &str = "pack.toml";

/// Who an exercise is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Participants {
    /// One person alone.
    Solo,
    /// Two people taking turns at one terminal.
    Pair,
    /// Either way.
    Either,
}

impl Participants {
    /// True when the exercise can run with one person.
    pub fn allows_solo(self) -> bool {
        matches!(self, Participants::Solo | Participants::Either)
    }

    /// True when the exercise can run with two people.
    pub fn allows_pair(self) -> bool {
        matches!(self, Participants::Pair | Participants::Either)
    }

    /// The lowercase name used in manifests and listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Participants::Solo => "solo",
            Participants::Pair => "pair",
            Participants::Either => "either",
        }
    }
}

/// The component of emotional intimacy, or the building practice, an exercise serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Component {
    /// Believing the other is reliable and safe to open up to.
    Trust,
    /// Saying and hearing what matters.
    Communication,
    /// Letting oneself be known.
    Vulnerability,
    /// Understanding and sharing another's feelings.
    Empathy,
    /// Listening: the active-listening practice.
    Listening,
    /// Sharing personal experiences.
    Sharing,
    /// Being present.
    Presence,
    /// Expressing appreciation.
    Appreciation,
}

impl Component {
    /// Every component, in display order.
    pub const ALL: [Component; 8] = [
        Component::Trust,
        Component::Communication,
        Component::Vulnerability,
        Component::Empathy,
        Component::Listening,
        Component::Sharing,
        Component::Presence,
        Component::Appreciation,
    ];

    /// The lowercase name used in manifests.
    pub fn as_str(self) -> &'static str {
        match self {
            Component::Trust => "trust",
            Component::Communication => "communication",
            Component::Vulnerability => "vulnerability",
            Component::Empathy => "empathy",
            Component::Listening => "listening",
            Component::Sharing => "sharing",
            Component::Presence => "presence",
            Component::Appreciation => "appreciation",
        }
    }
}

/// A validated `pack.toml`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Manifest {
    /// Manifest schema number.
    pub schema: u32,
    /// Pack id: `[a-z0-9-]`, at most 64 characters, starting with a letter.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The pack's own version.
    pub version: Version,
    /// One or two sentences.
    pub description: String,
    /// Who wrote it.
    pub authors: Vec<String>,
    /// SPDX license expression.
    pub license: String,
    /// Which pack API versions this pack works with.
    pub host: VersionReq,
    /// The native library, for packs with exercise kinds of their own.
    pub native: Option<Native>,
    /// Other packs this one needs, by id.
    pub dependencies: BTreeMap<String, VersionReq>,
    /// The exercises.
    pub exercises: Vec<ExerciseInfo>,
}

/// The `[native]` table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Native {
    /// The library's base name: the host loads `lib/<target>/<prefix><library><suffix>`.
    pub library: String,
}

/// One `[[exercise]]` table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExerciseInfo {
    /// Unique within the pack.
    pub id: String,
    /// Display title.
    pub title: String,
    /// One sentence.
    pub summary: String,
    /// A built-in kind or one the native library provides.
    pub kind: String,
    /// About how long it takes.
    pub minutes: u32,
    /// Who it is for.
    pub participants: Participants,
    /// What it builds.
    pub component: Component,
    /// Content file, relative to the pack folder.
    pub content: Option<String>,
    /// Content warnings, shown before it starts.
    pub warnings: Vec<String>,
    #[serde(skip)]
    content_span: Option<Range<usize>>,
}

impl ExerciseInfo {
    /// The built-in kind, if the exercise uses one.
    pub fn builtin_kind(&self) -> Option<BuiltinKind> {
        BuiltinKind::from_name(&self.kind)
    }

    /// A fresh exercise of a built-in kind from its content file's text; `None` for a native
    /// kind, which only the pack's library can create.
    pub fn builtin_exercise(
        &self,
        content: Option<&str>,
    ) -> Option<Result<Box<dyn crate::Exercise>, ContentError>> {
        let kind = self.builtin_kind()?;
        let file = self.content.as_deref().unwrap_or_default();
        Some(
            kind.parse(file, content.unwrap_or_default())
                .map(|parsed| parsed.exercise()),
        )
    }
}

impl Manifest {
    /// Looks an exercise up by id.
    pub fn exercise(&self, id: &str) -> Option<&ExerciseInfo> {
        self.exercises.iter().find(|e| e.id == id)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawManifest {
    schema: Spanned<u32>,
    id: Spanned<String>,
    name: String,
    version: Spanned<String>,
    description: String,
    authors: Spanned<Vec<String>>,
    license: Spanned<String>,
    host: Spanned<String>,
    native: Option<Spanned<Native>>,
    #[serde(default)]
    dependencies: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default, rename = "exercise")]
    exercises: Vec<RawExercise>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExercise {
    id: Spanned<String>,
    title: String,
    summary: String,
    kind: Spanned<String>,
    minutes: Spanned<u32>,
    participants: Participants,
    component: Component,
    content: Option<Spanned<String>>,
    #[serde(default)]
    warnings: Vec<String>,
}

/// The fix to suggest for a manifest field.
fn manifest_help(field: &str) -> String {
    match field {
        "schema" => format!("write `schema = {MANIFEST_SCHEMA}` at the top of pack.toml"),
        "id" => "give the pack or exercise an id of lowercase letters, digits and dashes, starting with a letter, at most 64 characters, e.g. `id = \"trust\"`".into(),
        "name" => "add a display name, e.g. `name = \"Trust\"`".into(),
        "version" => "write the pack's version as MAJOR.MINOR.PATCH, e.g. `version = \"1.0.0\"`".into(),
        "description" => "add one or two sentences saying what the pack is for".into(),
        "authors" => "list the authors as strings, e.g. `authors = [\"Ada <ada@example.org>\"]`".into(),
        "license" => "name an SPDX license expression, e.g. `license = \"CC-BY-4.0\"`".into(),
        "host" => "name the pack API versions the pack works with as a semver requirement, e.g. `host = \"^1.0\"`".into(),
        "library" | "native" => "write `[native]` then `library = \"<crate name with underscores>\"`".into(),
        "title" => "add a display title, e.g. `title = \"Small promise\"`".into(),
        "summary" => "add one sentence saying what the exercise does".into(),
        "kind" => format!("use a built-in kind ({}) or a kind the pack's native library provides", BuiltinKind::NAMES.join(", ")),
        "minutes" => "write about how long it takes as a whole number of minutes from 1 to 240, e.g. `minutes = 10`".into(),
        "participants" => "write `participants = \"solo\"`, `\"pair\"` or `\"either\"`".into(),
        "component" => format!("write one of: {}", Component::ALL.map(Component::as_str).join(", ")),
        "content" => "name the content file relative to the pack folder, e.g. `content = \"content/check-in.toml\"`".into(),
        "warnings" => "list content warnings as strings".into(),
        "exercise" => "add one `[[exercise]]` table per exercise".into(),
        _ => "see docs/AUTHORING.md for the pack.toml reference".into(),
    }
}

fn err(
    src: &str,
    span: Range<usize>,
    field: &str,
    message: impl Into<String>,
    help: impl Into<String>,
) -> ContentError {
    ContentError::at(MANIFEST_FILE, src, Some(span), Some(field), message, help)
}

/// True for `[a-z][a-z0-9-]*`, at most 64 characters, no trailing or double dash.
pub fn is_valid_id(id: &str) -> bool {
    id.len() <= 64
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.ends_with('-')
        && !id.contains("--")
}

fn check_id(src: &str, id: &Spanned<String>) -> Result<String, ContentError> {
    let value = id.get_ref();
    if is_valid_id(value) {
        return Ok(value.clone());
    }
    let why = if value.len() > 64 {
        format!("{} characters is too long", value.len())
    } else {
        format!("{value:?} is not a valid id")
    };
    Err(err(src, id.span(), "id", why, manifest_help("id")))
}

fn check_req(src: &str, value: &Spanned<String>, field: &str) -> Result<VersionReq, ContentError> {
    let text = value.get_ref().trim();
    if text == "*" || text.is_empty() {
        return Err(err(
            src,
            value.span(),
            field,
            format!("{text:?} would accept any version, including ones that cannot work"),
            "name a real range, e.g. \"^1.0\"",
        ));
    }
    VersionReq::parse(text).map_err(|e| {
        err(
            src,
            value.span(),
            field,
            format!("{text:?} is not a semver requirement ({e})"),
            "write a requirement such as \"^1.0\" or \">=1.2, <2\"",
        )
    })
}

/// Parses and validates `pack.toml` text.
pub fn parse_manifest(src: &str) -> Result<Manifest, ContentError> {
    let raw: RawManifest = toml::from_str(src)
        .map_err(|e| ContentError::from_toml(MANIFEST_FILE, src, &e, &manifest_help))?;

    if *raw.schema.get_ref() != MANIFEST_SCHEMA {
        return Err(err(
            src,
            raw.schema.span(),
            "schema",
            format!(
                "schema {} is not one this nearer reads (it reads {MANIFEST_SCHEMA})",
                raw.schema.get_ref()
            ),
            "update nearer, or write the manifest for schema 1",
        ));
    }
    let id = check_id(src, &raw.id)?;
    let version = Version::parse(raw.version.get_ref()).map_err(|e| {
        err(
            src,
            raw.version.span(),
            "version",
            format!(
                "{:?} is not a semantic version ({e})",
                raw.version.get_ref()
            ),
            manifest_help("version"),
        )
    })?;
    if raw.authors.get_ref().iter().all(|a| a.trim().is_empty()) {
        return Err(err(
            src,
            raw.authors.span(),
            "authors",
            "no authors are named",
            manifest_help("authors"),
        ));
    }
    if !is_plausible_spdx(raw.license.get_ref()) {
        return Err(err(
            src,
            raw.license.span(),
            "license",
            format!(
                "{:?} does not look like an SPDX expression",
                raw.license.get_ref()
            ),
            manifest_help("license"),
        ));
    }
    let host = check_req(src, &raw.host, "host")?;
    let mut dependencies = BTreeMap::new();
    for (dep, req) in &raw.dependencies {
        check_id(src, dep)?;
        if dep.get_ref() == &id {
            return Err(err(
                src,
                dep.span(),
                "dependencies",
                "a pack cannot depend on itself",
                "remove this line",
            ));
        }
        dependencies.insert(dep.get_ref().clone(), check_req(src, req, "dependencies")?);
    }
    if let Some(native) = &raw.native {
        let lib = &native.get_ref().library;
        if lib.is_empty() || !lib.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(err(
                src,
                native.span(),
                "library",
                format!("{lib:?} is not a library base name"),
                manifest_help("library"),
            ));
        }
    }
    if raw.exercises.is_empty() {
        return Err(ContentError::at(
            MANIFEST_FILE,
            src,
            None,
            Some("exercise"),
            "the pack has no exercises",
            manifest_help("exercise"),
        ));
    }

    let mut seen = BTreeSet::new();
    let mut exercises = Vec::new();
    for e in raw.exercises {
        let eid = check_id(src, &e.id)?;
        if !seen.insert(eid.clone()) {
            return Err(err(
                src,
                e.id.span(),
                "id",
                format!("the exercise id {eid:?} is used twice"),
                "give each exercise its own id",
            ));
        }
        let kind = e.kind.get_ref().clone();
        let builtin = BuiltinKind::from_name(&kind);
        if builtin.is_none() && raw.native.is_none() {
            return Err(err(
                src,
                e.kind.span(),
                "kind",
                format!("{kind:?} is not a built-in kind, and the pack has no [native] library"),
                manifest_help("kind"),
            ));
        }
        if builtin.is_some() && e.content.is_none() {
            return Err(err(
                src,
                e.kind.span(),
                "content",
                format!("exercise {eid:?} of kind {kind:?} needs a content file"),
                manifest_help("content"),
            ));
        }
        let minutes = *e.minutes.get_ref();
        if !(1..=240).contains(&minutes) {
            return Err(err(
                src,
                e.minutes.span(),
                "minutes",
                format!("{minutes} minutes is outside 1 to 240"),
                manifest_help("minutes"),
            ));
        }
        let content_span = e.content.as_ref().map(Spanned::span);
        let content = match e.content {
            Some(c) => {
                let path = c.get_ref();
                if !is_safe_relative(path) {
                    return Err(err(
                        src,
                        c.span(),
                        "content",
                        format!("{path:?} must be a relative path inside the pack, without `..`"),
                        manifest_help("content"),
                    ));
                }
                Some(path.clone())
            }
            None => None,
        };
        exercises.push(ExerciseInfo {
            id: eid,
            title: e.title,
            summary: e.summary,
            kind,
            minutes,
            participants: e.participants,
            component: e.component,
            content,
            warnings: e.warnings,
            content_span,
        });
    }

    Ok(Manifest {
        schema: *raw.schema.get_ref(),
        id,
        name: raw.name,
        version,
        description: raw.description,
        authors: raw.authors.into_inner(),
        license: raw.license.into_inner(),
        host,
        native: raw.native.map(Spanned::into_inner),
        dependencies,
        exercises,
    })
}

/// A relative path with no `..`, no absolute start and no backslashes.
pub fn is_safe_relative(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && !path.contains(':')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != ".." && part != ".")
}

/// A light check: SPDX ids are letters, digits, `.`, `-`, `+`, joined by AND/OR/WITH.
fn is_plausible_spdx(license: &str) -> bool {
    let words: Vec<&str> = license
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty())
        .collect();
    !words.is_empty()
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+' | ':'))
        })
}

/// Validates a whole pack: the manifest, then every content file of a built-in kind.
/// `read` returns a file's text by its path relative to the pack, or `None` if it is missing.
pub fn check_pack(
    manifest_src: &str,
    read: &dyn Fn(&str) -> Option<String>,
) -> Result<Manifest, ContentError> {
    let manifest = parse_manifest(manifest_src)?;
    for e in &manifest.exercises {
        let (Some(path), Some(span)) = (&e.content, &e.content_span) else {
            continue;
        };
        let Some(text) = read(path) else {
            return Err(err(
                manifest_src,
                span.clone(),
                "content",
                format!("the content file {path:?} does not exist"),
                "create the file, or correct the path (it is relative to the folder of pack.toml)",
            ));
        };
        if let Some(kind) = e.builtin_kind() {
            kind.parse(path, &text)?;
        }
    }
    Ok(manifest)
}
