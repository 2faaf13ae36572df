//! The JSON report: the [`Report`] serialized with two-space indentation and a trailing newline.
//! Its shape is documented in `docs/budget.md` and versioned by `reportVersion`.

use crate::report::Report;

/// Renders the JSON report.
pub fn render(report: &Report) -> String {
    let mut out = serde_json::to_string_pretty(report).expect("the report always serializes");
    out.push('\n');
    out
}
