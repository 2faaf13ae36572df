//! Load policies: when each component is fetched and mounted.
//!
//! - `eager`: at `start()`, all in parallel.
//! - `idle`: when the browser is idle (`requestIdleCallback`, at most 2 s later; `setTimeout`
//!   where the browser lacks it).
//! - `visible`: when the slot first intersects the viewport (`IntersectionObserver`).
//! - `route`: mounted while `location.pathname` matches the pattern, unmounted (module kept)
//!   when it stops matching, or with the `keepAlive` option suspended (instance kept) and
//!   resumed when it matches again. Checked at `start()` and on `popstate`, `hashchange` and
//!   `tessera:navigate` (which `Tessera.navigate(path)` dispatches on `window` after
//!   `history.pushState`; a page with its own router dispatches it too).
//! - `manual`: only through `mount(name)`.
//!
//! The browser triggers are in `page.js`; which component to mount or unmount, and when, is here.

use crate::component::Component;
use crate::lifecycle::State::*;
use crate::loader::Loader;
use crate::promise::{after, resolve};
use crate::sys;
use alloc::rc::Rc;
use js_sys::Promise;
use tessera_manifest::{route_matches, Load};
use wasm_bindgen::prelude::*;

/// Applies every component's policy once; a promise that resolves once the mounts of the eager
/// and currently matching route components have settled (mounted or failed; none rejects).
pub(crate) fn start(loader: &Rc<Loader>) -> Promise {
    let mut tasks = resolve(&JsValue::UNDEFINED);
    if loader.started.replace(true) {
        return tasks;
    }
    for c in &loader.components {
        match &c.spec.load {
            Load::Eager => tasks = then(&tasks, mount(c.clone())),
            Load::Idle => sys::when_idle(&later(c)),
            Load::Visible => visible(loader, c),
            Load::Route(_) | Load::Manual => {}
        }
    }
    let routes = loader.components.iter();
    if routes
        .clone()
        .any(|c| matches!(c.spec.load, Load::Route(_)))
    {
        listen(loader);
        tasks = then(&tasks, route(loader));
    }
    tasks
}

/// Resolves once `first`, then `next`, have settled; neither may reject (a mount's promise from
/// [`mount`] does not). A chain of these replaces `Promise.all` and an array of promises.
fn then(first: &Promise, next: Promise) -> Promise {
    after(first, move |_| Ok(next.into()))
}

/// Mounts `c`; the promise always resolves (a failure is in the component's state and events).
/// A route component is unmounted again if the route changed while it loaded.
fn mount(c: Rc<Component>) -> Promise {
    let mounting = c.clone().mount();
    after(&mounting, move |_| {
        if c.state() == Mounted && route_left(&c, &sys::pathname()) {
            leave(&c);
        }
        Ok(JsValue::UNDEFINED)
    })
}

/// Mounts `c` if it is still wanted: the loader is not disposed and nothing loaded it meanwhile.
fn mount_if_wanted(c: &Rc<Component>) {
    if c.ctx.alive.get() && c.state() == NotLoaded {
        let _ = mount(c.clone());
    }
}

/// A callback for the browser that mounts `c` later, if it is still wanted then.
fn later(c: &Rc<Component>) -> JsValue {
    let c = c.clone();
    Closure::<dyn Fn()>::new(move || mount_if_wanted(&c)).into_js_value()
}

fn visible(loader: &Loader, c: &Rc<Component>) {
    match c.find_slot() {
        Ok(slot) => {
            sys::when_visible(&loader.ctx.options, &slot.0, &later(c));
        }
        // Mounting now reports `slot-missing`.
        Err(_) => mount_if_wanted(c),
    }
}

/// Listens for navigation.
fn listen(loader: &Rc<Loader>) {
    let weak = Rc::downgrade(loader);
    let check = move || {
        if let Some(loader) = weak.upgrade().filter(|l| l.ctx.alive.get()) {
            let _ = route(&loader);
        }
    };
    let check = Closure::<dyn Fn()>::new(check).into_js_value();
    sys::on_navigate(&loader.ctx.options, &check);
}

/// Mounts the route components whose pattern matches the current path and unmounts those whose
/// pattern stopped matching; a promise that resolves once the mounts it began have settled.
pub(crate) fn route(loader: &Loader) -> Promise {
    let path = sys::pathname();
    let mut tasks = resolve(&JsValue::UNDEFINED);
    for c in &loader.components {
        let Load::Route(pattern) = &c.spec.load else {
            continue;
        };
        if route_matches(pattern, &path) {
            match c.state() {
                NotLoaded | Compiled => tasks = then(&tasks, mount(c.clone())),
                Suspended => {
                    let _ = c.resume();
                }
                _ => {}
            }
        } else if c.state() == Mounted {
            leave(c);
        }
    }
    tasks
}

/// A mounted route component whose route was left: suspended with `keepAlive`, else unmounted.
fn leave(c: &Component) {
    let _ = match c.ctx.options.keep_alive() {
        true => c.suspend(),
        false => c.unmount(),
    };
}

/// Whether `c` has a route policy that `path` does not match.
fn route_left(c: &Component, path: &str) -> bool {
    matches!(&c.spec.load, Load::Route(pattern) if !route_matches(pattern, path))
}
