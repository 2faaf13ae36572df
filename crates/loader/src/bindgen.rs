//! The trusted `bindgen` kind: an ordinary wasm-bindgen build (web-sys, Leptos, Yew...) that the
//! page opts into. Same fetch, integrity, byte gate and streaming compile as an isolated
//! component; then no sandbox: its JS glue is imported, its default export (the wasm-bindgen
//! `init`) is called with `{ module_or_path: module }` (the module the loader compiled, so nothing
//! is fetched twice), and its exported `mount(element, props)` renders into a
//! `<div data-tessera="name">` in the slot. `unmount(element)` is called when exported.
//!
//! The glue stays in the browser's module map: `reload` fetches and compiles the wasm afresh,
//! but a wasm-bindgen glue's `init` keeps its first instance, so a bindgen component's code only
//! changes with a page load. `remount` calls `unmount` and `mount` again on the same instance.

use crate::component::{Component, Live};
use crate::errors::{set, Error};
use crate::events;
use crate::mount::Slot;
use crate::promise::{after, Settled};
use crate::sys;
use crate::text::field;
use alloc::rc::Rc;
use alloc::string::String;
use js_sys::{Function, Object, Promise, WebAssembly::Module, JSON};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// A mounted bindgen component: its glue module namespace and its host element.
pub(crate) struct Bindgen {
    glue: JsValue,
    host: Element,
}

impl Bindgen {
    /// Calls the glue's `unmount(host)` when it exports one.
    pub(crate) fn unmount(&self) -> Result<(), Error> {
        match export(&self.glue, "unmount") {
            Some(unmount) => unmount
                .call1(&self.glue, &self.host)
                .map(drop)
                .map_err(|e| Error::trap(&e)),
            None => Ok(()),
        }
    }
}

impl Component {
    /// Imports the glue at `url` (with the page's `import` when it gave one), initialises it
    /// with `module`, then mounts it into a host element in the slot.
    pub(crate) fn mount_bindgen(
        self: Rc<Self>,
        url: String,
        module: &Module,
        slot: Slot,
        epoch: u32,
    ) -> Promise {
        events::begin(self.name(), "instantiate");
        let module = module.clone();
        let importing = sys::import_glue(&self.ctx.options, &url);
        after(&importing, move |glue| {
            let glue = glue.map_err(Error::InstantiateFailed);
            let init = glue.and_then(|glue| match export(&glue, "default") {
                Some(init) => Ok((glue, init)),
                None => Err(Error::AbiMismatch(cat!(
                    "glue ",
                    url,
                    " has no default export (the wasm-bindgen init)"
                ))),
            });
            let (glue, init) = match init {
                Ok(found) => found,
                Err(error) => return self.mounted(Err(error)),
            };
            let options: JsValue = Object::new().into();
            set(&options, "module_or_path", &module);
            let initialising = sys::invoke(&init, &JsValue::NULL, &options, &JsValue::UNDEFINED);
            let next = move |outcome| self.glue_ready(outcome, glue, &url, slot, epoch);
            Ok(after(&initialising, next).into())
        })
    }

    /// The glue's `init` settled: calls its `mount(host, props)`.
    fn glue_ready(
        self: Rc<Self>,
        outcome: Settled,
        glue: JsValue,
        url: &str,
        slot: Slot,
        epoch: u32,
    ) -> Settled {
        let name = self.name();
        if let Err(error) = outcome {
            return self.mounted(Err(Error::InstantiateFailed(error)));
        }
        events::end(name, "instantiate");
        if self.epoch.get() != epoch {
            return self.mounted(Err(Error::Cancelled));
        }
        let Some(mount) = export(&glue, "mount") else {
            let why = cat!("glue ", url, " does not export mount(element)");
            return self.mounted(Err(Error::AbiMismatch(why)));
        };
        events::begin(name, "mount");
        let host = slot.host(name);
        slot.show(&host);
        let props = JSON::parse(&self.props.borrow()).unwrap_or_default();
        let mounting = sys::invoke(&mount, &glue, &host, &props);
        Ok(after(&mounting, move |outcome| {
            let live = match outcome {
                Ok(_) => {
                    events::end(self.name(), "mount");
                    Ok(Live::Bindgen(Bindgen { glue, host }))
                }
                Err(error) => Err(Error::trap(&error)),
            };
            self.mounted(live)
        })
        .into())
    }
}

/// An exported function of the glue, if there is one.
fn export(glue: &JsValue, name: &str) -> Option<Function> {
    let found = field(glue, name);
    found.is_function().then(|| found.unchecked_into())
}
