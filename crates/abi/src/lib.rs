//! The pure parts of the Tessera component ABI, version 1 (docs/abi.md): the DOM-edit wire
//! format ([`op`], [`Op`], [`Decoder`]), the import and export names ([`names`]), the result
//! codes ([`code`]), the limits ([`limits`]) and the host's refusal rules ([`rules`]).
//!
//! This crate is the one implementation of docs/abi.md's wire sections and refusal rules. The
//! loader's host (`crates/loader/src/host/`) applies it to the browser DOM; the guest SDK's native
//! test fake (`tessera_guest::testing`) applies it to a fake DOM, so a component's tests run
//! against the rules the real host applies. It has no dependencies, is `no_std`, and never
//! formats text, so it adds nothing but its logic to the loader's shipped wasm. Each
//! `#[inline]` here was measured: it lets the loader inline the function at its call site as when
//! this code lived in the loader, and the shipped wasm is smaller with it than without.
//!
//! # Example
//!
//! ```
//! use tessera_abi::{code, rules, Decoder, Op};
//! let batch = [8, 1, 0, 0, 0];
//! let mut ops = Decoder::new(&batch);
//! assert_eq!(ops.next(), Some(Ok((8, Op::Remove { id: 1 }))));
//! assert_eq!(ops.next(), None);
//! let urls = tessera_abi::policy::AnyOrigin;
//! assert_eq!(rules::check_attr("div", "onclick", "x", &urls), Err(code::REFUSED_ATTRIBUTE));
//! ```

#![no_std]
#![deny(missing_docs)]

extern crate alloc;

pub mod code;
#[cfg(feature = "conformance")]
pub mod conformance;
pub mod css;
mod decode;
mod idmap;
pub mod limits;
pub mod module;
pub mod names;
pub mod op;
pub mod policy;
pub mod rules;
pub mod topic;
pub mod tree;
pub mod url;
mod wire;

pub use decode::{DecodeError, Decoder, Malformed};
pub use wire::Op;
