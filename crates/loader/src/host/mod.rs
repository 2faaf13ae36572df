//! The host side of the component ABI (docs/abi.md): the `tessera/v1` imports bound to one
//! component's shadow root, the DOM-edit applier, the refusal rules, timers and the message bus.
//!
//! CONTRACT with the pipeline (the rest of the crate). The pipeline only uses the items below;
//! their signatures change only by agreement. Bodies are filled in by the host side.
#![allow(dead_code, unused_variables)]

use std::rc::Rc;

/// What one guest may do, from its manifest entry.
pub(crate) struct GuestPolicy {
    /// The component's name (used in console output and violation reports).
    pub name: String,
    /// `capabilities.publish` patterns.
    pub publish: Vec<String>,
    /// `capabilities.subscribe` patterns.
    pub subscribe: Vec<String>,
    /// `budget.maxMemoryPages`; `None` means no cap.
    pub max_memory_pages: Option<u32>,
}

/// Why a live guest had to stop. After a fault the guest is dead: the host has already removed
/// its listeners, timers and subscriptions, and no further call reaches it.
pub(crate) enum Fault {
    /// The guest trapped; the message is the panic text it sent through `fail`, or the JS error text.
    Trap(String),
    /// The guest broke the ABI (out-of-bounds pointer, wrong ABI version, missing export...).
    AbiViolation(String),
    /// The guest's memory grew past `max_memory_pages`.
    MemoryLimit { pages: u32, max: u32 },
}

/// The message bus shared by every component of one loader and by the page.
#[derive(Clone, Default)]
pub(crate) struct Bus {/* Rc<RefCell<..>> */}

impl Bus {
    /// A new, empty bus.
    pub fn new() -> Bus {
        todo!()
    }
    /// Publishes from the page (no capability check); delivery is asynchronous.
    pub fn publish(&self, topic: &str, payload: &[u8]) {
        todo!()
    }
    /// Subscribes a page callback `f(topic: string, payload: Uint8Array)`; returns an id.
    pub fn subscribe(&self, pattern: &str, f: js_sys::Function) -> u32 {
        todo!()
    }
    /// Removes a page subscription.
    pub fn unsubscribe(&self, id: u32) {
        todo!()
    }
}

/// One guest instance bound to one shadow root.
#[derive(Clone)]
pub(crate) struct Guest {/* Rc<..> */}

impl Guest {
    /// Prepares the host side for a module about to be instantiated into `root`.
    /// `on_fault` is called (at most once) when the guest faults outside a direct call, e.g. a
    /// trap in an event handler or timer; `on_violation(detail, code)` for every refused edit.
    pub fn new(
        policy: GuestPolicy,
        root: web_sys::ShadowRoot,
        bus: Bus,
        on_fault: Rc<dyn Fn(Fault)>,
        on_violation: Rc<dyn Fn(&str, i32)>,
    ) -> Guest {
        todo!()
    }
    /// The import object `{ "tessera/v1": { apply, publish, ... } }` for `WebAssembly.instantiate`.
    pub fn imports(&self) -> js_sys::Object {
        todo!()
    }
    /// Binds to a fresh instance's exports and checks `tessera_abi_version() == 1`.
    pub fn attach(&self, instance: &js_sys::WebAssembly::Instance) -> Result<(), Fault> {
        todo!()
    }
    /// Calls `tessera_mount` with the props as JSON text.
    pub fn mount(&self, props_json: &str) -> Result<(), Fault> {
        todo!()
    }
    /// Calls `tessera_props`; `Ok(false)` when the guest does not export it (the pipeline remounts).
    pub fn set_props(&self, props_json: &str) -> Result<bool, Fault> {
        todo!()
    }
    /// Calls `tessera_unmount` if exported, then removes the DOM, listeners, timers, subscriptions.
    pub fn unmount(&self) -> Result<(), Fault> {
        todo!()
    }
}

/// Checks a compiled module's imports and exports against the ABI before instantiation.
/// `Err` lists every missing or unexpected item, e.g. `unexpected import env.alert (function)`.
pub(crate) fn check_module(module: &js_sys::WebAssembly::Module) -> Result<(), Vec<String>> {
    todo!()
}
