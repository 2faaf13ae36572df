//! Shared helpers of the pipeline's browser tests.
//!
//! The test runner serves the crate folder, so fixtures are real files fetched from
//! `/tests/fixtures/...`: `host/*.wasm` and `pipeline/*.wasm` are built from `.wat` by
//! `cargo run -p tessera-fixtures -- crates/loader/tests/fixtures`; `pipeline/raw/*` are committed
//! bytes (see their README). Components are built with `Tessera::fromObject` against
//! [`BASE`], each test using its own slots (ids unique per test), removed at the end.
#![allow(dead_code)]

use js_sys::{Array, Function, Object, Promise, Reflect, JSON};
use std::cell::RefCell;
use std::rc::Rc;
use tessera_loader::Tessera;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Document, Element};

/// Resolves after `ms` milliseconds (a macrotask, so pending microtasks run first).
#[allow(dead_code)] // not every test file that includes this harness waits
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Lets the events the loader queued be dispatched: they wait for a microtask after the
/// loader's call returns, so a test checks them after a synchronous call only after this.
pub async fn dispatched() {
    sleep(0).await;
}

/// Where fixtures are served, relative to the page: manifests' URLs resolve against it.
pub const BASE: &str = "/tests/fixtures/";

pub fn document() -> Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A `<div id=ID>` slot with a placeholder `<span class="placeholder">` child, in the body.
pub fn slot(id: &str) -> Element {
    let el = document().create_element("div").unwrap();
    el.set_id(id);
    el.set_inner_html("<span class=\"placeholder\">loading</span>");
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Removes the slots with these ids.
pub fn remove_slots(ids: &[&str]) {
    for id in ids {
        if let Some(el) = document().get_element_by_id(id) {
            el.remove();
        }
    }
}

/// `{"manifestVersion": 1, "components": [COMPONENTS]}` as a JS object.
pub fn manifest(components: &str) -> JsValue {
    JSON::parse(&["{\"manifestVersion\":1,\"components\":[", components, "]}"].concat()).unwrap()
}

/// Options from JSON text (`"{}"` for defaults).
pub fn options(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

/// The isolation these tests run their components in: `TESSERA_TEST_ISOLATION=worker` at build
/// time runs every component whose manifest entry names none in a worker (scripts/test.sh runs
/// the suite both ways), else on the page's thread.
pub const ISOLATION: &str = match option_env!("TESSERA_TEST_ISOLATION") {
    Some(isolation) => isolation,
    None => "main",
};

/// Whether this run puts components in workers (see [`ISOLATION`]).
pub fn in_worker() -> bool {
    ISOLATION == "worker"
}

/// A loader for these components, URLs relative to [`BASE`], with `isolation` set to
/// [`ISOLATION`] unless `options` sets it.
pub fn tessera(components: &str, options: JsValue) -> Tessera {
    let options = if options.is_object() {
        options
    } else {
        object()
    };
    if !Reflect::has(&options, &"isolation".into()).unwrap_or(false) {
        Reflect::set(&options, &"isolation".into(), &ISOLATION.into()).unwrap();
    }
    Tessera::from_object(manifest(components), Some(BASE.into()), options).unwrap()
}

/// Awaits a promise; `Err` is the rejection.
pub async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

/// `value[key]`.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &key.into()).unwrap()
}

/// `value[key]` as a string (`""` when not a string).
pub fn text(value: &JsValue, key: &str) -> String {
    get(value, key).as_string().unwrap_or_default()
}

/// The names in `summary[key]`, or the `name` of each entry when they are objects.
pub fn names(summary: &JsValue, key: &str) -> Vec<String> {
    let list: Array = get(summary, key).unchecked_into();
    list.iter()
        .map(|v| v.as_string().unwrap_or_else(|| text(&v, "name")))
        .collect()
}

/// Waits (polling every 5 ms, at most `ms`) until `done()`; whether it happened. Then lets the
/// events the loader queued be dispatched (they wait for a microtask), so a test that sees a
/// state can also see its event.
pub async fn until(ms: i32, done: impl Fn() -> bool) -> bool {
    let mut waited = 0;
    while !done() {
        if waited >= ms {
            return false;
        }
        sleep(5).await;
        waited += 5;
    }
    dispatched().await;
    true
}

/// Every loader event of these types dispatched while it lives, with its detail.
pub struct Events {
    log: Rc<RefCell<Vec<(String, JsValue)>>>,
    kinds: Vec<String>,
    listener: Closure<dyn FnMut(web_sys::CustomEvent)>,
}

impl Events {
    /// Records `tessera:<kind>` events for each kind, on `document`.
    pub fn record(kinds: &[&str]) -> Events {
        let log: Rc<RefCell<Vec<(String, JsValue)>>> = Rc::default();
        let sink = log.clone();
        let listener =
            Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
                sink.borrow_mut().push((e.type_(), e.detail()));
            });
        let kinds: Vec<String> = kinds.iter().map(|k| ["tessera:", k].concat()).collect();
        for kind in &kinds {
            document()
                .add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
                .unwrap();
        }
        Events {
            log,
            kinds,
            listener,
        }
    }

    /// The events for component `name`: `(type, detail)`.
    pub fn of(&self, name: &str) -> Vec<(String, JsValue)> {
        let log = self.log.borrow();
        log.iter()
            .filter(|(_, d)| text(d, "name") == name)
            .cloned()
            .collect()
    }

    /// The `state` of each lifecycle event for `name`, in order.
    pub fn states(&self, name: &str) -> Vec<String> {
        self.of(name)
            .iter()
            .filter(|(k, _)| k != "tessera:progress")
            .map(|(_, d)| text(d, "state"))
            .collect()
    }

    /// Every recorded event as `(type, component name)`, in dispatch order.
    pub fn all(&self) -> Vec<(String, String)> {
        self.log
            .borrow()
            .iter()
            .map(|(k, d)| (k.clone(), text(d, "name")))
            .collect()
    }

    /// Forgets what was recorded so far.
    pub fn clear(&self) {
        self.log.borrow_mut().clear();
    }

    /// The detail of the first `tessera:error` for `name`.
    pub fn error(&self, name: &str) -> Option<JsValue> {
        self.of(name)
            .into_iter()
            .find(|(k, _)| k == "tessera:error")
            .map(|(_, d)| d)
    }
}

impl Drop for Events {
    fn drop(&mut self) {
        for kind in &self.kinds {
            let _ = document()
                .remove_event_listener_with_callback(kind, self.listener.as_ref().unchecked_ref());
        }
    }
}

/// Makes closed shadow roots visible to tests: wraps `Element.prototype.attachShadow` (once per
/// page) to remember each host's root in `globalThis.tesseraRoots`.
pub fn watch_shadow_roots() {
    let patch = Function::new_no_args(
        "if (!globalThis.tesseraRoots) {
           globalThis.tesseraRoots = new WeakMap();
           const attach = Element.prototype.attachShadow;
           Element.prototype.attachShadow = function (init) {
             const root = attach.call(this, init);
             globalThis.tesseraRoots.set(this, root);
             return root;
           };
         }",
    );
    patch.call0(&JsValue::NULL).unwrap();
}

/// The closed shadow root of the component host in `slot`, if it has one.
pub fn shadow_root(slot: &Element) -> Option<web_sys::ShadowRoot> {
    // An isolated guest's host sits in its containment frame; a bindgen one in the slot.
    let selector = ":scope > [data-tessera-frame] > [data-tessera], :scope > [data-tessera]";
    let host = slot.query_selector(selector).ok()??;
    let roots = Reflect::get(&js_sys::global(), &"tesseraRoots".into()).ok()?;
    let get: Function = Reflect::get(&roots, &"get".into()).ok()?.unchecked_into();
    get.call1(&roots, &host).ok()?.dyn_into().ok()
}

/// The HTML the component rendered in `slot` (its shadow root's `innerHTML`), `None` if not mounted.
pub fn rendered(slot: &Element) -> Option<String> {
    shadow_root(slot).map(|root| root.inner_html())
}

/// A `fetch` that records every URL it is asked for in `globalThis[name]`.
pub fn counting_fetch(name: &str) -> Function {
    let body = [
        "const log = (globalThis['",
        name,
        "'] ||= []); log.push(String(url)); return fetch(url, init);",
    ]
    .concat();
    Function::new_with_args("url, init", &body)
}

/// How many recorded URLs of the counting fetch `name` end with `suffix`.
pub fn fetches(name: &str, suffix: &str) -> usize {
    let log = Reflect::get(&js_sys::global(), &name.into()).unwrap();
    if log.is_undefined() {
        return 0;
    }
    let log: Array = log.unchecked_into();
    log.iter()
        .filter(|u| u.as_string().unwrap().ends_with(suffix))
        .count()
}

/// Options `{ fetch: counting_fetch(name), ...extra }` where `extra` is JSON text.
pub fn counting_options(name: &str, extra: &str) -> JsValue {
    let o = options(extra);
    Reflect::set(&o, &"fetch".into(), &counting_fetch(name)).unwrap();
    o
}

/// An empty object.
pub fn object() -> JsValue {
    Object::new().into()
}

/// The `sha256-...` integrity of the file at `url`, computed here with WebCrypto.
pub async fn integrity_of(url: &str) -> String {
    let compute = Function::new_with_args(
        "url",
        "return fetch(url).then(r => r.arrayBuffer()).then(b => crypto.subtle.digest('SHA-256', b))
           .then(d => 'sha256-' + btoa(String.fromCharCode(...new Uint8Array(d))))",
    );
    let promise: Promise = compute
        .call1(&JsValue::NULL, &url.into())
        .unwrap()
        .unchecked_into();
    settle(promise).await.unwrap().as_string().unwrap()
}

/// The number of `measure` entries named `name`.
pub fn measures(name: &str) -> u32 {
    let perf = web_sys::window().unwrap().performance().unwrap();
    perf.get_entries_by_name_with_entry_type(name, "measure")
        .length()
}

/// A component entry named `name` in slot `#name`; `rest` is more fields as JSON text.
pub fn component(name: &str, rest: &str) -> String {
    [
        "{\"name\":\"",
        name,
        "\",\"slot\":\"#",
        name,
        "\",",
        rest,
        "}",
    ]
    .concat()
}

/// What `read()` gives once it gives `want`: at once on the page's thread, where a click's or
/// a timer's edits are in the page when the call returns; within 1 s for a component in a
/// worker (see [`ISOLATION`]), whose answer arrives as a message.
pub async fn eventually(want: &str, read: impl Fn() -> String) -> String {
    if in_worker() {
        until(1000, || read() == want).await;
    }
    read()
}
