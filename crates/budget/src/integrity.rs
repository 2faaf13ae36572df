//! The `integrity` command: Subresource Integrity values of the built modules, written into the
//! manifest in place (key order and every other value preserved) or only checked (`--check`).

use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::Value;
use sha2::Digest as _;

use crate::error::Error;
use crate::locate::Locator;
use crate::targets;

/// A hash function SRI accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum Algorithm {
    /// `sha256`.
    Sha256,
    /// `sha384`.
    Sha384,
    /// `sha512`.
    Sha512,
}

impl Algorithm {
    /// The SRI prefix: `sha256`, `sha384` or `sha512`.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Sha256 => "sha256",
            Algorithm::Sha384 => "sha384",
            Algorithm::Sha512 => "sha512",
        }
    }

    fn from_name(name: &str) -> Option<Algorithm> {
        [Algorithm::Sha256, Algorithm::Sha384, Algorithm::Sha512]
            .into_iter()
            .find(|a| a.name() == name)
    }
}

/// The SRI string of `bytes`: `sha256-<base64 of the digest>`.
pub fn sri(algorithm: Algorithm, bytes: &[u8]) -> String {
    let digest: Vec<u8> = match algorithm {
        Algorithm::Sha256 => sha2::Sha256::digest(bytes).to_vec(),
        Algorithm::Sha384 => sha2::Sha384::digest(bytes).to_vec(),
        Algorithm::Sha512 => sha2::Sha512::digest(bytes).to_vec(),
    };
    format!(
        "{}-{}",
        algorithm.name(),
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// Whether an SRI value accepts `bytes` the way a browser decides: among the hashes of the
/// strongest algorithm listed, one must match. Unknown algorithms are ignored; none known fails.
pub fn accepts(value: &str, bytes: &[u8]) -> bool {
    let hashes: Vec<(Algorithm, &str)> = value
        .split_ascii_whitespace()
        .filter_map(|token| {
            let token = token.split('?').next().unwrap_or_default();
            let (name, _) = token.split_once('-')?;
            Some((Algorithm::from_name(name)?, token))
        })
        .collect();
    let Some(strongest) = hashes.iter().map(|(a, _)| *a).max() else {
        return false;
    };
    let expected = sri(strongest, bytes);
    hashes
        .iter()
        .any(|(a, token)| *a == strongest && *token == expected)
}

/// What `integrity` was asked to do.
#[derive(Debug, Clone)]
pub struct IntegrityOptions {
    /// The manifest to read and (unless `check`) rewrite.
    pub manifest: PathBuf,
    /// `--dist`: where built files are looked up.
    pub dist: Option<PathBuf>,
    /// The algorithm for new values.
    pub algorithm: Algorithm,
    /// `--check`: verify only, never write.
    pub check: bool,
}

/// The state of one file's integrity value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The manifest's value matches the file (checked) or already equals the new value (written).
    Fresh,
    /// The manifest's value does not match the file.
    Stale,
    /// The manifest has no value for the file.
    Missing,
    /// The value was written into the manifest.
    Written,
    /// A bindgen glue file: the manifest has no field for its hash, which is only shown.
    Shown,
}

impl Status {
    /// The word the command prints.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Fresh => "ok",
            Status::Stale => "stale",
            Status::Missing => "missing",
            Status::Written => "written",
            Status::Shown => "glue (no manifest field)",
        }
    }
}

/// One file's line of output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The component.
    pub component: String,
    /// The file, relative to the manifest's folder.
    pub file: String,
    /// Its SRI value with the chosen algorithm.
    pub value: String,
    /// What happened.
    pub status: Status,
}

/// Computes every value and rewrites the manifest when one changed (unless checking).
pub fn run(options: &IntegrityOptions) -> Result<Vec<Entry>, Vec<Error>> {
    let plan = targets::load(&options.manifest).map_err(|e| vec![e])?;
    let locator = Locator::new(&options.manifest, options.dist.as_deref());
    let mut errors = Vec::new();
    let mut entries = Vec::new();
    let mut new_values = Vec::new();
    for target in &plan.targets {
        let module = locator
            .find(&target.name, &target.module)
            .and_then(|path| read(&path).map(|b| (path, b)));
        let (path, bytes) = match module {
            Ok(found) => found,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let value = sri(options.algorithm, &bytes);
        let status = match (&target.integrity, options.check) {
            (None, _) if options.check => Status::Missing,
            (Some(current), true) if accepts(current, &bytes) => Status::Fresh,
            (Some(_), true) => Status::Stale,
            (Some(current), false) if *current == value => Status::Fresh,
            _ => Status::Written,
        };
        if status == Status::Written {
            new_values.push((target.name.clone(), value.clone()));
        }
        entries.push(Entry {
            component: target.name.clone(),
            file: locator.display(&path),
            value,
            status,
        });
        if let Some(glue) = &target.glue {
            if let Ok(path) = locator.find(&target.name, glue) {
                let bytes = read(&path).map_err(|e| vec![e])?;
                let value = sri(options.algorithm, &bytes);
                let file = locator.display(&path);
                entries.push(Entry {
                    component: target.name.clone(),
                    file,
                    value,
                    status: Status::Shown,
                });
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if !new_values.is_empty() {
        rewrite(&options.manifest, &new_values).map_err(|e| vec![e])?;
    }
    Ok(entries)
}

fn read(path: &Path) -> Result<Vec<u8>, Error> {
    std::fs::read(path).map_err(|source| Error::FileUnreadable {
        path: path.to_path_buf(),
        source,
    })
}

/// Sets `integrity` of the named components, keeping key order (a new key goes right after
/// `module`), and writes the manifest back pretty-printed with a trailing newline.
fn rewrite(manifest: &Path, values: &[(String, String)]) -> Result<(), Error> {
    let text = crate::targets::read_text(manifest)?;
    let mut json: Value = serde_json::from_str(&text).map_err(|e| Error::ManifestInvalid {
        path: manifest.to_path_buf(),
        problems: vec![e.to_string()],
    })?;
    let components = json
        .get_mut("components")
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten();
    for component in components.filter_map(Value::as_object_mut) {
        let name = component
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some((_, value)) = values.iter().find(|(n, _)| n == name) else {
            continue;
        };
        let value = Value::String(value.clone());
        match component.get_mut("integrity") {
            Some(slot) => *slot = value,
            None => {
                let at = component
                    .keys()
                    .position(|k| k == "module")
                    .map_or(component.len(), |i| i + 1);
                component.shift_insert(at, "integrity".to_string(), value);
            }
        }
    }
    let mut out = serde_json::to_string_pretty(&json).expect("a JSON value always serializes");
    out.push('\n');
    let failed = |source| Error::WriteFailed {
        path: manifest.to_path_buf(),
        source,
    };
    let temp = manifest.with_extension("json.tessera-tmp");
    std::fs::write(&temp, out).map_err(failed)?;
    std::fs::rename(&temp, manifest).map_err(failed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sri_values_match_known_digests() {
        // `printf abc | openssl dgst -sha256 -binary | base64`
        assert_eq!(
            sri(Algorithm::Sha256, b"abc"),
            "sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0="
        );
        assert!(sri(Algorithm::Sha384, b"abc").starts_with(
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        ));
        assert_eq!(sri(Algorithm::Sha512, b"").len(), "sha512-".len() + 88);
    }

    #[test]
    fn accepts_follows_the_strongest_listed_algorithm() {
        let good256 = sri(Algorithm::Sha256, b"abc");
        let good384 = sri(Algorithm::Sha384, b"abc");
        let bad384 = sri(Algorithm::Sha384, b"abd");
        assert!(accepts(&good256, b"abc"));
        assert!(!accepts(&good256, b"abd"));
        assert!(accepts(&format!("{good256} {good384}"), b"abc"));
        assert!(
            !accepts(&format!("{good256} {bad384}"), b"abc"),
            "the weaker match does not count"
        );
        assert!(accepts(&format!("{bad384}  {good384}?opt"), b"abc"));
        assert!(!accepts("md5-xyz", b"abc"));
        assert!(!accepts("", b"abc"));
    }
}
