//! tessera-loader: loads isolated WebAssembly micro-frontends into a page from a manifest.
//!
//! The entry point is [`Tessera`] (`api.rs`). Layers, bottom up:
//!
//! - browser plumbing: `sys`, the bindings of `src/js/net.js` and `src/js/page.js` (fetch
//!   with retries, the gate's stream, `compileStreaming`, slots, events, policy triggers);
//! - the pipeline, one step per module: `fetch` (integrity, retries, response checks) ->
//!   `gate` (byte budget while streaming) -> `instantiate` (ABI check, imports from
//!   `host`) -> `mount` (slot, shadow root, fallback), run by `pipeline` as promise
//!   continuations (`promise`) for one `component` under the `lifecycle` state machine,
//!   announced by `events`, scheduled by `policy`, stopped by `stop`;
//! - the public API: `api`.
//!
//! Sizes matter here (the loader's budget is 20 KB brotli, docs/budget.md): no serde, no
//! `core::fmt` in messages (`text`), no async Rust (continuations instead of futures and an
//! executor), and browser plumbing in small JavaScript files instead of many `web-sys` bindings.
//! Every decision stays in Rust: manifest validation, lifecycle transitions, errors and their
//! messages, the byte budget, and the whole ABI host (bounds, decoding, refusals, capabilities).
//! The global allocator is a small size-class allocator (`heap.rs`).
#![deny(missing_docs)]
#![cfg_attr(not(test), no_std)]

extern crate alloc;
// Without `trap-panics`, std is linked as usual (`cargo build` without features); unit tests
// use std's prelude.
#[cfg(all(not(feature = "trap-panics"), not(test)))]
extern crate std;

#[macro_use]
mod text;

mod api;
mod bindgen;
mod component;
mod errors;
mod events;
mod fetch;
mod gate;
#[cfg(all(not(target_feature = "atomics"), target_arch = "wasm32"))]
mod heap;

mod instantiate;
mod lifecycle;
mod loader;
mod mount;
mod pipeline;
mod policy;
mod promise;
mod read;
mod stop;
mod sys;

pub use api::Tessera;

use wasm_bindgen::prelude::*;

/// The loader's version.
// A JsValue, not a String: the glue then has no copy-out-and-free code for it.
#[wasm_bindgen(unchecked_return_type = "string")]
pub fn version() -> JsValue {
    env!("CARGO_PKG_VERSION").into()
}

/// Size classes with free lists (`heap.rs`) instead of a general-purpose allocator.
#[cfg(all(not(target_feature = "atomics"), target_arch = "wasm32"))]
#[global_allocator]
static HEAP: heap::Heap = heap::Heap::new();

/// With `trap-panics`, a panic is a bare trap: no message, no `core::fmt`. The loader's code
/// avoids panicking paths; a trap that still happens surfaces in JavaScript as a
/// `RuntimeError: unreachable`.
#[cfg(all(feature = "trap-panics", target_arch = "wasm32"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
