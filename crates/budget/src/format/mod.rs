//! The output formats. Each renders the same [`Report`](crate::report::Report) to a string.

pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
pub mod units;

use crate::report::Report;

/// An output format (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Aligned columns for a terminal.
    Table,
    /// The stable JSON report (also the `--baseline` format).
    Json,
    /// GitHub-flavoured Markdown for a pull-request comment.
    Markdown,
    /// One self-contained HTML page with bar charts.
    Html,
}

/// Renders `report` in `format`; `colour` only affects [`Format::Table`].
pub fn render(report: &Report, format: Format, colour: bool) -> String {
    match format {
        Format::Table => table::render(report, colour),
        Format::Json => json::render(report),
        Format::Markdown => markdown::render(report),
        Format::Html => html::render(report),
    }
}
