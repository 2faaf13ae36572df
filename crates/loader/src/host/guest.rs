//! One guest instance bound to one shadow root: its state, its dispatcher, and the calls the
//! pipeline makes (attach, mount, set_props, unmount). How a call into the guest is made, what
//! a fault does, and the callbacks from the browser live in `call`.

use super::call::Stop;
use super::codes::{cat, dec, Refusal};
use super::imports::{self, EVENT, TIMER};
use super::js::{self, Table};
use super::memory::GuestMemory;
use super::timers::Timers;
use super::{Bus, Fault, GuestPolicy, OnFault, OnViolation};
use alloc::rc::Rc;
use alloc::{string::String, vec::Vec};
use core::cell::{Cell, RefCell};
use js_sys::{Function, Object, Reflect, WebAssembly};
use tessera_abi::names::{IMPORTS_CSV, IMPORT_MODULE};
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

/// The guest's exports, bound at attach.
pub(super) struct Exports {
    pub memory: GuestMemory,
    pub alloc: Function,
    pub mount: Function,
    pub unmount: Option<Function>,
    pub props: Option<Function>,
    pub event: Option<Function>,
    pub message: Option<Function>,
    pub timer: Option<Function>,
}

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
    pub exports: RefCell<Option<Exports>>,
    pub timers: RefCell<Timers>,
    /// Bus subscriptions: (bus id, pattern).
    pub subs: RefCell<Vec<(u32, String)>>,
    /// The message the guest sent through `fail` during the current call.
    pub panic: RefCell<Option<String>>,
    /// The first ABI violation of the current call; it ends the guest when the call returns.
    pub violation: RefCell<Option<String>>,
    /// Refusals of the current call, reported once it returns.
    pub reports: RefCell<Vec<Refusal>>,
}

/// One guest instance bound to one shadow root.
#[derive(Clone)]
pub(crate) struct Guest(Rc<Inner>);

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
                table: js::table(&root, dispatch.as_ref(), EVENT, TIMER),
                policy,
                bus,
                on_fault,
                on_violation,
                _dispatch: dispatch,
                state: Cell::new(State::Fresh),
                busy: Cell::new(false),
                exports: RefCell::new(None),
                timers: RefCell::default(),
                subs: RefCell::default(),
                panic: RefCell::default(),
                violation: RefCell::default(),
                reports: RefCell::default(),
            }
        }))
    }

    /// The import object `{ "tessera/v1": { apply, publish, ... } }` for `WebAssembly.instantiate`.
    pub fn imports(&self) -> Object {
        js::imports(&self.0.table, IMPORT_MODULE, IMPORTS_CSV)
    }

    /// Binds to a fresh instance's exports and checks `tessera_abi_version() == 1`.
    pub fn attach(&self, instance: &WebAssembly::Instance) -> Result<(), Fault> {
        let g = &self.0;
        // An import the start function called during instantiation.
        if let Some(violation) = g.violation.take() {
            return Err(g.kill(Fault::AbiViolation(violation)));
        }
        if g.state.get() != State::Fresh {
            return Err(Fault::AbiViolation("the guest is already attached".into()));
        }
        let bound = bind_exports(&instance.exports());
        let (exports, version) = match bound {
            Ok(bound) => bound,
            Err(missing) => return Err(g.kill(Fault::AbiViolation(missing))),
        };
        *g.exports.borrow_mut() = Some(exports);
        g.state.set(State::Live);
        let v = g.invoke(&version, [0; 4])?;
        let v = if v.is_nan() { -1 } else { v as i32 };
        if v != 1 {
            let text = if v < 0 {
                cat(&["-", &dec(v.unsigned_abs())])
            } else {
                dec(v as u32)
            };
            let why = cat(&["tessera_abi_version() returned ", &text, ", expected 1"]);
            return Err(g.kill(Fault::AbiViolation(why)));
        }
        Ok(())
    }

    /// Calls `tessera_mount` with the props as JSON text.
    pub fn mount(&self, props_json: &str) -> Result<(), Fault> {
        let mount = self
            .0
            .export(|e| Some(e.mount.clone()))
            .ok_or_else(not_running)?;
        self.0.call_with(&mount, &[], &[props_json.as_bytes()])?;
        Ok(())
    }

    /// Calls `tessera_props`; `Ok(false)` when the guest does not export it (the pipeline remounts).
    pub fn set_props(&self, props_json: &str) -> Result<bool, Fault> {
        if self.0.state.get() != State::Live {
            return Err(not_running());
        }
        let Some(props) = self.0.export(|e| e.props.clone()) else {
            return Ok(false);
        };
        self.0.call_with(&props, &[], &[props_json.as_bytes()])?;
        Ok(true)
    }

    /// Calls `tessera_unmount` if exported, then removes the DOM, listeners, timers, subscriptions.
    pub fn unmount(&self) -> Result<(), Fault> {
        let g = &self.0;
        if g.busy.get() {
            // Called from page code while the guest runs: it ends when its call returns.
            g.state.set(State::Dead);
            return Ok(());
        }
        let result = match g.export(|e| e.unmount.clone()) {
            Some(unmount) if g.state.get() == State::Live => g.invoke(&unmount, [0; 4]).map(drop),
            _ => Ok(()),
        };
        g.teardown();
        match result {
            Err(Stop::Fault(fault)) => Err(fault),
            _ => Ok(()),
        }
    }

    /// Whether the guest can still be called (attached, not faulted, not unmounted).
    #[cfg(test)]
    #[allow(dead_code)] // used by the browser tests (tests/host_*.rs), not the unit tests
    pub fn is_live(&self) -> bool {
        self.0.state.get() == State::Live
    }

    /// Live nodes and listeners in the guest's DOM, timers, and bus subscriptions (for tests).
    #[cfg(test)]
    #[allow(dead_code)] // used by the browser tests (tests/host_*.rs), not the unit tests
    pub fn live_counts(&self) -> [u32; 4] {
        let (nodes, listeners) = super::dom::live(&self.0.table);
        let subscriptions = self.0.subs.borrow().len() as u32;
        let timers = super::timers::live(&self.0.table);
        [nodes, listeners, timers, subscriptions]
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        self.teardown();
    }
}

/// The fault of a call to a guest that is not running (never attached, faulted, unmounted).
pub(super) fn not_running() -> Fault {
    Fault::Trap("the component is not running".into())
}

/// Reads the exports the ABI names; `Err` names the first one missing.
fn bind_exports(exports: &Object) -> Result<(Exports, Function), String> {
    let get = |name: &str| Reflect::get(exports, &name.into()).unwrap_or_default();
    let func = |name: &str| {
        let f = get(name);
        f.is_function().then(|| f.unchecked_into::<Function>())
    };
    let need =
        |name: &str| func(name).ok_or_else(|| cat(&["missing export ", name, " (function)"]));
    let memory = get("memory").dyn_into::<WebAssembly::Memory>();
    let memory = memory.map_err(|_| String::from("missing export memory (memory)"))?;
    let exports = Exports {
        memory: GuestMemory::new(memory),
        alloc: need("tessera_alloc")?,
        mount: need("tessera_mount")?,
        unmount: func("tessera_unmount"),
        props: func("tessera_props"),
        event: func("tessera_event"),
        message: func("tessera_message"),
        timer: func("tessera_timer"),
    };
    Ok((exports, need("tessera_abi_version")?))
}
