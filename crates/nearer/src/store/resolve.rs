//! Dependency resolution: one version per pack id, the highest that fits every requirement,
//! is not yanked, and whose `host` accepts this nearer's pack API.
//!
//! A small backtracking search: packs are few and dependency graphs shallow. When it fails, the
//! error names both sides of the conflict (who asked for what), or says why each version of a
//! pack was passed over.

use std::collections::BTreeMap;

use semver::{Version, VersionReq};

/// Where a candidate version comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum From {
    /// Already installed in the store.
    Installed,
    /// Listed by this registry (by name).
    Registry(String),
}

/// One version that could be chosen.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// Pack id.
    pub id: String,
    /// Version.
    pub version: Version,
    /// Its `host` requirement.
    pub host: VersionReq,
    /// Its dependencies.
    pub deps: BTreeMap<String, VersionReq>,
    /// Withdrawn by its authors.
    pub yanked: bool,
    /// Where it comes from.
    pub from: From,
}

/// A requirement on a pack, and who has it.
#[derive(Debug, Clone)]
pub struct Need {
    /// Pack id.
    pub id: String,
    /// The requirement.
    pub req: VersionReq,
    /// Who asked: "you", or "pack x 1.0.0".
    pub who: String,
}

/// Why resolution failed.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// No registry and no installed copy has the pack.
    #[error("no pack {id:?} was found (needed by {who}) in the store or any registry ({registries}); check the name with `nearer pack search`, or add the registry that has it with `nearer registry add`")]
    Unknown {
        /// Pack id.
        id: String,
        /// Who needed it.
        who: String,
        /// The registries searched.
        registries: String,
    },
    /// Versions exist, but none fits this requirement.
    #[error("no version of {id} fits {req} (needed by {who}): {reasons}")]
    NoMatch {
        /// Pack id.
        id: String,
        /// The requirement.
        req: String,
        /// Who needed it.
        who: String,
        /// Why each version was passed over.
        reasons: String,
    },
    /// Two requirements that no single version meets.
    #[error("dependency conflict on {id}: {who_a} needs {id} {req_a}, but {who_b} needs {id} {req_b}, and no version of {id} is both; install versions that agree, or remove one of them")]
    Conflict {
        /// Pack id.
        id: String,
        /// One side.
        who_a: String,
        /// Its requirement.
        req_a: String,
        /// The other side.
        who_b: String,
        /// Its requirement.
        req_b: String,
    },
    /// Looking up candidates failed.
    #[error(transparent)]
    Lookup(#[from] anyhow::Error),
    /// The search took too many steps.
    #[error("the dependencies are too tangled to resolve (over {0} steps); install the packs one at a time")]
    TooComplex(usize),
}

/// The inputs of a resolution.
pub struct Problem<'a> {
    /// What the user asked for.
    pub roots: Vec<Need>,
    /// Constraints from installed packs that stay, applied to an id only if it is resolved.
    pub fixed: Vec<Need>,
    /// Versions preferred for non-root ids (the active installed ones), to avoid needless
    /// changes.
    pub prefer: BTreeMap<String, Version>,
    /// The pack API of this nearer.
    pub api: Version,
    /// All candidates of an id.
    pub candidates: &'a mut dyn FnMut(&str) -> anyhow::Result<Vec<Candidate>>,
    /// Names of the registries searched, for messages.
    pub registries: String,
}

const MAX_STEPS: usize = 20_000;

/// Resolves `problem` into one candidate per needed id.
pub fn resolve(problem: &mut Problem<'_>) -> Result<BTreeMap<String, Candidate>, ResolveError> {
    let mut needs: BTreeMap<String, Vec<Need>> = BTreeMap::new();
    for need in &problem.roots {
        needs.entry(need.id.clone()).or_default().push(need.clone());
    }
    let roots: Vec<String> = needs.keys().cloned().collect();
    let mut cache: BTreeMap<String, Vec<Candidate>> = BTreeMap::new();
    let mut steps = 0;
    search(
        problem,
        &roots,
        &mut cache,
        &BTreeMap::new(),
        &needs,
        &mut steps,
    )
}

fn search(
    problem: &mut Problem<'_>,
    roots: &[String],
    cache: &mut BTreeMap<String, Vec<Candidate>>,
    chosen: &BTreeMap<String, Candidate>,
    needs: &BTreeMap<String, Vec<Need>>,
    steps: &mut usize,
) -> Result<BTreeMap<String, Candidate>, ResolveError> {
    *steps += 1;
    if *steps > MAX_STEPS {
        return Err(ResolveError::TooComplex(MAX_STEPS));
    }
    let Some((id, id_needs)) = needs.iter().find(|(id, _)| !chosen.contains_key(*id)) else {
        return Ok(chosen.clone());
    };
    let mut all_needs: Vec<Need> = id_needs.clone();
    all_needs.extend(problem.fixed.iter().filter(|n| &n.id == id).cloned());
    if !cache.contains_key(id) {
        let found = (problem.candidates)(id)?;
        cache.insert(id.clone(), found);
    }
    let all = cache.get(id).cloned().unwrap_or_default();
    if all.is_empty() {
        return Err(ResolveError::Unknown {
            id: id.clone(),
            who: all_needs.first().map(|n| n.who.clone()).unwrap_or_default(),
            registries: problem.registries.clone(),
        });
    }
    let usable: Vec<&Candidate> = all
        .iter()
        .filter(|c| !c.yanked && c.host.matches(&problem.api))
        .collect();
    let mut fits: Vec<&Candidate> = usable
        .iter()
        .copied()
        .filter(|c| all_needs.iter().all(|n| n.req.matches(&c.version)))
        .collect();
    if fits.is_empty() {
        return Err(explain(id, &all, &usable, &all_needs, &problem.api));
    }
    // Highest first; a non-root id keeps its active installed version when that still fits.
    fits.sort_by(|a, b| {
        b.version
            .cmp(&a.version)
            .then((a.from != From::Installed).cmp(&(b.from != From::Installed)))
    });
    if !roots.contains(id) {
        if let Some(preferred) = problem.prefer.get(id) {
            if let Some(pos) = fits.iter().position(|c| &c.version == preferred) {
                let c = fits.remove(pos);
                fits.insert(0, c);
            }
        }
    }
    let mut first_error = None;
    for candidate in fits {
        let who = format!("{} {}", candidate.id, candidate.version);
        let mut next_needs = needs.clone();
        let mut clash = None;
        for (dep, req) in &candidate.deps {
            if let Some(already) = chosen.get(dep) {
                if !req.matches(&already.version) {
                    let other = next_needs
                        .get(dep)
                        .and_then(|ns| ns.iter().find(|n| n.req.matches(&already.version)))
                        .cloned();
                    clash = Some(ResolveError::Conflict {
                        id: dep.clone(),
                        who_a: other
                            .as_ref()
                            .map(|n| n.who.clone())
                            .unwrap_or_else(|| format!("the chosen {dep} {}", already.version)),
                        req_a: other
                            .map(|n| n.req.to_string())
                            .unwrap_or_else(|| format!("={}", already.version)),
                        who_b: format!("pack {who}"),
                        req_b: req.to_string(),
                    });
                    break;
                }
            }
            next_needs.entry(dep.clone()).or_default().push(Need {
                id: dep.clone(),
                req: req.clone(),
                who: format!("pack {who}"),
            });
        }
        if let Some(e) = clash {
            first_error.get_or_insert(e);
            continue;
        }
        let mut next_chosen = chosen.clone();
        next_chosen.insert(id.clone(), candidate.clone());
        match search(problem, roots, cache, &next_chosen, &next_needs, steps) {
            Ok(done) => return Ok(done),
            Err(e @ (ResolveError::TooComplex(_) | ResolveError::Lookup(_))) => return Err(e),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    Err(first_error.unwrap_or_else(|| ResolveError::TooComplex(*steps)))
}

/// Builds the error for an id that no usable version satisfies.
fn explain(
    id: &str,
    all: &[Candidate],
    usable: &[&Candidate],
    needs: &[Need],
    api: &Version,
) -> ResolveError {
    // Two needs that each have a fitting version but never the same one: a conflict.
    for (i, a) in needs.iter().enumerate() {
        for b in &needs[i + 1..] {
            let a_ok = usable.iter().any(|c| a.req.matches(&c.version));
            let b_ok = usable.iter().any(|c| b.req.matches(&c.version));
            let both = usable
                .iter()
                .any(|c| a.req.matches(&c.version) && b.req.matches(&c.version));
            if a_ok && b_ok && !both {
                return ResolveError::Conflict {
                    id: id.to_owned(),
                    who_a: a.who.clone(),
                    req_a: a.req.to_string(),
                    who_b: b.who.clone(),
                    req_b: b.req.to_string(),
                };
            }
        }
    }
    let need = needs
        .iter()
        .find(|n| !usable.iter().any(|c| n.req.matches(&c.version)))
        .or(needs.first());
    let (req, who) = need
        .map(|n| (n.req.clone(), n.who.clone()))
        .unwrap_or((VersionReq::STAR, "you".into()));
    let mut reasons: Vec<String> = all
        .iter()
        .filter(|c| req.matches(&c.version))
        .map(|c| {
            if c.yanked {
                format!("{} is yanked (withdrawn by its authors)", c.version)
            } else if !c.host.matches(api) {
                format!(
                    "{} needs pack API {}, and this nearer has API {api} (update nearer, or pick another version)",
                    c.version, c.host
                )
            } else {
                format!("{} is ruled out by another requirement", c.version)
            }
        })
        .collect();
    if reasons.is_empty() {
        let mut versions: Vec<String> = all.iter().map(|c| c.version.to_string()).collect();
        versions.dedup();
        reasons.push(format!("the versions there are: {}", versions.join(", ")));
    }
    ResolveError::NoMatch {
        id: id.to_owned(),
        req: req.to_string(),
        who,
        reasons: reasons.join("; "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(id: &str, v: &str, deps: &[(&str, &str)]) -> Candidate {
        Candidate {
            id: id.into(),
            version: Version::parse(v).expect("test version"),
            host: VersionReq::parse("^1.0").expect("test req"),
            deps: deps
                .iter()
                .map(|(d, r)| ((*d).into(), VersionReq::parse(r).expect("test req")))
                .collect(),
            yanked: false,
            from: From::Registry("r".into()),
        }
    }

    fn need(id: &str, req: &str) -> Need {
        Need {
            id: id.into(),
            req: VersionReq::parse(req).expect("test req"),
            who: "you".into(),
        }
    }

    fn run(
        universe: Vec<Candidate>,
        roots: Vec<Need>,
    ) -> Result<BTreeMap<String, Candidate>, ResolveError> {
        let mut lookup = |id: &str| -> anyhow::Result<Vec<Candidate>> {
            Ok(universe.iter().filter(|c| c.id == id).cloned().collect())
        };
        resolve(&mut Problem {
            roots,
            fixed: Vec::new(),
            prefer: BTreeMap::new(),
            api: Version::new(1, 0, 0),
            candidates: &mut lookup,
            registries: "r".into(),
        })
    }

    #[test]
    fn picks_highest_compatible_and_backtracks() {
        let mut yanked = cand("b", "1.9.0", &[]);
        yanked.yanked = true;
        let mut future = cand("b", "3.0.0", &[]);
        future.host = VersionReq::parse("^2").expect("req");
        let universe = vec![
            cand("a", "1.0.0", &[("b", "^1")]),
            cand("a", "2.0.0", &[("b", "^2")]),
            cand("b", "1.2.0", &[]),
            yanked,
            future,
            cand("c", "1.0.0", &[("b", "=1.2.0")]),
        ];
        let got = run(universe.clone(), vec![need("a", "*"), need("c", "*")]).expect("resolves");
        assert_eq!(got["a"].version.to_string(), "1.0.0");
        assert_eq!(got["b"].version.to_string(), "1.2.0");
    }

    #[test]
    fn conflict_names_both_sides() {
        let universe = vec![
            cand("a", "1.0.0", &[("b", "^1")]),
            cand("c", "1.0.0", &[("b", "^2")]),
            cand("b", "1.0.0", &[]),
            cand("b", "2.0.0", &[]),
        ];
        let err = run(universe, vec![need("a", "*"), need("c", "*")])
            .expect_err("conflict")
            .to_string();
        assert!(err.contains("pack a 1.0.0 needs b ^1"), "{err}");
        assert!(err.contains("pack c 1.0.0 needs b ^2"), "{err}");
    }

    #[test]
    fn says_why_versions_were_passed_over() {
        let mut y = cand("b", "1.0.0", &[]);
        y.yanked = true;
        let mut h = cand("b", "2.0.0", &[]);
        h.host = VersionReq::parse("^2").expect("req");
        let err = run(vec![y, h], vec![need("b", "*")])
            .expect_err("nothing fits")
            .to_string();
        assert!(err.contains("1.0.0 is yanked"), "{err}");
        assert!(err.contains("2.0.0 needs pack API ^2"), "{err}");
        let err = run(vec![], vec![need("zzz", "*")])
            .expect_err("unknown")
            .to_string();
        assert!(err.contains("no pack \"zzz\""), "{err}");
    }
}
