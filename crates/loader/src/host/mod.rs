//! The host side of the component ABI (docs/abi.md): the `tessera/v1` imports bound to one
//! component's shadow root, the DOM-edit applier, the refusal rules, timers and the message bus.
//!
//! CONTRACT with the pipeline (the rest of the crate). The pipeline only uses the items below:
//! [`GuestPolicy`], [`Fault`], [`Bus`], [`Guest`] and [`check_module`]; their signatures change
//! only by agreement. Layers, bottom up: `js` and `memory` (raw browser calls); `codes`, `ops`
//! and `policy` (pure logic); `dom`, `events`, `timers` and `bus` (browser state); `imports`,
//! `call` and `guest` (the lifecycle of one instance). Topic matching is
//! `tessera_manifest::{topic_matches, pattern_covers}`, shared with manifest validation.

mod bus;
mod call;
mod check;
pub(crate) mod codes;
mod dom;
mod events;
mod guest;
mod imports;
mod js;
mod memory;
mod ops;
mod policy;
mod timers;

pub(crate) use {bus::Bus, check::check_module, guest::Guest};

/// Called (at most once) when a guest faults outside a direct call.
pub(crate) type OnFault = std::rc::Rc<dyn Fn(Fault)>;
/// Called with `(detail, code)` for every refused edit or call.
pub(crate) type OnViolation = std::rc::Rc<dyn Fn(&str, i32)>;

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
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Fault {
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
}
