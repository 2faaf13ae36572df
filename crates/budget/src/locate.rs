//! Finding the built file behind a module or glue reference in the manifest, and naming it in reports.
//!
//! A reference is resolved like the browser resolves it against the manifest URL, but on disk:
//! relative references against the manifest's folder, root-relative ones (`/c/x.wasm`) against the
//! same folder (taken as the site root). With `--dist DIR`, a reference is looked up under `DIR` by
//! the same relative path (for an absolute URL, its path), falling back to `DIR/<file name>`.
//! Percent-escapes are decoded first (`a%20b.wasm` is the file `a b.wasm`), as a static server does.

use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// Resolves references for one manifest.
#[derive(Debug, Clone)]
pub struct Locator {
    manifest_dir: PathBuf,
    dist: Option<PathBuf>,
}

impl Locator {
    /// A locator for the manifest at `manifest`, optionally with a `--dist` folder.
    pub fn new(manifest: &Path, dist: Option<&Path>) -> Locator {
        let manifest_dir = manifest.parent().map(Path::to_path_buf).unwrap_or_default();
        Locator {
            manifest_dir,
            dist: dist.map(Path::to_path_buf),
        }
    }

    /// The places `reference` may be, in the order they are tried.
    pub fn candidates(&self, component: &str, reference: &str) -> Result<Vec<PathBuf>, Error> {
        let without_suffix = reference.split(['?', '#']).next().unwrap_or_default();
        let (relative, absolute) = match url_path(without_suffix) {
            Some(path) => (percent_decode(path), true),
            None => (
                percent_decode(without_suffix.trim_start_matches('/')),
                false,
            ),
        };
        let relative = relative.as_str();
        let mut tried = Vec::new();
        match &self.dist {
            None if absolute => {
                return Err(Error::NotLocal {
                    component: component.to_string(),
                    reference: reference.to_string(),
                })
            }
            None => tried.push(normalize(&self.manifest_dir.join(relative))),
            Some(dist) => {
                tried.push(normalize(&dist.join(relative)));
                if let Some(name) = Path::new(relative).file_name() {
                    tried.push(normalize(&dist.join(name)));
                }
            }
        }
        tried.dedup();
        Ok(tried)
    }

    /// The first existing candidate for `reference`, or [`Error::FileMissing`] naming every try.
    pub fn find(&self, component: &str, reference: &str) -> Result<PathBuf, Error> {
        let tried = self.candidates(component, reference)?;
        match tried.iter().find(|p| p.is_file()) {
            Some(found) => Ok(found.clone()),
            None => Err(Error::FileMissing {
                component: component.to_string(),
                reference: reference.to_string(),
                tried,
            }),
        }
    }

    /// `path` relative to the manifest's folder with `/` separators, as reports show it.
    pub fn display(&self, path: &Path) -> String {
        relative_to(path, &self.manifest_dir)
    }
}

/// For `https://host/a/b.wasm` or `//host/a/b.wasm`, the path `a/b.wasm`; `None` for other references.
fn url_path(reference: &str) -> Option<&str> {
    let rest = match reference.split_once("://") {
        Some((scheme, rest)) if !scheme.is_empty() && !scheme.contains('/') => rest,
        _ => reference.strip_prefix("//")?,
    };
    Some(
        rest.split_once('/')
            .map(|(_, path)| path)
            .unwrap_or_default(),
    )
}

/// Decodes `%XX` escapes; a reference whose escapes do not decode to UTF-8 is kept as written.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).copied().and_then(hex),
            bytes.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(high), Some(low)) => {
                out.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Removes `.` and folds `..` where a normal component precedes it.
fn normalize(path: &Path) -> PathBuf {
    let mut out: Vec<Component> = Vec::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.last(), Some(Component::Normal(_))) => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out.iter().collect()
}

/// `path` relative to `base`, both taken lexically (`../dist/x.wasm` when needed).
fn relative_to(path: &Path, base: &Path) -> String {
    let absolute = |p: &Path| {
        if p.is_absolute() {
            normalize(p)
        } else {
            normalize(&std::env::current_dir().unwrap_or_default().join(p))
        }
    };
    let (path, base) = (absolute(path), absolute(base));
    let (path_parts, base_parts): (Vec<_>, Vec<_>) =
        (path.components().collect(), base.components().collect());
    let common = path_parts
        .iter()
        .zip(&base_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let ups = std::iter::repeat_n("..".to_string(), base_parts.len() - common);
    let downs = path_parts[common..]
        .iter()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    ups.chain(downs).collect::<Vec<_>>().join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_references_resolve_against_the_manifest_folder() {
        let locator = Locator::new(Path::new("www/tessera.json"), None);
        let tried = locator
            .candidates("c", "./components/c.wasm?v=3#x")
            .unwrap();
        assert_eq!(tried, vec![PathBuf::from("www/components/c.wasm")]);
        let tried = locator.candidates("c", "/components/c.wasm").unwrap();
        assert_eq!(tried, vec![PathBuf::from("www/components/c.wasm")]);
        let tried = locator.candidates("c", "../pkg/c.wasm").unwrap();
        assert_eq!(tried, vec![PathBuf::from("pkg/c.wasm")]);
    }

    #[test]
    fn percent_escapes_are_decoded() {
        let locator = Locator::new(Path::new("tessera.json"), None);
        let tried = locator.candidates("c", "c/a%20b%27s.wasm").unwrap();
        assert_eq!(tried, vec![PathBuf::from("c/a b's.wasm")]);
        assert_eq!(percent_decode("100%.wasm"), "100%.wasm");
        assert_eq!(
            percent_decode("%ff.wasm"),
            "%ff.wasm",
            "not UTF-8: kept as written"
        );
        assert_eq!(percent_decode("caf%C3%A9"), "café");
    }

    #[test]
    fn absolute_urls_need_a_dist_folder() {
        let locator = Locator::new(Path::new("tessera.json"), None);
        let err = locator
            .candidates("cart", "https://cdn.example/c/cart.wasm")
            .unwrap_err();
        assert_eq!(err.code(), "not-local");
        assert!(
            err.to_string().contains("https://cdn.example/c/cart.wasm"),
            "{err}"
        );
        let locator = Locator::new(Path::new("tessera.json"), Some(Path::new("dist")));
        let tried = locator
            .candidates("cart", "https://cdn.example/c/cart.wasm")
            .unwrap();
        assert_eq!(
            tried,
            vec![
                PathBuf::from("dist/c/cart.wasm"),
                PathBuf::from("dist/cart.wasm")
            ]
        );
        let tried = locator.candidates("cart", "cart.wasm").unwrap();
        assert_eq!(tried, vec![PathBuf::from("dist/cart.wasm")]);
    }

    #[test]
    fn missing_files_name_every_try() {
        let locator = Locator::new(
            Path::new("/nonexistent/tessera.json"),
            Some(Path::new("/nonexistent/dist")),
        );
        let err = locator.find("cart", "c/cart.wasm").unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("/nonexistent/dist/c/cart.wasm")
                && text.contains("/nonexistent/dist/cart.wasm"),
            "{text}"
        );
    }

    #[test]
    fn display_paths_are_relative_to_the_manifest() {
        let locator = Locator::new(Path::new("/site/www/tessera.json"), None);
        assert_eq!(locator.display(Path::new("/site/www/c/x.wasm")), "c/x.wasm");
        assert_eq!(
            locator.display(Path::new("/site/dist/x.wasm")),
            "../dist/x.wasm"
        );
        let locator = Locator::new(Path::new("tessera.json"), None);
        assert_eq!(locator.display(Path::new("c/x.wasm")), "c/x.wasm");
    }
}
