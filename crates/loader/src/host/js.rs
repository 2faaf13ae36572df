//! The few raw JavaScript helpers the host needs, written on `js_sys::Reflect` and
//! `Function` so that they share the loader's existing glue instead of adding web-sys bindings.

use alloc::string::String;
use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `obj[key]`, or `undefined` when the lookup throws.
pub(super) fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `obj[key]` as a string, or empty when it is not a string.
pub(super) fn get_str(obj: &JsValue, key: &str) -> String {
    get(obj, key).as_string().unwrap_or_default()
}

/// An `i32` argument from the guest (a JS number) read as the ABI's unsigned 32-bit value.
/// Anything that is not a number reads as `0`.
pub(super) fn arg_u32(v: &JsValue) -> u32 {
    v.as_f64().unwrap_or(0.0) as i32 as u32
}

/// `f.bind(null, a)`: a new function that calls `f(a, ...its own arguments)`.
pub(super) fn bind1(f: &Function, a: u32) -> Function {
    f.bind1(&JsValue::NULL, &JsValue::from(a)).unchecked_into()
}

/// `f.bind(null, a, b)`: a new function that calls `f(a, b, ...its own arguments)`.
pub(super) fn bind2(f: &Function, a: u32, b: u32) -> Function {
    f.bind2(&JsValue::NULL, &JsValue::from(a), &JsValue::from(b))
        .unchecked_into()
}

/// Calls `f(...args)` with `this` = `undefined`; `Err` holds what it threw.
pub(super) fn call(f: &Function, args: &Array) -> Result<JsValue, JsValue> {
    Reflect::apply(f, &JsValue::UNDEFINED, args)
}

/// `target[name](...args)` with `this` = `target`; `undefined` when it is not a function or throws.
pub(super) fn call_method(target: &JsValue, name: &str, args: &Array) -> JsValue {
    match get(target, name).dyn_ref::<Function>() {
        Some(f) => Reflect::apply(f, target, args).unwrap_or(JsValue::UNDEFINED),
        None => JsValue::UNDEFINED,
    }
}

/// `globalThis[name](...args)`.
pub(super) fn call_global(name: &str, args: &Array) -> JsValue {
    call_method(&js_sys::global(), name, args)
}

/// `console[method](a, b)`; `method` is `debug`, `info`, `log`, `warn` or `error`.
pub(super) fn console(method: &str, a: &JsValue, b: &JsValue) {
    call_method(
        &get(&js_sys::global(), "console"),
        method,
        &Array::of2(a, b),
    );
}

/// `performance.now()`, or `0` where there is no `performance`.
pub(super) fn now() -> f64 {
    let performance = get(&js_sys::global(), "performance");
    call_method(&performance, "now", &Array::new())
        .as_f64()
        .unwrap_or(0.0)
}

/// The text of a thrown value: an `Error`'s message, a thrown string, or a fixed phrase.
pub(super) fn error_text(e: &JsValue) -> String {
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => err.message().into(),
        None => e
            .as_string()
            .unwrap_or_else(|| "non-error exception".into()),
    }
}
