//! `tessera-budget`: the size-budget report for Tessera.
//!
//! It reads a Tessera manifest, finds each component's built `.wasm` (and a bindgen component's JS
//! glue), and measures raw, gzip (level 9) and brotli (quality 11) bytes against the budgets the
//! manifest sets, per component and in total, plus the loader package against its own budget (by
//! default the one the project enforces on its shipped loader, [`report::LOADER_BROTLI_BUDGET`]).
//! It breaks every module down by wasm section, compares with a saved JSON report, and writes
//! Subresource Integrity values into the manifest. `docs/budget.md` is the user guide.
//!
//! The entry point is [`cli::run`]; the pieces are usable on their own:
//!
//! ```
//! use tessera_budget::measure::Sizes;
//! let sizes = Sizes::of(b"\0asm\x01\0\0\0");
//! assert_eq!(sizes.raw, 8);
//! let info = tessera_budget::sections::inspect(b"\0asm\x01\0\0\0").unwrap();
//! assert!(info.sections.is_empty());
//! ```
//!
//! Data flows one way: [`targets`] (the manifest) → [`locate`] (files on disk) → [`measure`] and
//! [`sections`] → [`check`] builds one [`report::Report`] → [`baseline`] adds changes →
//! [`format`] renders it as table, JSON, Markdown or HTML.
#![deny(missing_docs)]

pub mod baseline;
pub mod check;
pub mod cli;
pub mod commands;
pub mod error;
pub mod format;
pub mod integrity;
pub mod locate;
pub mod measure;
pub mod preload;
pub mod report;
pub mod scaffold;
pub mod sections;
pub mod targets;

pub use error::Error;
pub use report::Report;
