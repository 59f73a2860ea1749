//! `nearer list`: every installed exercise, as `pack/exercise`.

use anyhow::Result;
use serde_json::json;

use crate::home::Home;
use crate::store::Store;

/// Prints the exercises of every installed pack.
pub fn run(home: &Home, as_json: bool) -> Result<()> {
    let store = Store::open(home)?;
    let mut rows = Vec::new();
    for pack in store.all()? {
        let pack = match pack {
            Ok(p) => p,
            Err(e) => {
                eprintln!("warning: skipping a pack that cannot be read: {e:#}");
                continue;
            }
        };
        for e in &pack.manifest.exercises {
            rows.push((pack.manifest.id.clone(), e.clone()));
        }
    }
    if as_json {
        let items: Vec<_> = rows
            .iter()
            .map(|(pack, e)| {
                json!({
                    "exercise": format!("{pack}/{}", e.id),
                    "title": e.title,
                    "summary": e.summary,
                    "minutes": e.minutes,
                    "participants": e.participants.as_str(),
                    "component": e.component.as_str(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&items)?);
        return Ok(());
    }
    if rows.is_empty() {
        println!("No exercises yet. Install a pack with `nearer pack install PATH`.");
        return Ok(());
    }
    let width = rows
        .iter()
        .map(|(p, e)| p.len() + e.id.len() + 1)
        .max()
        .unwrap_or(0);
    let title_width = rows.iter().map(|(_, e)| e.title.len()).max().unwrap_or(0);
    for (pack, e) in &rows {
        println!(
            "{:<width$}  {:<title_width$}  {:>3} min  {:<6}  {}",
            format!("{pack}/{}", e.id),
            e.title,
            e.minutes,
            e.participants.as_str(),
            e.component.as_str(),
        );
    }
    Ok(())
}
