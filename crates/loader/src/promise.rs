//! Chaining JavaScript promises from Rust without async Rust: [`after`] runs a Rust
//! continuation once a promise settles, and the promise it returns follows what the
//! continuation returns (a value, a promise to follow, or an error to reject with).
//!
//! The loader's operations are short chains of browser steps (fetch, compile, instantiate) with
//! synchronous Rust decisions between them. A continuation per step is far smaller in wasm than
//! a future per operation plus an executor (docs/budget.md).

use crate::errors::Failure;
use crate::sys;
use alloc::boxed::Box;
use core::cell::Cell;
use js_sys::Promise;
use wasm_bindgen::prelude::*;

/// How a promise settled: `Ok(value)` or `Err(rejection)`. Also what a continuation returns.
pub(crate) type Settled = Result<JsValue, JsValue>;

/// A continuation, boxed so that the glue that calls one from JavaScript exists once.
type Next = Box<dyn FnOnce(Settled) -> Settled>;

/// Runs `next` with the outcome of `promise`; the returned promise settles as `next` says.
pub(crate) fn after(promise: &Promise, next: impl FnOnce(Settled) -> Settled + 'static) -> Promise {
    after_boxed(promise, Box::new(next))
}

/// The JavaScript function is an ordinary `Fn` closure, the same shape as the byte gate's
/// (`gate.rs`), so one set of closure glue serves both (and, as `Fn`, it shares the glue's
/// `makeClosure` with the other closures: no `FnMut` glue is linked); `then` calls it once,
/// which runs and drops `next`, and the browser's garbage collector frees the emptied closure.
fn after_boxed(promise: &Promise, next: Next) -> Promise {
    let next = Cell::new(Some(next));
    let next = move |value: JsValue, fulfilled: bool| match next.take() {
        Some(next) => next(if fulfilled { Ok(value) } else { Err(value) }),
        None => Ok(JsValue::UNDEFINED),
    };
    let next = Closure::<dyn Fn(JsValue, bool) -> Settled>::new(next);
    sys::after(promise, next.into_js_value())
}

/// A promise rejected with `failure` as a `TesseraError`.
pub(crate) fn reject(failure: &Failure) -> Promise {
    Promise::reject(&failure.to_js())
}

/// A promise resolved with `value`.
pub(crate) fn resolve(value: &JsValue) -> Promise {
    Promise::resolve(value)
}

/// A promise already settled as `outcome` says.
pub(crate) fn settled(outcome: Settled) -> Promise {
    match outcome {
        Ok(value) => Promise::resolve(&value),
        Err(error) => Promise::reject(&error),
    }
}
