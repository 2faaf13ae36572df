//! One component's runtime record: its manifest entry, where it is in the lifecycle, its slot,
//! its compiled module and its live instance, plus the operations the API exposes
//! (mount, unmount, remount, reload, unload, set props). The fetch-to-mount steps themselves
//! are in [`crate::pipeline`].

use crate::bindgen::Bindgen;
use crate::errors::{Error, Failure};
use crate::events;
use crate::lifecycle::State::{self, *};
use crate::mount::Slot;
use crate::promise::{after, reject, resolve};
use crate::stop::{Stop, Stopper};
use crate::sys::Options;
use alloc::rc::Rc;
use alloc::string::String;
use core::cell::{Cell, RefCell};
use js_sys::{Promise, WebAssembly::Module};
use tessera_host::{Bus, Guest};
use wasm_bindgen::JsValue;

/// What every component of one loader shares.
pub(crate) struct Ctx {
    /// The loader's options.
    pub options: Options,
    /// The message bus of this loader's components and the page.
    pub bus: Bus,
    /// Cleared by `dispose()`: deferred load policies do nothing afterwards.
    pub alive: Cell<bool>,
}

/// A component's live instance.
pub(crate) enum Live {
    /// An isolated component: the host side of its ABI.
    Guest(Guest),
    /// A trusted bindgen component.
    Bindgen(Bindgen),
}

/// One component of the manifest, at runtime.
pub(crate) struct Component {
    /// Its manifest entry.
    pub spec: tessera_manifest::Component,
    /// The module URL, resolved against the manifest's URL.
    pub url: String,
    /// The bindgen glue URL, resolved likewise; `None` for an isolated component.
    pub glue: Option<String>,
    pub(crate) ctx: Rc<Ctx>,
    /// Props as JSON text, handed to the guest at mount.
    pub(crate) props: RefCell<String>,
    state: Cell<State>,
    slot: RefCell<Option<Slot>>,
    pub(crate) module: RefCell<Option<Module>>,
    pub(crate) live: RefCell<Option<Live>>,
    pub(crate) inflight: RefCell<Option<Rc<Stopper>>>,
    /// Bumped by every mount and unload; steps that see it change when they resume give up.
    pub(crate) epoch: Cell<u32>,
    /// The most recent failure.
    last: RefCell<Option<Failure>>,
}

impl Component {
    /// A component in `NotLoaded`.
    pub(crate) fn new(
        spec: tessera_manifest::Component,
        url: String,
        glue: Option<String>,
        props: String,
        ctx: Rc<Ctx>,
    ) -> Component {
        Component {
            spec,
            url,
            glue,
            ctx,
            props: RefCell::new(props),
            state: Cell::new(NotLoaded),
            slot: RefCell::default(),
            module: RefCell::default(),
            live: RefCell::default(),
            inflight: RefCell::default(),
            epoch: Cell::new(0),
            last: RefCell::default(),
        }
    }

    /// The component's name.
    pub(crate) fn name(&self) -> &str {
        &self.spec.name
    }

    /// Where it is in the lifecycle.
    pub(crate) fn state(&self) -> State {
        self.state.get()
    }

    /// Its most recent failure.
    pub(crate) fn last_failure(&self) -> Option<(&'static str, String)> {
        let last = self.last.borrow();
        last.as_ref().map(|f| (f.error.code(), f.message()))
    }

    /// Mounts it, loading it first when there is no compiled module. The promise rejects with a
    /// `TesseraError`.
    pub(crate) fn mount(self: Rc<Self>) -> Promise {
        if self.module.borrow().is_some() {
            return self.mount_compiled();
        }
        let load = self.clone().load();
        after(&load, move |loaded| {
            loaded?;
            Ok(self.mount_compiled().into())
        })
    }

    /// Unmounts it, keeping the compiled module; the slot shows its original children again.
    pub(crate) fn unmount(&self) -> Result<(), Failure> {
        self.go(Unmounting)?;
        let result = match self.live.take() {
            Some(Live::Guest(guest)) => guest.unmount().map_err(Error::from),
            Some(Live::Bindgen(bindgen)) => bindgen.unmount(),
            None => Ok(()),
        };
        if self.state() != Unmounting {
            // A trusted bindgen component's unmount unloaded it: that unload finished the job.
            return Ok(());
        }
        match result {
            Ok(()) => {
                self.restore_slot();
                self.go(Compiled)
            }
            Err(error) => Err(self.fail(Unmounting, error)),
        }
    }

    /// Keep-alive: takes the mounted component's DOM out of the page and keeps it, with the
    /// instance and its state; the slot shows its own children again. Timers, bus messages and
    /// props still reach the instance; no page event can, since its DOM is out of the page.
    pub(crate) fn suspend(&self) -> Result<(), Failure> {
        self.go(Suspended)?;
        if let Some(slot) = &*self.slot.borrow() {
            slot.suspend();
        }
        Ok(())
    }

    /// Puts a suspended component's DOM back in its slot, as it was: no call into the component.
    pub(crate) fn resume(&self) -> Result<(), Failure> {
        self.go(Mounted)?;
        if let Some(slot) = &*self.slot.borrow() {
            slot.resume();
        }
        Ok(())
    }

    /// Mounts a fresh instance of the compiled module: no fetch, no compile.
    pub(crate) fn remount(self: Rc<Self>) -> Promise {
        if matches!(self.state(), Mounted | Suspended) {
            if let Err(failure) = self.unmount() {
                return reject(&failure);
            }
        }
        self.mount_compiled()
    }

    /// Unloads it, then fetches, compiles and mounts it afresh.
    pub(crate) fn reload(self: Rc<Self>) -> Promise {
        self.unload();
        self.mount()
    }

    /// Back to `NotLoaded` from any state: stops a load in flight, unmounts (the guest's
    /// unmount runs), drops the module and gives the slot its original children back. Each step
    /// is an edge of the table: [`State::unload_edge`] from wherever it is, until `NotLoaded`.
    pub(crate) fn unload(&self) {
        self.epoch.set(self.epoch.get() + 1);
        if let Some(stop) = self.inflight.take() {
            stop.stop(Stop::Cancelled);
            stop.finish();
        }
        while let Some(next) = self.state().unload_edge() {
            let before = self.state();
            let _ = match next {
                // The component's own unmount: to `Compiled`, or `Error` when it fails.
                Unmounting => self.unmount(),
                next => self.go(next),
            };
            if self.state() == before {
                break; // never: every unload edge is in the table (lifecycle's tests)
            }
        }
        self.live.take();
        self.module.take();
        self.restore_slot();
    }

    /// New props (JSON text). A mounted guest gets them through `tessera_props`, or is remounted
    /// when it does not export it; otherwise they apply at the next mount.
    pub(crate) fn set_props(self: Rc<Self>, json: String) -> Promise {
        *self.props.borrow_mut() = json;
        let guest = match (self.state(), &*self.live.borrow()) {
            (Mounted | Suspended, Some(Live::Guest(guest))) => Some(guest.clone()),
            _ => None,
        };
        // `Ok(true)`: done (or nothing mounted to update); `Ok(false)`: remount.
        let updated = match &guest {
            Some(guest) => guest.set_props(&self.props.borrow()),
            None => Ok(!matches!(self.state(), Mounted | Suspended)),
        };
        // A guest in a worker took them once it has answered: then it has applied them, or failed.
        let answered = guest.as_ref().and_then(Guest::answered);
        match updated {
            Ok(true) => match answered {
                Some(answered) => after(&answered, move |_| match self.state() {
                    Error => Err(self
                        .last
                        .borrow()
                        .as_ref()
                        .map_or(JsValue::UNDEFINED, Failure::to_js)),
                    _ => Ok(JsValue::UNDEFINED),
                }),
                None => resolve(&JsValue::UNDEFINED),
            },
            Ok(false) => self.remount(),
            Err(fault) => reject(&self.fail(self.state(), fault.into())),
        }
    }

    /// Takes the checked step to `to`, or refuses with `invalid-state`.
    pub(crate) fn go(&self, to: State) -> Result<(), Failure> {
        self.enter(to, None).map_err(|error| self.refused(error))
    }

    /// Takes the step to `to` when the table allows it: records it, marks the slot and queues
    /// the event (page listeners hear it after the loader's call has returned).
    fn enter(&self, to: State, failure: Option<&Failure>) -> Result<(), Error> {
        let from = self.state();
        from.check(to)?;
        self.state.set(to);
        let slot = self.slot.borrow();
        if let Some(slot) = &*slot {
            slot.mark(to);
        }
        events::transition(slot.as_ref(), self.name(), from, to, failure);
        Ok(())
    }

    /// Ends a step that failed `during` a state: `Error`, fallback content, `tessera:error`.
    /// (Every state a step can fail in has an edge to `Error`; were one missing, the state would
    /// stay and the caller would still get the failure.)
    pub(crate) fn fail(&self, during: State, error: Error) -> Failure {
        let failure = Failure {
            component: Some(self.spec.name.clone()),
            during: Some(during),
            error,
        };
        self.live.take();
        if let Some(slot) = self.slot.borrow().clone() {
            slot.fallback(self.name(), self.spec.fallback.as_deref());
        }
        *self.last.borrow_mut() = Some(failure.clone());
        let _ = self.enter(Error, Some(&failure));
        failure
    }

    /// A step refused before it began (the state is unchanged).
    pub(crate) fn refused(&self, error: Error) -> Failure {
        Failure {
            component: Some(self.spec.name.clone()),
            during: None,
            error,
        }
    }

    /// The answer to a step whose component was unloaded while it ran.
    pub(crate) fn cancelled(&self, during: State) -> Failure {
        Failure {
            component: Some(self.spec.name.clone()),
            during: Some(during),
            error: Error::Cancelled,
        }
    }

    /// The slot, found again when the page replaced or detached the one found before.
    pub(crate) fn find_slot(&self) -> Result<Slot, Error> {
        if let Some(slot) = &*self.slot.borrow() {
            if slot.connected() {
                return Ok(slot.clone());
            }
        }
        let slot = Slot::find(&self.ctx.options, &self.spec.slot)?;
        *self.slot.borrow_mut() = Some(slot.clone());
        Ok(slot)
    }

    fn restore_slot(&self) {
        if let Some(slot) = &*self.slot.borrow() {
            slot.restore();
        }
    }
}
