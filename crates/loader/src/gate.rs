//! The byte gate: a `TransformStream` between the network and the compiler that counts bytes as
//! they stream and stops everything the moment the count passes `budget.maxBytes`.
//!
//! Past the budget it records [`Stop::OverBudget`] and pulls the load's abort switch (so the
//! download stops), and errors its own readable side (so `compileStreaming` rejects). Nothing is
//! instantiated: instantiation only starts after the compile resolves.

use crate::stop::{Stop, Stopper};
use alloc::rc::Rc;
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use web_sys::{ReadableStream, TransformStream, TransformStreamDefaultController};

/// `body` piped through the gate. `progress(bytes_so_far)` runs after every chunk let through.
pub(crate) fn gate(
    body: &ReadableStream,
    max_bytes: Option<u64>,
    stop: Rc<Stopper>,
    mut progress: impl FnMut(u64) + 'static,
) -> Result<ReadableStream, JsValue> {
    let mut count = 0u64;
    let transform =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |chunk: JsValue, controller: JsValue| {
            let controller: TransformStreamDefaultController = controller.unchecked_into();
            count += chunk.unchecked_ref::<Uint8Array>().byte_length() as u64;
            if let Some(max) = max_bytes.filter(|&max| count > max) {
                stop.stop(Stop::OverBudget { bytes: count, max });
                controller.error_with_reason(&"over budget".into());
                return;
            }
            let _ = controller.enqueue_with_chunk(&chunk);
            progress(count);
        });
    let transformer = Object::new();
    Reflect::set(
        &transformer,
        &"transform".into(),
        &transform.into_js_value(),
    )?;
    let stream = TransformStream::new_with_transformer(&transformer)?;
    Ok(body.pipe_through(stream.unchecked_ref()))
}
