//! The pipeline: fetch -> byte gate -> streaming compile -> ABI check -> instantiate -> mount.
//!
//! Each step is its own module; this file runs them in order for one [`Component`], records
//! the `performance` phases, and turns whatever fails into the right error in the right state.
//! The steps are promise continuations ([`after`]): each one resumes with what the browser
//! did, checks the component's epoch (an `unload` meanwhile wins: the step gives up without
//! touching the slot or the state), and either ends the operation or starts the next step.

use crate::component::{Component, Live};
use crate::errors::Error;
use crate::events;
use crate::fetch::{self, Request};
use crate::gate::gate;
use crate::instantiate;
use crate::lifecycle::State::*;
use crate::mount::Slot;
use crate::promise::{after, reject, settled, Settled};
use crate::stop::Stopper;
use crate::sys;
use crate::text::error_name;
use alloc::rc::Rc;
use alloc::string::String;
use js_sys::{Promise, WebAssembly::Module};
use tessera_abi::limits::{DEFAULT_MAX_CALL_MS, DEFAULT_MAX_DOM_BYTES, DEFAULT_MAX_MEMORY_PAGES};
use tessera_host::{Fault, Guest, GuestPolicy, Mount, OnFault, OnViolation};
use tessera_manifest::Isolation;
use wasm_bindgen::{JsCast, JsValue};

/// The origins a component's URLs may reach: its module's, then the manifest's grants.
fn origins(module_url: &str, granted: &[String]) -> alloc::vec::Vec<String> {
    let mut all = alloc::vec![sys::origin_of(module_url)];
    all.extend(granted.iter().cloned());
    all
}

impl Component {
    /// `NotLoaded`/`Error` -> `Loading` -> `Compiled`: finds the slot, fetches and compiles.
    /// The step to `Loading` and the slot lookup happen before this returns, so that an `unload`
    /// right after it cancels this load.
    pub(crate) fn load(self: Rc<Self>) -> Promise {
        if let Err(failure) = self.go(Loading) {
            return reject(&failure);
        }
        let slot = match self.find_slot() {
            Ok(slot) => slot,
            Err(error) => return reject(&self.fail(Loading, error)),
        };
        slot.mark(Loading);
        let epoch = self.epoch.get();
        let timeout = self
            .spec
            .timeout_ms
            .unwrap_or(self.ctx.options.timeout_ms());
        let stop = Stopper::new(timeout);
        *self.inflight.borrow_mut() = Some(stop.clone());
        events::begin(self.name(), "fetch");
        let fetching = self.request().send(&self.ctx.options, &stop);
        if self.in_worker() {
            // Its worker starts while the module downloads and compiles.
            tessera_host::warm_worker();
        }
        after(&fetching, move |outcome| {
            match self.fetched(outcome, &stop, slot) {
                Ok(compiling) => {
                    let next = move |outcome| self.compiled(outcome, epoch, &stop);
                    Ok(after(&compiling, next).into())
                }
                Err(error) => self.loaded(epoch, &stop, Err(error)),
            }
        })
    }

    /// What to fetch for this component.
    fn request(&self) -> Request<'_> {
        Request {
            url: &self.url,
            integrity: self.spec.integrity.as_deref(),
            wasm: true,
        }
    }

    /// The response arrived: checks it and its announced size, then streams it through the
    /// byte gate into the compiler; progress events go to the slot.
    fn fetched(&self, outcome: Settled, stop: &Rc<Stopper>, slot: Slot) -> Result<Promise, Error> {
        let response = self.request().settled(outcome, stop)?;
        let name = self.name();
        events::end(name, "fetch");
        let max = self.spec.budget.max_bytes;
        let total = fetch::announced_length(&response);
        if let (Some(max), Some(bytes)) = (max, total) {
            if bytes > max {
                sys::cancel(&response);
                return Err(Error::OverBudgetAnnounced { bytes, max });
            }
        }
        events::begin(name, "compile");
        let owned = String::from(name);
        let progress = move |loaded| events::progress(&slot, &owned, loaded, total);
        // The sandbox's section rules are for isolated guests; a bindgen component is trusted code.
        let pages = self.glue.is_none().then(|| self.max_memory_pages());
        Ok(sys::compile(
            &response,
            &gate(max, pages, stop.clone(), progress),
        ))
    }

    /// The compile settled: a stop, bad bytes, or a body that broke off.
    fn compiled(&self, outcome: Settled, epoch: u32, stop: &Stopper) -> Settled {
        let url = self.url.as_str();
        let module = outcome.map_err(|cause| match stop.why() {
            Some(why) => why.error(url),
            None if error_name(&cause).as_deref() == Some("CompileError") => {
                Error::CompileFailed(cause)
            }
            // The headers had arrived: the body broke off.
            None => Error::FetchFailed {
                url: url.into(),
                attempts: 1,
                cause,
                no_response: false,
            },
        });
        if module.is_ok() {
            events::end(self.name(), "compile");
        }
        self.loaded(epoch, stop, module.map(JsCast::unchecked_into))
    }

    /// The end of a load: `Compiled` with the module or `Error`, unless it was unloaded meanwhile.
    fn loaded(&self, epoch: u32, stop: &Stopper, module: Result<Module, Error>) -> Settled {
        stop.finish();
        if self.epoch.get() != epoch {
            return Err(self.cancelled(Loading).to_js());
        }
        self.inflight.take();
        let failure = match module {
            Ok(module) => {
                *self.module.borrow_mut() = Some(module);
                match self.go(Compiled) {
                    Ok(()) => return Ok(JsValue::UNDEFINED),
                    Err(failure) => failure,
                }
            }
            Err(error) => self.fail(Loading, error),
        };
        Err(failure.to_js())
    }

    /// `Compiled`/`Error` -> `Mounting` -> `Mounted` with the kept module.
    /// The step to `Mounting` happens before this returns.
    pub(crate) fn mount_compiled(self: Rc<Self>) -> Promise {
        let Some(module) = self.module.borrow().clone() else {
            let error = Error::InvalidState {
                from: self.state(),
                to: Mounting,
            };
            return reject(&self.refused(error));
        };
        if let Err(failure) = self.go(Mounting) {
            return reject(&failure);
        }
        self.epoch.set(self.epoch.get() + 1);
        let epoch = self.epoch.get();
        let slot = match self.find_slot() {
            Ok(slot) => slot,
            Err(error) => return reject(&self.fail(Mounting, error)),
        };
        slot.mark(Mounting);
        match self.glue.clone() {
            None => self.mount_isolated(&module, slot, epoch),
            Some(glue) => self.mount_bindgen(glue, &module, slot, epoch),
        }
    }

    /// Instantiates into a fresh closed shadow root, renders, then swaps it into the slot.
    fn mount_isolated(self: Rc<Self>, module: &Module, slot: Slot, epoch: u32) -> Promise {
        let (host, root) = slot.shadow_host(self.name());
        let guest = Guest::new(
            self.policy(),
            root,
            self.ctx.bus.clone(),
            self.on_fault(epoch),
            self.on_violation(&slot),
        );
        events::begin(self.name(), "instantiate");
        let instantiating = match instantiate::start(module, &guest) {
            Ok(instantiating) => instantiating,
            Err(error) => return settled(self.mounted(Err(error))),
        };
        after(&instantiating, move |outcome| {
            let name = self.name();
            let mounting = instantiate::attach(outcome, &guest).and_then(|()| {
                events::end(name, "instantiate");
                self.current(epoch, &guest)?;
                events::begin(name, "mount");
                Ok(guest.mount(&self.props.borrow()))
            });
            match mounting {
                Ok(Mount::Later(answered)) => {
                    let next = move |_| self.show_guest(guest.mounted(), guest, slot, host, epoch);
                    Ok(after(&answered, next).into())
                }
                Ok(Mount::Done(outcome)) => self.show_guest(outcome, guest, slot, host, epoch),
                Err(error) => self.mounted(Err(error)),
            }
        })
    }

    /// Whether the mount at `epoch` is still wanted; if not (unloaded meanwhile) `guest` ends.
    fn current(&self, epoch: u32, guest: &Guest) -> Result<(), Error> {
        if self.epoch.get() != epoch {
            let _ = guest.unmount();
            return Err(Error::Cancelled);
        }
        Ok(())
    }

    /// The guest's mount returned: it is shown in the slot, or the mount failed.
    fn show_guest(
        &self,
        outcome: Result<(), Fault>,
        guest: Guest,
        slot: Slot,
        host: web_sys::Element,
        epoch: u32,
    ) -> Settled {
        let live = outcome.map_err(Error::from).and_then(|()| {
            // A guest in a worker answers later: an unload may have come first.
            self.current(epoch, &guest)?;
            slot.show(&host);
            events::end(self.name(), "mount");
            Ok(Live::Guest(guest))
        });
        self.mounted(live)
    }

    /// The end of a mount: `Mounted` with the live instance, or `Error`, or (unloaded
    /// meanwhile) `cancelled` with nothing changed.
    pub(crate) fn mounted(&self, live: Result<Live, Error>) -> Settled {
        let failure = match live {
            Ok(live) => {
                *self.live.borrow_mut() = Some(live);
                match self.go(Mounted) {
                    Ok(()) => return Ok(JsValue::UNDEFINED),
                    Err(failure) => failure,
                }
            }
            Err(Error::Cancelled) => self.cancelled(Mounting),
            Err(error) => self.fail(Mounting, error),
        };
        Err(failure.to_js())
    }

    /// What this guest may do, from its manifest entry.
    fn policy(&self) -> GuestPolicy {
        let spec = &self.spec;
        GuestPolicy {
            name: spec.name.clone(),
            publish: spec.capabilities.publish.clone(),
            subscribe: spec.capabilities.subscribe.clone(),
            max_memory_pages: Some(self.max_memory_pages()),
            max_dom_bytes: spec.budget.max_dom_bytes.unwrap_or(DEFAULT_MAX_DOM_BYTES),
            origins: origins(&self.url, &spec.capabilities.origins),
            worker: self.in_worker().then(|| {
                spec.budget
                    .max_call_ms
                    .or(self.ctx.options.max_call_ms())
                    .unwrap_or(DEFAULT_MAX_CALL_MS)
            }),
        }
    }

    /// Whether this component runs in a worker: its manifest's `isolation`, else the loader's.
    fn in_worker(&self) -> bool {
        match self.spec.isolation {
            Some(isolation) => isolation == Isolation::Worker,
            None => self.ctx.options.worker(),
        }
    }

    /// `budget.maxMemoryPages`, or the sandbox's default cap.
    fn max_memory_pages(&self) -> u32 {
        self.spec
            .budget
            .max_memory_pages
            .unwrap_or(DEFAULT_MAX_MEMORY_PAGES)
    }

    /// A fault outside a direct call (a trap in an event handler or timer, memory past the cap)
    /// ends the instance mounted at `epoch`, if it is still the one mounted.
    fn on_fault(self: &Rc<Self>, epoch: u32) -> OnFault {
        let weak = Rc::downgrade(self);
        Rc::new(move |fault: Fault| {
            if let Some(component) = weak.upgrade() {
                let live = matches!(component.state(), Mounted | Suspended);
                if component.epoch.get() == epoch && live {
                    component.fail(component.state(), fault.into());
                }
            }
        })
    }

    /// Refused edits become `tessera:violation` events on the slot.
    fn on_violation(&self, slot: &Slot) -> OnViolation {
        let (slot, name) = (slot.clone(), self.spec.name.clone());
        Rc::new(move |what: &str, code: i32| events::violation(&slot, &name, what, code))
    }
}
