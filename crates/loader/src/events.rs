//! What the page hears: a DOM `CustomEvent` for every lifecycle transition, progress and
//! violation events, and `performance` marks and measures per component and phase.
//!
//! Events are dispatched on the component's slot, bubbling and composed, so they reach every
//! ancestor and `document` (also from inside a shadow root given as `options.root`). When there
//! is no connected slot (for example `slot-missing`), they are dispatched on `document` itself.
//! Each event is dispatched once: a listener on `document` hears each transition exactly once.
//! Events are queued and dispatched in a microtask after the loader's call has returned, in the
//! order of the transitions, never from inside one: a listener that calls back into the loader
//! (unload from `tessera:unmounting`, say) starts a new call on a consistent state. So a page
//! that calls `unmount()` sees `state()` change at once and hears the events right after; an
//! event's `detail.state` is the state entered then, which `state()` may have left since.
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

use crate::errors::Failure;
use crate::lifecycle::State;
use crate::mount::Slot;
use crate::sys;

/// Announces that component `name` went from `from` to `to` (with the failure, for `Error`).
pub(crate) fn transition(
    slot: Option<&Slot>,
    name: &str,
    from: State,
    to: State,
    failure: Option<&Failure>,
) {
    let message = failure.map(Failure::message);
    sys::emit_state(
        slot.map(|s| &s.0),
        name,
        to.id(),
        from.id(),
        failure.map(|f| f.error.code()),
        message.as_deref(),
    );
}

/// Announces that `loaded` bytes (of `total`, when announced) went through the gate.
pub(crate) fn progress(slot: &Slot, name: &str, loaded: u64, total: Option<u64>) {
    sys::emit_progress(&slot.0, name, loaded as f64, total.map(|t| t as f64));
}

/// Announces an edit the host refused, with its ABI error code.
pub(crate) fn violation(slot: &Slot, name: &str, what: &str, code: i32) {
    sys::emit_violation(&slot.0, name, what, code);
}

/// Marks the start of `phase` for component `name`.
pub(crate) fn begin(name: &str, phase: &str) {
    sys::perf(name, phase, false);
}

/// Measures `phase` for component `name`, from its mark to now.
pub(crate) fn end(name: &str, phase: &str) {
    sys::perf(name, phase, true);
}
