//! The `tessera/v1` imports (docs/abi.md, "Host imports"). Every import, listener and timer of
//! one guest calls the same Rust closure (the guest's dispatcher, see `guest`) with a kind:
//! `0..8` are the imports below; [`EVENT`] and [`TIMER`] the callbacks from the browser. Bus
//! messages reach guests directly (see `bus`). One closure type keeps the loader's glue small.

use super::codes::{cat, dec, Refusal, CAPABILITY_DENIED, LIMIT, MALFORMED, OK, OUT_OF_BOUNDS};
use super::dom;
use super::guest::{Inner, State};
use super::js;
use super::origins::Origins;
use alloc::rc::Rc;
use alloc::string::String;
use tessera_abi::limits::{MAX_BATCH, MAX_PAYLOAD, MAX_SUBSCRIPTIONS, MAX_TOPIC_BYTES};
use tessera_abi::names::IMPORTS;
use tessera_abi::topic::{pattern_covers, topic_matches};

/// Kind of a DOM listener: `(EVENT, listener, .., event data)`.
pub(super) const EVENT: u32 = 8;
/// Kind of a timer: `(TIMER, id)`.
pub(super) const TIMER: u32 = 9;
/// Kind of a worker's answer to a call (staged in the table, see `remote.js`).
pub(super) const REPLY: u32 = 10;
/// Kind of a worker's call that went unanswered: `(HUNG, ms waited)`.
pub(super) const HUNG: u32 = 11;

/// Messages waiting on the bus (from every publisher) past which a guest's `publish` is refused;
/// bounds the memory a guest can make the host hold between two flushes.
const MAX_PENDING: u32 = 1024;
/// Longest panic message kept from `fail`, in bytes.
const MAX_PANIC: usize = 4096;
/// Routes one callback of a guest's dispatcher; the result is what an import returns. The
/// guest's `i32` arguments arrive as JavaScript numbers and are read as the ABI's `u32`s.
pub(super) fn dispatch(g: &Rc<Inner>, kind: u32, args: [f64; 4], text: Option<String>) -> f64 {
    let args = args.map(|n| n as i32 as u32);
    match kind {
        EVENT => g.on_event(args[0], text.as_deref().unwrap_or_default()),
        TIMER => g.on_timer(args[0]),
        REPLY => g.on_reply(),
        HUNG => g.on_hung(args[0]),
        _ => return import(g, kind, args),
    }
    0.0
}

/// One host import called by the guest.
fn import(g: &Rc<Inner>, kind: u32, [a, b, c, d]: [u32; 4]) -> f64 {
    match g.state.get() {
        State::Live => {}
        State::Dead => return OUT_OF_BOUNDS.into(),
        State::Fresh => {
            let name = IMPORTS.get(kind as usize).copied().unwrap_or("?");
            g.violate(cat(&["import ", name, " called during instantiation"]));
            return OUT_OF_BOUNDS.into();
        }
    }
    let code = match kind {
        0 => apply(g, a, b),
        1 => publish(g, a, b, c, d),
        2 => subscribe(g, a, b),
        3 => set_timer(g, a as i32, b != 0, c),
        4 => {
            js::stop_timer(&g.table, a as i32);
            OK
        }
        5 => return js::now(),
        6 => log(g, a, b, c),
        7 => fail(g, a, b),
        _ => OUT_OF_BOUNDS,
    };
    code.into()
}

/// Edits one call may queue, in bytes of batches: the page applies at most this much per turn.
fn apply(g: &Rc<Inner>, ptr: u32, len: u32) -> i32 {
    let turn = g.turn_bytes.get().saturating_add(len);
    if turn > MAX_BATCH && g.in_bounds(ptr, len, "apply") {
        g.edits_refused.set(true);
        return g.refuse(Refusal::new(
            LIMIT,
            &[
                "apply: ",
                &dec(turn),
                " bytes of edits in one call, over 1 MiB",
            ],
        ));
    }
    g.turn_bytes.set(turn);
    let Some(batch) = g.read(ptr, len, "apply") else {
        return OUT_OF_BOUNDS;
    };
    let urls = Origins {
        table: &g.table,
        allowed: &g.policy.origins,
    };
    match dom::apply(&g.table, &mut g.tree.borrow_mut(), &urls, &batch) {
        Ok(()) => OK,
        Err(r) => {
            g.edits_refused.set(true);
            g.refuse(r)
        }
    }
}

fn publish(g: &Rc<Inner>, topic_ptr: u32, topic_len: u32, ptr: u32, len: u32) -> i32 {
    let topic = match topic(g, topic_ptr, topic_len, "publish") {
        Ok(topic) => topic,
        Err(code) => return code,
    };
    if !g.in_bounds(ptr, len, "publish") {
        return OUT_OF_BOUNDS;
    }
    if len > MAX_PAYLOAD {
        return g.refuse(Refusal::new(
            LIMIT,
            &["publish: payload of ", &dec(len), " bytes over 64 KiB"],
        ));
    }
    if !g
        .policy
        .publish
        .iter()
        .any(|grant| topic_matches(grant, &topic))
    {
        return g.refuse(Refusal::new(
            CAPABILITY_DENIED,
            &["publish: no capability for ", &topic],
        ));
    }
    if g.bus.pending() >= MAX_PENDING {
        return g.refuse(Refusal::new(
            LIMIT,
            &["publish: 1024 messages already queued"],
        ));
    }
    let Some(payload) = g.read(ptr, len, "publish") else {
        return OUT_OF_BOUNDS;
    };
    g.bus.publish_owned(topic, payload);
    OK
}

fn subscribe(g: &Rc<Inner>, ptr: u32, len: u32) -> i32 {
    let pattern = match topic(g, ptr, len, "subscribe") {
        Ok(pattern) => pattern,
        Err(code) => return code,
    };
    if !g
        .policy
        .subscribe
        .iter()
        .any(|grant| pattern_covers(grant, &pattern))
    {
        return g.refuse(Refusal::new(
            CAPABILITY_DENIED,
            &["subscribe: no capability for ", &pattern],
        ));
    }
    let mut subs = g.subs.borrow_mut();
    if subs.len() >= MAX_SUBSCRIPTIONS as usize {
        return g.refuse(Refusal::new(
            LIMIT,
            &["subscribe: live subscription limit 64"],
        ));
    }
    if !subs.iter().any(|s| s.1 == pattern) {
        let id = g.bus.subscribe_guest(&pattern, Rc::downgrade(g));
        subs.push((id, pattern));
    }
    OK
}

/// A topic or pattern: UTF-8, 1 to 128 bytes.
fn topic(g: &Rc<Inner>, ptr: u32, len: u32, what: &str) -> Result<String, i32> {
    if !g.in_bounds(ptr, len, what) {
        return Err(OUT_OF_BOUNDS);
    }
    if len == 0 || len > MAX_TOPIC_BYTES {
        let r = Refusal::new(
            MALFORMED,
            &[what, ": topic of ", &dec(len), " bytes, not 1 to 128"],
        );
        return Err(g.refuse(r));
    }
    g.read_str(ptr, len, what)
}

/// `given`: the id a guest in a worker got from its worker (passed in the record's third
/// argument, which `set_timer` does not have).
fn set_timer(g: &Rc<Inner>, ms: i32, repeat: bool, given: u32) -> i32 {
    let given = g.policy.worker.map(|_| given);
    let result = g.timers.borrow_mut().set(&g.table, ms, repeat, given);
    match result {
        Ok(id) => id as i32,
        Err(r) => g.refuse(r),
    }
}

fn log(g: &Rc<Inner>, level: u32, ptr: u32, len: u32) -> i32 {
    match g.read_str(ptr, len, "log") {
        Ok(text) => {
            js::log(&g.table, level as i32, &g.policy.name, &text);
            OK
        }
        Err(code) => code,
    }
}

fn fail(g: &Rc<Inner>, ptr: u32, len: u32) -> i32 {
    let Some(bytes) = g.read(ptr, len, "fail") else {
        return OUT_OF_BOUNDS;
    };
    *g.panic.borrow_mut() = Some(panic_text(bytes));
    OK
}

/// A panic message as text: at most [`MAX_PANIC`] bytes, cut before a character that does not
/// fit whole, so that a long UTF-8 message stays readable.
fn panic_text(mut bytes: alloc::vec::Vec<u8>) -> String {
    if bytes.len() > MAX_PANIC {
        let mut cut = MAX_PANIC;
        // Back up over continuation bytes (0b10xx_xxxx) to the start of the cut character.
        while cut > 0 && bytes[cut] & 0xC0 == 0x80 {
            cut -= 1;
        }
        bytes.truncate(cut);
    }
    String::from_utf8(bytes).unwrap_or_else(|_| "a panic message that is not utf-8".into())
}

#[cfg(test)]
mod tests {
    use super::{panic_text, MAX_PANIC};

    #[test]
    fn panic_text_is_cut_at_a_character_boundary() {
        // "é" is two bytes: 4095 ASCII bytes + "é" puts the cut inside the character.
        let long = ["x".repeat(MAX_PANIC - 1), "é".repeat(10)].concat();
        let text = panic_text(long.into_bytes());
        assert_eq!(text, "x".repeat(MAX_PANIC - 1));
        let fits = ["x".repeat(MAX_PANIC - 2), "é".into()].concat();
        assert_eq!(panic_text(fits.clone().into_bytes()), fits);
        let over = "€".repeat(MAX_PANIC); // 3 bytes each: cut after 1365 whole ones
        assert_eq!(panic_text(over.into_bytes()), "€".repeat(MAX_PANIC / 3));
    }

    #[test]
    fn panic_text_that_is_not_utf8_is_named() {
        assert_eq!(
            panic_text(vec![b'a', 0xFF]),
            "a panic message that is not utf-8"
        );
    }
}
