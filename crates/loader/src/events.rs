//! What the page hears: a DOM `CustomEvent` for every lifecycle transition, progress and
//! violation events, and `performance` marks and measures per component and phase.
//!
//! Events are dispatched on the component's slot, bubbling and composed, so they reach every
//! ancestor and `document` (also from inside a shadow root given as `options.root`). When there
//! is no connected slot (for example `slot-missing`), they are dispatched on `document` itself.
//! Each event is dispatched once: a listener on `document` hears each transition exactly once.
//!
//! | event | `detail` |
//! |---|---|
//! | `tessera:<state>` for each [`State::id`] (`tessera:loading`, `tessera:mounted`, ...) | `{ name, state, from }` |
//! | `tessera:error` | `{ name, state: "error", from, code, message }` |
//! | `tessera:progress` | `{ name, loaded, total? }`: bytes let through the gate so far |
//! | `tessera:violation` | `{ name, detail, code }`: an edit the host refused (docs/abi.md) |
//!
//! Performance: `performance.mark("tessera:<name>:<phase>")` when a phase starts and
//! `performance.measure` of the same name when it ends, for the phases `fetch` (until response
//! headers), `compile` (streaming body and compile, which overlap), `instantiate` and `mount`.

use crate::errors::{set, Failure};
use crate::lifecycle::State;
use crate::sys;
use js_sys::Object;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, EventTarget};

/// Announces that component `name` went from `from` to `to` (with the failure, for `Error`).
pub(crate) fn transition(
    target: &EventTarget,
    name: &str,
    from: State,
    to: State,
    failure: Option<&Failure>,
) {
    let detail = detail(name);
    set(&detail, "state", &to.id().into());
    set(&detail, "from", &from.id().into());
    if let Some(failure) = failure {
        set(&detail, "code", &failure.error.code().into());
        set(&detail, "message", &failure.message().into());
    }
    dispatch(target, &cat!("tessera:", to.id()), &detail);
}

/// Announces that `loaded` bytes (of `total`, when announced) went through the gate.
pub(crate) fn progress(target: &EventTarget, name: &str, loaded: u64, total: Option<u64>) {
    let detail = detail(name);
    set(&detail, "loaded", &(loaded as f64).into());
    if let Some(total) = total {
        set(&detail, "total", &(total as f64).into());
    }
    dispatch(target, "tessera:progress", &detail);
}

/// Announces an edit the host refused, with its ABI error code.
pub(crate) fn violation(target: &EventTarget, name: &str, what: &str, code: i32) {
    let detail = detail(name);
    set(&detail, "detail", &what.into());
    set(&detail, "code", &code.into());
    dispatch(target, "tessera:violation", &detail);
}

/// Marks the start of `phase` for component `name`.
pub(crate) fn begin(name: &str, phase: &str) {
    let _ = sys::mark(&cat!("tessera:", name, ":", phase));
}

/// Measures `phase` for component `name`, from its mark to now.
pub(crate) fn end(name: &str, phase: &str) {
    let entry = cat!("tessera:", name, ":", phase);
    let _ = sys::measure(&entry, &entry);
}

fn detail(name: &str) -> JsValue {
    let detail: JsValue = Object::new().into();
    set(&detail, "name", &name.into());
    detail
}

fn dispatch(target: &EventTarget, kind: &str, detail: &JsValue) {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&event);
    }
}
