//! Shared harness of the host browser tests (`tests/host_*.rs`). The tests drive the
//! `tessera-host` API directly:
//! fetch a fixture, `check_module`, `Guest::new`, instantiate with `imports()`, `attach`,
//! `mount`, then inspect the DOM through the closed shadow root the test created.
//!
//! Fixtures are `tests/fixtures/host/*.wat`, converted to `.wasm` by
//! `cargo run -p tessera-fixtures -- crates/host/tests/fixtures`; wasm-bindgen-test-runner
//! serves the crate folder, so they are fetched from `/tests/fixtures/host/NAME.wasm`.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array, WebAssembly};
use std::cell::RefCell;
use std::rc::Rc;
use tessera_host::{check_module, Bus, Counts, Fault, Guest, GuestPolicy, Mount};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// Resolves after `ms` milliseconds (a macrotask, so pending microtasks run first).
#[allow(dead_code)] // not every test file that includes this harness waits
pub async fn sleep(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Waits until `done()` holds, checking every 5 ms, for at most `ms` milliseconds; returns
/// whether it held. Timers are throttled per window (see `Bus::throttled`), so a test that needs
/// a tick waits for it rather than for a fixed time.
#[allow(dead_code)] // not every test file that includes this harness waits
pub async fn until(ms: i32, done: impl Fn() -> bool) -> bool {
    let mut waited = 0;
    while !done() {
        if waited >= ms {
            return false;
        }
        sleep(5).await;
        waited += 5;
    }
    true
}

/// The origin the tests' fixtures come from (the test runner's page): the one origin a
/// guest's URLs may reach by default.
pub fn page_origin() -> String {
    web_sys::window().unwrap().location().origin().unwrap()
}

/// A policy with no capabilities, no memory cap, the default DOM byte budget and the page's
/// origin as the only one its URLs may reach.
pub fn policy(name: &str) -> GuestPolicy {
    GuestPolicy {
        name: name.into(),
        publish: vec![],
        subscribe: vec![],
        max_memory_pages: None,
        max_dom_bytes: tessera_abi::limits::DEFAULT_MAX_DOM_BYTES,
        origins: vec![page_origin()],
        worker: None,
    }
}

/// A fixture, fetched and compiled.
pub async fn module(name: &str) -> WebAssembly::Module {
    let url = ["/tests/fixtures/host/", name, ".wasm"].concat();
    let window = web_sys::window().unwrap();
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .unwrap()
        .unchecked_into();
    assert!(
        response.ok(),
        "fetch {url}: status {} (run tessera-fixtures first)",
        response.status()
    );
    let bytes = JsFuture::from(response.array_buffer().unwrap())
        .await
        .unwrap();
    let compiled = JsFuture::from(WebAssembly::compile(&bytes)).await.unwrap();
    compiled.unchecked_into()
}

/// One guest under test, with everything the host reported.
pub struct Run {
    pub guest: Guest,
    pub instance: WebAssembly::Instance,
    pub root: ShadowRoot,
    pub slot: Element,
    pub bus: Bus,
    pub faults: Rc<RefCell<Vec<Fault>>>,
    pub violations: Rc<RefCell<Vec<(String, i32)>>>,
    /// `document.body.innerHTML` right after the slot was added.
    pub body_before: String,
}

/// Instantiates fixture `name` into a fresh slot and attaches it; returns the run and the
/// result of `attach`. The module must pass `check_module`.
pub async fn attach(name: &str, policy: GuestPolicy, bus: Bus) -> (Run, Result<(), Fault>) {
    let module = module(name).await;
    assert_eq!(check_module(&module), Ok(()), "{name} passes check_module");
    let document = web_sys::window().unwrap().document().unwrap();
    let slot = document.create_element("div").unwrap();
    slot.set_id(name);
    document.body().unwrap().append_child(&slot).unwrap();
    let root = slot
        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))
        .unwrap();
    let faults = Rc::new(RefCell::new(Vec::new()));
    let violations = Rc::new(RefCell::new(Vec::new()));
    let (f, v) = (faults.clone(), violations.clone());
    let guest = Guest::new(
        policy,
        root.clone(),
        bus.clone(),
        Rc::new(move |fault| f.borrow_mut().push(fault)),
        Rc::new(move |detail: &str, code| v.borrow_mut().push((detail.to_string(), code))),
    );
    let instance = JsFuture::from(
        WebAssembly::instantiate_module(&module, &guest.imports()).unchecked_into::<Promise>(),
    )
    .await
    .expect("instantiate")
    .unchecked_into::<WebAssembly::Instance>();
    let attached = guest.attach(&instance);
    let body_before = body_html();
    (
        Run {
            guest,
            instance,
            root,
            slot,
            bus,
            faults,
            violations,
            body_before,
        },
        attached,
    )
}

/// Attaches and mounts fixture `name` with props `{}`; both must succeed.
pub async fn mounted(name: &str, policy: GuestPolicy) -> Run {
    let (run, attached) = attach(name, policy, Bus::new()).await;
    assert_eq!(attached, Ok(()), "{name} attaches");
    assert_eq!(run.mount("{}"), Ok(()), "{name} mounts");
    run
}

/// [`mounted`], then a props update (`tessera_props`), which must succeed: the fixtures whose
/// edits the host refuses send them then, since a mount with refused edits fails.
pub async fn updated(name: &str, policy: GuestPolicy) -> Run {
    let run = mounted(name, policy).await;
    assert_eq!(run.guest.set_props("{}"), Ok(true), "{name} takes props");
    run
}

impl Run {
    /// Mounts with `props` on the page's thread (these tests drive main-thread guests).
    pub fn mount(&self, props: &str) -> Result<(), Fault> {
        match self.guest.mount(props) {
            Mount::Done(outcome) => outcome,
            Mount::Later(_) => panic!("a main-thread guest mounts at once"),
        }
    }

    /// The value of an exported global of the fixture (its `$r1`... results and counters).
    pub fn global(&self, name: &str) -> i32 {
        let g = Reflect::get(&self.instance.exports(), &name.into()).unwrap();
        let value = Reflect::get(&g, &"value".into()).unwrap();
        value
            .as_f64()
            .unwrap_or_else(|| panic!("no exported global {name}")) as i32
    }

    /// Results `r1..=rN` of the fixture.
    pub fn results(&self, n: usize) -> Vec<i32> {
        (1..=n).map(|i| self.global(&format!("r{i}"))).collect()
    }

    /// Text at `ptr..ptr+len` in the guest's memory.
    pub fn memory_text(&self, ptr: u32, len: u32) -> String {
        let memory = Reflect::get(&self.instance.exports(), &"memory".into()).unwrap();
        let buffer = Reflect::get(&memory, &"buffer".into()).unwrap();
        let bytes = Uint8Array::new_with_byte_offset_and_length(&buffer, ptr, len).to_vec();
        String::from_utf8(bytes).unwrap()
    }

    /// The shadow root's `innerHTML`.
    pub fn html(&self) -> String {
        Reflect::get(&self.root, &"innerHTML".into())
            .unwrap()
            .as_string()
            .unwrap()
    }

    /// An element in the shadow root.
    pub fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no {selector}"))
    }

    /// The codes of every violation reported so far.
    pub fn violation_codes(&self) -> Vec<i32> {
        self.violations.borrow().iter().map(|v| v.1).collect()
    }

    /// The detail text of every refused edit reported so far, in order.
    pub fn violation_details(&self) -> Vec<String> {
        self.violations
            .borrow()
            .iter()
            .map(|v| v.0.clone())
            .collect()
    }

    /// The host removed everything of a dead guest: DOM, listeners, timers, subscriptions.
    pub fn assert_torn_down(&self) {
        assert!(!self.guest.is_live());
        assert_eq!(self.html(), "", "root emptied");
        assert_eq!(
            self.guest.counts(),
            Counts::default(),
            "nodes, listeners, timers, subscriptions"
        );
        assert_eq!(
            body_html(),
            self.body_before,
            "page outside the slot unchanged"
        );
    }
}

/// The page's body as markup, without the test runner's own output elements (closed shadow
/// roots do not appear in it).
pub fn body_html() -> String {
    let document = web_sys::window().unwrap().document().unwrap();
    let children = document.query_selector_all("body > *").unwrap();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .map(|node| node.unchecked_into::<Element>())
        .filter(|e| e.id() != "output" && e.id() != "console_output")
        .map(|e| e.outer_html())
        .collect()
}

/// How many elements match `selector` in the whole document (light DOM).
pub fn count(selector: &str) -> u32 {
    let document = web_sys::window().unwrap().document().unwrap();
    document.query_selector_all(selector).unwrap().length()
}

/// `new Ctor(type, init)` dispatched at `target`; returns the event.
pub fn fire(target: &JsValue, ctor: &str, kind: &str, init: &[(&str, JsValue)]) -> JsValue {
    let dict = js_sys::Object::new();
    for (k, v) in init {
        Reflect::set(&dict, &(*k).into(), v).unwrap();
    }
    let ctor: Function = Reflect::get(&js_sys::global(), &ctor.into())
        .unwrap()
        .unchecked_into();
    let event = Reflect::construct(&ctor, &Array::of2(&kind.into(), &dict)).unwrap();
    let dispatch: Function = Reflect::get(target, &"dispatchEvent".into())
        .unwrap()
        .unchecked_into();
    dispatch.call1(target, &event).unwrap();
    event
}
