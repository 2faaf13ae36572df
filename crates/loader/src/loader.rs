//! One loader: the validated manifest's components, the context they share, and what
//! `dispose()` has to undo.

use crate::component::{Component, Ctx, Live};
use crate::errors::{set, Error, Failure};
use crate::lifecycle::State;
use crate::read;
use crate::sys::{self, Options};
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::Cell;
use js_sys::Object;
use tessera_host::Bus;
use tessera_manifest::Kind;
use wasm_bindgen::JsValue;

/// The loader behind one `Tessera` object.
pub(crate) struct Loader {
    /// What the components share.
    pub ctx: Rc<Ctx>,
    /// The manifest's components, in manifest order.
    pub components: Vec<Rc<Component>>,
    /// Set by the first `start()`.
    pub started: Cell<bool>,
}

impl Loader {
    /// Checks and validates the manifest `text` and resolves its URLs against the absolute
    /// URL `base`.
    pub(crate) fn new(text: &str, base: &str, options: Options) -> Result<Rc<Loader>, Failure> {
        let read = read::manifest(text)?;
        let ctx = Rc::new(Ctx {
            options,
            bus: Bus::new(),
            alive: Cell::new(true),
        });
        let mut components = Vec::new();
        for (spec, props) in read.manifest.components.into_iter().zip(read.props) {
            let url = resolve(&spec.module, base)?;
            let glue = match &spec.kind {
                Kind::Bindgen { glue } => Some(resolve(glue, base)?),
                Kind::Isolated => None,
            };
            components.push(Rc::new(Component::new(spec, url, glue, props, ctx.clone())));
        }
        Ok(Rc::new(Loader {
            ctx,
            components,
            started: Cell::new(false),
        }))
    }

    /// The component named `name`.
    pub(crate) fn get(&self, name: &str) -> Result<Rc<Component>, Failure> {
        let found = self.components.iter().find(|c| c.name() == name);
        found
            .cloned()
            .ok_or_else(|| Failure::manifest(Error::UnknownComponent(name.into())))
    }

    /// `{ [name]: state }` for every component.
    pub(crate) fn states(&self) -> JsValue {
        let states: JsValue = Object::new().into();
        for c in &self.components {
            set(&states, c.name(), &c.state().id().into());
        }
        states
    }

    /// `{ instances, nodes, listeners, timers, subscriptions }`: the live component instances
    /// and, summed over the isolated ones, the nodes and listeners in their DOM and their
    /// timers, and every subscription on the bus (the page's included). For leak checks.
    pub(crate) fn stats(&self) -> JsValue {
        let (mut instances, mut nodes, mut listeners, mut timers) = (0, 0, 0, 0);
        for c in &self.components {
            match &*c.live.borrow() {
                Some(Live::Guest(guest)) => {
                    let n = guest.counts();
                    (nodes, listeners, timers) =
                        (nodes + n.nodes, listeners + n.listeners, timers + n.timers);
                    instances += 1;
                }
                Some(Live::Bindgen(_)) => instances += 1,
                None => {}
            }
        }
        sys::stats(
            instances,
            nodes,
            listeners,
            timers,
            self.ctx.bus.subscriptions(),
        )
    }

    /// `{ mounted: [names], failed: [{ name, code, message }], waiting: [names] }`.
    pub(crate) fn summary(&self) -> JsValue {
        let summary = sys::summary();
        for c in &self.components {
            let (list, (code, message)) = match (c.state(), c.last_failure()) {
                (State::Mounted, _) => ("mounted", Default::default()),
                (State::Error, Some(failure)) => ("failed", failure),
                _ => ("waiting", Default::default()),
            };
            sys::tally(&summary, list, c.name(), code, &message);
        }
        summary
    }

    /// Removes the policies' listeners and observers and unloads every component.
    pub(crate) fn dispose(&self) {
        self.ctx.alive.set(false);
        sys::stop_policies(&self.ctx.options);
        for c in &self.components {
            c.unload();
        }
    }
}

/// `reference` resolved against `base` by the browser's URL parser.
pub(crate) fn resolve(reference: &str, base: &str) -> Result<String, Failure> {
    sys::resolve_url(reference, base).map_err(|_| {
        Failure::manifest(Error::ManifestInvalid(cat!(
            "cannot resolve '",
            reference,
            "' against '",
            base,
            "'"
        )))
    })
}
