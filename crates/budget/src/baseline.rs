//! Comparing a report with a saved JSON report (`--baseline old.json`).
//!
//! Only what the comparison needs is read from the old report (names and sizes), so a baseline
//! written by an older or newer tool of the same `reportVersion` still works.

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::measure::Sizes;
use crate::report::{BaselineSummary, Change, Delta, Removed, Report, REPORT_VERSION};

/// The parts of a saved report the comparison uses.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Baseline {
    /// The saved report's `reportVersion`.
    pub report_version: u32,
    /// Its components' names and sizes.
    pub components: Vec<Saved>,
    /// Its total.
    pub total: Saved,
    /// Its loader, when it measured one.
    #[serde(default)]
    pub loader: Option<Saved>,
    /// Its loader's development build, when it measured one.
    #[serde(default)]
    pub development_loader: Option<Saved>,
}

/// One saved item: a name and its sizes.
#[derive(Debug, Clone, Deserialize)]
pub struct Saved {
    /// The item's name.
    pub name: String,
    /// Its sizes.
    pub size: Sizes,
}

/// Reads and checks a saved JSON report.
pub fn read(path: &Path) -> Result<Baseline, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::BaselineUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    parse(&text).map_err(|problem| Error::BaselineInvalid {
        path: path.to_path_buf(),
        problem,
    })
}

/// Parses a saved JSON report; the error says what is wrong.
pub fn parse(text: &str) -> Result<Baseline, String> {
    let baseline: Baseline = serde_json::from_str(text).map_err(|e| e.to_string())?;
    if baseline.report_version != REPORT_VERSION {
        return Err(format!(
            "reportVersion {} is not supported (expected {REPORT_VERSION})",
            baseline.report_version
        ));
    }
    Ok(baseline)
}

/// Fills in every item's `delta` and the report's `baseline` summary.
pub fn apply(report: &mut Report, baseline: &Baseline, path: &str) {
    let mut added = Vec::new();
    for item in &mut report.components {
        match baseline.components.iter().find(|old| old.name == item.name) {
            Some(old) => item.delta = Some(delta(old.size, item.size)),
            None => added.push(item.name.clone()),
        }
    }
    report.total.delta = Some(delta(baseline.total.size, report.total.size));
    for (loader, old) in [
        (&mut report.loader, &baseline.loader),
        (&mut report.development_loader, &baseline.development_loader),
    ] {
        if let (Some(loader), Some(old)) = (loader, old) {
            loader.delta = Some(delta(old.size, loader.size));
        }
    }
    let removed = baseline
        .components
        .iter()
        .filter(|old| !report.components.iter().any(|c| c.name == old.name))
        .map(|old| Removed {
            name: old.name.clone(),
            size: old.size,
        })
        .collect();
    report.baseline = Some(BaselineSummary {
        path: path.to_string(),
        added,
        removed,
    });
}

/// The change from `old` to `new` for each byte count.
pub fn delta(old: Sizes, new: Sizes) -> Delta {
    Delta {
        raw: change(old.raw, new.raw),
        gzip: change(old.gzip, new.gzip),
        brotli: change(old.brotli, new.brotli),
    }
}

/// Signed bytes and percent (rounded to 0.1, `None` from 0) from `old` to `new`.
pub fn change(old: u64, new: u64) -> Change {
    let bytes = new as i64 - old as i64;
    let percent = (old > 0).then(|| {
        let rounded = (bytes as f64 * 1000.0 / old as f64).round() / 10.0;
        if rounded == 0.0 {
            0.0
        } else {
            rounded
        }
    });
    Change { bytes, percent }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_signed_and_rounded() {
        assert_eq!(
            change(1000, 1123),
            Change {
                bytes: 123,
                percent: Some(12.3)
            }
        );
        assert_eq!(
            change(1000, 900),
            Change {
                bytes: -100,
                percent: Some(-10.0)
            }
        );
        assert_eq!(
            change(100_000, 99_999),
            Change {
                bytes: -1,
                percent: Some(0.0)
            }
        );
        assert_eq!(
            change(0, 10),
            Change {
                bytes: 10,
                percent: None
            }
        );
    }

    #[test]
    fn rejects_other_versions_and_non_reports() {
        let text = r#"{"reportVersion": 2, "components": [], "total": {"name": "total", "size": {"raw": 1, "gzip": 1, "brotli": 1}}}"#;
        assert!(parse(text).unwrap_err().contains("reportVersion 2"));
        assert!(parse("[1, 2]").is_err());
        assert!(parse(r#"{"reportVersion": 1}"#)
            .unwrap_err()
            .contains("components"));
    }
}
