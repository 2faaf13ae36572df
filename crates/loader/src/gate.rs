//! The byte gate: the decision behind the `TransformStream` that `net.js` puts between the
//! network and the compiler. For every chunk it learns the bytes streamed so far; the moment the
//! count passes `budget.maxBytes` it records [`Stop::OverBudget`] and pulls the load's abort
//! switch (so the download stops), and tells the stream to error (so `compileStreaming`
//! rejects). Nothing is instantiated: instantiation only starts after the compile resolves.

use crate::stop::{Stop, Stopper};
use alloc::rc::Rc;
use wasm_bindgen::prelude::*;

/// The gate's per-chunk callback for `compile` in `net.js`: `(bytes_so_far) -> stop?`.
/// `progress(bytes_so_far)` runs after every chunk let through.
pub(crate) fn gate(
    max_bytes: Option<u64>,
    stop: Rc<Stopper>,
    progress: impl Fn(u64) + 'static,
) -> JsValue {
    let chunk = move |count: f64| {
        let count = count as u64;
        if let Some(max) = max_bytes.filter(|&max| count > max) {
            stop.stop(Stop::OverBudget { bytes: count, max });
            return true;
        }
        progress(count);
        false
    };
    Closure::<dyn Fn(f64) -> bool>::new(chunk).into_js_value()
}
