//! The recording fake host behind [`crate::abi`] on native targets: one per thread, so tests
//! running in parallel never share it.

use std::cell::RefCell;
use std::string::String;
use std::vec::Vec;

use super::decode::{decode, Op};
use super::dom::FakeDom;
use super::rules;
use crate::cx::matches;

/// A timer the fake host keeps.
#[derive(Clone, Debug, PartialEq)]
pub struct FakeTimer {
    /// The id `set_timer` returned.
    pub id: i32,
    /// Its period.
    pub ms: i32,
    /// Whether it repeats.
    pub repeat: bool,
    /// When it fires next, on the fake clock.
    pub due: f64,
}

/// Everything the guest did to the fake host, and the host's state.
#[derive(Debug, Default)]
pub struct FakeHost {
    /// The DOM the applied batches built.
    pub dom: FakeDom,
    /// Every `apply` call: the decoded operations and the returned code.
    pub batches: Vec<(Vec<Op>, i32)>,
    /// Every accepted `publish`: topic and payload.
    pub published: Vec<(String, Vec<u8>)>,
    /// Every accepted `subscribe` pattern.
    pub subscriptions: Vec<String>,
    /// When set, the capability patterns granted as (publish, subscribe); `None` grants all.
    pub grants: Option<(Vec<String>, Vec<String>)>,
    /// Live timers.
    pub timers: Vec<FakeTimer>,
    /// The last timer id handed out.
    pub last_timer: i32,
    /// The fake clock, in milliseconds (`now()`).
    pub clock: f64,
    /// Every `log` call: level and text.
    pub logs: Vec<(i32, String)>,
    /// Every `fail` call's message.
    pub failures: Vec<String>,
}

std::thread_local! {
    static HOST: RefCell<FakeHost> = RefCell::new(FakeHost::default());
}

/// Runs `f` on this thread's fake host.
pub fn with_host<R>(f: impl FnOnce(&mut FakeHost) -> R) -> R {
    HOST.with(|h| f(&mut h.borrow_mut()))
}

/// Gives this thread a fresh fake host.
pub fn reset() {
    with_host(|h| *h = FakeHost::default());
}

/// # Safety
/// `ptr .. ptr + len` must be readable (a live Rust slice).
unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 {
        return &[];
    }
    // SAFETY: the caller's contract.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// # Safety
/// As for [`bytes`].
unsafe fn text(ptr: *const u8, len: usize) -> Option<String> {
    // SAFETY: forwarded.
    String::from_utf8(unsafe { bytes(ptr, len) }.to_vec()).ok()
}

/// Fake `apply`: decodes, applies to the fake DOM, records; returns what the browser host
/// returns (its model decides every edit).
///
/// # Safety
/// `ops .. ops + len` must be readable.
pub unsafe fn apply(ops: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded.
    let b = unsafe { bytes(ops, len) };
    with_host(|h| {
        let (ops, code) = match decode(b) {
            _ if b.len() > rules::MAX_BATCH as usize => (Vec::new(), -9),
            Ok(ops) => {
                let code = h.dom.apply(&ops);
                (ops, code)
            }
            Err((ops, code)) => {
                let applied = h.dom.apply(&ops);
                (ops, if applied != 0 { applied } else { code })
            }
        };
        h.batches.push((ops, code));
        code
    })
}

/// Fake `publish`: checks the grants and the limits, records.
///
/// # Safety
/// Both pairs must be readable.
pub unsafe fn publish(
    topic: *const u8,
    topic_len: usize,
    payload: *const u8,
    payload_len: usize,
) -> i32 {
    // SAFETY: forwarded.
    let (Some(topic), payload) = (unsafe { text(topic, topic_len) }, unsafe {
        bytes(payload, payload_len)
    }) else {
        return -2;
    };
    if !topic_fits(&topic) {
        return -2;
    }
    with_host(|h| {
        if payload.len() > rules::MAX_PAYLOAD as usize {
            return -9;
        }
        if let Some((publish, _)) = &h.grants {
            if !publish.iter().any(|g| matches(g, &topic)) {
                return -8;
            }
        }
        h.published.push((topic, payload.to_vec()));
        0
    })
}

/// Fake `subscribe`: checks the grants, records.
///
/// # Safety
/// The pair must be readable.
pub unsafe fn subscribe(pattern: *const u8, len: usize) -> i32 {
    // SAFETY: forwarded.
    let Some(pattern) = (unsafe { text(pattern, len) }) else {
        return -2;
    };
    if !topic_fits(&pattern) {
        return -2;
    }
    with_host(|h| {
        if let Some((_, subscribe)) = &h.grants {
            if !subscribe.iter().any(|g| matches(g, &pattern)) {
                return -8;
            }
        }
        h.subscriptions.push(pattern);
        0
    })
}

/// A topic or pattern of 1 to 128 bytes, as the host requires.
fn topic_fits(topic: &str) -> bool {
    !topic.is_empty() && topic.len() <= rules::MAX_TOPIC_BYTES as usize
}

/// Fake `set_timer`.
///
/// # Safety
/// Always safe natively.
pub unsafe fn set_timer(ms: i32, repeat: i32) -> i32 {
    with_host(|h| {
        if h.timers.len() >= rules::MAX_TIMERS as usize {
            return -9;
        }
        h.last_timer += 1;
        let ms = ms.max(0);
        let t = FakeTimer {
            id: h.last_timer,
            ms,
            repeat: repeat != 0,
            due: h.clock + ms as f64,
        };
        h.timers.push(t);
        h.last_timer
    })
}

/// Fake `clear_timer`.
///
/// # Safety
/// Always safe natively.
pub unsafe fn clear_timer(id: i32) {
    with_host(|h| h.timers.retain(|t| t.id != id))
}

/// Fake `now`: the fake clock.
///
/// # Safety
/// Always safe natively.
pub unsafe fn now() -> f64 {
    with_host(|h| h.clock)
}

/// Fake `log`: records.
///
/// # Safety
/// The pair must be readable.
pub unsafe fn log(level: i32, ptr: *const u8, len: usize) {
    // SAFETY: forwarded.
    let msg = unsafe { text(ptr, len) }.unwrap_or_default();
    with_host(|h| h.logs.push((level, msg)))
}

/// Fake `fail`: records.
///
/// # Safety
/// The pair must be readable.
pub unsafe fn fail(ptr: *const u8, len: usize) {
    // SAFETY: forwarded.
    let msg = unsafe { text(ptr, len) }.unwrap_or_default();
    with_host(|h| h.failures.push(msg))
}
