//! Running the two commands once their arguments are parsed: printing notes, errors and results,
//! and choosing the exit status.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use crate::check::{self, CheckOptions, LoaderSource};
use crate::cli::{CheckArgs, Colour, IntegrityArgs, EXIT_OK, EXIT_OVER, EXIT_UNUSABLE};
use crate::error::Error;
use crate::format::{self, Format};
use crate::integrity::{self, IntegrityOptions, Status};

/// Runs `check`: builds the report, writes it, and returns 0 (fits), 1 (over) or 2 (unusable).
pub fn run_check(args: CheckArgs) -> u8 {
    let loader = match (args.no_loader, args.loader.is_empty()) {
        (true, _) => LoaderSource::Skip,
        (false, true) => LoaderSource::Default,
        (false, false) => LoaderSource::Paths(args.loader),
    };
    let options = CheckOptions {
        manifest: args.manifest,
        dist: args.dist,
        loader,
        loader_budget: args.loader_budget,
        dev_loader_budget: args.dev_loader_budget,
        baseline: args.baseline,
    };
    let checked = match check::check(&options) {
        Ok(checked) => checked,
        Err(errors) => return report_errors(&errors),
    };
    for note in &checked.notes {
        eprintln!("note: {note}");
    }
    let colour = args.format == Format::Table
        && match args.color {
            Colour::Always => true,
            Colour::Never => false,
            Colour::Auto => {
                args.output.is_none()
                    && std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none()
            }
        };
    let text = format::render(&checked.report, args.format, colour);
    let written = match &args.output {
        Some(path) => std::fs::write(path, &text).map_err(|source| Error::WriteFailed {
            path: path.clone(),
            source,
        }),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|source| Error::WriteFailed {
                path: PathBuf::from("<stdout>"),
                source,
            }),
    };
    if let Err(error) = written {
        return report_errors(&[error]);
    }
    if checked.report.fits {
        EXIT_OK
    } else {
        if args.output.is_some() || args.format != Format::Table {
            eprintln!(
                "tessera-budget: over budget ({} limits exceeded)",
                checked.report.exceeded().len()
            );
        }
        EXIT_OVER
    }
}

/// Runs `integrity`: prints one line per file; returns 1 when `--check` finds stale values.
pub fn run_integrity(args: IntegrityArgs) -> u8 {
    let options = IntegrityOptions {
        manifest: args.manifest,
        dist: args.dist,
        algorithm: args.algorithm,
        check: args.check,
    };
    let entries = match integrity::run(&options) {
        Ok(entries) => entries,
        Err(errors) => return report_errors(&errors),
    };
    let width = |f: fn(&integrity::Entry) -> usize| entries.iter().map(f).max().unwrap_or(0);
    let (name_w, file_w, status_w) = (
        width(|e| e.component.len()),
        width(|e| e.file.chars().count()),
        width(|e| e.status.as_str().len()),
    );
    for e in &entries {
        let file_pad = " ".repeat(file_w - e.file.chars().count());
        println!(
            "{:name_w$}  {}{file_pad}  {:status_w$}  {}",
            e.component,
            e.file,
            e.status.as_str(),
            e.value
        );
    }
    let count = |s: Status| entries.iter().filter(|e| e.status == s).count();
    if args.check {
        let bad = count(Status::Stale) + count(Status::Missing);
        if bad > 0 {
            eprintln!("{}: {bad} integrity value(s) stale or missing; run `tessera-budget integrity` after building", options.manifest.display());
            return EXIT_OVER;
        }
    } else if count(Status::Written) > 0 {
        eprintln!(
            "{}: wrote {} integrity value(s)",
            options.manifest.display(),
            count(Status::Written)
        );
    }
    EXIT_OK
}

fn report_errors(errors: &[Error]) -> u8 {
    for error in errors {
        eprintln!("error[{}]: {error}", error.code());
    }
    EXIT_UNUSABLE
}
