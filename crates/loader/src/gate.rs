//! The byte gate: the decision behind the `TransformStream` that `net.js` puts between the
//! network and the compiler. For every chunk it learns the bytes streamed so far; the moment the
//! count passes `budget.maxBytes` it records [`Stop::OverBudget`] and pulls the load's abort
//! switch (so the download stops), and tells the stream to error (so `compileStreaming`
//! rejects). Nothing is instantiated: instantiation only starts after the compile resolves.

use crate::promise::Settled;
use crate::stop::{Stop, Stopper};
use alloc::rc::Rc;
use wasm_bindgen::prelude::*;

/// The gate's per-chunk callback for `compile` in `net.js`: `(bytes_so_far, _) -> stop?`.
/// `progress(bytes_so_far)` runs after every chunk let through. It has the shape of a promise
/// continuation (`promise.rs`), so the glue that calls Rust closures from JavaScript exists once.
pub(crate) fn gate(
    max_bytes: Option<u64>,
    stop: Rc<Stopper>,
    progress: impl Fn(u64) + 'static,
) -> JsValue {
    let chunk = move |count: JsValue, _: bool| -> Settled {
        let count = count.as_f64().unwrap_or_default() as u64;
        if let Some(max) = max_bytes.filter(|&max| count > max) {
            stop.stop(Stop::OverBudget { bytes: count, max });
            return Ok(JsValue::TRUE);
        }
        progress(count);
        Ok(JsValue::FALSE)
    };
    Closure::<dyn Fn(JsValue, bool) -> Settled>::new(chunk).into_js_value()
}
