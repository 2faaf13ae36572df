//! Applies decoded DOM edits under one component's closed shadow root (docs/abi.md, "DOM
//! edits"): the node-id table (id `0` is the root), listeners, and the per-component limits.

use super::codes::{dec, Refusal, ID_IN_USE, LIMIT, MALFORMED, REFUSED_ATTRIBUTE, REFUSED_TAG};
use super::codes::{REFUSED_URL, UNKNOWN_NODE};
use super::imports::EVENT;
use super::ops::{Decoder, Op, OP_NAMES};
use super::table::IdTable;
use super::{js, policy};
use js_sys::{Function, Reflect, WeakMap};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node, ShadowRoot};

/// Live nodes per component (the root not counted).
pub(super) const MAX_NODES: usize = 10_000;
/// Live listeners per component.
pub(super) const MAX_LISTENERS: usize = 1_000;
/// Bytes per `apply` batch.
pub(super) const MAX_BATCH: u32 = 1 << 20;

/// Why one edit failed: a code and the reason, before the operation's name is prefixed.
type Failed = (i32, String);

struct Entry {
    node: Node,
    element: bool,
}

struct Listener {
    target: Node,
    event: String,
    callback: Function,
}

/// The DOM a guest built: its nodes by id, and its listeners.
pub(super) struct Dom {
    root: Node,
    document: Option<Document>,
    nodes: IdTable<Entry>,
    /// node -> id, to release the ids of a removed subtree without scanning the table.
    ids: WeakMap,
    listeners: IdTable<Listener>,
}

impl Dom {
    /// An empty DOM under `root`.
    pub fn new(root: &ShadowRoot) -> Dom {
        let root: &Node = root.as_ref();
        Dom {
            document: root.owner_document(),
            root: root.clone(),
            nodes: IdTable::default(),
            ids: WeakMap::new(),
            listeners: IdTable::default(),
        }
    }

    /// How many nodes (not counting the root) and listeners are live.
    pub fn live(&self) -> (usize, usize) {
        (self.nodes.len(), self.listeners.len())
    }

    /// Applies a batch in order, stopping at the first edit that fails (earlier ones stay).
    /// `dispatch` is the guest's callback; listeners are it bound to (`EVENT`, listener id).
    pub fn apply(&mut self, batch: &[u8], dispatch: &Function) -> Result<(), Refusal> {
        let mut ops = Decoder::new(batch);
        while let Some(op) = ops.next_op() {
            let (opcode, op) = op?;
            self.edit(op, dispatch).map_err(|(code, why)| {
                Refusal::new(code, &[OP_NAMES[opcode as usize], ": ", &why])
            })?;
        }
        Ok(())
    }

    /// Removes every listener, releases every id and empties the root.
    pub fn clear(&mut self) {
        for l in self.listeners.drain() {
            let _ = l
                .target
                .remove_event_listener_with_callback(&l.event, &l.callback);
        }
        self.nodes.drain().for_each(drop);
        self.ids = WeakMap::new();
        self.root.set_text_content(None);
    }

    fn edit(&mut self, op: Op<'_>, dispatch: &Function) -> Result<(), Failed> {
        match op {
            Op::CreateElement { id, tag } => {
                self.check_new(id)?;
                let Some(tag) = policy::allowed_tag(tag) else {
                    return Err((REFUSED_TAG, ["refused tag ", clip(tag)].concat()));
                };
                let el = self.document()?.create_element(tag).map_err(dom_error)?;
                self.adopt(id, el.into(), true);
            }
            Op::CreateText { id, text } => {
                self.check_new(id)?;
                let text = self.document()?.create_text_node(text);
                self.adopt(id, text.into(), false);
            }
            Op::SetAttr { id, name, value } => {
                let el = self.element(id)?;
                let name = name.to_ascii_lowercase();
                match policy::check_attr(&name, value) {
                    Ok(()) => el.set_attribute(&name, value).map_err(dom_error)?,
                    Err(REFUSED_URL) => {
                        return Err((
                            REFUSED_URL,
                            ["refused url in ", &name, ": ", clip(value)].concat(),
                        ))
                    }
                    Err(code) => return Err((code, ["refused attribute ", clip(&name)].concat())),
                }
            }
            Op::RemoveAttr { id, name } => {
                let el = self.element(id)?;
                if !policy::valid_name(name) {
                    return Err((
                        REFUSED_ATTRIBUTE,
                        ["refused attribute ", clip(name)].concat(),
                    ));
                }
                el.remove_attribute(&name.to_ascii_lowercase())
                    .map_err(dom_error)?;
            }
            Op::SetText { id, text } => self.node(id)?.set_text_content(Some(text)),
            Op::Append { parent, child } => {
                let child = self.child(child)?;
                self.node(parent)?.append_child(child).map_err(dom_error)?;
            }
            Op::InsertBefore {
                parent,
                child,
                before,
            } => {
                let child = self.child(child)?;
                let before = self.node(before)?;
                self.node(parent)?
                    .insert_before(child, Some(before))
                    .map_err(dom_error)?;
            }
            Op::Remove { id } => {
                if id == 0 {
                    return Err((MALFORMED, "the root cannot be removed".into()));
                }
                let node = self.node(id)?.clone();
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
                let target = self.node(id)?.clone();
                if self.listeners.contains(listener) {
                    return Err((ID_IN_USE, ["listener ", &dec(listener), " in use"].concat()));
                }
                if self.listeners.len() >= MAX_LISTENERS {
                    return Err((LIMIT, "live listener limit 1000".into()));
                }
                let callback = js::bind2(dispatch, EVENT, listener);
                target
                    .add_event_listener_with_callback(event, &callback)
                    .map_err(dom_error)?;
                let event = event.into();
                self.listeners.insert(
                    listener,
                    Listener {
                        target,
                        event,
                        callback,
                    },
                );
            }
            Op::Unlisten { listener } => {
                let Some(l) = self.listeners.remove(listener) else {
                    return Err((UNKNOWN_NODE, ["unknown listener ", &dec(listener)].concat()));
                };
                let _ = l
                    .target
                    .remove_event_listener_with_callback(&l.event, &l.callback);
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
        if id == 0 || self.nodes.contains(id) {
            return Err((ID_IN_USE, ["id ", &dec(id), " in use"].concat()));
        }
        if self.nodes.len() >= MAX_NODES {
            return Err((LIMIT, "live node limit 10000".into()));
        }
        Ok(())
    }

    fn adopt(&mut self, id: u32, node: Node, element: bool) {
        self.ids.set(node.unchecked_ref(), &JsValue::from(id));
        self.nodes.insert(id, Entry { node, element });
    }

    fn node(&self, id: u32) -> Result<&Node, Failed> {
        if id == 0 {
            return Ok(&self.root);
        }
        match self.nodes.get(id) {
            Some(e) => Ok(&e.node),
            None => Err((UNKNOWN_NODE, ["unknown node ", &dec(id)].concat())),
        }
    }

    /// A node that may be moved: anything but the root.
    fn child(&self, id: u32) -> Result<&Node, Failed> {
        if id == 0 {
            return Err((MALFORMED, "the root cannot be moved".into()));
        }
        self.node(id)
    }

    fn element(&self, id: u32) -> Result<&Element, Failed> {
        match self.nodes.get(id) {
            Some(e) if e.element => Ok(e.node.unchecked_ref()),
            Some(_) => Err((
                UNKNOWN_NODE,
                ["node ", &dec(id), " is not an element"].concat(),
            )),
            None => self
                .node(id)
                .and(Err((UNKNOWN_NODE, "the root is not an element".into()))),
        }
    }

    fn set_prop(&self, id: u32, name: &str, value: &JsValue) -> Result<(), Failed> {
        let el = self.element(id)?;
        Reflect::set(el, &JsValue::from_str(name), value).map_err(dom_error)?;
        Ok(())
    }

    /// Releases the ids of `top` and of every node below it.
    fn release(&mut self, top: &Node) {
        let mut node = top.clone();
        loop {
            if let Some(id) = self.ids.get(node.unchecked_ref()).as_f64() {
                self.nodes.remove(id as u32);
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

/// An edit the DOM itself rejected (e.g. a node appended into its own subtree).
fn dom_error(e: JsValue) -> Failed {
    (
        MALFORMED,
        ["the dom refused it: ", &js::error_text(&e)].concat(),
    )
}

/// At most 64 characters of a guest-supplied value, for violation details.
fn clip(s: &str) -> &str {
    match s.char_indices().nth(64) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
