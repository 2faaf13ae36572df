//! Golden-output tests: every format of the demo report, with and without a baseline, compared
//! byte for byte with `tests/golden/*`. `BLESS=1 cargo test -p tessera-budget` rewrites them.

mod support;

use std::path::PathBuf;

use support::Site;

/// A saved report: `cart` is new since then, `legacy` was removed, the rest changed size.
const BASELINE: &str = r#"{
  "reportVersion": 1,
  "manifest": "tessera.json",
  "fits": true,
  "components": [
    { "name": "counter", "size": { "raw": 200, "gzip": 180, "brotli": 150 } },
    { "name": "legacy", "size": { "raw": 5000, "gzip": 3000, "brotli": 2500 } },
    { "name": "shop", "size": { "raw": 500, "gzip": 400, "brotli": 300 } }
  ],
  "total": { "name": "total", "size": { "raw": 5700, "gzip": 3580, "brotli": 2950 } },
  "loader": { "name": "loader", "size": { "raw": 400, "gzip": 330, "brotli": 290 } },
  "developmentLoader": { "name": "loader (development)", "size": { "raw": 450, "gzip": 360, "brotli": 310 } }
}
"#;

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run `BLESS=1 cargo test -p tessera-budget`",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a);
        let at = line.unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n  expected: {:?}\n  actual:   {:?}\n--- full output ---\n{actual}",
            path.display(),
            at + 1,
            expected.lines().nth(at),
            actual.lines().nth(at)
        );
    }
}

fn report(site: &Site, format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "check",
        "tessera.json",
        "--loader",
        "pkg",
        "--format",
        format,
    ];
    args.extend(extra);
    let run = site.run(&args);
    assert_eq!(
        run.status, 1,
        "the demo is over budget on purpose\nstderr: {}",
        run.stderr
    );
    run.stdout
}

#[test]
fn table() {
    golden("report.txt", &report(&Site::new(), "table", &[]));
}

#[test]
fn json() {
    golden("report.json", &report(&Site::new(), "json", &[]));
}

#[test]
fn markdown() {
    golden("report.md", &report(&Site::new(), "markdown", &[]));
}

#[test]
fn html() {
    golden("report.html", &report(&Site::new(), "html", &[]));
}

#[test]
fn every_format_with_a_baseline() {
    let site = Site::new();
    site.write("old.json", BASELINE.as_bytes());
    for (format, file) in [
        ("table", "baseline.txt"),
        ("json", "baseline.json"),
        ("markdown", "baseline.md"),
        ("html", "baseline.html"),
    ] {
        golden(file, &report(&site, format, &["--baseline", "old.json"]));
    }
}

#[test]
fn integrity_output_and_rewritten_manifest() {
    let site = Site::new();
    let run = site.run(&["integrity", "tessera.json"]);
    assert_eq!(run.status, 0, "{}", run.stderr);
    golden("integrity.txt", &run.stdout);
    golden("integrity.json", &site.read("tessera.json"));
}
