//! One guest instance bound to one shadow root: its state, its dispatcher, and the calls the
//! pipeline makes (attach, mount, set_props, unmount). How a call into the guest is made, what
//! a fault does, and the callbacks from the browser live in `call`.

use super::call::Stop;
use super::codes::{cat, dec, Refusal};
use super::imports::{self, EVENT, HUNG, REPLY, TIMER};
use super::js::{self, Table};
use super::timers::Timers;
use super::{Bus, Fault, GuestPolicy, OnFault, OnViolation};
use alloc::rc::Rc;
use alloc::{collections::VecDeque, string::String, vec::Vec};
use core::cell::{Cell, RefCell};
use js_sys::{Object, WebAssembly, WebAssembly::Module};
use tessera_abi::names::{FUNCTION_EXPORTS_CSV, IMPORTS_CSV, IMPORT_BYTES_CSV, IMPORT_MODULE};
use tessera_abi::tree::{Limits, Tree};
use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

/// The host's one callback shape: `(kind, a, b, c, d, text) -> number`. Imports (`a..d` are the
/// guest's arguments), listeners (`EVENT`, listener id, event data as `text`) and timers
/// (`TIMER`, id) all call the guest's one dispatcher.
pub(super) type Callback = dyn Fn(u32, f64, f64, f64, f64, Option<String>) -> f64;

/// Where a guest is in its life. Every transition is one-way: Fresh -> Live -> Dead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum State {
    /// Imports built, no instance attached yet.
    Fresh,
    /// Attached; calls may reach the guest.
    Live,
    /// Faulted or unmounted: no call reaches it again.
    Dead,
}

/// The guest's function exports, numbered as in `FUNCTION_EXPORTS_CSV` (what `js::bind` and
/// `js::call` take); [`MEMORY`] is the bit of the `memory` export.
pub(super) const VERSION: u32 = 0;
pub(super) const ALLOC: u32 = 1;
pub(super) const MOUNT: u32 = 2;
pub(super) const UNMOUNT: u32 = 3;
pub(super) const PROPS: u32 = 4;
pub(super) const ON_EVENT: u32 = 5;
pub(super) const ON_MESSAGE: u32 = 6;
pub(super) const ON_TIMER: u32 = 7;
pub(super) const MEMORY: u32 = 8;

/// The state behind a [`Guest`]; callbacks hold it weakly.
pub(super) struct Inner {
    pub policy: GuestPolicy,
    pub bus: Bus,
    /// Its nodes, listeners and timers (`host.js`).
    pub table: Table,
    pub on_fault: OnFault,
    pub on_violation: OnViolation,
    /// Kept alive as long as the guest: the table's listeners and timers call it.
    pub _dispatch: Closure<Callback>,
    pub state: Cell<State>,
    /// A call into the guest is running.
    pub busy: Cell<bool>,
    /// Bytes of `apply` batches in the running call (at most `MAX_BATCH` per call).
    pub turn_bytes: Cell<u32>,
    /// The exports bound at attach (in the table), a bit each as `js::bind` says; `0` before
    /// attach and after teardown.
    pub exports: Cell<u32>,
    pub timers: RefCell<Timers>,
    /// The model of its DOM: every edit is checked against it before it is queued.
    pub tree: RefCell<Tree>,
    /// An `apply` of the running call was refused (a mount with refused edits fails).
    pub edits_refused: Cell<bool>,
    /// `tessera_mount` was called: only then does `tessera_unmount` run at the end.
    pub mounted: Cell<bool>,
    /// Bus subscriptions: (bus id, pattern).
    pub subs: RefCell<Vec<(u32, String)>>,
    /// The message the guest sent through `fail` during the current call.
    pub panic: RefCell<Option<String>>,
    /// The first ABI violation of the current call; it ends the guest when the call returns.
    pub violation: RefCell<Option<String>>,
    /// Refusals of the current call, reported once it returns.
    pub reports: RefCell<Vec<Refusal>>,
    /// A guest in a worker: the export of each call posted and not yet answered, oldest first.
    pub calls: RefCell<VecDeque<u32>>,
    /// A guest in a worker: the outcome of its mount, once known, until [`Guest::mounted`].
    pub mount_outcome: RefCell<Option<Result<(), Fault>>>,
    /// A guest in a worker whose `tessera_unmount` was posted: itself, kept until the answer.
    pub closing: RefCell<Option<Rc<Inner>>>,
}

/// How a mount went: at once on the page's thread, or later for a guest in a worker.
pub enum Mount {
    /// The guest mounted, or failed to.
    Done(Result<(), Fault>),
    /// The mount was posted to the guest's worker; once the promise resolves,
    /// [`Guest::mounted`] says how it went.
    Later(js_sys::Promise),
}

/// What one guest holds (see [`Guest::counts`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Live nodes (the root not counted).
    pub nodes: u32,
    /// Live listeners.
    pub listeners: u32,
    /// Live timers.
    pub timers: u32,
    /// Bus subscriptions.
    pub subscriptions: u32,
}

/// One guest instance bound to one shadow root.
#[derive(Clone)]
pub struct Guest(Rc<Inner>);

impl Guest {
    /// Prepares the host side for a module about to be instantiated into `root`.
    /// `on_fault` is called (at most once) when the guest faults outside a direct call, e.g. a
    /// trap in an event handler or timer; `on_violation(detail, code)` for every refused edit.
    pub fn new(
        policy: GuestPolicy,
        root: ShadowRoot,
        bus: Bus,
        on_fault: OnFault,
        on_violation: OnViolation,
    ) -> Guest {
        Guest(Rc::new_cyclic(|me| {
            let me = me.clone();
            let dispatch =
                Closure::<Callback>::own_aborting(move |kind, a, b, c, d, text| {
                    match me.upgrade() {
                        Some(g) => imports::dispatch(&g, kind, [a, b, c, d], text),
                        None => -1.0,
                    }
                });
            Inner {
                table: js::table(&root, dispatch.as_ref(), EVENT as i32, TIMER as i32),
                bus,
                on_fault,
                on_violation,
                _dispatch: dispatch,
                state: Cell::new(State::Fresh),
                busy: Cell::new(false),
                turn_bytes: Cell::new(0),
                exports: Cell::new(0),
                timers: RefCell::default(),
                tree: RefCell::new(Tree::new(limits(&policy))),
                edits_refused: Cell::new(false),
                mounted: Cell::new(false),
                policy,
                subs: RefCell::default(),
                panic: RefCell::default(),
                violation: RefCell::default(),
                reports: RefCell::default(),
                calls: RefCell::default(),
                mount_outcome: RefCell::default(),
                closing: RefCell::default(),
            }
        }))
    }

    /// The import object `{ "tessera/v1": { apply, publish, ... } }` for `WebAssembly.instantiate`.
    pub fn imports(&self) -> Object {
        js::imports(&self.0.table, IMPORT_MODULE, IMPORTS_CSV)
    }

    /// Instantiates `module` with [`Guest::imports`], or, for a guest in a worker, starts it in
    /// a worker of its own; [`Guest::attach`] takes what the promise resolves with.
    pub fn instantiate(&self, module: &Module) -> js_sys::Promise {
        let t = &self.0.table;
        match self.0.policy.worker {
            None => WebAssembly::instantiate_module(module, &self.imports()),
            Some(ms) => js::spawn(
                t,
                module,
                IMPORT_MODULE,
                IMPORTS_CSV,
                FUNCTION_EXPORTS_CSV,
                IMPORT_BYTES_CSV,
                ms,
                REPLY as i32,
                HUNG as i32,
            ),
        }
    }

    /// For a guest in a worker, a promise that resolves once every call posted so far has been
    /// answered and its edits applied (or the worker ended); `None` on the page's thread, where
    /// calls return only when they are done.
    pub fn answered(&self) -> Option<js_sys::Promise> {
        self.in_worker()
            .then(|| js::answered(&self.0.table))
            .flatten()
    }

    /// Whether the guest runs in a worker of its own.
    pub fn in_worker(&self) -> bool {
        self.0.policy.worker.is_some()
    }

    /// Binds to a fresh instance's exports and checks `tessera_abi_version() == 1`.
    pub fn attach(&self, instance: &WebAssembly::Instance) -> Result<(), Fault> {
        let g = &self.0;
        let remote = self.in_worker();
        if remote {
            if let Some(ms) = js::start_hung(&g.table) {
                return Err(g.kill(Fault::Unresponsive { ms }));
            }
            // The imports its start function called, through the same checks.
            let _ = js::replay(&g.table, true);
        }
        // An import the start function called during instantiation.
        if let Some(violation) = g.violation.take() {
            return Err(g.kill(Fault::AbiViolation(violation)));
        }
        if g.state.get() != State::Fresh {
            return Err(Fault::AbiViolation("the guest is already attached".into()));
        }
        let found = js::bind(&g.table, instance, FUNCTION_EXPORTS_CSV);
        // The required exports, in the order they are reported.
        for (k, name, kind) in [
            (MEMORY, "memory", "memory"),
            (ALLOC, "tessera_alloc", "function"),
            (MOUNT, "tessera_mount", "function"),
            (VERSION, "tessera_abi_version", "function"),
        ] {
            if found & 1 << k == 0 {
                let missing = cat(&["missing export ", name, " (", kind, ")"]);
                return Err(g.kill(Fault::AbiViolation(missing)));
            }
        }
        g.exports.set(found);
        g.state.set(State::Live);
        // A worker has called it already, and answered with its start.
        let v = if remote {
            g.settle_answer()?
        } else {
            g.invoke(VERSION, [0; 4])?
        };
        let v = if v.is_nan() { -1 } else { v as i32 };
        if v != 1 {
            let sign = if v < 0 { "-" } else { "" };
            let why = cat(&[
                "tessera_abi_version() returned ",
                sign,
                &dec(v.unsigned_abs()),
                ", expected 1",
            ]);
            return Err(g.kill(Fault::AbiViolation(why)));
        }
        Ok(())
    }

    /// Calls `tessera_mount` with the props as JSON text. A mount during which an `apply` was
    /// refused fails with an ABI violation: a component that did not render what it meant to
    /// is not shown as mounted (its refusals were reported as violations first).
    pub fn mount(&self, props_json: &str) -> Mount {
        let g = &self.0;
        if !g.has(MOUNT) {
            return Mount::Done(Err(not_running()));
        }
        g.edits_refused.set(false);
        g.mounted.set(true);
        match g.call_with(MOUNT, &[], &[props_json.as_bytes()]) {
            Err(Stop::Posted) => match js::answered(&g.table) {
                Some(answered) => Mount::Later(answered),
                None => Mount::Done(Err(not_running())),
            },
            result => Mount::Done(g.mount_checked(result.map(drop).map_err(Fault::from))),
        }
    }

    /// How the mount of a guest in a worker went, once the promise of [`Mount::Later`] resolved.
    pub fn mounted(&self) -> Result<(), Fault> {
        self.0
            .mount_outcome
            .take()
            .unwrap_or_else(|| Err(not_running()))
    }

    /// Calls `tessera_props`; `Ok(false)` when the guest does not export it (the pipeline remounts).
    /// A guest in a worker gets them posted; [`Guest::answered`] says when they were applied.
    pub fn set_props(&self, props_json: &str) -> Result<bool, Fault> {
        if self.0.state.get() != State::Live {
            return Err(not_running());
        }
        if !self.0.has(PROPS) {
            return Ok(false);
        }
        match self.0.call_with(PROPS, &[], &[props_json.as_bytes()]) {
            Ok(_) | Err(Stop::Posted) => Ok(true),
            Err(stop) => Err(stop.into()),
        }
    }

    /// Calls `tessera_unmount` if exported and `tessera_mount` was called (an instance that
    /// was attached but never mounted is not told to unmount), then removes the DOM, listeners,
    /// timers, subscriptions.
    pub fn unmount(&self) -> Result<(), Fault> {
        let g = &self.0;
        if g.busy.get() {
            // Called from page code while the guest runs: it ends when its call returns.
            g.state.set(State::Dead);
            return Ok(());
        }
        let result = if g.has(UNMOUNT) && g.state.get() == State::Live && g.mounted.get() {
            g.call_with(UNMOUNT, &[], &[]).map(drop)
        } else {
            Ok(())
        };
        if let Err(Stop::Posted) = result {
            // A guest in a worker: it takes no other call, and keeps itself until its worker
            // answers (what it publishes then still reaches the bus) or the watchdog ends it.
            *g.closing.borrow_mut() = Some(g.clone());
            return Ok(());
        }
        g.teardown();
        match result {
            Err(Stop::Fault(fault)) => Err(fault),
            _ => Ok(()),
        }
    }

    /// Whether the guest can still be called (attached, not faulted, not unmounted).
    pub fn is_live(&self) -> bool {
        self.0.state.get() == State::Live
    }

    /// What the guest holds now: live nodes and listeners in its DOM, timers, bus
    /// subscriptions. For leak checks and diagnostics; all zero once it has ended.
    pub fn counts(&self) -> Counts {
        let tree = self.0.tree.borrow();
        Counts {
            nodes: tree.nodes(),
            listeners: tree.listeners(),
            timers: super::timers::live(&self.0.table),
            subscriptions: self.0.subs.borrow().len() as u32,
        }
    }
}

impl Inner {
    /// A mount that returned: one during which an `apply` was refused fails.
    fn mount_checked(&self, outcome: Result<(), Fault>) -> Result<(), Fault> {
        if outcome.is_ok() && self.edits_refused.get() {
            let why = "tessera_mount: the host refused its edits (see the violations)";
            return Err(self.kill(Fault::AbiViolation(why.into())));
        }
        outcome
    }

    /// The posted mount of a guest in a worker ended with `outcome` (its answer or the
    /// watchdog): kept for [`Guest::mounted`], which the pipeline calls once the promise of
    /// [`Mount::Later`] resolves (an end for any other reason leaves none: not running).
    pub(super) fn mount_done(&self, outcome: Result<(), Fault>) {
        *self.mount_outcome.borrow_mut() = Some(self.mount_checked(outcome));
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.teardown();
    }
}

/// The guest's tree limits from its policy.
pub(super) fn limits(policy: &GuestPolicy) -> Limits {
    Limits {
        max_dom_bytes: policy.max_dom_bytes,
        ..Limits::default()
    }
}

/// The fault of a call to a guest that is not running (never attached, faulted, unmounted).
pub(super) fn not_running() -> Fault {
    Fault::Trap("the component is not running".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_indices_are_positions_in_the_csv() {
        let names: alloc::vec::Vec<&str> = FUNCTION_EXPORTS_CSV.split(',').collect();
        let at = |name| names.iter().position(|n| *n == name).unwrap() as u32;
        assert_eq!(VERSION, at("tessera_abi_version"));
        assert_eq!(ALLOC, at("tessera_alloc"));
        assert_eq!(MOUNT, at("tessera_mount"));
        assert_eq!(UNMOUNT, at("tessera_unmount"));
        assert_eq!(PROPS, at("tessera_props"));
        assert_eq!(ON_EVENT, at("tessera_event"));
        assert_eq!(ON_MESSAGE, at("tessera_message"));
        assert_eq!(ON_TIMER, at("tessera_timer"));
        assert_eq!(
            MEMORY,
            names.len() as u32,
            "memory's bit follows the functions"
        );
    }
}
