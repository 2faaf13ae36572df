//! Building message text without `core::fmt`.
//!
//! `format!` pulls about 2.8 KB of formatting machinery into the wasm (docs/budget.md); every
//! message the loader makes is a few pieces glued together, so it glues them by hand. Also the
//! few reads of JavaScript values those messages need: a field, an error's message and name.

use alloc::string::String;
use wasm_bindgen::JsValue;

/// Concatenates string-like pieces (`&str`, `String`, `&String`) into a new `String`, through
/// the host's one shared function (`host::codes::cat`) rather than inlined pushes at every call.
macro_rules! cat {
    ($($piece:expr),+ $(,)?) => {
        ::tessera_host::codes::cat(&[$(::core::convert::AsRef::<str>::as_ref(&$piece)),+])
    };
}

/// An explanation in a message: itself in the development build, `""` in production, which keeps
/// the code, component, state, URLs and numbers of every error but not the words around them
/// (docs/builds.md). A constant, so production links none of these texts.
pub(crate) const fn explained(text: &'static str) -> &'static str {
    if cfg!(feature = "development") {
        text
    } else {
        ""
    }
}

/// `items` joined with `"; "` (without the generic `join` machinery).
pub(crate) fn join(items: &[String]) -> String {
    let mut text = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str("; ");
        }
        text.push_str(item);
    }
    text
}

/// `object[key]`, `undefined` when absent (or when `object` is not an object, or its getter
/// throws).
pub(crate) fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &key.into()).unwrap_or_default()
}

/// The text of a JavaScript error or value: its `message` when it has one, else `String(value)`.
pub(crate) fn js_message(value: &JsValue) -> String {
    match field(value, "message").as_string() {
        Some(m) => m,
        None => crate::sys::string(value),
    }
}

/// A JavaScript error's `name` (`"CompileError"`, `"TypeError"`...): cheaper than `instanceof`,
/// which needs one import per class.
pub(crate) fn error_name(value: &JsValue) -> Option<String> {
    field(value, "name").as_string()
}
