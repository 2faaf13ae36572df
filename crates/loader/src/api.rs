//! The public API: the `Tessera` class, as JavaScript and TypeScript see it.

use crate::errors::{Error, Failure};
use crate::fetch::{self, Request};
use crate::loader::{resolve, Loader};
use crate::promise::{after, reject, Settled};
use crate::stop::Stopper;
use crate::sys::{self, Options, Void};
use crate::text::js_message;
use crate::{policy, read};
use alloc::rc::Rc;
use alloc::string::String;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
/// `TesseraManifest` and its parts, generated from the JSON Schema (scripts/manifest-types.mjs).
#[wasm_bindgen(typescript_custom_section)]
const MANIFEST_TYPES: &str = include_str!("manifest.d.ts");

/// A loader for one manifest: fetches, checks, isolates and mounts its components.
///
/// ```js
/// import init, { Tessera } from "tessera-loader";
/// await init();
/// const tessera = await Tessera.fromUrl("/tessera.json");
/// const summary = await tessera.start(); // { mounted, failed, waiting }
/// document.addEventListener("tessera:error", (e) => console.warn(e.detail.code, e.detail.message));
/// ```
///
/// Methods that act on one component reject (or throw) with a `TesseraError`: an `Error` with a
/// stable `code`, the `component` name and the `state` it failed in. Lifecycle, progress and
/// violation events are DOM `CustomEvent`s dispatched on the component's slot; they bubble to
/// `document` (see `TesseraEventMap`).
#[wasm_bindgen]
pub struct Tessera {
    loader: Rc<Loader>,
}

// The methods JavaScript calls take and return `JsValue`s: names cross the boundary as
// JavaScript strings (no copy-in glue per method), and every method goes through one dispatcher,
// `Tessera::call`. The methods then come in four shapes (no argument, one, one that may throw,
// two; `unsubscribe`, which takes a number, has its own), and `wasm-opt` merges the shims of one
// shape, each with its borrow check, into one function. A method that returns nothing returns
// `sys::Void` (`undefined`, typed `void`) to keep its shape. Rust callers (the browser tests) use
// the typed methods below.
#[wasm_bindgen]
impl Tessera {
    /// Fetches the manifest at `url` (relative to the page), validates it and resolves its
    /// module URLs against the manifest's own URL. Rejects with `manifest-invalid`,
    /// `fetch-failed`, `http-status` or `timeout`.
    #[wasm_bindgen(js_name = fromUrl, unchecked_return_type = "Promise<Tessera>")]
    pub fn from_url_js(
        #[wasm_bindgen(unchecked_param_type = "string")] url: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TesseraOptions")] options: JsValue,
    ) -> Promise {
        Tessera::from_url(sys::string(&url), options)
    }

    /// A loader for a manifest the page already has, as an object. Its URLs resolve against
    /// `baseUrl` (itself relative to the page; default the page's URL). Throws `manifest-invalid`.
    #[wasm_bindgen(js_name = fromObject)]
    pub fn from_object_js(
        #[wasm_bindgen(unchecked_param_type = "TesseraManifest")] manifest: JsValue,
        #[wasm_bindgen(js_name = baseUrl, unchecked_optional_param_type = "string | null")]
        base_url: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "TesseraOptions")] options: JsValue,
    ) -> Result<Tessera, JsValue> {
        let base_url = (!base_url.is_null_or_undefined()).then(|| sys::string(&base_url));
        Tessera::from_object(manifest, base_url, options)
    }

    /// Applies every component's load policy. Resolves, never rejects, once the eager components
    /// and the route components matching the current path have mounted or failed: a failing
    /// component ends in `error` (fallback shown, `tessera:error` fired) and the rest mount.
    /// Calling it again only reports the summary.
    #[wasm_bindgen(js_name = start, unchecked_return_type = "Promise<TesseraSummary>")]
    pub fn start_js(&self) -> JsValue {
        self.call_js(Call::Start, JsValue::UNDEFINED, JsValue::UNDEFINED)
    }

    /// Mounts the component, fetching and compiling it first unless a compiled module is kept.
    #[wasm_bindgen(js_name = mount, unchecked_return_type = "Promise<void>")]
    pub fn mount_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> JsValue {
        self.call_js(Call::Act(Op::Mount), name, JsValue::UNDEFINED)
    }

    /// Unmounts the component; it keeps its compiled module and the slot shows its original
    /// children. Throws `invalid-state` unless it is mounted.
    #[wasm_bindgen(js_name = unmount)]
    pub fn unmount_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<Void, JsValue> {
        self.call(Call::Act(Op::Unmount), name, JsValue::UNDEFINED)
            .map(JsCast::unchecked_into)
    }

    /// Keep-alive: takes the mounted component out of the page and keeps it, its instance, its
    /// state and its DOM, until `resume(name)`; the slot shows its original children meanwhile.
    /// Timers, bus messages and props still reach it. Throws `invalid-state` unless it is
    /// mounted.
    #[wasm_bindgen(js_name = suspend)]
    pub fn suspend_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<Void, JsValue> {
        self.call(Call::Act(Op::Suspend), name, JsValue::UNDEFINED)
            .map(JsCast::unchecked_into)
    }

    /// Puts a suspended component back in its slot as it was, without calling into it. Throws
    /// `invalid-state` unless it is suspended.
    #[wasm_bindgen(js_name = resume)]
    pub fn resume_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<Void, JsValue> {
        self.call(Call::Act(Op::Resume), name, JsValue::UNDEFINED)
            .map(JsCast::unchecked_into)
    }

    /// Unmounts (when mounted) and mounts a fresh instance of the compiled module, without
    /// fetching or compiling again. Rejects with `invalid-state` when nothing is compiled.
    #[wasm_bindgen(js_name = remount, unchecked_return_type = "Promise<void>")]
    pub fn remount_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> JsValue {
        self.call_js(Call::Act(Op::Remount), name, JsValue::UNDEFINED)
    }

    /// Unloads the component, then fetches, compiles and mounts it afresh (the way out of `error`).
    #[wasm_bindgen(js_name = reload, unchecked_return_type = "Promise<void>")]
    pub fn reload_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> JsValue {
        self.call_js(Call::Act(Op::Reload), name, JsValue::UNDEFINED)
    }

    /// Back to `not-loaded` from any state: stops a download in flight, unmounts, drops the
    /// compiled module and gives the slot its original children back.
    #[wasm_bindgen(js_name = unload)]
    pub fn unload_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<Void, JsValue> {
        self.call(Call::Act(Op::Unload), name, JsValue::UNDEFINED)
            .map(JsCast::unchecked_into)
    }

    /// Gives the component new props (any JSON data). A mounted component that exports
    /// `tessera_props` receives them in place; one that does not is remounted with them; one
    /// that is not mounted gets them at its next mount.
    #[wasm_bindgen(js_name = setProps, unchecked_return_type = "Promise<void>")]
    pub fn set_props_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
        #[wasm_bindgen(unchecked_param_type = "unknown")] props: JsValue,
    ) -> JsValue {
        self.call_js(Call::Act(Op::SetProps), name, props)
    }

    /// The component's state.
    #[wasm_bindgen(js_name = state, unchecked_return_type = "TesseraState")]
    pub fn state_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] name: JsValue,
    ) -> Result<JsValue, JsValue> {
        self.call(Call::Act(Op::State), name, JsValue::UNDEFINED)
    }

    /// Every component's state, by name.
    #[wasm_bindgen(js_name = states, unchecked_return_type = "Record<string, TesseraState>")]
    pub fn states_js(&self) -> JsValue {
        self.call_js(Call::States, JsValue::UNDEFINED, JsValue::UNDEFINED)
    }

    /// What the loader holds now, for leak checks: live component instances, the nodes and
    /// listeners in their DOM, their timers, and the bus's subscriptions (the page's included).
    #[wasm_bindgen(js_name = stats, unchecked_return_type = "TesseraStats")]
    pub fn stats_js(&self) -> JsValue {
        self.call_js(Call::Stats, JsValue::UNDEFINED, JsValue::UNDEFINED)
    }

    /// Publishes on the message bus from the page (no capability check). `payload` is a string
    /// (sent as UTF-8), a `Uint8Array`, or other data (sent as JSON text). Delivery is async.
    #[wasm_bindgen(js_name = publish)]
    pub fn publish_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] topic: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | unknown")] payload: JsValue,
    ) -> Void {
        self.call_js(Call::Publish, topic, payload).unchecked_into()
    }

    /// Subscribes the page to topics matching `pattern` (`cart:*` matches `cart:add`); the id
    /// for `unsubscribe`.
    #[wasm_bindgen(js_name = subscribe, unchecked_return_type = "number")]
    pub fn subscribe_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] pattern: JsValue,
        #[wasm_bindgen(unchecked_param_type = "(topic: string, payload: Uint8Array) => void")]
        callback: JsValue,
    ) -> JsValue {
        self.call_js(Call::Subscribe, pattern, callback)
    }

    /// Ends a page subscription.
    pub fn unsubscribe(&self, id: u32) {
        self.loader.ctx.bus.unsubscribe(id)
    }

    /// `history.pushState` to `path`, then `tessera:navigate` on `window`, which makes every
    /// loader check its route policies.
    #[wasm_bindgen(js_name = navigate)]
    pub fn navigate_js(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] path: JsValue,
    ) -> Result<Void, JsValue> {
        self.call(Call::Navigate, path, JsValue::UNDEFINED)
            .map(JsCast::unchecked_into)
    }

    /// Unloads every component and removes the policies' listeners and observers. The object
    /// stays usable through `mount(name)`, but load policies no longer act.
    #[wasm_bindgen(js_name = dispose)]
    pub fn dispose_js(&self) -> Void {
        self.call_js(Call::Dispose, JsValue::UNDEFINED, JsValue::UNDEFINED)
            .unchecked_into()
    }
}

/// What [`Tessera::call`] does: a method of the JavaScript API.
#[derive(Clone, Copy)]
enum Call {
    /// `start()`.
    Start,
    /// `states()`.
    States,
    /// `stats()`.
    Stats,
    /// `dispose()`.
    Dispose,
    /// `navigate(path)`.
    Navigate,
    /// `publish(topic, payload)`.
    Publish,
    /// `subscribe(pattern, callback)`.
    Subscribe,
    /// A method on one component, by name.
    Act(Op),
}

/// What [`Tessera::act`] does to one component.
#[derive(Clone, Copy)]
enum Op {
    Mount,
    Unmount,
    Suspend,
    Resume,
    Remount,
    Reload,
    Unload,
    SetProps,
    State,
}

/// The same API for Rust callers, with Rust types.
impl Tessera {
    /// `Tessera.fromUrl(url, options)`.
    pub fn from_url(url: String, options: JsValue) -> Promise {
        let options = sys::options(&options);
        match resolve(&url, &sys::base_uri()) {
            Ok(url) => fetch_manifest(url, options),
            Err(failure) => reject(&failure),
        }
    }

    /// `Tessera.fromObject(manifest, baseUrl, options)`.
    pub fn from_object(
        manifest: JsValue,
        base_url: Option<String>,
        options: JsValue,
    ) -> Result<Tessera, JsValue> {
        let page = sys::base_uri();
        let made = read::text_of(&manifest).and_then(|text| {
            let base = match base_url {
                Some(base) => resolve(&base, &page)?,
                None => page,
            };
            Loader::new(&text, &base, sys::options(&options))
        });
        Ok(Tessera {
            loader: made.map_err(|f| f.to_js())?,
        })
    }

    /// `start()`.
    pub fn start(&self) -> Promise {
        let loader = self.loader.clone();
        let settling = policy::start(&loader);
        after(&settling, move |_| Ok(loader.summary()))
    }

    /// `states()`.
    pub fn states(&self) -> JsValue {
        self.loader.states()
    }

    /// `dispose()`.
    pub fn dispose(&self) {
        self.loader.dispose();
    }

    /// `mount(name)`.
    pub fn mount(&self, name: &str) -> Promise {
        either(self.act(Op::Mount, name, &JsValue::UNDEFINED)).unchecked_into()
    }

    /// `unmount(name)`.
    pub fn unmount(&self, name: &str) -> Result<(), JsValue> {
        self.act(Op::Unmount, name, &JsValue::UNDEFINED).map(drop)
    }

    /// `suspend(name)`.
    pub fn suspend(&self, name: &str) -> Result<(), JsValue> {
        self.act(Op::Suspend, name, &JsValue::UNDEFINED).map(drop)
    }

    /// `resume(name)`.
    pub fn resume(&self, name: &str) -> Result<(), JsValue> {
        self.act(Op::Resume, name, &JsValue::UNDEFINED).map(drop)
    }

    /// `remount(name)`.
    pub fn remount(&self, name: &str) -> Promise {
        either(self.act(Op::Remount, name, &JsValue::UNDEFINED)).unchecked_into()
    }

    /// `reload(name)`.
    pub fn reload(&self, name: &str) -> Promise {
        either(self.act(Op::Reload, name, &JsValue::UNDEFINED)).unchecked_into()
    }

    /// `unload(name)`.
    pub fn unload(&self, name: &str) -> Result<(), JsValue> {
        self.act(Op::Unload, name, &JsValue::UNDEFINED).map(drop)
    }

    /// `setProps(name, props)`.
    pub fn set_props(&self, name: &str, props: JsValue) -> Promise {
        either(self.act(Op::SetProps, name, &props)).unchecked_into()
    }

    /// `state(name)`.
    pub fn state(&self, name: &str) -> Result<JsValue, JsValue> {
        self.act(Op::State, name, &JsValue::UNDEFINED)
    }

    /// `publish(topic, payload)`.
    pub fn publish(&self, topic: &str, payload: JsValue) {
        let bytes = sys::payload_bytes(&payload);
        self.loader.ctx.bus.publish_owned(topic.into(), bytes);
    }

    /// `subscribe(pattern, callback)`.
    pub fn subscribe(&self, pattern: &str, callback: Function) -> u32 {
        self.loader.ctx.bus.subscribe(pattern, callback)
    }

    /// `navigate(path)`.
    pub fn navigate(&self, path: &str) -> Result<(), JsValue> {
        sys::navigate(&path.into())
    }

    /// [`Tessera::call`] for a method that never throws.
    fn call_js(&self, call: Call, a: JsValue, b: JsValue) -> JsValue {
        either(self.call(call, a, b))
    }

    /// The JavaScript method `call` with its arguments as JavaScript passed them (`undefined`
    /// for those it does not take); a name is read as `String(name)`.
    #[inline(never)]
    fn call(&self, call: Call, a: JsValue, b: JsValue) -> Result<JsValue, JsValue> {
        let done = JsValue::UNDEFINED;
        match call {
            Call::Start => Ok(self.start().into()),
            Call::States => Ok(self.states()),
            Call::Stats => Ok(self.loader.stats()),
            Call::Dispose => {
                self.dispose();
                Ok(done)
            }
            Call::Navigate => sys::navigate(&a).map(|()| done),
            Call::Publish => {
                self.publish(&sys::string(&a), b);
                Ok(done)
            }
            Call::Subscribe => Ok(self.subscribe(&sys::string(&a), b.unchecked_into()).into()),
            Call::Act(op) => self.act(op, &sys::string(&a), &b),
        }
    }

    /// Does `op` to the component `name`. An operation that returns a promise rejects it with
    /// the `TesseraError` (an unknown name too); the others return it as `Err`.
    #[inline(never)]
    fn act(&self, op: Op, name: &str, props: &JsValue) -> Result<JsValue, JsValue> {
        let json = matches!(op, Op::SetProps).then(|| read::props_json(props));
        let found = self.loader.get(name);
        let done = match (op, found) {
            (Op::State, found) => found.map(|c| c.state().id().into()),
            (Op::Unload, found) => found.map(|c| {
                c.unload();
                JsValue::UNDEFINED
            }),
            (Op::Unmount, found) => found.and_then(|c| c.unmount()).map(|()| JsValue::UNDEFINED),
            (Op::Suspend, found) => found.and_then(|c| c.suspend()).map(|()| JsValue::UNDEFINED),
            (Op::Resume, found) => found.and_then(|c| c.resume()).map(|()| JsValue::UNDEFINED),
            (_, Err(failure)) => Ok(reject(&failure).into()),
            (Op::Mount, Ok(c)) => Ok(c.mount().into()),
            (Op::Remount, Ok(c)) => Ok(c.remount().into()),
            (Op::Reload, Ok(c)) => Ok(c.reload().into()),
            (Op::SetProps, Ok(c)) => Ok(c.set_props(json.unwrap_or_default()).into()),
        };
        done.map_err(|f| f.to_js())
    }
}

/// The value either way.
fn either(outcome: Result<JsValue, JsValue>) -> JsValue {
    let (Ok(value) | Err(value)) = outcome;
    value
}

/// Fetches, parses and validates the manifest at the absolute `url`.
fn fetch_manifest(url: String, options: Options) -> Promise {
    let stop = Stopper::new(options.timeout_ms());
    let fetching = manifest_request(&url).send(&options, &stop);
    after(&fetching, move |outcome| {
        let response = match manifest_request(&url).settled(outcome, &stop) {
            Ok(response) => response,
            Err(error) => {
                stop.finish();
                return Err(Failure::manifest(error).to_js());
            }
        };
        let base = fetch::final_url(&response).unwrap_or_else(|| url.clone());
        let reading = sys::text(&response);
        let next = move |text| parsed(text, &url, &base, &stop, options);
        Ok(after(&reading, next).into())
    })
}

/// The manifest's body was read (or not): validates it against `base`.
fn parsed(text: Settled, url: &str, base: &str, stop: &Stopper, options: Options) -> Settled {
    stop.finish();
    let text = text.map_err(|e| {
        let error = match stop.why() {
            Some(why) => why.error(url),
            None => Error::ManifestInvalid(cat!("not utf-8 text: ", js_message(&e))),
        };
        Failure::manifest(error).to_js()
    })?;
    let text = sys::string(&text);
    let loader = Loader::new(&text, base, options).map_err(|f| f.to_js())?;
    Ok(Tessera { loader }.into())
}

/// A manifest is fetched like a module, without integrity and of any content type.
fn manifest_request(url: &str) -> Request<'_> {
    Request {
        url,
        integrity: None,
        wasm: false,
    }
}
