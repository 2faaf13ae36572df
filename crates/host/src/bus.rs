//! The message bus shared by every component of one loader and by the page. Delivery is
//! asynchronous: published messages are queued and delivered in one microtask, in order.
//! A subscriber is a page function `f(topic: string, payload: Uint8Array)` or a guest (its
//! `tessera_message`); each delivery gets its own copy of the payload. Capability checks happen
//! in `imports` before a guest's message reaches the bus. Messages published while a flush
//! delivers wait for a task of their own (not a microtask), so subscribers answering each other
//! cannot starve the page. The bus also keeps the time its guests spend in calls, which
//! throttles their timers (see [`Bus::throttled`]).

use super::guest::Inner;
use super::js;
use alloc::rc::{Rc, Weak};
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::{Cell, RefCell};
use js_sys::Function;
use tessera_abi::topic::topic_matches;
use wasm_bindgen::prelude::*;

/// The window over which guests' time in calls is counted, in milliseconds.
pub(super) const WINDOW_MS: f64 = 20.0;
/// The share of each window that guests' timers may use; past it they wait for the next window.
pub(super) const GUEST_SHARE: f64 = 0.5;

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
    /// A flush is delivering: what it publishes waits for a task of its own, so that two
    /// guests answering each other cannot chain microtasks forever and starve the page.
    delivering: Cell<bool>,
    /// Time guests spent in calls in the current window (see [`Bus::spend`]).
    window: Cell<(f64, f64)>,
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

    /// How many subscriptions the bus holds, the page's and the guests' (for leak checks).
    pub fn subscriptions(&self) -> u32 {
        self.0.subs.borrow().len() as u32
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
        js::later(flush.as_ref(), self.0.delivering.get());
    }

    /// Delivers every queued message to every matching subscription, in order. Messages
    /// published meanwhile are queued for the next flush.
    fn flush(&self) {
        let Some(queue) = self.0.queue.take() else {
            return;
        };
        self.0.delivering.set(true);
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
        self.0.delivering.set(false);
    }

    /// Adds `ms` spent in a guest's call (and in applying what it queued) to the current
    /// window of [`WINDOW_MS`], starting a new window when `now` is past it.
    pub(super) fn spend(&self, now: f64, ms: f64) {
        let (start, spent) = self.0.window.get();
        if now - start >= WINDOW_MS {
            self.0.window.set((now, ms));
        } else {
            self.0.window.set((start, spent + ms));
        }
    }

    /// `Some(ms to wait)` when the guests on this bus have used [`GUEST_SHARE`] of the
    /// current window: their timers wait for the next one, so the page keeps the rest.
    pub(super) fn throttled(&self, now: f64) -> Option<f64> {
        let (start, spent) = self.0.window.get();
        let left = WINDOW_MS - (now - start);
        (left > 0.0 && spent >= WINDOW_MS * GUEST_SHARE).then_some(left)
    }
}
