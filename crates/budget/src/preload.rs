//! `tessera-budget preload MANIFEST`: the `<link>` hints that take the loader off the critical
//! path (docs/using-tessera.md, "Preload hints").
//!
//! Without hints the page fetches the loader's JS, then its wasm, then the manifest, then the
//! components: four round trips in a row. With them the browser starts all of these while it
//! parses the HTML, and the loader's own `fetch` calls take the responses already on their way.
//! A hint only helps when the later request matches it exactly, so each one says what the
//! loader's request is: `as="fetch"` with `crossorigin` (the loader's `fetch()` is a CORS request
//! with same-origin credentials). No `integrity` attribute: Chromium ignores it on `as="fetch"`
//! hints and warns on the console, and the loader's request still checks the manifest's value
//! against the preloaded response. Only `eager`
//! components get a hint: the others load later or never, and a preload the page does not use
//! within a few seconds wastes bytes and makes the browser warn.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Args;

use crate::cli::{EXIT_OK, EXIT_UNUSABLE};
use crate::targets::{self, Target};

/// The loader's files in its package (pkg/): the ES module and the wasm it fetches.
pub const LOADER_JS: &str = "tessera_loader.js";
/// The loader's wasm, fetched by [`LOADER_JS`] from beside itself.
pub const LOADER_WASM: &str = "tessera_loader_bg.wasm";

/// Arguments of `preload`.
#[derive(Debug, Args)]
pub struct PreloadArgs {
    /// The manifest (e.g. www/dist/tessera.json).
    pub manifest: PathBuf,
    /// The manifest's URL as the page gives it to the loader (relative to the page or absolute);
    /// component URLs resolve against it. Default: the manifest's file name.
    #[arg(long, value_name = "URL")]
    pub manifest_url: Option<String>,
    /// The URL of the folder the loader's files are served from (e.g. `loader/`): adds hints for
    /// its JS and its wasm. Without it, only the manifest and the components get hints.
    #[arg(long, value_name = "URL")]
    pub loader_url: Option<String>,
}

/// Runs `preload`: prints one `<link>` per line.
pub fn run_preload(args: PreloadArgs) -> u8 {
    let plan = match targets::load(&args.manifest) {
        Ok(plan) => plan,
        Err(error) => {
            eprintln!("error[{}]: {error}", error.code());
            return EXIT_UNUSABLE;
        }
    };
    let manifest_url = args.manifest_url.unwrap_or_else(|| {
        let name = args.manifest.file_name().unwrap_or_default();
        name.to_string_lossy().into_owned()
    });
    print!(
        "{}",
        hints(&plan.targets, &manifest_url, args.loader_url.as_deref())
    );
    EXIT_OK
}

/// The hints, one `<link>` per line: the loader's JS and wasm (with `loader_url`), the manifest,
/// then every eager component's module (and a bindgen component's glue), in manifest order.
pub fn hints(targets: &[Target], manifest_url: &str, loader_url: Option<&str>) -> String {
    let mut out = String::new();
    let mut line = |rel: &str, href: &str, extra: &str| {
        let _ = writeln!(out, "<link rel=\"{rel}\" href=\"{}\"{extra}>", attr(href));
    };
    if let Some(folder) = loader_url {
        let folder = folder.trim_end_matches('/');
        let join = |file| {
            if folder.is_empty() {
                String::from(file)
            } else {
                format!("{folder}/{file}")
            }
        };
        line("modulepreload", &join(LOADER_JS), "");
        line("preload", &join(LOADER_WASM), FETCH_WASM);
    }
    line(
        "preload",
        manifest_url,
        " as=\"fetch\" type=\"application/json\" crossorigin",
    );
    for target in targets.iter().filter(|t| t.eager) {
        let module = resolve(&target.module, manifest_url);
        line("preload", &module, FETCH_WASM);
        if let Some(glue) = &target.glue {
            line("modulepreload", &resolve(glue, manifest_url), "");
        }
    }
    out
}

/// The attributes of a wasm file the loader fetches with `fetch()`.
const FETCH_WASM: &str = " as=\"fetch\" type=\"application/wasm\" crossorigin";

/// `reference` (as written in the manifest) as a URL that means the same from the page: an
/// absolute or root-relative one as it is, a relative one behind the manifest URL's folder.
pub fn resolve(reference: &str, manifest_url: &str) -> String {
    let absolute = reference.starts_with('/') || reference.contains("://");
    if absolute {
        return reference.to_string();
    }
    let base = manifest_url.split(['?', '#']).next().unwrap_or_default();
    let folder = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    format!("{folder}{reference}")
}

/// `value` escaped for a double-quoted HTML attribute.
fn attr(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
