//! The message bus shared by every component of one loader and by the page. Delivery is
//! asynchronous: published messages are queued and delivered in one microtask, in order.
//! Capability checks happen in `imports` before a guest's message reaches the bus.

use super::guest::{Callback, Inner};
use super::js;
use super::topics::topic_matches;
use js_sys::{Function, Uint8Array};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

/// Who receives a subscription's messages.
#[derive(Clone)]
enum Target {
    /// A page callback `f(topic, payload)`.
    Page(Function),
    /// A guest's `tessera_message` export.
    Guest(Weak<Inner>),
}

struct Sub {
    id: u32,
    pattern: String,
    target: Target,
}

#[derive(Default)]
struct BusInner {
    subs: RefCell<Vec<Sub>>,
    /// Messages waiting for the next flush; non-empty means a flush is scheduled.
    queue: RefCell<Vec<(String, Vec<u8>)>>,
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
        let first = {
            let mut queue = self.0.queue.borrow_mut();
            queue.push((topic.into(), payload.into()));
            queue.len() == 1
        };
        if first {
            self.schedule();
        }
    }

    /// Subscribes a page callback `f(topic: string, payload: Uint8Array)`; returns an id.
    pub fn subscribe(&self, pattern: &str, f: js_sys::Function) -> u32 {
        self.add(pattern, Target::Page(f))
    }

    /// Removes a page subscription.
    pub fn unsubscribe(&self, id: u32) {
        self.0.subs.borrow_mut().retain(|s| s.id != id);
    }

    /// Subscribes a guest; returns the id to pass to [`Bus::unsubscribe`] when it ends.
    pub(super) fn subscribe_guest(&self, pattern: &str, guest: Weak<Inner>) -> u32 {
        self.add(pattern, Target::Guest(guest))
    }

    /// How many subscriptions are live (page and guests).
    pub(super) fn len(&self) -> usize {
        self.0.subs.borrow().len()
    }

    fn add(&self, pattern: &str, target: Target) -> u32 {
        let id = self.0.last_id.get().wrapping_add(1).max(1);
        self.0.last_id.set(id);
        self.0.subs.borrow_mut().push(Sub {
            id,
            pattern: pattern.into(),
            target,
        });
        id
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
        js::call_global("queueMicrotask", &[flush.clone().into()]);
    }

    /// Delivers every queued message to every matching subscription, in order. Messages
    /// published meanwhile are queued for the next flush.
    fn flush(&self) {
        let queue = self.0.queue.take();
        for (topic, payload) in queue {
            let targets: Vec<Target> = (self.0.subs.borrow().iter())
                .filter(|s| topic_matches(&s.pattern, &topic))
                .map(|s| s.target.clone())
                .collect();
            for target in targets {
                match target {
                    Target::Page(f) => {
                        let args = [
                            JsValue::from_str(&topic),
                            Uint8Array::from(&payload[..]).into(),
                        ];
                        if let Err(e) = js::call(&f, &args) {
                            js::console("error", &"tessera: a bus subscriber threw".into(), &e);
                        }
                    }
                    Target::Guest(guest) => {
                        if let Some(guest) = guest.upgrade() {
                            guest.on_message(&topic, &payload);
                        }
                    }
                }
            }
        }
    }
}
