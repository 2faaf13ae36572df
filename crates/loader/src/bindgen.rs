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

use crate::errors::{set, Error};
use crate::sys;
use js_sys::{Function, Object, Promise, Reflect, WebAssembly::Module, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Element;

/// A mounted bindgen component: its glue module namespace and its host element.
pub(crate) struct Bindgen {
    glue: JsValue,
    host: Element,
}

/// Imports the glue at `url` (with the page's `import` when it gave one) and initialises it with
/// `module`; the glue's namespace.
pub(crate) async fn init(
    import: Option<&Function>,
    url: &str,
    module: &Module,
) -> Result<JsValue, Error> {
    let imported = match import {
        Some(import) => import.call1(&JsValue::NULL, &url.into()),
        None => Ok(sys::import_module(url).into()),
    };
    let glue = settle(imported).await.map_err(Error::InstantiateFailed)?;
    let init = export(&glue, "default").ok_or_else(|| {
        Error::AbiMismatch(cat!(
            "glue ",
            url,
            " has no default export (the wasm-bindgen init)"
        ))
    })?;
    let options = Object::new();
    set(&options, "module_or_path", module);
    settle(init.call1(&JsValue::NULL, &options))
        .await
        .map_err(Error::InstantiateFailed)?;
    Ok(glue)
}

impl Bindgen {
    /// Calls the glue's `mount(host, props)` (awaiting it when it returns a promise).
    pub(crate) async fn mount(
        glue: JsValue,
        url: &str,
        host: Element,
        props_json: &str,
    ) -> Result<Bindgen, Error> {
        let mount = export(&glue, "mount").ok_or_else(|| {
            Error::AbiMismatch(cat!("glue ", url, " does not export mount(element)"))
        })?;
        let props = JSON::parse(props_json).unwrap_or_default();
        settle(mount.call2(&glue, &host, &props))
            .await
            .map_err(|e| Error::trap(&e))?;
        Ok(Bindgen { glue, host })
    }

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

/// An exported function of the glue, if there is one.
fn export(glue: &JsValue, name: &str) -> Option<Function> {
    Reflect::get(glue, &name.into()).ok()?.dyn_into().ok()
}

/// Awaits a call's result, whether it threw, returned a value or returned a promise.
async fn settle(result: Result<JsValue, JsValue>) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::resolve(&result?)).await
}
