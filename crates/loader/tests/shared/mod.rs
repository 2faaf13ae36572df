//! Helpers both browser-test harnesses use (`host_support` and `pipeline_support` include this
//! file with `#[path]`; a folder under `tests/` is not a test target of its own).

use js_sys::Promise;
use wasm_bindgen_futures::JsFuture;

/// Resolves after `ms` milliseconds (a macrotask, so pending microtasks run first).
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}
