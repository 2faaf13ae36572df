//! The host side of the component ABI (docs/abi.md): the `tessera/v1` imports bound to one
//! component's shadow root, the DOM-edit applier, the refusal rules, timers and the message bus.
//!
//! CONTRACT with the pipeline (the rest of the crate). The pipeline only uses the items below:
//! [`GuestPolicy`], [`Fault`], [`Bus`], [`Guest`] and [`check_module`]; their signatures change
//! only by agreement. Layers, bottom up: `js` (the bindings of `src/js/host.js`, which holds a
//! guest's tables of nodes, listeners and timers and its bound exports and memory, and passes
//! only numbers and strings) and
//! `memory`; `codes` (the refusal and its details); `dom`, `timers` and `bus` (every check
//! and limit, then the browser state); `imports`, `call` and `guest` (the lifecycle of one
//! instance). The pure parts of the ABI (the wire decoder, result codes, limits and refusal
//! rules) are the `tessera_abi` crate, shared with the guest SDK's test fake. Topic matching is
//! `tessera_abi::topic`, shared with manifest validation.
//!
//! Where docs/abi.md leaves a choice open, the host decides:
//! - An edit the DOM itself rejects (a node into its own subtree, `before` not a child of
//!   `parent`, the root as a child, `REMOVE 0`) is `-2` malformed; `SET_ATTR`, `REMOVE_ATTR`,
//!   `SET_VALUE`, `SET_CHECKED` on a text node or the root is `-6` unknown-node.
//! - `LISTEN` with a live listener id is `-7`. `REMOVE` releases node ids only; listeners stay
//!   until `UNLISTEN` (they keep counting toward the 1,000).
//! - Attribute names are ASCII-lowercased before the checks and before they are set.
//! - A topic or pattern of 0 or more than 128 bytes is `-2`; a payload over 64 KiB is `-9`;
//!   more than 64 subscriptions per component, or a publish while 1,024 messages wait on the
//!   bus, is `-9`. Every refusal is reported through `on_violation` after the guest's call
//!   returns, so no page code runs while guest code is on the stack.
//! - The host calls `tessera_alloc(len)` for every buffer, also when `len` is 0 (then any
//!   pointer is accepted); a `0` for a non-empty buffer is a trap ("out of memory"), a pointer
//!   whose range is outside memory is an ABI violation.
//! - An import called during instantiation (a start function) returns `-1`, and `attach`
//!   fails with an ABI violation.
//! - Every `submit` inside the root is prevented (a listener of the host's own on the root,
//!   added with the guest's table), whether or not the guest listens for it.
//! - An event that arrives while the guest runs (a synchronous DOM event caused by its own
//!   edit) is dropped, never delivered re-entrantly.

#![cfg_attr(not(test), no_std)]
#![deny(missing_docs)]

extern crate alloc;

mod bus;
mod call;
mod check;
pub mod codes;
mod dom;
mod guest;
mod imports;
mod js;
mod memory;
mod origins;
mod timers;

use alloc::{string::String, vec::Vec};
pub use {
    bus::Bus,
    check::check_module,
    guest::{Counts, Guest, Mount},
};

/// Puts `host` (a detached element) in a containment frame and gives it a closed shadow root:
/// node `0` of a guest. Returns the frame, which the caller shows in the slot, and the root.
/// Nothing the guest renders paints or takes a pointer event outside the frame's box, and the
/// guest cannot style the frame (docs/security.md, "Containment").
pub fn sandbox(host: &web_sys::Element) -> (web_sys::Element, web_sys::ShadowRoot) {
    let root = js::sandbox(host);
    let frame = host.parent_element().unwrap_or_else(|| host.clone());
    (frame, root)
}

/// Starts a worker for a guest that will run in one (`GuestPolicy::worker`) and is still being
/// fetched or compiled, so that the worker's thread and script start while the module is on its
/// way; the next guest started in a worker takes it. Without workers, nothing happens.
pub fn warm_worker() {
    js::warm();
}

/// Called (at most once) when a guest faults outside a direct call.
pub type OnFault = alloc::rc::Rc<dyn Fn(Fault)>;
/// Called with `(detail, code)` for every refused edit or call.
pub type OnViolation = alloc::rc::Rc<dyn Fn(&str, i32)>;

/// What one guest may do, from its manifest entry.
pub struct GuestPolicy {
    /// The component's name (used in console output and violation reports).
    pub name: String,
    /// `capabilities.publish` patterns.
    pub publish: Vec<String>,
    /// `capabilities.subscribe` patterns.
    pub subscribe: Vec<String>,
    /// `budget.maxMemoryPages`; `None` means no cap after instantiation (the loader's byte
    /// gate has already refused a module whose declared maximum exceeds the cap).
    pub max_memory_pages: Option<u32>,
    /// The most bytes of text, attribute names and values and `value` properties the guest
    /// may keep in its DOM (`budget.maxDomBytes`).
    pub max_dom_bytes: u32,
    /// The origins its URLs and CSS may reach: the one its module came from, then the
    /// manifest's `capabilities.origins` (`scheme://host[:port]`, as `URL.origin` writes them).
    pub origins: Vec<String>,
    /// `Some(ms)`: the guest runs in a dedicated worker of its own (`"isolation": "worker"`,
    /// docs/abi.md, "Worker mode"), and a call it has not answered after `ms` milliseconds
    /// ends it with [`Fault::Unresponsive`]. `None`: it runs on the page's thread.
    pub worker: Option<u32>,
}

/// Why a live guest had to stop. After a fault the guest is dead: the host has already removed
/// its listeners, timers and subscriptions, and no further call reaches it.
#[derive(Clone, Debug, PartialEq)]
pub enum Fault {
    /// The guest trapped; the message is the panic text it sent through `fail`, or the JS error text.
    Trap(String),
    /// The guest broke the ABI (out-of-bounds pointer, wrong ABI version, missing export...).
    AbiViolation(String),
    /// The guest's memory grew past `max_memory_pages`.
    MemoryLimit {
        /// The memory's size in 64 KiB pages after the call.
        pages: u32,
        /// The manifest's cap.
        max: u32,
    },
    /// A guest in a worker did not answer a call within its time; its worker was ended.
    Unresponsive {
        /// How long the call had waited, in milliseconds.
        ms: u32,
    },
}
