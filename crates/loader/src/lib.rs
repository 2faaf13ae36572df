//! tessera-loader: loads isolated WebAssembly micro-frontends into a page from a manifest.
//!
//! The entry point is [`Tessera`] (`api.rs`). Layers, bottom up:
//!
//! - raw browser calls: [`sys`] and `web-sys`;
//! - the pipeline, one step per module: [`fetch`] (integrity, retries, content type) ->
//!   [`gate`] (byte budget while streaming) -> [`compile`] (`compileStreaming`) ->
//!   [`instantiate`] (ABI check, imports from [`host`]) -> [`mount`] (slot, shadow root,
//!   fallback), run by [`pipeline`] for one [`component`] under the [`lifecycle`] state
//!   machine, announced by [`events`], scheduled by [`policy`];
//! - the public API: [`api`].
//!
//! Sizes matter here (the loader's budget is 20 KB brotli): no serde, no `core::fmt` in
//! messages ([`text`]), `Reflect` getters for reading JavaScript objects ([`read`], [`options`]).
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
mod compile;
mod component;
mod errors;
mod events;
mod fetch;
mod gate;
mod host;
mod instantiate;
mod lifecycle;
mod loader;
mod mount;
mod options;
mod pipeline;
mod policy;
mod read;
mod stop;
mod sys;

pub use api::Tessera;

use wasm_bindgen::prelude::*;

/// The loader's version.
#[wasm_bindgen]
pub fn version() -> alloc::string::String {
    env!("CARGO_PKG_VERSION").into()
}

/// Talc instead of the default dlmalloc: about 2 KB smaller after brotli, and it coalesces freed
/// blocks, which a page that mounts and unmounts components for hours needs.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// With `trap-panics`, a panic is a bare trap: no message, no `core::fmt`. The loader's code
/// avoids panicking paths; a trap that still happens surfaces in JavaScript as a
/// `RuntimeError: unreachable`.
#[cfg(all(feature = "trap-panics", target_arch = "wasm32"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}
