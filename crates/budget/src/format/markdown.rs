//! The Markdown format, for a pull-request comment: a summary line, one table, the overruns, and
//! the section breakdown in a collapsible `<details>` block.

use std::fmt::Write as _;

use super::table::DELTAS;
use super::units::{self, COLUMNS};
use crate::report::{Item, Metric, Report};

/// Renders the report as GitHub-flavoured Markdown.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let exceeded = report.exceeded();
    let total = &report.total;
    let mut summary = format!(
        "{} components, {} brotli in total",
        report.components.len(),
        units::bytes(total.size.brotli)
    );
    if let Some(loader) = &report.loader {
        let _ = write!(
            summary,
            ", loader {} brotli",
            units::bytes(loader.size.brotli)
        );
    }
    if exceeded.is_empty() {
        let _ = writeln!(out, "### ✅ Size budget: every budget fits ({summary})\n");
    } else {
        let plural = if exceeded.len() == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "### ❌ Size budget: {} limit{plural} exceeded ({summary})\n",
            exceeded.len()
        );
    }
    let _ = writeln!(out, "Manifest: `{}`\n", code(&report.manifest));

    let with_delta = report.baseline.is_some();
    let mut header = vec!["component", "kind", "raw", "gzip", "brotli", "memory"];
    if with_delta {
        header.extend(["Δ raw", "Δ gzip", "Δ brotli"]);
    }
    header.push("status");
    let _ = writeln!(out, "| {} |", header.join(" | "));
    let aligns: Vec<&str> = header
        .iter()
        .map(|h| {
            if matches!(*h, "component" | "kind" | "status") {
                ":--"
            } else {
                "--:"
            }
        })
        .collect();
    let _ = writeln!(out, "|{}|", aligns.join("|"));
    for item in report.items() {
        let _ = writeln!(out, "| {} |", row(item, report, with_delta).join(" | "));
    }

    if !exceeded.is_empty() {
        let _ = writeln!(out, "\n**Over budget:**\n");
        for (item, metric) in &exceeded {
            let _ = writeln!(out, "- {}", escape(&units::overrun(item, *metric)));
        }
    }
    if let Some(baseline) = &report.baseline {
        let _ = write!(out, "\nCompared with `{}`", code(&baseline.path));
        if !baseline.added.is_empty() {
            let names: Vec<String> = baseline.added.iter().map(|n| escape(n)).collect();
            let _ = write!(out, "; new: {}", names.join(", "));
        }
        if !baseline.removed.is_empty() {
            let names: Vec<String> = baseline
                .removed
                .iter()
                .map(|r| {
                    format!(
                        "{} (was {} brotli)",
                        escape(&r.name),
                        units::bytes(r.size.brotli)
                    )
                })
                .collect();
            let _ = write!(out, "; removed: {}", names.join(", "));
        }
        out.push_str(".\n");
    }
    out.push_str(&sections(report));
    out
}

fn row(item: &Item, report: &Report, with_delta: bool) -> Vec<String> {
    let is_component = item.memory.is_some();
    let name = if is_component {
        escape(&item.name)
    } else {
        format!("**{}**", item.name)
    };
    let kind = if is_component {
        item.kind_label()
    } else {
        String::new()
    };
    let mut cells = vec![name, kind];
    for metric in COLUMNS {
        let text = if is_component || metric != Metric::MemoryPages {
            units::cell(item, metric)
        } else {
            String::new()
        };
        cells.push(if item.is_over(metric) {
            format!("**{text}**")
        } else {
            text
        });
    }
    if with_delta {
        let is_new = is_component
            && report
                .baseline
                .as_ref()
                .is_some_and(|b| b.added.contains(&item.name));
        for pick in DELTAS {
            cells.push(match &item.delta {
                Some(delta) => units::change(pick(delta)),
                None if is_new => "new".to_string(),
                None => "-".to_string(),
            });
        }
    }
    if item.exceeded.is_empty() {
        cells.push("✅".to_string());
    } else {
        let names: Vec<&str> = item.exceeded.iter().map(|m| m.as_str()).collect();
        cells.push(format!("❌ {}", names.join(", ")));
    }
    cells
}

fn sections(report: &Report) -> String {
    let files: Vec<(&Item, &crate::report::FileReport)> = report
        .components
        .iter()
        .chain(report.loaders())
        .flat_map(|item| {
            item.files
                .iter()
                .filter(|f| f.wasm.is_some())
                .map(move |f| (item, f))
        })
        .collect();
    let saving: u64 = files
        .iter()
        .filter_map(|(_, f)| f.wasm.as_ref())
        .map(|w| w.strippable_bytes)
        .sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n<details><summary>Wasm sections ({} would go by stripping custom sections)</summary>\n",
        units::bytes(saving)
    );
    for (item, file) in files {
        let Some(wasm) = &file.wasm else { continue };
        let _ = writeln!(
            out,
            "**{}**: `{}`, {}\n",
            escape(&item.name),
            code(&file.path),
            units::bytes(file.size.raw)
        );
        let _ = writeln!(
            out,
            "| section | bytes | share | strippable |\n|:--|--:|--:|:-:|"
        );
        for s in &wasm.sections {
            let mark = if s.strippable { "yes" } else { "" };
            let label = escape(&s.label());
            let _ = writeln!(
                out,
                "| {label} | {} | {} | {mark} |",
                s.bytes,
                units::share(s.bytes, file.size.raw)
            );
        }
        let _ = writeln!(
            out,
            "| *stripping saves* | {} | {} | |\n",
            wasm.strippable_bytes,
            units::share(wasm.strippable_bytes, file.size.raw)
        );
    }
    out.push_str("</details>\n");
    out
}

/// Escapes text for a Markdown table cell or paragraph.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Makes text safe inside a single-backtick code span in a table (no backticks, no pipes, one line).
fn code(text: &str) -> String {
    text.replace('`', "'")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}
