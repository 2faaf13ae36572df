//! tessera-loader: loads isolated WebAssembly micro-frontends into a page from a manifest.
use wasm_bindgen::prelude::*;

mod host;

/// The loader's version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").into()
}
