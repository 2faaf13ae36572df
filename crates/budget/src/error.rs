//! The one error type of the crate. Every variant names the file (or component) and the problem;
//! [`Error::code`] gives a stable string a program can switch on.

use std::fmt;
use std::path::PathBuf;

/// Everything that makes the input unusable. Each of these ends the run with exit status 2.
#[derive(Debug)]
pub enum Error {
    /// The manifest file could not be read (usually: it does not exist).
    ManifestUnreadable {
        /// The manifest path as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The manifest is not valid JSON or breaks the manifest rules; one line per problem.
    ManifestInvalid {
        /// The manifest path as given.
        path: PathBuf,
        /// Every problem, as `tessera-manifest` reports it.
        problems: Vec<String>,
    },
    /// A module or glue reference is an absolute URL and no `--dist` folder was given to look it up in.
    NotLocal {
        /// The component that names it.
        component: String,
        /// The reference as written in the manifest.
        reference: String,
    },
    /// No file exists at any of the places a module or glue reference may resolve to.
    FileMissing {
        /// The component that names it.
        component: String,
        /// The reference as written in the manifest.
        reference: String,
        /// Every path that was tried, in order.
        tried: Vec<PathBuf>,
    },
    /// A file exists but could not be read.
    FileUnreadable {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// A file that must be a core WebAssembly module is not one (bad magic, truncated, invalid section...).
    InvalidWasm {
        /// The file.
        path: PathBuf,
        /// The parser's or validator's message, with its byte offset.
        problem: String,
    },
    /// The loader package (`--loader`) has no files to measure.
    LoaderMissing {
        /// The directory or file that was looked at.
        path: PathBuf,
    },
    /// The `--baseline` report could not be read.
    BaselineUnreadable {
        /// The baseline path.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The `--baseline` file is not a JSON report this version understands.
    BaselineInvalid {
        /// The baseline path.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// The report or the rewritten manifest could not be written.
    WriteFailed {
        /// The file being written.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
}

impl Error {
    /// A stable, kebab-case code for this kind of error.
    pub fn code(&self) -> &'static str {
        match self {
            Error::ManifestUnreadable { .. } => "manifest-unreadable",
            Error::ManifestInvalid { .. } => "manifest-invalid",
            Error::NotLocal { .. } => "not-local",
            Error::FileMissing { .. } => "file-missing",
            Error::FileUnreadable { .. } => "file-unreadable",
            Error::InvalidWasm { .. } => "invalid-wasm",
            Error::LoaderMissing { .. } => "loader-missing",
            Error::BaselineUnreadable { .. } => "baseline-unreadable",
            Error::BaselineInvalid { .. } => "baseline-invalid",
            Error::WriteFailed { .. } => "write-failed",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::ManifestUnreadable { path, source } => {
                write!(f, "{}: cannot read manifest: {source}", path.display())
            }
            Error::ManifestInvalid { path, problems } => {
                write!(f, "{}: invalid manifest ({} problem", path.display(), problems.len())?;
                f.write_str(if problems.len() == 1 { ")" } else { "s)" })?;
                problems.iter().try_for_each(|p| write!(f, "\n  {p}"))
            }
            Error::NotLocal { component, reference } => write!(
                f,
                "component '{component}': '{reference}' is an absolute URL; pass --dist DIR to find the built file"
            ),
            Error::FileMissing { component, reference, tried } => {
                write!(f, "component '{component}': no file for '{reference}'; tried ")?;
                let tried: Vec<String> = tried.iter().map(|p| p.display().to_string()).collect();
                f.write_str(&tried.join(", "))
            }
            Error::FileUnreadable { path, source } => {
                write!(f, "{}: cannot read: {source}", path.display())
            }
            Error::InvalidWasm { path, problem } => {
                write!(f, "{}: not a valid wasm module: {problem}", path.display())
            }
            Error::LoaderMissing { path } => write!(
                f,
                "{}: no loader build found (expected *.wasm and *.js files); build it or pass --no-loader",
                path.display()
            ),
            Error::BaselineUnreadable { path, source } => {
                write!(f, "{}: cannot read baseline: {source}", path.display())
            }
            Error::BaselineInvalid { path, problem } => {
                write!(f, "{}: not a tessera-budget JSON report: {problem}", path.display())
            }
            Error::WriteFailed { path, source } => {
                write!(f, "{}: cannot write: {source}", path.display())
            }
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::ManifestUnreadable { source, .. }
            | Error::FileUnreadable { source, .. }
            | Error::BaselineUnreadable { source, .. }
            | Error::WriteFailed { source, .. } => Some(source),
            _ => None,
        }
    }
}
