//! The command line: argument parsing (clap), running a command, printing, and the exit status.
//!
//! `check` is the default command, so `tessera-budget www/tessera.json` means
//! `tessera-budget check www/tessera.json`.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::commands::{run_check, run_integrity};
use crate::format::Format;
use crate::integrity::Algorithm;
use crate::preload::{run_preload, PreloadArgs};
use crate::report::{LOADER_BROTLI_BUDGET, LOADER_DEV_BROTLI_BUDGET};
use crate::scaffold::{run_new, NewArgs};

/// Everything fits (or integrity values are fresh).
pub const EXIT_OK: u8 = 0;
/// A budget is exceeded (or, with `integrity --check`, a value is stale or missing).
pub const EXIT_OVER: u8 = 1;
/// The input is unusable: bad arguments, manifest, module, loader or baseline.
pub const EXIT_UNUSABLE: u8 = 2;

/// The size-budget report for Tessera components and the loader.
#[derive(Debug, Parser)]
#[command(name = "tessera-budget", version, about, long_about = None)]
#[command(
    after_help = "Without a command, `check` is run: `tessera-budget www/tessera.json`.\n\
Exit status: 0 everything fits, 1 a budget is exceeded, 2 unusable input."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Measure every component and the loader against their budgets (the default command).
    Check(CheckArgs),
    /// Write fresh Subresource Integrity values of the built modules into the manifest.
    Integrity(IntegrityArgs),
    /// Create a component crate that builds outside this repository (docs/writing-components.md).
    New(NewArgs),
    /// Print the `<link>` preload hints for the loader, the manifest and the eager components.
    Preload(PreloadArgs),
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The manifest (e.g. www/tessera.json); module paths resolve against its folder.
    pub manifest: PathBuf,
    /// Look built files up under DIR (by their relative path, then by file name).
    #[arg(long, value_name = "DIR")]
    pub dist: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// A JSON report saved earlier: show the change of every size since then.
    #[arg(long, value_name = "OLD_JSON")]
    pub baseline: Option<PathBuf>,
    /// The loader package: a folder (its *.wasm, *.js, *.mjs and snippets/) or files; repeat or
    /// separate with commas. Default: pkg/ when it exists. A folder's dev/ (the development
    /// build) is measured as a second row.
    #[arg(
        long,
        value_name = "DIR_OR_FILES",
        value_delimiter = ',',
        conflicts_with = "no_loader"
    )]
    pub loader: Vec<PathBuf>,
    /// Do not measure the loader.
    #[arg(long)]
    pub no_loader: bool,
    /// The loader's budget in brotli bytes (wasm and JS together).
    #[arg(long, value_name = "BYTES", default_value_t = LOADER_BROTLI_BUDGET)]
    pub loader_budget: u64,
    /// The loader's development build's budget in brotli bytes (the loader folder's dev/).
    #[arg(long, value_name = "BYTES", default_value_t = LOADER_DEV_BROTLI_BUDGET)]
    pub dev_loader_budget: u64,
    /// Colour in the table format: auto (a terminal without NO_COLOR), always or never.
    #[arg(long, value_enum, default_value_t = Colour::Auto)]
    pub color: Colour,
}

/// Arguments of `integrity`.
#[derive(Debug, Args)]
pub struct IntegrityArgs {
    /// The manifest to update in place.
    pub manifest: PathBuf,
    /// Look built files up under DIR (by their relative path, then by file name).
    #[arg(long, value_name = "DIR")]
    pub dist: Option<PathBuf>,
    /// The hash for new values.
    #[arg(long, value_enum, default_value_t = Algorithm::Sha256)]
    pub algorithm: Algorithm,
    /// Only verify; exit 1 when a value is stale or missing. Never writes.
    #[arg(long)]
    pub check: bool,
}

/// When the table format uses colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Colour {
    /// When standard output is a terminal and `NO_COLOR` is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Parses `args` (program name first), runs the command, and returns the exit status.
pub fn run(args: Vec<OsString>) -> u8 {
    let cli = match Cli::try_parse_from(with_default_command(args)) {
        Ok(cli) => cli,
        Err(error) => {
            let _ = error.print();
            return if error.use_stderr() {
                EXIT_UNUSABLE
            } else {
                EXIT_OK
            };
        }
    };
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Integrity(args) => run_integrity(args),
        Command::New(args) => run_new(args),
        Command::Preload(args) => run_preload(args),
    }
}

/// Inserts `check` when the first argument is not a command or a top-level flag.
fn with_default_command(mut args: Vec<OsString>) -> Vec<OsString> {
    const TOP: &[&str] = &[
        "check",
        "integrity",
        "new",
        "preload",
        "help",
        "-h",
        "--help",
        "-V",
        "--version",
    ];
    let first = args.get(1).and_then(|a| a.to_str());
    if !first.is_some_and(|a| TOP.contains(&a)) {
        args.insert(args.len().min(1), OsString::from("check"));
    }
    args
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn check_is_the_default_command() {
        assert_eq!(
            with_default_command(args(&["tb", "m.json"])),
            args(&["tb", "check", "m.json"])
        );
        assert_eq!(
            with_default_command(args(&["tb", "--format", "json", "m.json"])),
            args(&["tb", "check", "--format", "json", "m.json"])
        );
        assert_eq!(
            with_default_command(args(&["tb", "integrity", "m.json"])),
            args(&["tb", "integrity", "m.json"])
        );
        assert_eq!(
            with_default_command(args(&["tb", "--help"])),
            args(&["tb", "--help"])
        );
        assert_eq!(with_default_command(args(&["tb"])), args(&["tb", "check"]));
    }

    #[test]
    fn the_cli_definition_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
