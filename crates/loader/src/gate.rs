//! The byte gate: the decision behind the `TransformStream` that `net.js` puts between the
//! network and the compiler. Every chunk passes through here: the gate counts its bytes and
//! reads the module's section headers as they stream (`tessera_abi::module::Scan`). The moment
//! the count passes `budget.maxBytes`, or the scan finds what the sandbox refuses (a start
//! section; a memory without a maximum, above the cap, shared, 64-bit or not alone), it records
//! the [`Stop`] and pulls the load's abort switch (so the download stops), and tells the stream
//! to error (so `compileStreaming` rejects). Nothing is instantiated: instantiation only starts
//! after the compile resolves, so no guest code runs and no memory is allocated.

use crate::promise::Settled;
use crate::stop::{Stop, Stopper};
use alloc::rc::Rc;
use core::cell::{Cell, RefCell};
use js_sys::Uint8Array;
use tessera_abi::module::{Refused, Scan};
use wasm_bindgen::prelude::*;

/// `max_pages` is the memory cap of an isolated guest (`None`: no section rules, for trusted
/// bindgen components).
/// The gate's per-chunk callback for `compile` in `net.js`: `(chunk: Uint8Array, _) -> stop?`.
/// `progress(bytes_so_far)` runs after every chunk let through. It has the shape of a promise
/// continuation (`promise.rs`), so the glue that calls Rust closures from JavaScript exists once.
pub(crate) fn gate(
    max_bytes: Option<u64>,
    max_pages: Option<u32>,
    stop: Rc<Stopper>,
    progress: impl Fn(u64) + 'static,
) -> JsValue {
    let scan = max_pages.map(|pages| RefCell::new(Scan::new(pages)));
    let count = Cell::new(0u64);
    let chunk = move |bytes: JsValue, _: bool| -> Settled {
        let bytes: Uint8Array = bytes.unchecked_into();
        let n = count.get() + bytes.length() as u64;
        count.set(n);
        if let Some(max) = max_bytes.filter(|&max| n > max) {
            stop.stop(Stop::OverBudget { bytes: n, max });
            return Ok(JsValue::TRUE);
        }
        let scanned = scan
            .as_ref()
            .map_or(Ok(()), |s| s.borrow_mut().feed(&bytes.to_vec()));
        match scanned {
            // Bytes that are not a module, or end early, are the compiler's to report.
            Ok(()) | Err(Refused::NotWasm | Refused::Truncated) => {}
            Err(refused) => {
                stop.stop(Stop::Refused(refused));
                return Ok(JsValue::TRUE);
            }
        }
        progress(n);
        Ok(JsValue::FALSE)
    };
    Closure::<dyn Fn(JsValue, bool) -> Settled>::new(chunk).into_js_value()
}
