//! Shared by the integration tests: the fixture files.

#![allow(dead_code)]

pub mod pointer;

use std::path::{Path, PathBuf};

/// One fixture: its JSON file and its sibling `.expected` file.
pub struct Fixture {
    pub name: String,
    pub json: PathBuf,
    pub expected: PathBuf,
}

/// The fixtures in `tests/fixtures/<group>/`, sorted by name.
pub fn fixtures(group: &str) -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(group);
    let mut found: Vec<Fixture> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|json| Fixture {
            name: json.file_stem().unwrap().to_string_lossy().into_owned(),
            expected: json.with_extension("expected"),
            json,
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    assert!(!found.is_empty(), "no fixtures in {}", dir.display());
    found
}

/// The text of a fixture file, with `\r\n` line ends turned into `\n` (for checkouts on Windows).
pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        .replace("\r\n", "\n")
}
