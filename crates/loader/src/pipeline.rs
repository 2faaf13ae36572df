//! The pipeline: fetch -> byte gate -> streaming compile -> ABI check -> instantiate -> mount.
//!
//! Each step is its own module; this file runs them in order for one [`Component`], records
//! the `performance` phases, and turns whatever fails into the right error in the right state.
//! After every `await` it checks the component's epoch: an `unload` meanwhile wins, and the
//! step gives up without touching the slot or the state.

use crate::bindgen::{self, Bindgen};
use crate::compile::compile;
use crate::component::{Component, Live, Task};
use crate::errors::Error;
use crate::events;
use crate::fetch::{self, Request};
use crate::gate::gate;
use crate::host::{Fault, Guest, GuestPolicy, OnFault, OnViolation};
use crate::instantiate::instantiate;
use crate::lifecycle::State::*;
use crate::mount::Slot;
use crate::stop::Stopper;
use crate::text::error_name;
use alloc::rc::Rc;
use alloc::{boxed::Box, string::String};
use core::future::ready;
use js_sys::WebAssembly::Module;
use wasm_bindgen::JsValue;

impl Component {
    /// `NotLoaded`/`Error` -> `Loading` -> `Compiled`: finds the slot, fetches and compiles.
    /// The step to `Loading` and the slot lookup happen before this returns, so that an `unload`
    /// right after it cancels this load.
    pub(crate) fn load(self: Rc<Self>) -> Task {
        let slot = self
            .go(Loading)
            .and_then(|()| self.find_slot().map_err(|error| self.fail(Loading, error)));
        let slot = match slot {
            Ok(slot) => slot,
            Err(failure) => return Box::pin(ready(Err(failure))),
        };
        slot.mark(Loading);
        let epoch = self.epoch.get();
        let stop = Stopper::new(self.spec.timeout_ms.unwrap_or(self.ctx.options.timeout_ms));
        *self.inflight.borrow_mut() = Some(stop.clone());
        Box::pin(async move {
            let result = self.download(&stop, &slot).await;
            stop.finish();
            if self.epoch.get() != epoch {
                return Err(self.cancelled(Loading));
            }
            self.inflight.take();
            match result {
                Ok(module) => {
                    *self.module.borrow_mut() = Some(module);
                    self.go(Compiled)
                }
                Err(error) => Err(self.fail(Loading, error)),
            }
        })
    }

    /// Fetch, gate and compile; progress events go to the slot.
    async fn download(&self, stop: &Rc<Stopper>, slot: &Slot) -> Result<Module, Error> {
        let (name, url) = (self.name(), self.url.as_str());
        let max = self.spec.budget.max_bytes;
        let request = Request {
            url,
            integrity: self.spec.integrity.as_deref(),
            wasm: true,
            options: &self.ctx.options,
        };
        events::begin(name, "fetch");
        let response = fetch::fetch(&request, stop).await?;
        events::end(name, "fetch");
        let total = fetch::announced_length(&response);
        if let (Some(max), Some(bytes)) = (max, total) {
            if bytes > max {
                fetch::cancel(&response);
                return Err(Error::OverBudget {
                    bytes,
                    max,
                    announced: true,
                });
            }
        }
        events::begin(name, "compile");
        let body = response
            .body()
            .ok_or_else(|| Error::CompileFailed(JsValue::from_str("the response has no body")))?;
        let (target, owned) = (slot.element.clone(), String::from(name));
        let progress = move |loaded| events::progress(&target, &owned, loaded, total);
        let gated = gate(&body, max, stop.clone(), progress).map_err(Error::CompileFailed)?;
        let module = compile(&gated).await.map_err(|cause| match stop.why() {
            Some(why) => why.error(url),
            None if error_name(&cause).as_deref() == Some("CompileError") => {
                Error::CompileFailed(cause)
            }
            None => Error::FetchFailed {
                url: url.into(),
                attempts: 1,
                cause,
            },
        })?;
        events::end(name, "compile");
        Ok(module)
    }

    /// `Compiled`/`Error` -> `Mounting` -> `Mounted` with the kept module.
    /// The step to `Mounting` happens before this returns.
    pub(crate) fn mount_compiled(self: Rc<Self>) -> Task {
        let module = self.module.borrow().clone();
        let ready_module = match module {
            Some(module) => self.go(Mounting).map(|()| module),
            None => Err(self.refused(Error::InvalidState {
                from: self.state(),
                to: Mounting,
            })),
        };
        let module = match ready_module {
            Ok(module) => module,
            Err(failure) => return Box::pin(ready(Err(failure))),
        };
        self.epoch.set(self.epoch.get() + 1);
        let epoch = self.epoch.get();
        Box::pin(async move {
            let slot = self
                .find_slot()
                .map_err(|error| self.fail(Mounting, error))?;
            slot.mark(Mounting);
            let live = match &self.glue {
                None => self.mount_isolated(&module, &slot, epoch).await,
                Some(glue) => self.mount_bindgen(glue, &module, &slot, epoch).await,
            };
            match live {
                Ok(live) => {
                    *self.live.borrow_mut() = Some(live);
                    self.go(Mounted)
                }
                Err(Error::Cancelled) => Err(self.cancelled(Mounting)),
                Err(error) => Err(self.fail(Mounting, error)),
            }
        })
    }

    /// Instantiates into a fresh closed shadow root, renders, then swaps it into the slot.
    async fn mount_isolated(
        self: &Rc<Self>,
        module: &Module,
        slot: &Slot,
        epoch: u32,
    ) -> Result<Live, Error> {
        let name = self.name();
        let (host, root) = slot.shadow_host(name).map_err(Error::InstantiateFailed)?;
        let guest = Guest::new(
            self.policy(),
            root,
            self.ctx.bus.clone(),
            self.on_fault(epoch),
            self.on_violation(slot),
        );
        events::begin(name, "instantiate");
        instantiate(module, &guest).await?;
        events::end(name, "instantiate");
        if self.epoch.get() != epoch {
            let _ = guest.unmount();
            return Err(Error::Cancelled);
        }
        events::begin(name, "mount");
        guest.mount(&self.props.borrow())?;
        slot.show(&host);
        events::end(name, "mount");
        Ok(Live::Guest(guest))
    }

    /// Imports and initialises the glue with the module, then calls its `mount`.
    async fn mount_bindgen(
        &self,
        glue: &str,
        module: &Module,
        slot: &Slot,
        epoch: u32,
    ) -> Result<Live, Error> {
        let name = self.name();
        let host = slot.host(name).map_err(Error::InstantiateFailed)?;
        events::begin(name, "instantiate");
        let namespace = bindgen::init(self.ctx.options.import.as_ref(), glue, module).await?;
        events::end(name, "instantiate");
        if self.epoch.get() != epoch {
            return Err(Error::Cancelled);
        }
        events::begin(name, "mount");
        slot.show(&host);
        let props = self.props.borrow().clone();
        let mounted = Bindgen::mount(namespace, glue, host, &props).await?;
        events::end(name, "mount");
        Ok(Live::Bindgen(mounted))
    }

    /// What this guest may do, from its manifest entry.
    fn policy(&self) -> GuestPolicy {
        let spec = &self.spec;
        GuestPolicy {
            name: spec.name.clone(),
            publish: spec.capabilities.publish.clone(),
            subscribe: spec.capabilities.subscribe.clone(),
            max_memory_pages: spec.budget.max_memory_pages,
        }
    }

    /// A fault outside a direct call (a trap in an event handler or timer, memory past the cap)
    /// ends the instance mounted at `epoch`, if it is still the one mounted.
    fn on_fault(self: &Rc<Self>, epoch: u32) -> OnFault {
        let weak = Rc::downgrade(self);
        Rc::new(move |fault: Fault| {
            if let Some(component) = weak.upgrade() {
                if component.epoch.get() == epoch && component.state() == Mounted {
                    component.fail(Mounted, fault.into());
                }
            }
        })
    }

    /// Refused edits become `tessera:violation` events on the slot.
    fn on_violation(&self, slot: &Slot) -> OnViolation {
        let (target, name) = (slot.element.clone(), self.spec.name.clone());
        Rc::new(move |what: &str, code: i32| events::violation(&target, &name, what, code))
    }
}
