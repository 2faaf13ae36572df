//! tessera-manifest: the Tessera manifest's types, its validation, and its JSON Schema.
//!
//! A manifest is the JSON file a host page gives the loader: which components to load, from
//! which module URL, into which slot, when, under which size budget, and with which message-bus
//! capabilities. The same file drives the loader at runtime and the `tessera-budget` CLI in CI.
//! `docs/manifest.md` describes every field; `schema/tessera-manifest.v1.schema.json` is its
//! JSON Schema for editors.
//!
//! The entry point is [`from_value`], which checks every rule and reports *every* problem, each
//! naming its JSON path and component. With the default `serde` feature, [`from_json_str`] reads
//! JSON text first.
//!
//! # Features and size
//!
//! - `serde` (default; implies `std`): serde_json, [`from_json_str`] and [`parse_json`].
//! - `std`: `std::error::Error` for [`Problems`] and [`UrlError`].
//! - `diagnostics` (default; implied by `serde`): each [`Problem`]'s `message`. Without it every
//!   check still runs and every problem keeps its path and component, but its message is empty
//!   and no message text is linked: the loader's production build (docs/builds.md).
//!
//! With default features off the crate is `#![no_std]` (it needs only `core` and `alloc`), has
//! no dependencies, and nothing on the [`from_value`] path uses `core::fmt`: messages are built
//! by hand, and validation follows per-object field tables instead of code per field. The
//! browser loader links it that way; `wasm-size/measure.sh` measures what validation adds to
//! such a wasm binary.
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use tessera_manifest::{from_json_str, Kind, Load};
//!
//! let manifest = from_json_str(r##"{
//!     "manifestVersion": 1,
//!     "components": [{
//!         "name": "cart",
//!         "module": "components/cart.wasm",
//!         "slot": "#cart",
//!         "load": {"route": "/shop/*"},
//!         "capabilities": {"subscribe": ["cart:*"]}
//!     }]
//! }"##).unwrap();
//! let cart = manifest.component("cart").unwrap();
//! assert_eq!(cart.kind, Kind::Isolated);
//! assert_eq!(cart.load, Load::Route("/shop/*".into()));
//!
//! let problems = from_json_str(r##"{"manifestVersion": 1, "components": [
//!     {"name": "cart", "module": "javascript:alert(1)", "slot": "#cart", "budget": {"maxBytes": -5}}
//! ]}"##).unwrap_err();
//! assert_eq!(problems.to_string(), "\
//! components[0].module (component 'cart'): the \"javascript\" scheme is not allowed, got \"javascript:alert(1)\"
//! components[0].budget.maxBytes (component 'cart'): must be a positive integer, got -5");
//! # }
//! ```
#![cfg_attr(not(feature = "std"), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod fields;
mod integrity;
#[cfg(feature = "serde")]
mod json;
pub mod limits;
mod manifest;
mod origin;
mod problem;
mod route;
mod scan;
mod shape;
mod source;
mod text;
mod topic;
mod url;
mod validate;
pub mod value;

#[cfg(feature = "serde")]
pub use json::{from_json_str, parse_json};
pub use manifest::{Budget, Capabilities, Component, Isolation, Kind, Load, Manifest, TotalBudget};
pub use problem::{Problem, Problems};
pub use route::route_matches;
pub use shape::check_shape;
pub use source::check_text;
pub use tessera_abi::topic::{pattern_covers, topic_matches};
pub use url::{resolve_url, UrlError};
pub use validate::{from_owned_value, from_value};

/// The manifest format version this crate reads and writes (`"manifestVersion": 1`).
pub const MANIFEST_VERSION: u32 = 1;
