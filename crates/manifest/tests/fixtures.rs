//! Table test: every manifest in `tests/fixtures/valid/` parses, every one in
//! `tests/fixtures/invalid/` fails, and both give exactly what their `.expected` file says
//! (the parsed manifest, or the problem lines). `BLESS=1 cargo test -p tessera-manifest --test
//! fixtures` rewrites the `.expected` files; review the diff before committing it.

mod support;

use std::fmt::Write as _;
use support::{fixtures, read, Fixture};
use tessera_manifest::from_json_str;

fn bless() -> bool {
    std::env::var_os("BLESS").is_some_and(|v| v == "1")
}

/// Compares `actual` with the fixture's `.expected` file (or rewrites it when blessing) and
/// returns a description of the mismatch.
fn check(fixture: &Fixture, actual: &str) -> Option<String> {
    if bless() {
        std::fs::write(&fixture.expected, actual).expect("write .expected");
        return None;
    }
    if !fixture.expected.exists() {
        return Some(format!(
            "{}: no .expected file; run with BLESS=1 to create it",
            fixture.name
        ));
    }
    let expected = read(&fixture.expected);
    (expected != actual).then(|| {
        format!(
            "{}:\n--- expected\n{expected}--- actual\n{actual}",
            fixture.name
        )
    })
}

#[test]
fn valid_fixtures_parse_to_their_expected_manifest() {
    let mut failures = String::new();
    for fixture in fixtures("valid") {
        match from_json_str(&read(&fixture.json)) {
            Ok(manifest) => {
                if let Some(mismatch) = check(&fixture, &format!("{manifest:#?}\n")) {
                    writeln!(failures, "{mismatch}").unwrap();
                }
            }
            Err(problems) => {
                writeln!(failures, "{} should be valid:\n{problems}", fixture.name).unwrap()
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{failures}BLESS=1 rewrites .expected files"
    );
}

#[test]
fn invalid_fixtures_report_exactly_their_expected_problems() {
    let mut failures = String::new();
    for fixture in fixtures("invalid") {
        match from_json_str(&read(&fixture.json)) {
            Ok(_) => writeln!(failures, "{} should be invalid", fixture.name).unwrap(),
            Err(problems) => {
                assert!(
                    !problems.0.is_empty(),
                    "{}: an error without problems",
                    fixture.name
                );
                if let Some(mismatch) = check(&fixture, &format!("{problems}\n")) {
                    writeln!(failures, "{mismatch}").unwrap();
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{failures}BLESS=1 rewrites .expected files"
    );
}

#[test]
fn every_expected_file_has_its_fixture() {
    for group in ["valid", "invalid"] {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(group);
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|ext| ext == "expected") {
                assert!(
                    path.with_extension("json").exists(),
                    "{} has no .json fixture",
                    path.display()
                );
            }
        }
    }
}
