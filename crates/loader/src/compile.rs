//! Compiling while bytes arrive: `WebAssembly.compileStreaming` on the gated stream.
//!
//! `compileStreaming` wants a `Response` served as `application/wasm`; the gated stream is wrapped
//! in `new Response(stream, { headers: { "content-type": "application/wasm" } })` (the real
//! response's type was checked in [`crate::fetch`]). The resulting `Module` is kept by the
//! component, so remounting instantiates it again without fetching or compiling.

use js_sys::{Object, Promise, Reflect, WebAssembly};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStream, Response, ResponseInit};

/// Compiles the module streaming from `stream`; rejects with the browser's error
/// (`CompileError` for bad bytes, whatever errored the stream otherwise).
pub(crate) async fn compile(stream: &ReadableStream) -> Result<WebAssembly::Module, JsValue> {
    let headers = Object::new();
    Reflect::set(&headers, &"content-type".into(), &"application/wasm".into())?;
    let init = ResponseInit::new();
    init.set_headers(&headers);
    let response = Response::new_with_opt_readable_stream_and_init(Some(stream), &init)?;
    let module = JsFuture::from(WebAssembly::compile_streaming(&Promise::resolve(
        response.as_ref() as &JsValue,
    )))
    .await?;
    Ok(module.unchecked_into())
}
