//! The HTML format: one self-contained page (inline CSS, no scripts, no external assets) with a bar
//! per budgeted metric of every component, the total and the loader, and the section breakdown.

use std::fmt::Write as _;

use super::table::DELTAS;
use super::units::{self, COLUMNS};
use crate::report::{Item, Metric, Report};

const STYLE: &str = "\
body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2430}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin:1.6rem 0 .4rem}
.ok{color:#18794e}.over{color:#c4291c;font-weight:600}.dim{color:#6b7280}
.card{border:1px solid #d8dde6;border-radius:8px;padding:.6rem 1rem;margin:.8rem 0}
.card h3{margin:.2rem 0 .5rem;font-size:1rem}.card p{margin:.35rem 0}
.metric{display:grid;grid-template-columns:7rem 1fr 16rem;gap:.8rem;align-items:center;margin:.25rem 0}
.bar{background:#eef1f5;border-radius:4px;height:.8rem;overflow:hidden}
.bar span{display:block;height:100%;background:#3b82f6}
.bar.over span{background:#dc2626}
table{border-collapse:collapse;margin:.4rem 0 1rem}td,th{padding:.15rem .7rem;text-align:right}
td:first-child,th:first-child{text-align:left}tr:nth-child(even){background:#f6f8fa}
details{margin:.4rem 0}summary{cursor:pointer}
";

/// Renders the report as a standalone HTML page.
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let exceeded = report.exceeded();
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    let _ = writeln!(
        out,
        "<title>Size budget: {}</title>",
        escape(&report.manifest)
    );
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(
        out,
        "<h1>Size budget: <code>{}</code></h1>",
        escape(&report.manifest)
    );
    if exceeded.is_empty() {
        out.push_str("<p class=\"ok\">Every budget fits.</p>\n");
    } else {
        let plural = if exceeded.len() == 1 { "" } else { "s" };
        let _ = writeln!(
            out,
            "<p class=\"over\">{} limit{plural} exceeded:</p>\n<ul>",
            exceeded.len()
        );
        for (item, metric) in &exceeded {
            let _ = writeln!(out, "<li>{}</li>", escape(&units::overrun(item, *metric)));
        }
        out.push_str("</ul>\n");
    }
    if let Some(baseline) = &report.baseline {
        let _ = write!(
            out,
            "<p class=\"dim\">Compared with <code>{}</code>",
            escape(&baseline.path)
        );
        if !baseline.added.is_empty() {
            let _ = write!(out, "; new: {}", escape(&baseline.added.join(", ")));
        }
        for removed in &baseline.removed {
            let _ = write!(
                out,
                "; removed: {} (was {} brotli)",
                escape(&removed.name),
                units::bytes(removed.size.brotli)
            );
        }
        out.push_str(".</p>\n");
    }
    for item in report.items() {
        out.push_str(&card(item, report));
    }
    out.push_str(&sections(report));
    out.push_str("</body>\n</html>\n");
    out
}

fn card(item: &Item, report: &Report) -> String {
    let mut out = String::new();
    let status = if item.exceeded.is_empty() {
        "<span class=\"ok\">fits</span>".to_string()
    } else {
        let names: Vec<&str> = item.exceeded.iter().map(|m| m.as_str()).collect();
        format!("<span class=\"over\">over: {}</span>", names.join(", "))
    };
    let kind = if item.memory.is_some() {
        format!(" <span class=\"dim\">{}</span>", escape(&item.kind_label()))
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<section class=\"card\">\n<h3>{}{kind} &middot; {status}</h3>",
        escape(&item.name)
    );
    for metric in COLUMNS {
        if metric == Metric::MemoryPages && item.memory.is_none() {
            continue;
        }
        let (actual, limit) = units::actual_and_limit(item, metric);
        let over = item.is_over(metric);
        let class = if over { "bar over" } else { "bar" };
        let bar = match limit {
            Some(limit) if limit > 0 => {
                let width = (actual as f64 * 100.0 / limit as f64).min(100.0);
                format!("<div class=\"{class}\"><span style=\"width:{width:.1}%\"></span></div>")
            }
            _ => "<div class=\"dim\">no budget</div>".to_string(),
        };
        let mut label = escape(&units::cell(item, metric));
        if let Some(limit) = limit.filter(|l| *l > 0) {
            let _ = write!(label, " ({})", units::share(actual, limit));
        }
        let label_class = if over { " class=\"over\"" } else { "" };
        let name = if metric == Metric::MemoryPages {
            "memory"
        } else {
            metric.as_str()
        };
        let _ = writeln!(
            out,
            "<div class=\"metric\"><span>{name}</span>{bar}<span{label_class}>{label}</span></div>"
        );
    }
    if report.baseline.is_some() {
        let change = match &item.delta {
            Some(delta) => DELTAS
                .iter()
                .zip(["raw", "gzip", "brotli"])
                .map(|(pick, n)| format!("{n} {}", units::change(pick(delta))))
                .collect::<Vec<_>>()
                .join(", "),
            None if item.memory.is_some() => "new since the baseline".to_string(),
            None => "not in the baseline".to_string(),
        };
        let _ = writeln!(out, "<p class=\"dim\">Change: {}</p>", escape(&change));
    }
    if !item.files.is_empty() {
        let files: Vec<String> = item
            .files
            .iter()
            .map(|f| {
                format!(
                    "<code>{}</code> ({})",
                    escape(&f.path),
                    units::bytes(f.size.raw)
                )
            })
            .collect();
        let _ = writeln!(out, "<p class=\"dim\">Files: {}</p>", files.join(", "));
    }
    out.push_str("</section>\n");
    out
}

fn sections(report: &Report) -> String {
    let mut out = String::from("<h2>Wasm sections</h2>\n");
    for item in report.components.iter().chain(report.loaders()) {
        for file in &item.files {
            let Some(wasm) = &file.wasm else { continue };
            let _ = writeln!(
                out,
                "<details>\n<summary>{}: <code>{}</code>, {}; stripping saves {}</summary>",
                escape(&item.name),
                escape(&file.path),
                units::bytes(file.size.raw),
                units::bytes(wasm.strippable_bytes)
            );
            out.push_str("<table>\n<tr><th>section</th><th>bytes</th><th>share</th><th>strippable</th></tr>\n");
            for s in &wasm.sections {
                let mark = if s.strippable { "yes" } else { "" };
                let share = units::share(s.bytes, file.size.raw);
                let _ = writeln!(
                    out,
                    "<tr><td>{}</td><td>{}</td><td>{share}</td><td>{mark}</td></tr>",
                    escape(&s.label()),
                    s.bytes
                );
            }
            out.push_str("</table>\n</details>\n");
        }
    }
    out
}

/// Escapes text for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }
}
