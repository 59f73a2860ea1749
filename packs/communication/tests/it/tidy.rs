//! Tidy checks on the pack's own sources: file headers, and no debugging left behind.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_module_doc_and_has_no_dbg() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("tests"), &mut files);
    assert!(files.len() >= 10, "found {} files", files.len());
    let dbg = ["dbg", "!("].concat();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("source files are readable");
        assert!(
            text.starts_with("//! "),
            "{} should open with a //! line",
            file.display()
        );
        assert!(
            !text.contains(&dbg),
            "{} has a leftover debug macro",
            file.display()
        );
    }
}
