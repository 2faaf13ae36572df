//! The one report type every output format renders. It serializes to the documented JSON report
//! (`docs/budget.md`), which is also the `--baseline` format.

use serde::{Deserialize, Serialize};

use crate::measure::Sizes;
use crate::sections::WasmInfo;

/// The version of the JSON report's shape; bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 1;

/// The loader's default budget in brotli bytes, wasm and JS glue together: the ratchet the
/// project itself enforces on the loader it ships (`npm run budget`, in CI), so that
/// `tessera-budget check --loader node_modules/tessera-loader` passes for the released loader.
/// Lowered whenever the loader gets smaller, never raised quietly; docs/budget.md ("The loader's
/// own size") records every step. This is the production build, the one pages ship
/// (docs/builds.md); the long-term target is 24 KiB.
pub const LOADER_BROTLI_BUDGET: u64 = 53_824;

/// The development build's budget in brotli bytes (`dev/` in the loader package, the
/// `development` export condition): a ratchet like [`LOADER_BROTLI_BUDGET`], measured whenever the
/// loader folder holds a `dev/` build.
pub const LOADER_DEV_BROTLI_BUDGET: u64 = 58_304;

/// A whole size-budget report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Always [`REPORT_VERSION`].
    pub report_version: u32,
    /// The manifest path as it was given on the command line.
    pub manifest: String,
    /// `true` when no budget is exceeded anywhere.
    pub fits: bool,
    /// One entry per manifest component, in manifest order.
    pub components: Vec<Item>,
    /// The sum over all components against the manifest's total budget. The loader is not in it.
    pub total: Item,
    /// The loader package (its production build) against its own budget; `null` when it was not
    /// measured.
    pub loader: Option<Item>,
    /// The loader's development build (the package's `dev/` folder) against its budget; `null`
    /// when the loader folder has none.
    pub development_loader: Option<Item>,
    /// What the `--baseline` comparison found; `null` without `--baseline`.
    pub baseline: Option<BaselineSummary>,
}

/// One measured thing: a component, the total, or the loader.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Item {
    /// The component's name, `total`, or `loader`.
    pub name: String,
    /// `isolated` or `bindgen` for a component; `total` or `loader` otherwise.
    pub kind: String,
    /// The files measured, paths relative to the manifest's folder (empty for the total).
    pub files: Vec<FileReport>,
    /// Sum over the files, each compressed on its own.
    pub size: Sizes,
    /// The limits that apply; `null` where the manifest sets none.
    pub budget: Limits,
    /// The initial memory of the module against `maxMemoryPages`, for components.
    pub memory: Option<Memory>,
    /// Every metric over its limit, in the order raw, gzip, brotli, memoryPages.
    pub exceeded: Vec<Metric>,
    /// The change since the baseline; `null` without a baseline or when the item is new.
    pub delta: Option<Delta>,
    /// Where a component runs, as its manifest says: `main` or `worker`; `null` when it names
    /// none (the loader's `isolation` option decides, `main` by default), and for the total and
    /// the loader.
    pub isolation: Option<String>,
}

/// One file of an item.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FileReport {
    /// Path relative to the manifest's folder, with `/` separators.
    pub path: String,
    /// `module` (a component's wasm), `glue` (a bindgen component's JS), `wasm` or `js` (loader).
    pub role: String,
    /// The file's own sizes.
    pub size: Sizes,
    /// Its section breakdown when it is wasm; `null` for JS.
    pub wasm: Option<WasmInfo>,
}

/// Limits on the three byte counts; `null` means no limit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// Limit on raw bytes (`maxBytes` / `totalBytes`).
    pub raw: Option<u64>,
    /// Limit on gzip bytes (`maxGzipBytes` / `totalGzipBytes`).
    pub gzip: Option<u64>,
    /// Limit on brotli bytes (`maxBrotliBytes` / `totalBrotliBytes`).
    pub brotli: Option<u64>,
}

/// A component's initial memory against its page cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Memory {
    /// The module's declared initial memory in 64 KiB pages; `null` when it defines none.
    pub initial_pages: Option<u64>,
    /// The manifest's `maxMemoryPages`; `null` when unset.
    pub max_pages: Option<u32>,
}

/// A measured quantity that can exceed a limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Metric {
    /// Raw bytes.
    Raw,
    /// Gzip bytes.
    Gzip,
    /// Brotli bytes.
    Brotli,
    /// Initial memory pages.
    MemoryPages,
}

impl Metric {
    /// The name used in reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Metric::Raw => "raw",
            Metric::Gzip => "gzip",
            Metric::Brotli => "brotli",
            Metric::MemoryPages => "memoryPages",
        }
    }
}

/// The change of each byte count since the baseline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Delta {
    /// Change of raw bytes.
    pub raw: Change,
    /// Change of gzip bytes.
    pub gzip: Change,
    /// Change of brotli bytes.
    pub brotli: Change,
}

/// One change: signed bytes and percent of the old value.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Change {
    /// New minus old, in bytes.
    pub bytes: i64,
    /// The change as a percentage of the old value, rounded to 0.1; `null` when the old value was 0.
    pub percent: Option<f64>,
}

/// Components added and removed since the baseline.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BaselineSummary {
    /// The baseline file as given on the command line.
    pub path: String,
    /// Components in this report that the baseline lacks.
    pub added: Vec<String>,
    /// Components the baseline has and this report lacks, with their old sizes.
    pub removed: Vec<Removed>,
}

/// A component that disappeared since the baseline.
#[derive(Debug, Clone, Serialize)]
pub struct Removed {
    /// Its name.
    pub name: String,
    /// Its sizes in the baseline.
    pub size: Sizes,
}

impl Item {
    /// Builds an item and works out which limits it exceeds.
    pub fn new(
        name: &str,
        kind: &str,
        files: Vec<FileReport>,
        budget: Limits,
        memory: Option<Memory>,
    ) -> Item {
        let size: Sizes = files.iter().map(|f| f.size).sum();
        let mut item = Item {
            name: name.to_string(),
            kind: kind.to_string(),
            files,
            size,
            budget,
            memory,
            exceeded: Vec::new(),
            delta: None,
            isolation: None,
        };
        item.exceeded = item.find_exceeded();
        item
    }

    /// The kind as the human formats show it: `isolated (worker)` for a component the manifest
    /// puts in a worker, else [`Item::kind`].
    pub fn kind_label(&self) -> String {
        match self.isolation.as_deref() {
            Some("worker") => format!("{} (worker)", self.kind),
            _ => self.kind.clone(),
        }
    }

    /// Like [`Item::new`] for a total whose size is given rather than summed from files.
    pub fn total(size: Sizes, budget: Limits) -> Item {
        let mut item = Item::new("total", "total", Vec::new(), budget, None);
        item.size = size;
        item.exceeded = item.find_exceeded();
        item
    }

    fn find_exceeded(&self) -> Vec<Metric> {
        let over = |actual: u64, limit: Option<u64>| limit.is_some_and(|l| actual > l);
        let mut out = Vec::new();
        for (metric, actual, limit) in [
            (Metric::Raw, self.size.raw, self.budget.raw),
            (Metric::Gzip, self.size.gzip, self.budget.gzip),
            (Metric::Brotli, self.size.brotli, self.budget.brotli),
        ] {
            if over(actual, limit) {
                out.push(metric);
            }
        }
        if let Some(Memory {
            initial_pages: Some(pages),
            max_pages: Some(max),
        }) = self.memory
        {
            if pages > u64::from(max) {
                out.push(Metric::MemoryPages);
            }
        }
        out
    }

    /// Whether `metric` is over its limit.
    pub fn is_over(&self, metric: Metric) -> bool {
        self.exceeded.contains(&metric)
    }

    /// Sum of the strippable bytes of this item's wasm files.
    pub fn strippable_bytes(&self) -> u64 {
        self.files
            .iter()
            .filter_map(|f| f.wasm.as_ref())
            .map(|w| w.strippable_bytes)
            .sum()
    }
}

impl Report {
    /// Assembles a report; `fits` is derived from the items.
    pub fn new(
        manifest: String,
        components: Vec<Item>,
        total: Item,
        loader: Option<Item>,
        development_loader: Option<Item>,
    ) -> Report {
        let mut report = Report {
            report_version: REPORT_VERSION,
            manifest,
            fits: true,
            components,
            total,
            loader,
            development_loader,
            baseline: None,
        };
        let fits = report.items().all(|item| item.exceeded.is_empty());
        report.fits = fits;
        report
    }

    /// Components, then the total, then the loader's builds when measured.
    pub fn items(&self) -> impl Iterator<Item = &Item> {
        self.components
            .iter()
            .chain(Some(&self.total))
            .chain(self.loaders())
    }

    /// The loader's production build, then its development build, when measured.
    pub fn loaders(&self) -> impl Iterator<Item = &Item> {
        self.loader.iter().chain(self.development_loader.as_ref())
    }

    /// Every (item, metric) pair over budget, in report order.
    pub fn exceeded(&self) -> Vec<(&Item, Metric)> {
        self.items()
            .flat_map(|item| item.exceeded.iter().map(move |m| (item, *m)))
            .collect()
    }
}
