//! The loader's options (`TesseraOptions` in TypeScript), read once with `Reflect` getters.

use crate::sys::Root;
use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// How the loader fetches and where it finds slots.
pub(crate) struct Options {
    /// `retries`: extra attempts after a transient failure (default 2).
    pub retries: u32,
    /// `retryDelayMs`: the first retry's delay; doubled for each further attempt (default 250).
    pub retry_delay_ms: u32,
    /// `timeoutMs`: the limit for fetching and compiling one module, `0` for none (default 30000).
    pub timeout_ms: u32,
    /// `root`: where slot selectors are looked up (default `document`).
    pub root: Root,
    /// `fetch`: the page's fetch function (default the global `fetch`).
    pub fetch: Option<Function>,
    /// `import`: the page's `(url) => import(url)` for bindgen glue (default built on first use).
    pub import: Option<Function>,
}

impl Options {
    /// Reads `options` (an object, or `undefined` for every default). Values of the wrong type
    /// fall back to the default.
    pub(crate) fn read(options: &JsValue) -> Options {
        let get = |key: &str| {
            if options.is_object() {
                Reflect::get(options, &key.into()).unwrap_or_default()
            } else {
                JsValue::UNDEFINED
            }
        };
        let number = |key: &str, default: u32| match get(key).as_f64() {
            Some(n) if n >= 0.0 => n.min(u32::MAX as f64) as u32,
            _ => default,
        };
        let root = get("root");
        Options {
            retries: number("retries", 2),
            retry_delay_ms: number("retryDelayMs", 250),
            timeout_ms: number("timeoutMs", 30_000),
            root: if root.is_object() {
                root.unchecked_into()
            } else {
                crate::sys::document().unchecked_into()
            },
            fetch: get("fetch").dyn_into().ok(),
            import: get("import").dyn_into().ok(),
        }
    }
}
