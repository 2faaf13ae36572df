//! The message bus shared by every component of one loader and by the page. Delivery is
//! asynchronous: published messages are queued and delivered in one microtask, in order.
//! A subscriber is a page function `f(topic: string, payload: Uint8Array)` or a guest (its
//! `tessera_message`); each delivery gets its own copy of the payload. Capability checks happen
//! in `imports` before a guest's message reaches the bus.

use super::guest::Inner;
use super::js;
use alloc::rc::{Rc, Weak};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use js_sys::Function;
use tessera_abi::topic::topic_matches;
use wasm_bindgen::prelude::*;

/// Who hears a subscription's messages.
enum To {
    /// A page callback.
    Page(Function),
    /// A guest, while it lives.
    Guest(Weak<Inner>),
}

struct Sub {
    id: u32,
    pattern: String,
    to: To,
}

/// One queued message: topic and payload.
type Message = (String, Vec<u8>);

#[derive(Default)]
struct BusInner {
    subs: RefCell<Vec<Sub>>,
    /// Messages waiting for the next flush; `Some` means a flush is scheduled.
    queue: RefCell<Option<Vec<Message>>>,
    last_id: Cell<u32>,
    /// The microtask callback, created on first use.
    flush: RefCell<Option<Closure<dyn Fn()>>>,
}

/// The message bus shared by every component of one loader and by the page.
#[derive(Clone, Default)]
pub struct Bus(Rc<BusInner>);

impl Bus {
    /// A new, empty bus.
    pub fn new() -> Bus {
        Bus::default()
    }

    /// Publishes from the page (no capability check); delivery is asynchronous.
    #[allow(dead_code)] // used by the browser tests (tests/host_*.rs)
    pub fn publish(&self, topic: &str, payload: &[u8]) {
        self.publish_owned(topic.into(), payload.into());
    }

    /// [`Bus::publish`] of a topic and payload the bus may keep.
    pub fn publish_owned(&self, topic: String, payload: Vec<u8>) {
        let scheduled = {
            let mut queue = self.0.queue.borrow_mut();
            let scheduled = queue.is_some();
            queue.get_or_insert_with(Vec::new).push((topic, payload));
            scheduled
        };
        if !scheduled {
            self.schedule();
        }
    }

    /// How many messages wait for the next flush.
    pub(super) fn pending(&self) -> u32 {
        self.0.queue.borrow().as_ref().map_or(0, |q| q.len() as u32)
    }

    /// Subscribes a page callback `f(topic: string, payload: Uint8Array)`; returns an id.
    pub fn subscribe(&self, pattern: &str, f: Function) -> u32 {
        self.add(pattern, To::Page(f))
    }

    /// Subscribes a guest's `tessera_message`; returns an id.
    pub(super) fn subscribe_guest(&self, pattern: &str, guest: Weak<Inner>) -> u32 {
        self.add(pattern, To::Guest(guest))
    }

    fn add(&self, pattern: &str, to: To) -> u32 {
        let id = self.0.last_id.get().wrapping_add(1).max(1);
        self.0.last_id.set(id);
        self.0.subs.borrow_mut().push(Sub {
            id,
            pattern: pattern.into(),
            to,
        });
        id
    }

    /// Removes a subscription.
    pub fn unsubscribe(&self, id: u32) {
        self.0.subs.borrow_mut().retain(|s| s.id != id);
    }

    fn schedule(&self) {
        let mut flush = self.0.flush.borrow_mut();
        let flush = flush.get_or_insert_with(|| {
            let bus = Rc::downgrade(&self.0);
            Closure::new(move || {
                if let Some(bus) = bus.upgrade() {
                    Bus(bus).flush();
                }
            })
        });
        js::microtask(flush.as_ref());
    }

    /// Delivers every queued message to every matching subscription, in order. Messages
    /// published meanwhile are queued for the next flush.
    fn flush(&self) {
        let Some(queue) = self.0.queue.take() else {
            return;
        };
        for (topic, payload) in queue {
            let mut targets = Vec::new();
            for s in self.0.subs.borrow().iter() {
                if topic_matches(&s.pattern, &topic) {
                    targets.push(match &s.to {
                        To::Page(f) => To::Page(f.clone()),
                        To::Guest(g) => To::Guest(g.clone()),
                    });
                }
            }
            for to in targets {
                match to {
                    To::Page(f) => js::deliver(&f, &topic, &payload),
                    To::Guest(g) => {
                        if let Some(g) = g.upgrade() {
                            g.on_message(&topic, &payload);
                        }
                    }
                }
            }
        }
    }
}
