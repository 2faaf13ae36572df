//! The terminal format: aligned columns, the section breakdown, and a result line at the end.
//! Colour (green fits, red over, dim notes) only when asked for; alignment never depends on it.

use std::fmt::Write as _;

use super::units::{self, COLUMNS};
use crate::report::{Change, Delta, Item, Metric, Report};

/// Picks one change out of a delta, in column order (raw, gzip, brotli).
pub(crate) const DELTAS: [fn(&Delta) -> Change; 3] = [|d| d.raw, |d| d.gzip, |d| d.brotli];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Good,
    Bad,
    Dim,
    Bold,
}

struct Cell {
    text: String,
    style: Style,
}

fn cell(text: impl Into<String>, style: Style) -> Cell {
    Cell {
        text: text.into(),
        style,
    }
}

fn paint(text: &str, style: Style, colour: bool) -> String {
    let code = match style {
        Style::Plain => return text.to_string(),
        Style::Good => "32",
        Style::Bad => "1;31",
        Style::Dim => "2",
        Style::Bold => "1",
    };
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// Renders the report as text for a terminal.
pub fn render(report: &Report, colour: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}\n",
        paint(
            &format!("tessera-budget: {}", report.manifest),
            Style::Bold,
            colour
        )
    );
    let with_delta = report.baseline.is_some();
    let mut header = vec!["component", "kind", "raw", "gzip", "brotli", "memory"];
    if with_delta {
        header.extend(["change raw", "change gzip", "change brotli"]);
    }
    header.push("status");
    let mut rows = vec![header
        .iter()
        .map(|h| cell(*h, Style::Bold))
        .collect::<Vec<_>>()];
    for item in report.items() {
        rows.push(row(item, report, with_delta));
    }
    let right: Vec<bool> = header
        .iter()
        .map(|h| !matches!(*h, "component" | "kind" | "status"))
        .collect();
    out.push_str(&grid(&rows, &right, colour));

    if let Some(baseline) = &report.baseline {
        let _ = writeln!(out, "\nbaseline: {}", baseline.path);
        for name in &baseline.added {
            let _ = writeln!(out, "  new: {name}");
        }
        for removed in &baseline.removed {
            let s = removed.size;
            let sizes = format!(
                "{} raw, {} gzip, {} brotli",
                units::bytes(s.raw),
                units::bytes(s.gzip),
                units::bytes(s.brotli)
            );
            let _ = writeln!(out, "  removed: {} (was {sizes})", removed.name);
        }
    }

    out.push_str(&sections(report, colour));

    let exceeded = report.exceeded();
    if exceeded.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            paint("result: ok, every budget fits", Style::Good, colour)
        );
    } else {
        let plural = if exceeded.len() == 1 { "" } else { "s" };
        let line = format!(
            "result: over budget, {} limit{plural} exceeded",
            exceeded.len()
        );
        let _ = writeln!(out, "\n{}", paint(&line, Style::Bad, colour));
        for (item, metric) in exceeded {
            let _ = writeln!(out, "  {}", units::overrun(item, metric));
        }
    }
    out
}

fn row(item: &Item, report: &Report, with_delta: bool) -> Vec<Cell> {
    let is_component = item.memory.is_some();
    let kind = if is_component {
        item.kind_label()
    } else {
        String::new()
    };
    let mut cells = vec![cell(&item.name, Style::Plain), cell(kind, Style::Plain)];
    for metric in COLUMNS {
        let style = if item.is_over(metric) {
            Style::Bad
        } else {
            Style::Plain
        };
        let text = if is_component || metric != Metric::MemoryPages {
            units::cell(item, metric)
        } else {
            String::new()
        };
        cells.push(cell(text, style));
    }
    if with_delta {
        let is_new = report
            .baseline
            .as_ref()
            .is_some_and(|b| b.added.contains(&item.name))
            && is_component;
        for pick in DELTAS {
            cells.push(match (&item.delta, is_new) {
                (Some(delta), _) => cell(units::change(pick(delta)), Style::Plain),
                (None, true) => cell("new", Style::Dim),
                (None, false) => cell("-", Style::Dim),
            });
        }
    }
    if item.exceeded.is_empty() {
        cells.push(cell("ok", Style::Good));
    } else {
        let names: Vec<&str> = item.exceeded.iter().map(|m| m.as_str()).collect();
        cells.push(cell(format!("OVER {}", names.join(", ")), Style::Bad));
    }
    cells
}

fn sections(report: &Report, colour: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{}",
        paint("sections (* = safe to strip)", Style::Bold, colour)
    );
    for item in report.components.iter().chain(report.loaders()) {
        for file in &item.files {
            let Some(wasm) = &file.wasm else { continue };
            let _ = writeln!(
                out,
                "  {}: {} ({})",
                item.name,
                file.path,
                units::bytes(file.size.raw)
            );
            let rows: Vec<Vec<Cell>> = wasm
                .sections
                .iter()
                .map(|s| {
                    let mark = if s.strippable {
                        cell("*", Style::Dim)
                    } else {
                        cell("", Style::Plain)
                    };
                    vec![
                        cell(format!("    {}", s.label()), Style::Plain),
                        cell(units::bytes(s.bytes), Style::Plain),
                        cell(units::share(s.bytes, file.size.raw), Style::Plain),
                        mark,
                    ]
                })
                .collect();
            out.push_str(&grid(&rows, &[false, true, true, false], colour));
            let saving = format!(
                "    stripping saves {} ({})",
                units::bytes(wasm.strippable_bytes),
                units::share(wasm.strippable_bytes, file.size.raw)
            );
            let _ = writeln!(out, "{}", paint(&saving, Style::Dim, colour));
        }
    }
    out
}

/// Pads every column to its widest cell (counting characters), two spaces apart, no trailing blanks.
fn grid(rows: &[Vec<Cell>], right: &[bool], colour: bool) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let width = |c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|x| x.text.chars().count())
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, item) in row.iter().enumerate() {
            let pad = widths[c] - item.text.chars().count();
            let painted = paint(&item.text, item.style, colour);
            let gap = if c == 0 { "" } else { "  " };
            if right.get(c).copied().unwrap_or(false) {
                let _ = write!(line, "{gap}{}{painted}", " ".repeat(pad));
            } else {
                let _ = write!(line, "{gap}{painted}{}", " ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
