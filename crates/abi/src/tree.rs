//! A model of one component's DOM: every DOM edit is checked against the rules and this tree,
//! and applied to it, before the real DOM sees it. The browser host validates each edit against
//! its [`Tree`] while the guest runs and applies the accepted ones to the real DOM after the
//! guest's call returns; the SDK's native fake (`tessera_guest::testing`) uses the same model, so
//! both decide every edit the same way.
//!
//! # Semantics (normative for ABI v1)
//!
//! - Node `0` is the root. It always exists and cannot be created, moved or removed; it is not an
//!   element for `SET_ATTR`, `REMOVE_ATTR`, `SET_VALUE` and `SET_CHECKED` (`-6`, not an element).
//! - `CREATE_ELEMENT`, `CREATE_TEXT`: id `0` or a live id is `-7`; with
//!   [`Limits::max_nodes`] nodes live (the root not counted) `-9`; a tag
//!   [`rules::allowed_tag`] refuses `-3`; a text past the byte budget `-9`, checked in this order.
//! - `SET_ATTR`: an unknown id `-6`; a text node or the root `-6`; the name is ASCII-lowercased,
//!   then [`rules::check_attr`] decides (a `style` attribute's CSS is checked there); then the
//!   byte budget. Attributes keep the order they were first set in; setting one again replaces
//!   its value in place.
//! - `REMOVE_ATTR`: an element as for `SET_ATTR`; a name [`rules::valid_name`] refuses is `-4`;
//!   the name is lowercased; removing an absent attribute is fine.
//! - `SET_TEXT`: on a text node, sets its data. On an element or the root, releases its
//!   children's subtrees (as `REMOVE` does) and gives it one text child without a guest id (none
//!   when the text is empty), exactly like `textContent = text`. The text of a `style` element,
//!   or of a text node whose parent is a `style` element, must pass [`css::check`]. A void
//!   element (`br col hr img input`) takes no text but the empty one (`-2`).
//! - `APPEND`, `INSERT_BEFORE`: an unknown child `-6`; the root as the child `-2`; an unknown
//!   parent `-6`; a text node or a void element as the parent `-2`; the parent inside the child
//!   (or the child itself) `-2`; for `INSERT_BEFORE`, an unknown `before` `-6` and a `before`
//!   that is not a child of `parent` `-2` (`before == child` is a move that changes nothing, as
//!   in the DOM). A `style` element takes one child, a text node, whose text passes
//!   [`css::check`] (else `-2`, or the CSS check's code). A node moved leaves its old parent
//!   first (the DOM's `appendChild`/`insertBefore` order).
//! - `REMOVE`: id `0` is `-2`, an unknown id `-6`. The node is detached, and its id and the ids
//!   of its whole subtree are released (their bytes too). Listeners on released nodes stay until
//!   `UNLISTEN` and keep counting toward [`Limits::max_listeners`]; they are no longer on any
//!   live node, even if the id is used again.
//! - `LISTEN`: an unknown node `-6` (the root and text nodes may be listened on); a live
//!   listener id `-7`; with [`Limits::max_listeners`] listeners live `-9`. `UNLISTEN` of an
//!   unknown listener `-6`.
//! - `SET_VALUE`: an element (not the root) else `-6`; the value's bytes count, replacing the
//!   old value's. `SET_CHECKED`: an element else `-6`.
//! - **Bytes**: [`Tree::dom_bytes`] is the UTF-8 length of all live text (text nodes, and the
//!   text children `SET_TEXT` made), attribute names and values, and `value` properties, of
//!   attached and detached nodes alike. An edit that would take it past
//!   [`Limits::max_dom_bytes`] is `-9`.
//!
//! An edit that fails changes nothing. Nothing here recurses on the tree's depth or panics on any
//! input; a move costs a walk up to the root, everything else about a lookup per node touched.

use crate::idmap::IdMap;
use alloc::string::String;
use alloc::vec::Vec;

use crate::code::UNKNOWN_NODE;
use crate::code::{ID_IN_USE, LIMIT, MALFORMED, REFUSED_ATTRIBUTE, REFUSED_TAG, REFUSED_URL};
use crate::policy::UrlPolicy;
use crate::wire::Op;
use crate::{css, limits, rules};

/// What a component's tree may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Live nodes, the root not counted.
    pub max_nodes: u32,
    /// Live listeners, also those left on released nodes.
    pub max_listeners: u32,
    /// Bytes of text, attribute names and values, and `value` properties.
    pub max_dom_bytes: u32,
}

impl Default for Limits {
    /// [`limits::MAX_NODES`], [`limits::MAX_LISTENERS`] and [`limits::DEFAULT_MAX_DOM_BYTES`].
    fn default() -> Limits {
        Limits {
            max_nodes: limits::MAX_NODES,
            max_listeners: limits::MAX_LISTENERS,
            max_dom_bytes: limits::DEFAULT_MAX_DOM_BYTES,
        }
    }
}

/// An edit the tree refused: the code `apply` returns and the reason, for the host to word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Refused<'a> {
    /// The result code (negative).
    pub code: i32,
    /// Why, naming the offending value or id.
    pub why: Why<'a>,
}

/// Why an edit was refused; the values are the edit's own, unformatted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why<'a> {
    /// A tag outside the allowlist (`-3`).
    Tag(&'a str),
    /// A refused attribute, by the name as sent (`-4`, or another code of the attribute check).
    Attr(&'a str),
    /// A refused URL in this attribute (as sent), or in a `style` element's text (`"css"`).
    Url(&'a str),
    /// A `style` element's text the CSS check refused for another reason than a URL.
    Css,
    /// A node id that is not live (`-6`).
    UnknownNode(u32),
    /// A node that is not an element where one is needed: a text node or the root (`-6`).
    NotElement(u32),
    /// `CREATE_*` with id `0` or a live id (`-7`).
    IdInUse(u32),
    /// `LISTEN` with a live listener id (`-7`).
    ListenerInUse(u32),
    /// `UNLISTEN` of a listener id that is not live (`-6`).
    UnknownListener(u32),
    /// [`Limits::max_nodes`] reached (`-9`).
    NodeLimit,
    /// [`Limits::max_listeners`] reached (`-9`).
    ListenerLimit,
    /// [`Limits::max_dom_bytes`] would be exceeded (`-9`).
    ByteLimit,
    /// An edit the DOM itself rejects (`-2`), e.g. `a node cannot be moved into itself`.
    Dom(&'static str),
}

/// `Dom` reasons.
const ROOT_FIXED: &str = "the root cannot be moved or removed";
const CYCLE: &str = "a node cannot be moved into itself";
const NOT_CHILD: &str = "before is not a child of parent";
const TEXT_LEAF: &str = "text nodes have no children";
const VOID_LEAF: &str = "void elements have no children";
const STYLE_TEXT: &str = "a style element holds one text node";

/// Whether input `n`'s value mode is "default" or "default/on" (HTML's input types): its
/// `value` property is its `value` attribute.
fn reflects_value(n: &Node) -> bool {
    let kind = n.attrs.iter().find(|a| a.0 == "type");
    let kind = kind.map(|a| a.1.to_ascii_lowercase());
    n.tag() == Some("input")
        && matches!(
            kind.as_deref(),
            Some("checkbox" | "radio" | "hidden" | "submit" | "image" | "reset" | "button")
        )
}

fn refused(code: i32, why: Why<'_>) -> Refused<'_> {
    Refused { code, why }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Root,
    Text,
    Element(&'static str),
}

/// One node. Children are a linked list of guest ids (`0`, the root, is never a child, so it
/// means none).
struct Node {
    kind: Kind,
    /// A text node's data; for an element or the root, its text child without a guest id (from
    /// `SET_TEXT`), always its first child; empty when it has none.
    text: String,
    attrs: Vec<(String, String)>,
    value: String,
    checked: bool,
    /// Distinguishes this node from a later one with the same id (for listeners).
    serial: u64,
    parent: Option<u32>,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
}

impl Node {
    fn new(kind: Kind, text: String, serial: u64) -> Node {
        Node {
            kind,
            text,
            attrs: Vec::new(),
            value: String::new(),
            checked: false,
            serial,
            parent: None,
            first: 0,
            last: 0,
            prev: 0,
            next: 0,
        }
    }

    /// The bytes this node itself holds.
    fn bytes(&self) -> u64 {
        let attrs: usize = self.attrs.iter().map(|(k, v)| k.len() + v.len()).sum();
        (self.text.len() + attrs + self.value.len()) as u64
    }

    fn tag(&self) -> Option<&'static str> {
        match self.kind {
            Kind::Element(tag) => Some(tag),
            _ => None,
        }
    }
}

struct Listener {
    node: u32,
    serial: u64,
    event: String,
}

/// The model of one component's DOM under its root (node `0`); see the module docs.
pub struct Tree {
    nodes: IdMap<Node>,
    listeners: IdMap<Listener>,
    limits: Limits,
    count: u32,
    bytes: u32,
    serial: u64,
}

/// Elements without children in HTML.
fn void(tag: &str) -> bool {
    matches!(tag, "br" | "col" | "hr" | "img" | "input")
}

impl Tree {
    /// An empty tree: only the root.
    pub fn new(limits: Limits) -> Tree {
        let mut nodes = IdMap::new();
        nodes.insert(0, Node::new(Kind::Root, String::new(), 0));
        Tree {
            nodes,
            listeners: IdMap::new(),
            limits,
            count: 0,
            bytes: 0,
            serial: 0,
        }
    }

    /// Checks one edit and, when it passes, applies it; when it fails, nothing changed.
    pub fn edit<'a>(&mut self, op: &Op<&'a str>, urls: &impl UrlPolicy) -> Result<(), Refused<'a>> {
        match *op {
            Op::CreateElement { id, tag } => {
                self.check_new(id)?;
                let Some(tag) = rules::allowed_tag(tag) else {
                    return Err(refused(REFUSED_TAG, Why::Tag(tag)));
                };
                self.insert(id, Kind::Element(tag), String::new());
            }
            Op::CreateText { id, text } => {
                self.check_new(id)?;
                self.bytes = self.budget(0, text.len())?;
                self.insert(id, Kind::Text, text.into());
            }
            Op::SetAttr { id, name, value } => {
                let tag = self.element(id)?;
                let lower = name.to_ascii_lowercase();
                if let Err(code) = rules::check_attr(tag, &lower, value, urls) {
                    let why = match code {
                        REFUSED_URL => Why::Url(name),
                        _ => Why::Attr(name),
                    };
                    return Err(refused(code, why));
                }
                self.put_attr(id, lower, value)?;
            }
            Op::RemoveAttr { id, name } => {
                self.element(id)?;
                if !rules::valid_name(name) {
                    return Err(refused(REFUSED_ATTRIBUTE, Why::Attr(name)));
                }
                let lower = name.to_ascii_lowercase();
                if let Some(n) = self.nodes.get_mut(&id) {
                    if let Some(i) = n.attrs.iter().position(|(k, _)| *k == lower) {
                        let (k, v) = n.attrs.remove(i);
                        self.bytes = self.bytes.saturating_sub((k.len() + v.len()) as u32);
                    }
                }
            }
            Op::SetText { id, text } => self.set_text(id, text, urls)?,
            Op::Append { parent, child } => self.attach(parent, child, None, urls)?,
            Op::InsertBefore {
                parent,
                child,
                before,
            } => self.attach(parent, child, Some(before), urls)?,
            Op::Remove { id } => {
                if id == 0 {
                    return Err(refused(MALFORMED, Why::Dom(ROOT_FIXED)));
                }
                self.node(id)?;
                self.detach(id);
                let freed = self.release(id);
                self.bytes = (self.bytes as u64).saturating_sub(freed) as u32;
            }
            Op::Listen {
                id,
                listener,
                event,
            } => {
                let serial = self.node(id)?.serial;
                if self.listeners.contains_key(&listener) {
                    return Err(refused(ID_IN_USE, Why::ListenerInUse(listener)));
                }
                if self.listeners.len() >= self.limits.max_listeners as usize {
                    return Err(refused(LIMIT, Why::ListenerLimit));
                }
                let event = event.into();
                let l = Listener {
                    node: id,
                    serial,
                    event,
                };
                self.listeners.insert(listener, l);
            }
            Op::Unlisten { listener } => {
                if self.listeners.remove(&listener).is_none() {
                    return Err(refused(UNKNOWN_NODE, Why::UnknownListener(listener)));
                }
            }
            Op::SetValue { id, value } => {
                let tag = self.element(id)?;
                // An input whose value mode is "default" or "default/on" (HTML's input types)
                // keeps its value in the `value` attribute: setting the property sets it.
                if tag == "input" && reflects_value(self.node(id)?) {
                    return self.put_attr(id, "value".into(), value);
                }
                let freed = self.node(id)?.value.len() as u64;
                self.bytes = self.budget(freed, value.len())?;
                if let Some(n) = self.nodes.get_mut(&id) {
                    n.value = value.into();
                }
            }
            Op::SetChecked { id, checked } => {
                self.element(id)?;
                if let Some(n) = self.nodes.get_mut(&id) {
                    n.checked = checked;
                }
            }
        }
        Ok(())
    }

    fn node(&self, id: u32) -> Result<&Node, Refused<'static>> {
        self.nodes
            .get(&id)
            .ok_or(refused(UNKNOWN_NODE, Why::UnknownNode(id)))
    }

    /// Element `id`'s tag (`-6` for unknown ids, text nodes and the root).
    fn element(&self, id: u32) -> Result<&'static str, Refused<'static>> {
        self.node(id)?
            .tag()
            .ok_or(refused(UNKNOWN_NODE, Why::NotElement(id)))
    }

    /// The byte total after freeing `freed` and adding `added` bytes, if within the budget.
    /// Sets attribute `lower` (already checked) of element `id` to `value`, in place when set.
    fn put_attr(&mut self, id: u32, lower: String, value: &str) -> Result<(), Refused<'static>> {
        let attrs = self.node(id)?.attrs.iter();
        let old = attrs
            .map(|(k, v)| (k, k.len() + v.len()))
            .find(|a| *a.0 == lower);
        let freed = old.map_or(0, |a| a.1);
        self.bytes = self.budget(freed as u64, lower.len() + value.len())?;
        if let Some(n) = self.nodes.get_mut(&id) {
            match n.attrs.iter_mut().find(|(k, _)| *k == lower) {
                Some(a) => a.1 = value.into(),
                None => n.attrs.push((lower, value.into())),
            }
        }
        Ok(())
    }

    fn budget(&self, freed: u64, added: usize) -> Result<u32, Refused<'static>> {
        let total = (self.bytes as u64).saturating_sub(freed) + added as u64;
        if total > self.limits.max_dom_bytes as u64 {
            return Err(refused(LIMIT, Why::ByteLimit));
        }
        Ok(total as u32)
    }

    /// `id` may name a new node.
    fn check_new(&self, id: u32) -> Result<(), Refused<'static>> {
        if self.nodes.contains_key(&id) {
            return Err(refused(ID_IN_USE, Why::IdInUse(id)));
        }
        if self.count >= self.limits.max_nodes {
            return Err(refused(LIMIT, Why::NodeLimit));
        }
        Ok(())
    }

    fn insert(&mut self, id: u32, kind: Kind, text: String) {
        self.serial += 1;
        self.nodes.insert(id, Node::new(kind, text, self.serial));
        self.count += 1;
    }

    /// Whether `n` is a `style` element or a text node inside one: its text is CSS.
    fn holds_css(&self, n: &Node) -> bool {
        let style = |n: &Node| n.kind == Kind::Element("style");
        match n.kind {
            Kind::Text => n.parent.and_then(|p| self.nodes.get(&p)).is_some_and(style),
            _ => style(n),
        }
    }

    fn set_text<'a>(
        &mut self,
        id: u32,
        text: &'a str,
        urls: &impl UrlPolicy,
    ) -> Result<(), Refused<'a>> {
        let n = self.node(id)?;
        if self.holds_css(n) {
            css_check(text, urls)?;
        }
        let freed = match n.kind {
            Kind::Text => n.text.len() as u64,
            kind => {
                if matches!(kind, Kind::Element(tag) if void(tag)) && !text.is_empty() {
                    return Err(refused(MALFORMED, Why::Dom(VOID_LEAF)));
                }
                let mut freed = n.text.len() as u64;
                let mut cur = self.step(id, id);
                while cur != 0 {
                    freed += self.nodes.get(&cur).map_or(0, Node::bytes);
                    cur = self.step(cur, id);
                }
                freed
            }
        };
        let total = self.budget(freed, text.len())?;
        let mut child = self.nodes.get(&id).map_or(0, |n| n.first);
        while child != 0 {
            let next = self.nodes.get(&child).map_or(0, |n| n.next);
            self.release(child);
            child = next;
        }
        if let Some(n) = self.nodes.get_mut(&id) {
            n.text = text.into();
            n.first = 0;
            n.last = 0;
        }
        self.bytes = total;
        Ok(())
    }

    fn attach<'a>(
        &mut self,
        parent: u32,
        child: u32,
        before: Option<u32>,
        urls: &impl UrlPolicy,
    ) -> Result<(), Refused<'a>> {
        let c = self.node(child)?;
        if child == 0 {
            return Err(refused(MALFORMED, Why::Dom(ROOT_FIXED)));
        }
        let p = self.node(parent)?;
        match p.kind {
            Kind::Text => return Err(refused(MALFORMED, Why::Dom(TEXT_LEAF))),
            Kind::Element(tag) if void(tag) => return Err(refused(MALFORMED, Why::Dom(VOID_LEAF))),
            _ => {}
        }
        // Only a node with children can hold `parent` (or be it).
        let mut up = if c.first != 0 || child == parent {
            Some(parent)
        } else {
            None
        };
        while let Some(a) = up {
            if a == child {
                return Err(refused(MALFORMED, Why::Dom(CYCLE)));
            }
            up = self.nodes.get(&a).and_then(|n| n.parent);
        }
        if let Some(b) = before {
            if self.node(b)?.parent != Some(parent) {
                return Err(refused(MALFORMED, Why::Dom(NOT_CHILD)));
            }
        }
        if p.kind == Kind::Element("style") {
            let taken = !p.text.is_empty() || (p.first != 0 && p.first != child);
            if c.kind != Kind::Text || taken {
                return Err(refused(MALFORMED, Why::Dom(STYLE_TEXT)));
            }
            css_check(&c.text, urls).map_err(|r| refused(r.code, r.why))?;
        }
        if before == Some(child) {
            return Ok(());
        }
        self.detach(child);
        let (prev, next) = match before {
            Some(b) => (self.nodes.get(&b).map_or(0, |n| n.prev), b),
            None => (self.nodes.get(&parent).map_or(0, |n| n.last), 0),
        };
        if let Some(c) = self.nodes.get_mut(&child) {
            c.parent = Some(parent);
            c.prev = prev;
            c.next = next;
        }
        self.link(parent, prev, next, child);
        Ok(())
    }

    /// Makes `id` the sibling after `prev` and before `next` under `parent` (`0`: none), or
    /// joins them when `id` is `0`.
    fn link(&mut self, parent: u32, prev: u32, next: u32, id: u32) {
        match self.nodes.get_mut(&prev) {
            Some(n) if prev != 0 => n.next = if id != 0 { id } else { next },
            _ => {
                if let Some(p) = self.nodes.get_mut(&parent) {
                    p.first = if id != 0 { id } else { next };
                }
            }
        }
        match self.nodes.get_mut(&next) {
            Some(n) if next != 0 => n.prev = if id != 0 { id } else { prev },
            _ => {
                if let Some(p) = self.nodes.get_mut(&parent) {
                    p.last = if id != 0 { id } else { prev };
                }
            }
        }
    }

    /// Takes `id` out of its parent's children.
    fn detach(&mut self, id: u32) {
        let Some(n) = self.nodes.get_mut(&id) else {
            return;
        };
        let Some(parent) = n.parent.take() else {
            return;
        };
        let (prev, next) = (n.prev, n.next);
        n.prev = 0;
        n.next = 0;
        self.link(parent, prev, next, 0);
    }

    /// Releases `top` and its subtree, deepest first, and returns the bytes they held. `top`'s
    /// parent and siblings are left as they are.
    fn release(&mut self, top: u32) -> u64 {
        let mut freed = 0;
        let mut cur = top;
        while let Some(n) = self.nodes.get(&cur) {
            if n.first != 0 {
                cur = n.first;
                continue;
            }
            let (parent, next) = (n.parent, n.next);
            if let Some(n) = self.nodes.remove(&cur) {
                freed += n.bytes();
                self.count = self.count.saturating_sub(1);
            }
            match parent {
                Some(p) if cur != top => {
                    if let Some(pn) = self.nodes.get_mut(&p) {
                        pn.first = next;
                    }
                    cur = p;
                }
                _ => break,
            }
        }
        freed
    }

    /// The node after `cur` in document order within `top`'s subtree, or `0` after the last.
    fn step(&self, cur: u32, top: u32) -> u32 {
        let Some(n) = self.nodes.get(&cur) else {
            return 0;
        };
        if n.first != 0 {
            return n.first;
        }
        let mut cur = cur;
        loop {
            let Some(n) = self.nodes.get(&cur) else {
                return 0;
            };
            if cur == top {
                return 0;
            }
            if n.next != 0 {
                return n.next;
            }
            match n.parent {
                Some(p) => cur = p,
                None => return 0,
            }
        }
    }

    /// Live nodes, the root not counted.
    pub fn nodes(&self) -> u32 {
        self.count
    }

    /// Live listeners (also those left on released nodes).
    pub fn listeners(&self) -> u32 {
        self.listeners.len() as u32
    }

    /// The bytes [`Limits::max_dom_bytes`] limits (see the module docs).
    pub fn dom_bytes(&self) -> u32 {
        self.bytes
    }

    /// The limits the tree was made with.
    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Whether node `id` is live (`0`, the root, always is).
    pub fn contains(&self, id: u32) -> bool {
        self.nodes.contains_key(&id)
    }

    /// Element `id`'s tag; `None` for text nodes, the root and unknown ids.
    pub fn tag(&self, id: u32) -> Option<&'static str> {
        self.nodes.get(&id)?.tag()
    }

    /// Whether `id` is a live text node.
    pub fn is_text(&self, id: u32) -> bool {
        self.nodes.get(&id).is_some_and(|n| n.kind == Kind::Text)
    }

    /// A text node's data; for an element or the root, the data of the text child without a
    /// guest id that `SET_TEXT` gave it (always its first child), `None` when it has none.
    pub fn text(&self, id: u32) -> Option<&str> {
        let n = self.nodes.get(&id)?;
        (n.kind == Kind::Text || !n.text.is_empty()).then_some(n.text.as_str())
    }

    /// Element `id`'s attributes in the order first set (names lowercase); empty for others.
    pub fn attrs(&self, id: u32) -> &[(String, String)] {
        self.nodes.get(&id).map_or(&[], |n| n.attrs.as_slice())
    }

    /// The value of attribute `name` (lowercase) of element `id`.
    pub fn attr(&self, id: u32, name: &str) -> Option<&str> {
        let (_, v) = self.attrs(id).iter().find(|(k, _)| k == name)?;
        Some(v)
    }

    /// The parent of node `id`; `None` when detached, for the root and unknown ids.
    pub fn parent(&self, id: u32) -> Option<u32> {
        self.nodes.get(&id)?.parent
    }

    /// The children of node `id` that have guest ids, in order (the text child `SET_TEXT` made
    /// is [`Tree::text`]).
    pub fn children(&self, id: u32) -> Children<'_> {
        let next = self.nodes.get(&id).map_or(0, |n| n.first);
        Children { tree: self, next }
    }

    /// The nodes inside node `id` (not `id` itself) in document order.
    pub fn descendants(&self, id: u32) -> Descendants<'_> {
        Descendants {
            tree: self,
            top: id,
            cur: self.step(id, id),
        }
    }

    /// Element `id`'s `value` property; `None` for others. For an input that keeps its value
    /// in the `value` attribute (a checkbox, say), that attribute.
    pub fn value(&self, id: u32) -> Option<&str> {
        let n = self.nodes.get(&id)?;
        n.tag()?;
        if reflects_value(n) {
            return Some(self.attr(id, "value").unwrap_or(""));
        }
        Some(n.value.as_str())
    }

    /// Element `id`'s `checked` property (`false` for others).
    pub fn checked(&self, id: u32) -> bool {
        self.nodes.get(&id).is_some_and(|n| n.checked)
    }

    /// Live listener `listener`: the node it is on (`None` once that node was released) and
    /// its event type.
    pub fn listener(&self, listener: u32) -> Option<(Option<u32>, &str)> {
        let l = self.listeners.get(&listener)?;
        let live = self
            .nodes
            .get(&l.node)
            .is_some_and(|n| n.serial == l.serial);
        Some((live.then_some(l.node), &l.event))
    }

    /// The listeners on live node `id` as (listener id, event type), by listener id.
    pub fn listeners_on(&self, id: u32) -> impl Iterator<Item = (u32, &str)> + '_ {
        let serial = self.nodes.get(&id).map(|n| n.serial);
        self.listeners
            .iter()
            .filter(move |(_, l)| l.node == id && Some(l.serial) == serial)
            .map(|(&k, l)| (k, l.event.as_str()))
    }

    /// The root's content as a browser's `innerHTML` gives it, e.g. `<p class="a">x</p>`.
    pub fn html(&self) -> String {
        let mut out = String::new();
        self.inner_html(0, &mut out);
        out
    }

    /// Node `id` as a browser's `outerHTML` gives it (a text node: its escaped text; the root:
    /// its content); empty for unknown ids.
    pub fn outer_html(&self, id: u32) -> String {
        let mut out = String::new();
        if let Some(n) = self.nodes.get(&id) {
            if n.kind == Kind::Root {
                self.inner_html(0, &mut out);
            } else if self.open(n, &mut out) {
                self.inner_html(id, &mut out);
                close(n, &mut out);
            }
        }
        out
    }

    /// Writes `n`'s start tag, or its text for a text node; `true` when it has content.
    fn open(&self, n: &Node, out: &mut String) -> bool {
        let Kind::Element(tag) = n.kind else {
            escape(&n.text, self.holds_css(n), false, out);
            return false;
        };
        out.push('<');
        out.push_str(tag);
        for (k, v) in &n.attrs {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            escape(v, false, true, out);
            out.push('"');
        }
        out.push('>');
        !void(tag)
    }

    /// Writes the content of node `top`, without recursion.
    fn inner_html(&self, top: u32, out: &mut String) {
        let Some(t) = self.nodes.get(&top) else {
            return;
        };
        escape(&t.text, self.holds_css(t), false, out);
        let mut cur = t.first;
        while let Some(n) = self.nodes.get(&cur).filter(|_| cur != 0) {
            if self.open(n, out) {
                escape(&n.text, self.holds_css(n), false, out);
                if n.first != 0 {
                    cur = n.first;
                    continue;
                }
                close(n, out);
            }
            // The next sibling, closing each parent whose children are done.
            loop {
                let Some(n) = self.nodes.get(&cur) else {
                    return;
                };
                if n.next != 0 {
                    cur = n.next;
                    break;
                }
                match n.parent.and_then(|p| Some((p, self.nodes.get(&p)?))) {
                    Some((p, pn)) if p != top => {
                        close(pn, out);
                        cur = p;
                    }
                    _ => return,
                }
            }
        }
    }
}

/// Writes an element's end tag (none for void elements and other nodes).
fn close(n: &Node, out: &mut String) {
    if let Kind::Element(tag) = n.kind {
        if !void(tag) {
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    }
}

/// Writes `s` as HTML serialization does: raw (a `style` element's text), or with `&`, U+00A0
/// and `<` `>` (text) or `"` (attribute values) escaped.
fn escape(s: &str, raw: bool, attr: bool, out: &mut String) {
    if raw {
        out.push_str(s);
        return;
    }
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attr => out.push_str("&quot;"),
            '<' if !attr => out.push_str("&lt;"),
            '>' if !attr => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

/// A `style` element's text through [`css::check`].
fn css_check<'a>(text: &str, urls: &impl UrlPolicy) -> Result<(), Refused<'a>> {
    css::check(text, urls).map_err(|code| {
        let why = match code {
            REFUSED_URL => Why::Url("css"),
            _ => Why::Css,
        };
        refused(code, why)
    })
}

/// The children of a node ([`Tree::children`]).
pub struct Children<'t> {
    tree: &'t Tree,
    next: u32,
}

impl Iterator for Children<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let id = self.next;
        self.next = self.tree.nodes.get(&id).filter(|_| id != 0)?.next;
        Some(id)
    }
}

/// The nodes inside a node in document order ([`Tree::descendants`]).
pub struct Descendants<'t> {
    tree: &'t Tree,
    top: u32,
    cur: u32,
}

impl Iterator for Descendants<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let id = self.cur;
        if id == 0 {
            return None;
        }
        self.cur = self.tree.step(id, self.top);
        Some(id)
    }
}
