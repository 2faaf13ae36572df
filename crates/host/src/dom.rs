//! Applies decoded DOM edits under one component's closed shadow root (docs/abi.md, "DOM
//! edits"): every check and limit, then the edit itself on the guest's table in `host.js`
//! (node ids, `0` is the root, and listeners). The nodes live on the JavaScript side anyway; the
//! table passes only numbers and strings across, which keeps the loader's wasm small.

use super::codes::{cat, dec, Refusal, ID_IN_USE, LIMIT, MALFORMED, REFUSED_ATTRIBUTE};
use super::codes::{REFUSED_TAG, REFUSED_URL, UNKNOWN_NODE};
use super::js::{self, Table};
use alloc::string::String;
use tessera_abi::limits::{MAX_LISTENERS, MAX_NODES};
use tessera_abi::{op, rules, Decoder, Op};

/// Which of a table's counts are nodes and listeners (see `js::count`).
const NODES: i32 = 0;
const LISTENERS: i32 = 1;
/// What `js::kind` says about a node id.
const NONE: u32 = 0;
const ELEMENT: u32 = 1;
const ROOT: u32 = 3;

/// Why one edit failed: a code and the reason, before the operation's name is prefixed.
type Failed = (i32, String);

/// Applies a batch in order, stopping at the first edit that fails (earlier ones stay).
pub(super) fn apply(table: &Table, batch: &[u8]) -> Result<(), Refusal> {
    for decoded in Decoder::new(batch) {
        let (opcode, edit_op) = decoded?;
        if let Err((code, why)) = edit(table, edit_op) {
            let name = op::name(opcode).unwrap_or_default();
            return Err(Refusal::new(code, &[name, ": ", &why]));
        }
    }
    Ok(())
}

/// How many nodes (not counting the root) and listeners are live.
pub(super) fn live(table: &Table) -> (u32, u32) {
    (js::count(table, NODES), js::count(table, LISTENERS))
}

fn edit(table: &Table, op: Op<&str>) -> Result<(), Failed> {
    // The checks, then one browser edit: `js::edit(opcode, a, b, c, s, v)`.
    let (opcode, a, b, c, s, v) = match op {
        Op::CreateElement { id, tag } => {
            check_new(table, id)?;
            let Some(tag) = rules::allowed_tag(tag) else {
                return Err((REFUSED_TAG, cat(&["refused tag ", clip(tag)])));
            };
            (op::CREATE_ELEMENT, id, 0, 0, tag, "")
        }
        Op::CreateText { id, text } => {
            check_new(table, id)?;
            (op::CREATE_TEXT, id, 0, 0, text, "")
        }
        Op::SetAttr { id, name, value } => {
            element(table, id)?;
            let name = name.to_ascii_lowercase();
            return match rules::check_attr(&name, value) {
                Ok(()) => run(table, op::SET_ATTR, id, 0, 0, &name, value),
                Err(REFUSED_URL) => {
                    let why = cat(&["refused url in ", &name, ": ", clip(value)]);
                    Err((REFUSED_URL, why))
                }
                Err(code) => Err((code, cat(&["refused attribute ", clip(&name)]))),
            };
        }
        Op::RemoveAttr { id, name } => {
            element(table, id)?;
            if !rules::valid_name(name) {
                return Err((REFUSED_ATTRIBUTE, cat(&["refused attribute ", clip(name)])));
            }
            let name = name.to_ascii_lowercase();
            return run(table, op::REMOVE_ATTR, id, 0, 0, &name, "");
        }
        Op::SetText { id, text } => {
            node(table, id)?;
            (op::SET_TEXT, id, 0, 0, text, "")
        }
        Op::Append { parent, child } => {
            movable(table, child)?;
            node(table, parent)?;
            (op::APPEND, parent, child, 0, "", "")
        }
        Op::InsertBefore {
            parent,
            child,
            before,
        } => {
            movable(table, child)?;
            node(table, before)?;
            node(table, parent)?;
            (op::INSERT_BEFORE, parent, child, before, "", "")
        }
        Op::Remove { id } => {
            movable(table, id)?;
            (op::REMOVE, id, 0, 0, "", "")
        }
        Op::Listen {
            id,
            listener,
            event,
        } => {
            node(table, id)?;
            if js::listening(table, listener as i32) {
                return Err((ID_IN_USE, cat(&["listener ", &dec(listener), " in use"])));
            }
            if js::count(table, LISTENERS) >= MAX_LISTENERS {
                return Err((LIMIT, "live listener limit 1000".into()));
            }
            (op::LISTEN, id, listener, 0, event, "")
        }
        Op::Unlisten { listener } => {
            if !js::unlisten(table, listener as i32) {
                return Err((UNKNOWN_NODE, cat(&["unknown listener ", &dec(listener)])));
            }
            return Ok(());
        }
        Op::SetValue { id, value } => {
            element(table, id)?;
            (op::SET_VALUE, id, 0, 0, value, "")
        }
        Op::SetChecked { id, checked } => {
            element(table, id)?;
            (op::SET_CHECKED, id, checked.into(), 0, "", "")
        }
    };
    run(table, opcode, a, b, c, s, v)
}

/// The browser edit `opcode` on the table (see `js::edit`); what the DOM refused is `-2`.
fn run(table: &Table, opcode: u8, a: u32, b: u32, c: u32, s: &str, v: &str) -> Result<(), Failed> {
    match js::edit(table, opcode, a as i32, b as i32, c as i32, s, v) {
        None => Ok(()),
        Some(text) => Err((MALFORMED, cat(&["the dom refused it: ", &text]))),
    }
}

/// `id` may name a new node: not `0`, not live, and under the node limit.
fn check_new(table: &Table, id: u32) -> Result<(), Failed> {
    if js::kind(table, id as i32) != NONE {
        return Err((ID_IN_USE, cat(&["id ", &dec(id), " in use"])));
    }
    if js::count(table, NODES) >= MAX_NODES {
        return Err((LIMIT, "live node limit 10000".into()));
    }
    Ok(())
}

/// Node `id` exists (`0` is the root); its kind.
fn node(table: &Table, id: u32) -> Result<u32, Failed> {
    match js::kind(table, id as i32) {
        NONE => Err((UNKNOWN_NODE, cat(&["unknown node ", &dec(id)]))),
        kind => Ok(kind),
    }
}

/// A node that may be moved or removed: anything but the root.
fn movable(table: &Table, id: u32) -> Result<(), Failed> {
    match node(table, id)? {
        ROOT => Err((MALFORMED, "the root cannot be moved or removed".into())),
        _ => Ok(()),
    }
}

/// Node `id` is an element (the root is not).
fn element(table: &Table, id: u32) -> Result<(), Failed> {
    match node(table, id)? {
        ELEMENT => Ok(()),
        _ => Err((
            UNKNOWN_NODE,
            cat(&["node ", &dec(id), " is not an element"]),
        )),
    }
}

/// At most 64 characters of a guest-supplied value, for violation details.
fn clip(s: &str) -> &str {
    // The 65th character starts at the 65th byte that is not a UTF-8 continuation byte.
    let mut chars = 0;
    for (i, b) in s.bytes().enumerate() {
        if b & 0xc0 != 0x80 {
            if chars == 64 {
                return s.get(..i).unwrap_or(s);
            }
            chars += 1;
        }
    }
    s
}
