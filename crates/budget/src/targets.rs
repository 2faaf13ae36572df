//! Reads the manifest through `tessera-manifest` and keeps only what the size report needs.
//!
//! This is the one module that touches the manifest crate's types; everything else works on
//! [`Plan`] and [`Target`].

use std::path::Path;

use tessera_manifest::{Kind, Load, Manifest};

use crate::error::Error;
use crate::report::Limits;

/// What the report measures for one manifest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The components, in manifest order.
    pub targets: Vec<Target>,
    /// `budget.totalBytes` / `totalGzipBytes` / `totalBrotliBytes`.
    pub total: Limits,
}

/// One component as the report sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `name`.
    pub name: String,
    /// `isolated` or `bindgen`.
    pub kind: &'static str,
    /// `module`, as written.
    pub module: String,
    /// `glue`, as written, for bindgen components.
    pub glue: Option<String>,
    /// `integrity`, as written.
    pub integrity: Option<String>,
    /// `maxBytes` / `maxGzipBytes` / `maxBrotliBytes`.
    pub limits: Limits,
    /// `maxMemoryPages`.
    pub max_memory_pages: Option<u32>,
    /// Whether `load` is `eager` (fetched as soon as the manifest is read).
    pub eager: bool,
    /// `isolation` as written (`main` or `worker`); `None` when the loader's option decides.
    pub isolation: Option<&'static str>,
}

/// The text of the manifest at `path`: UTF-8, without a leading byte order mark (the loader's
/// `TextDecoder` drops one too).
pub(crate) fn read_text(path: &Path) -> Result<String, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::ManifestUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// Reads, parses and validates the manifest at `path`.
pub fn load(path: &Path) -> Result<Plan, Error> {
    let text = read_text(path)?;
    let manifest =
        tessera_manifest::from_json_str(&text).map_err(|problems| Error::ManifestInvalid {
            path: path.to_path_buf(),
            problems: problems.0.iter().map(|p| p.to_string()).collect(),
        })?;
    Ok(plan(&manifest))
}

/// The report's view of a validated manifest.
pub fn plan(manifest: &Manifest) -> Plan {
    let targets = manifest
        .components
        .iter()
        .map(|c| {
            let (kind, glue) = match &c.kind {
                Kind::Isolated => ("isolated", None),
                Kind::Bindgen { glue } => ("bindgen", Some(glue.clone())),
            };
            Target {
                name: c.name.clone(),
                kind,
                module: c.module.clone(),
                glue,
                integrity: c.integrity.clone(),
                limits: Limits {
                    raw: c.budget.max_bytes,
                    gzip: c.budget.max_gzip_bytes,
                    brotli: c.budget.max_brotli_bytes,
                },
                max_memory_pages: c.budget.max_memory_pages,
                eager: c.load == Load::Eager,
                isolation: c.isolation.map(|i| i.as_str()),
            }
        })
        .collect();
    let total = Limits {
        raw: manifest.budget.total_bytes,
        gzip: manifest.budget.total_gzip_bytes,
        brotli: manifest.budget.total_brotli_bytes,
    };
    Plan { targets, total }
}
