//! Applies decoded DOM edits under one component's closed shadow root (docs/abi.md, "DOM
//! edits"): the node-id table (id `0` is the root), listeners, and the per-component limits.
//! The tables are JavaScript `Map`s: the nodes live on the JS side anyway, and this keeps the
//! loader's wasm free of per-type container code.

use super::codes::{cat, dec, Refusal, ID_IN_USE, LIMIT, MALFORMED, REFUSED_ATTRIBUTE};
use super::codes::{REFUSED_TAG, REFUSED_URL, UNKNOWN_NODE};
use super::imports::EVENT;
use super::ops::{Decoder, Op, OP_NAMES};
use super::{js, policy};
use alloc::string::String;
use js_sys::{Array, Function, Map, Reflect, WeakMap};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, ShadowRoot};

/// Live nodes per component (the root not counted).
pub(super) const MAX_NODES: u32 = 10_000;
/// Live listeners per component.
pub(super) const MAX_LISTENERS: u32 = 1_000;
/// Bytes per `apply` batch.
pub(super) const MAX_BATCH: u32 = 1 << 20;

/// Why one edit failed: a code and the reason, before the operation's name is prefixed.
type Failed = (i32, String);

/// The DOM a guest built: its nodes by id, and its listeners.
pub(super) struct Dom {
    root: Node,
    document: Option<Document>,
    /// id -> node (the root, id 0, is not in it).
    nodes: Map,
    /// node -> id, to release the ids of a removed subtree without scanning `nodes`.
    ids: WeakMap,
    /// listener id -> `[target, event type, callback]`.
    listeners: Map,
}

impl Dom {
    /// An empty DOM under `root`.
    pub fn new(root: &ShadowRoot) -> Dom {
        let root: &Node = root.as_ref();
        Dom {
            document: root.owner_document(),
            root: root.clone(),
            nodes: Map::new(),
            ids: WeakMap::new(),
            listeners: Map::new(),
        }
    }

    /// How many nodes (not counting the root) and listeners are live.
    #[cfg(test)]
    #[allow(dead_code)] // used by the browser tests (tests/host_*.rs), not the unit tests
    pub fn live(&self) -> (u32, u32) {
        (self.nodes.size(), self.listeners.size())
    }

    /// Applies a batch in order, stopping at the first edit that fails (earlier ones stay).
    /// `dispatch` is the guest's callback; listeners are it bound to (`EVENT`, listener id).
    pub fn apply(&mut self, batch: &[u8], dispatch: &Function) -> Result<(), Refusal> {
        let mut ops = Decoder::new(batch);
        while let Some(op) = ops.next_op() {
            let (opcode, op) = op?;
            if let Err((code, why)) = self.edit(op, dispatch) {
                let name = OP_NAMES.get(opcode as usize).copied().unwrap_or_default();
                return Err(Refusal::new(code, &[name, ": ", &why]));
            }
        }
        Ok(())
    }

    /// Removes every listener, releases every id and empties the root.
    pub fn clear(&mut self) {
        for entry in Array::from(&self.listeners.values()).iter() {
            unlisten(&entry);
        }
        self.listeners.clear();
        self.nodes.clear();
        self.ids = WeakMap::new();
        self.root.set_text_content(None);
    }

    fn edit(&mut self, op: Op<'_>, dispatch: &Function) -> Result<(), Failed> {
        match op {
            Op::CreateElement { id, tag } => {
                self.check_new(id)?;
                let Some(tag) = policy::allowed_tag(tag) else {
                    return Err((REFUSED_TAG, cat(&["refused tag ", clip(tag)])));
                };
                let el = self.document()?.create_element(tag).map_err(dom_error)?;
                self.adopt(id, &el);
            }
            Op::CreateText { id, text } => {
                self.check_new(id)?;
                let text = self.document()?.create_text_node(text);
                self.adopt(id, &text);
            }
            Op::SetAttr { id, name, value } => {
                let el = self.element(id)?;
                let name = name.to_ascii_lowercase();
                match policy::check_attr(&name, value) {
                    Ok(()) => el.set_attribute(&name, value).map_err(dom_error)?,
                    Err(REFUSED_URL) => {
                        let why = cat(&["refused url in ", &name, ": ", clip(value)]);
                        return Err((REFUSED_URL, why));
                    }
                    Err(code) => return Err((code, cat(&["refused attribute ", clip(&name)]))),
                }
            }
            Op::RemoveAttr { id, name } => {
                let el = self.element(id)?;
                if !policy::valid_name(name) {
                    return Err((REFUSED_ATTRIBUTE, cat(&["refused attribute ", clip(name)])));
                }
                el.remove_attribute(&name.to_ascii_lowercase())
                    .map_err(dom_error)?;
            }
            Op::SetText { id, text } => self.node(id)?.set_text_content(Some(text)),
            Op::Append { parent, child } => {
                let child = self.child(child)?;
                self.node(parent)?.append_child(&child).map_err(dom_error)?;
            }
            Op::InsertBefore {
                parent,
                child,
                before,
            } => {
                let child = self.child(child)?;
                let before = self.node(before)?;
                let parent = self.node(parent)?;
                parent
                    .insert_before(&child, Some(&before))
                    .map_err(dom_error)?;
            }
            Op::Remove { id } => {
                let node = self.child(id)?;
                if let Some(parent) = node.parent_node() {
                    parent.remove_child(&node).map_err(dom_error)?;
                }
                self.release(&node);
            }
            Op::Listen {
                id,
                listener,
                event,
            } => {
                let target = self.node(id)?;
                let key = JsValue::from(listener);
                if self.listeners.has(&key) {
                    return Err((ID_IN_USE, cat(&["listener ", &dec(listener), " in use"])));
                }
                if self.listeners.size() >= MAX_LISTENERS {
                    return Err((LIMIT, "live listener limit 1000".into()));
                }
                let callback = js::bind2(dispatch, EVENT, listener);
                target
                    .add_event_listener_with_callback(event, &callback)
                    .map_err(dom_error)?;
                self.listeners
                    .set(&key, &Array::of3(&target, &event.into(), &callback));
            }
            Op::Unlisten { listener } => {
                let key = JsValue::from(listener);
                let entry = self.listeners.get(&key);
                if entry.is_undefined() {
                    return Err((UNKNOWN_NODE, cat(&["unknown listener ", &dec(listener)])));
                }
                unlisten(&entry);
                self.listeners.delete(&key);
            }
            Op::SetValue { id, value } => self.set_prop(id, "value", &value.into())?,
            Op::SetChecked { id, checked } => self.set_prop(id, "checked", &checked.into())?,
        }
        Ok(())
    }

    fn document(&self) -> Result<&Document, Failed> {
        self.document
            .as_ref()
            .ok_or((MALFORMED, "the root has no document".into()))
    }

    /// `id` may name a new node: not `0`, not live, and under the node limit.
    fn check_new(&self, id: u32) -> Result<(), Failed> {
        if id == 0 || self.nodes.has(&id.into()) {
            return Err((ID_IN_USE, cat(&["id ", &dec(id), " in use"])));
        }
        if self.nodes.size() >= MAX_NODES {
            return Err((LIMIT, "live node limit 10000".into()));
        }
        Ok(())
    }

    fn adopt(&mut self, id: u32, node: &JsValue) {
        self.nodes.set(&id.into(), node);
        self.ids.set(node.unchecked_ref(), &id.into());
    }

    /// The node `id` names: the root for `0`.
    fn node(&self, id: u32) -> Result<Node, Failed> {
        if id == 0 {
            return Ok(self.root.clone());
        }
        let node = self.nodes.get(&id.into());
        if node.is_undefined() {
            return Err((UNKNOWN_NODE, cat(&["unknown node ", &dec(id)])));
        }
        Ok(node.unchecked_into())
    }

    /// A node that may be moved or removed: anything but the root.
    fn child(&self, id: u32) -> Result<Node, Failed> {
        if id == 0 {
            return Err((MALFORMED, "the root cannot be moved or removed".into()));
        }
        self.node(id)
    }

    fn element(&self, id: u32) -> Result<Element, Failed> {
        let node = self.node(id)?;
        if id == 0 || node.node_type() != Node::ELEMENT_NODE {
            return Err((
                UNKNOWN_NODE,
                cat(&["node ", &dec(id), " is not an element"]),
            ));
        }
        Ok(node.unchecked_into())
    }

    fn set_prop(&self, id: u32, name: &str, value: &JsValue) -> Result<(), Failed> {
        let el = self.element(id)?;
        Reflect::set(&el, &JsValue::from_str(name), value).map_err(dom_error)?;
        Ok(())
    }

    /// Releases the ids of `top` and of every node below it.
    fn release(&mut self, top: &Node) {
        let mut node = top.clone();
        loop {
            let id = self.ids.get(node.unchecked_ref());
            if !id.is_undefined() {
                self.nodes.delete(&id);
                self.ids.delete(node.unchecked_ref());
            }
            if let Some(first) = node.first_child() {
                node = first;
                continue;
            }
            // Climb until a next sibling exists, never above `top`.
            loop {
                if node == *top {
                    return;
                }
                if let Some(next) = node.next_sibling() {
                    node = next;
                    break;
                }
                match node.parent_node() {
                    Some(parent) => node = parent,
                    None => return,
                }
            }
        }
    }
}

/// Removes the listener a `[target, event type, callback]` entry describes.
fn unlisten(entry: &JsValue) {
    let entry: &Array = entry.unchecked_ref();
    let target: Node = entry.get(0).unchecked_into();
    let event = entry.get(1).as_string().unwrap_or_default();
    let _ = target.remove_event_listener_with_callback(&event, entry.get(2).unchecked_ref());
}

/// An edit the DOM itself rejected (e.g. a node appended into its own subtree).
fn dom_error(e: JsValue) -> Failed {
    (
        MALFORMED,
        cat(&["the dom refused it: ", &js::error_text(&e)]),
    )
}

/// At most 64 characters of a guest-supplied value, for violation details.
fn clip(s: &str) -> &str {
    match s.char_indices().nth(64) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}
