//! Native testing (not on wasm): a fake host that records every import call and applies the
//! DOM edits to a fake DOM, the browser host's own model of the tree
//! ([`tessera_abi::tree::Tree`]), and a [`Harness`] that mounts a component on it.
//!
//! `cargo test` in a component crate can then click, type, advance the clock and deliver bus
//! messages, and assert on the markup (`h.html()`), the operations sent (`h.take_ops()`), the
//! messages published and the timers live.

pub mod decode;
pub mod dom;
mod harness;
pub mod host;
pub mod memory;
pub mod rules;
mod select;

pub use decode::{decode, Op};
pub use dom::{FakeDom, FakeNode, ORIGINS};
pub use harness::Harness;
pub use host::{reset, with_host, FakeHost, FakeTimer};
pub use select::{Selector, SelectorError, GRAMMAR};
