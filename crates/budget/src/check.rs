//! The `check` command's work: find and measure every file, compare with the budgets, and build the
//! [`Report`]. Rendering is the formats' job; exit statuses are the CLI's.

use std::path::{Path, PathBuf};

use crate::error::Error;
use crate::locate::Locator;
use crate::measure::Sizes;
use crate::report::{FileReport, Item, Limits, Memory, Report};
use crate::sections;
use crate::targets::{self, Target};

/// Where the loader package is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoaderSource {
    /// `pkg/` in the working directory if it exists; otherwise the loader is not measured (a note says so).
    Default,
    /// Directories (every `*.wasm`, `*.js` and `*.mjs` in them and under `snippets/`) or single files.
    Paths(Vec<PathBuf>),
    /// `--no-loader`: not measured.
    Skip,
}

/// The default loader package folder, relative to the working directory.
pub const DEFAULT_LOADER_DIR: &str = "pkg";

/// Everything `check` needs.
#[derive(Debug, Clone)]
pub struct CheckOptions {
    /// The manifest path.
    pub manifest: PathBuf,
    /// `--dist`: where built files are looked up instead of next to the manifest.
    pub dist: Option<PathBuf>,
    /// `--loader` / `--no-loader`.
    pub loader: LoaderSource,
    /// `--loader-budget`: the loader's brotli limit in bytes.
    pub loader_budget: u64,
    /// `--dev-loader-budget`: the development build's brotli limit in bytes.
    pub dev_loader_budget: u64,
    /// `--baseline`: a saved JSON report to compare with.
    pub baseline: Option<PathBuf>,
}

/// A finished report and the notes worth telling the user (things skipped on purpose).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The report.
    pub report: Report,
    /// One line each, for stderr.
    pub notes: Vec<String>,
}

/// Builds the report, or returns every problem that makes the input unusable.
pub fn check(options: &CheckOptions) -> Result<Checked, Vec<Error>> {
    let plan = targets::load(&options.manifest).map_err(|e| vec![e])?;
    let locator = Locator::new(&options.manifest, options.dist.as_deref());
    let mut errors = Vec::new();
    let mut notes = Vec::new();
    let mut components = Vec::new();
    for target in &plan.targets {
        match component(target, &locator, &mut notes) {
            Ok(item) => components.push(item),
            Err(error) => errors.push(error),
        }
    }
    let (loader, development_loader) = loader(options, &mut notes).unwrap_or_else(|error| {
        errors.push(error);
        (None, None)
    });
    let baseline = match &options.baseline {
        Some(path) => crate::baseline::read(path)
            .map(Some)
            .unwrap_or_else(|error| {
                errors.push(error);
                None
            }),
        None => None,
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    let total = Item::total(components.iter().map(|c| c.size).sum(), plan.total);
    let mut report = Report::new(
        options.manifest.display().to_string(),
        components,
        total,
        loader,
        development_loader,
    );
    if let (Some(baseline), Some(path)) = (baseline, &options.baseline) {
        crate::baseline::apply(&mut report, &baseline, &path.display().to_string());
    }
    Ok(Checked { report, notes })
}

fn component(target: &Target, locator: &Locator, notes: &mut Vec<String>) -> Result<Item, Error> {
    let module_path = locator.find(&target.name, &target.module)?;
    let module = measure(&module_path, locator.display(&module_path), "module", true)?;
    let initial_pages = module.wasm.as_ref().and_then(|w| w.initial_memory_pages);
    let mut files = vec![module];
    if let Some(glue) = &target.glue {
        match locator.find(&target.name, glue) {
            Ok(path) => files.push(measure(&path, locator.display(&path), "glue", false)?),
            Err(Error::FileMissing { .. }) => notes.push(format!(
                "component '{}': glue '{glue}' not found; counted the module only",
                target.name
            )),
            Err(other) => return Err(other),
        }
    }
    let memory = Memory {
        initial_pages,
        max_pages: target.max_memory_pages,
    };
    let mut item = Item::new(
        &target.name,
        target.kind,
        files,
        target.limits,
        Some(memory),
    );
    item.isolation = target.isolation.map(str::to_string);
    Ok(item)
}

/// The loader's production build and, when a folder root has a [`DEVELOPMENT_DIR`], its
/// development build.
type Loaders = (Option<Item>, Option<Item>);

/// The folder of a loader package that holds its development build (docs/builds.md).
pub const DEVELOPMENT_DIR: &str = "dev";

fn loader(options: &CheckOptions, notes: &mut Vec<String>) -> Result<Loaders, Error> {
    let roots = match &options.loader {
        LoaderSource::Skip => return Ok((None, None)),
        LoaderSource::Default if !Path::new(DEFAULT_LOADER_DIR).is_dir() => {
            notes.push(format!(
                "loader: no {DEFAULT_LOADER_DIR}/ folder here; not measured (pass --loader DIR or --no-loader)"
            ));
            return Ok((None, None));
        }
        LoaderSource::Default => vec![PathBuf::from(DEFAULT_LOADER_DIR)],
        LoaderSource::Paths(paths) => paths.clone(),
    };
    let dev_roots: Vec<PathBuf> = roots
        .iter()
        .map(|root| root.join(DEVELOPMENT_DIR))
        .filter(|dev| dev.is_dir())
        .collect();
    let production = loader_item("loader", &roots, options.loader_budget)?;
    let development = if dev_roots.is_empty() {
        None
    } else {
        Some(loader_item(
            "loader (development)",
            &dev_roots,
            options.dev_loader_budget,
        )?)
    };
    Ok((Some(production), development))
}

/// One build of the loader: every file of `roots`, against `brotli` bytes.
fn loader_item(name: &str, roots: &[PathBuf], brotli: u64) -> Result<Item, Error> {
    let mut files = Vec::new();
    for root in roots {
        let found = loader_files(root)?;
        if found.is_empty() {
            return Err(Error::LoaderMissing { path: root.clone() });
        }
        for path in found {
            let is_wasm = path.extension().is_some_and(|e| e == "wasm");
            let shown = path.display().to_string().replace('\\', "/");
            files.push(measure(
                &path,
                shown,
                if is_wasm { "wasm" } else { "js" },
                is_wasm,
            )?);
        }
    }
    let budget = Limits {
        raw: None,
        gzip: None,
        brotli: Some(brotli),
    };
    Ok(Item::new(name, "loader", files, budget, None))
}

/// Modules of the loader package that a page loads only when it imports them (`tessera-loader/slot`,
/// the `<tessera-slot>` element, and `tessera-loader/preload`, the run-time preload hints): not
/// part of what every page downloads, so a folder's loader row leaves them out. Name them with
/// `--loader` to count them.
pub const OPT_IN_MODULES: &[&str] = &["tessera_slot.js", "tessera_preload.js"];

/// The files of a loader root: the file itself, or a folder's wasm and JS (and `snippets/`) but
/// not its [`OPT_IN_MODULES`], sorted.
fn loader_files(root: &Path) -> Result<Vec<PathBuf>, Error> {
    if root.is_file() {
        return Ok(vec![root.to_path_buf()]);
    }
    if !root.is_dir() {
        return Err(Error::LoaderMissing {
            path: root.to_path_buf(),
        });
    }
    let mut found = Vec::new();
    collect(root, true, &mut found).map_err(|source| Error::FileUnreadable {
        path: root.to_path_buf(),
        source,
    })?;
    found.sort();
    Ok(found)
}

fn collect(dir: &Path, top: bool, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() && (!top || path.file_name().is_some_and(|n| n == "snippets")) {
            collect(&path, false, found)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "wasm" || e == "js" || e == "mjs")
            && !(top
                && path
                    .file_name()
                    .is_some_and(|n| OPT_IN_MODULES.iter().any(|m| n == *m)))
        {
            found.push(path);
        }
    }
    Ok(())
}

fn measure(path: &Path, shown: String, role: &str, is_wasm: bool) -> Result<FileReport, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::FileUnreadable {
        path: path.to_path_buf(),
        source,
    })?;
    let wasm = if is_wasm {
        let info = sections::inspect(&bytes).map_err(|problem| Error::InvalidWasm {
            path: path.to_path_buf(),
            problem,
        })?;
        Some(info)
    } else {
        None
    };
    Ok(FileReport {
        path: shown,
        role: role.to_string(),
        size: Sizes::of(&bytes),
        wasm,
    })
}
