//! Checks a batch of DOM edits against the component's model tree (`tessera_abi::tree`, the
//! same model the SDK's fake DOM uses) while the guest runs, and queues each accepted edit on
//! the guest's table in `host.js`; `js::flush` applies the queue after the guest's call has
//! returned, so no DOM mutation (and no page listener it fires) happens with guest code on the
//! stack. The model decides every refusal, so the queue always applies cleanly.

use super::codes::{cat, dec, Refusal};
use super::js::{self, Table};
use alloc::string::String;
use tessera_abi::policy::UrlPolicy;
use tessera_abi::tree::{Tree, Why};
use tessera_abi::{op, Decoder, Op};

/// Checks a batch in order and queues each edit, stopping at the first one refused (the
/// earlier ones stay queued, and applied, as docs/abi.md says).
pub(super) fn apply(
    table: &Table,
    tree: &mut Tree,
    urls: &impl UrlPolicy,
    batch: &[u8],
) -> Result<(), Refusal> {
    for decoded in Decoder::new(batch) {
        let (opcode, edit) = decoded?;
        if let Err(refused) = tree.edit(&edit, urls) {
            let name = op::name(opcode).unwrap_or_default();
            return Err(Refusal::new(
                refused.code,
                &[name, ": ", &words(refused.why)],
            ));
        }
        queue(table, opcode, edit);
    }
    Ok(())
}

/// The browser edit for `host.js`: `js::edit(opcode, a, b, c, s, v)`.
fn queue(table: &Table, opcode: u8, edit: Op<&str>) {
    let (a, b, c, s, v) = match edit {
        Op::CreateElement { id, tag: s } | Op::CreateText { id, text: s } => (id, 0, 0, s, ""),
        Op::SetText { id, text: s } | Op::SetValue { id, value: s } => (id, 0, 0, s, ""),
        Op::SetAttr { id, name, value } => {
            let name = name.to_ascii_lowercase();
            js::edit(table, opcode, id as i32, 0, 0, &name, value);
            return;
        }
        Op::RemoveAttr { id, name } => {
            let name = name.to_ascii_lowercase();
            js::edit(table, opcode, id as i32, 0, 0, &name, "");
            return;
        }
        Op::Append { parent, child } => (parent, child, 0, "", ""),
        Op::InsertBefore {
            parent,
            child,
            before,
        } => (parent, child, before, "", ""),
        Op::Remove { id } => (id, 0, 0, "", ""),
        Op::Listen {
            id,
            listener,
            event,
        } => (id, listener, 0, event, ""),
        Op::Unlisten { listener } => (listener, 0, 0, "", ""),
        Op::SetChecked { id, checked } => (id, checked.into(), 0, "", ""),
    };
    js::edit(table, opcode, a as i32, b as i32, c as i32, s, v);
}

/// The reason in lowercase words, naming the value (at most 64 characters of it).
fn words(why: Why<'_>) -> String {
    match why {
        Why::Tag(tag) => cat(&["refused tag ", clip(tag)]),
        Why::Attr(name) => cat(&["refused attribute ", clip(name)]),
        Why::Url(name) => cat(&["refused url in ", clip(name)]),
        Why::Css => "refused css".into(),
        Why::UnknownNode(id) => cat(&["unknown node ", &dec(id)]),
        Why::NotElement(id) => cat(&["node ", &dec(id), " is not an element"]),
        Why::IdInUse(id) => cat(&["id ", &dec(id), " in use"]),
        Why::ListenerInUse(id) => cat(&["listener ", &dec(id), " in use"]),
        Why::UnknownListener(id) => cat(&["unknown listener ", &dec(id)]),
        Why::NodeLimit => "live node limit reached".into(),
        Why::ListenerLimit => "live listener limit reached".into(),
        Why::ByteLimit => "dom byte limit reached".into(),
        Why::Dom(text) => text.into(),
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
