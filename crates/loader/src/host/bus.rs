//! The message bus shared by every component of one loader and by the page. Delivery is
//! asynchronous: published messages are queued and delivered in one microtask, in order.
//! Every subscriber is a JS function `f(topic: string, payload: Uint8Array)`: a page callback,
//! or a guest's dispatcher bound to `MESSAGE`. Each call gets its own copy of the payload.
//! Capability checks happen in `imports` before a guest's message reaches the bus.

use super::guest::Callback;
use super::js;
use alloc::rc::Rc;
use alloc::{string::String, vec::Vec};
use core::cell::{Cell, RefCell};
use js_sys::{Array, Function, Uint8Array};
use tessera_manifest::topic_matches;
use wasm_bindgen::prelude::*;

struct Sub {
    id: u32,
    pattern: String,
    f: Function,
}

#[derive(Default)]
struct BusInner {
    subs: RefCell<Vec<Sub>>,
    /// `[topic, payload]` pairs waiting for the next flush; `Some` means a flush is scheduled.
    queue: RefCell<Option<Array>>,
    last_id: Cell<u32>,
    /// The microtask callback (and it bound, ready to queue), created on first use.
    flush: RefCell<Option<(Closure<Callback>, Function)>>,
}

/// The message bus shared by every component of one loader and by the page.
#[derive(Clone, Default)]
pub(crate) struct Bus(Rc<BusInner>);

impl Bus {
    /// A new, empty bus.
    pub fn new() -> Bus {
        Bus::default()
    }

    /// Publishes from the page (no capability check); delivery is asynchronous.
    pub fn publish(&self, topic: &str, payload: &[u8]) {
        self.publish_array(topic, Uint8Array::from(payload));
    }

    /// [`Bus::publish`] of bytes already in a `Uint8Array` the bus may keep.
    pub fn publish_array(&self, topic: &str, payload: Uint8Array) {
        let message = Array::of2(&topic.into(), &payload);
        let scheduled = {
            let mut queue = self.0.queue.borrow_mut();
            let scheduled = queue.is_some();
            queue.get_or_insert_with(Array::new).push(&message);
            scheduled
        };
        if !scheduled {
            self.schedule();
        }
    }

    /// How many messages wait for the next flush.
    pub(super) fn pending(&self) -> u32 {
        self.0.queue.borrow().as_ref().map_or(0, |q| q.length())
    }

    /// Subscribes a page callback `f(topic: string, payload: Uint8Array)`; returns an id.
    pub fn subscribe(&self, pattern: &str, f: js_sys::Function) -> u32 {
        let id = self.0.last_id.get().wrapping_add(1).max(1);
        self.0.last_id.set(id);
        self.0.subs.borrow_mut().push(Sub {
            id,
            pattern: pattern.into(),
            f,
        });
        id
    }

    /// Removes a page subscription.
    pub fn unsubscribe(&self, id: u32) {
        self.0.subs.borrow_mut().retain(|s| s.id != id);
    }

    fn schedule(&self) {
        let mut slot = self.0.flush.borrow_mut();
        let (_, flush) = slot.get_or_insert_with(|| {
            let bus = Rc::downgrade(&self.0);
            let closure = Closure::<Callback>::own_aborting(move |_, _, _, _, _| {
                if let Some(bus) = bus.upgrade() {
                    Bus(bus).flush();
                }
                0.0
            });
            // Bound so that the callback's `kind` argument is a number, as the glue requires.
            let bound = js::bind1(closure.as_ref().unchecked_ref(), 0);
            (closure, bound)
        });
        js::call_global("queueMicrotask", &Array::of1(flush));
    }

    /// Delivers every queued message to every matching subscription, in order. Messages
    /// published meanwhile are queued for the next flush.
    fn flush(&self) {
        let Some(queue) = self.0.queue.take() else {
            return;
        };
        for message in queue.iter() {
            let message: Array = message.unchecked_into();
            let (topic, payload) = (message.get(0), message.get(1));
            let name = topic.as_string().unwrap_or_default();
            let targets: Vec<Function> = (self.0.subs.borrow().iter())
                .filter(|s| topic_matches(&s.pattern, &name))
                .map(|s| s.f.clone())
                .collect();
            for f in targets {
                let copy = Uint8Array::new(&payload);
                if let Err(e) = js::call(&f, &Array::of2(&topic, &copy)) {
                    js::console("error", &"tessera: a bus subscriber threw".into(), &e);
                }
            }
        }
    }
}
