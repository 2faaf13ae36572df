//! Load policies: when each component is fetched and mounted.
//!
//! - `eager`: at `start()`, all in parallel.
//! - `idle`: when the browser is idle (`requestIdleCallback`, at most 2 s later; `setTimeout`
//!   where the browser lacks it).
//! - `visible`: when the slot first intersects the viewport (`IntersectionObserver`).
//! - `route`: mounted while `location.pathname` matches the pattern, unmounted (module kept)
//!   when it stops matching. Checked at `start()` and on `popstate`, `hashchange` and
//!   `tessera:navigate` (which `Tessera.navigate(path)` dispatches on `window` after
//!   `history.pushState`; a page with its own router dispatches it too).
//! - `manual`: only through `mount(name)`.

use crate::component::Component;
use crate::errors::set;
use crate::lifecycle::State::*;
use crate::loader::{Hook, Loader};
use crate::sys;
use alloc::rc::Rc;
use alloc::{boxed::Box, string::String};
use js_sys::{Array, Object, Promise};
use tessera_manifest::{route_matches, Load};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IntersectionObserver, IntersectionObserverEntry};

/// The events after which route policies are checked again.
const ROUTE_EVENTS: [&str; 3] = ["popstate", "hashchange", "tessera:navigate"];

/// Applies every component's policy once; resolves when the eager and currently matching route
/// components have settled (mounted or failed) with the loader's summary.
pub(crate) async fn start(loader: &Rc<Loader>) -> JsValue {
    if !loader.started.replace(true) {
        let tasks = Array::new();
        for c in &loader.components {
            match &c.spec.load {
                Load::Eager => {
                    tasks.push(&mount(c.clone()));
                }
                Load::Idle => idle(c),
                Load::Visible => visible(loader, c),
                Load::Route(_) | Load::Manual => {}
            }
        }
        if loader
            .components
            .iter()
            .any(|c| matches!(c.spec.load, Load::Route(_)))
        {
            listen(loader);
            for task in route(loader).iter() {
                tasks.push(&task);
            }
        }
        let _ = JsFuture::from(Promise::all(&tasks)).await;
    }
    loader.summary()
}

/// Mounts `c`; the promise always resolves (a failure is in the component's state and events).
/// A route component is unmounted again if the route changed while it loaded.
fn mount(c: Rc<Component>) -> Promise {
    sys::promise(Box::pin(async move {
        let _ = c.clone().mount().await;
        if c.state() == Mounted && route_left(&c, &pathname()) {
            let _ = c.unmount();
        }
        Ok(JsValue::UNDEFINED)
    }))
}

/// Mounts `c` later if it is still wanted then.
fn later(c: &Rc<Component>) -> impl FnMut() + 'static {
    let c = c.clone();
    move || {
        if c.ctx.alive.get() && c.state() == NotLoaded {
            let _ = mount(c.clone());
        }
    }
}

fn idle(c: &Rc<Component>) {
    let mut run = later(c);
    let run = Closure::<dyn FnMut(JsValue)>::new(move |_| run()).into_js_value();
    let options: JsValue = Object::new().into();
    set(&options, "timeout", &2000.into());
    if sys::request_idle_callback(&run, &options).is_err() {
        sys::set_timeout(&run, 1.0);
    }
}

fn visible(loader: &Loader, c: &Rc<Component>) {
    let mut run = later(c);
    let Ok(slot) = c.find_slot() else {
        return run(); // mounting now reports `slot-missing`
    };
    let seen =
        Closure::<dyn FnMut(JsValue, JsValue)>::new(move |entries: JsValue, observer: JsValue| {
            let visible = |e: JsValue| {
                e.unchecked_into::<IntersectionObserverEntry>()
                    .is_intersecting()
            };
            if entries.unchecked_into::<Array>().iter().any(visible) {
                observer
                    .unchecked_into::<IntersectionObserver>()
                    .disconnect();
                run();
            }
        });
    match IntersectionObserver::new(seen.into_js_value().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(&slot.element);
            loader.hooks.borrow_mut().push(Hook::Observer(observer));
        }
        Err(_) => later(c)(),
    }
}

/// Listens for navigation on `window`.
fn listen(loader: &Rc<Loader>) {
    let weak = Rc::downgrade(loader);
    let check = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        if let Some(loader) = weak.upgrade().filter(|l| l.ctx.alive.get()) {
            route(&loader);
        }
    });
    let check: js_sys::Function = check.into_js_value().unchecked_into();
    let Some(window) = web_sys::window() else {
        return;
    };
    for kind in ROUTE_EVENTS {
        let _ = window.add_event_listener_with_callback(kind, &check);
        loader
            .hooks
            .borrow_mut()
            .push(Hook::Listener(kind, check.clone()));
    }
}

/// Mounts the route components whose pattern matches the current path and unmounts those whose
/// pattern stopped matching; the mounts in progress.
pub(crate) fn route(loader: &Loader) -> Array {
    let path = pathname();
    let tasks = Array::new();
    for c in &loader.components {
        let Load::Route(pattern) = &c.spec.load else {
            continue;
        };
        if route_matches(pattern, &path) {
            if matches!(c.state(), NotLoaded | Compiled) {
                tasks.push(&mount(c.clone()));
            }
        } else if c.state() == Mounted {
            let _ = c.unmount();
        }
    }
    tasks
}

/// Whether `c` has a route policy that `path` does not match.
fn route_left(c: &Component, path: &str) -> bool {
    matches!(&c.spec.load, Load::Route(pattern) if !route_matches(pattern, path))
}

/// `location.pathname`.
pub(crate) fn pathname() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}
