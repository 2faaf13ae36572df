//! The renderer: creates a view's nodes through DOM edits, then patches the retained tree
//! against each new view with the fewest edits it can find position by position.
//!
//! Rules: children are matched by position; a node whose tag (or text-ness) changed is
//! replaced; attributes, text, `value` and `checked` are set only when they differ (the
//! properties are never unset: a view that stops naming them leaves the DOM as it is); a listener
//! whose event name stays at the same place on the same element keeps its host listener (only
//! the handler, which lives in the guest, is swapped). Node and listener ids count up from 1 and are never reused.

use crate::node::{Inner, Node, CHECKED, VALUE};
use crate::ops::Ops;

/// Ids and the pending batch of one component.
#[derive(Default)]
pub(crate) struct Renderer {
    pub(crate) ops: Ops,
    last_node: u32,
    last_listener: u32,
}

impl Renderer {
    /// A fresh node id (never `0`, the root).
    pub(crate) fn node_id(&mut self) -> u32 {
        self.last_node += 1;
        self.last_node
    }

    fn listener_id(&mut self) -> u32 {
        self.last_listener += 1;
        self.last_listener
    }

    /// Creates `n` and its subtree detached, assigning ids; the caller attaches it.
    pub(crate) fn create<M>(&mut self, n: &mut Inner<M>) {
        n.id = self.node_id();
        if n.tag.is_empty() {
            self.ops.create_text(n.id, &n.text);
            return;
        }
        self.ops.create_element(n.id, n.tag);
        for (name, value) in &n.attrs {
            self.set_attr(n.id, name, value);
        }
        for l in &mut n.on {
            l.id = self.listener_id();
            self.ops.listen(n.id, l.id, l.event);
        }
        for kid in &mut n.kids {
            self.create(&mut kid.0);
            self.ops.append(n.id, kid.0.id);
        }
    }

    /// `SET_ATTR`, or `SET_VALUE`/`SET_CHECKED` for the property entries.
    fn set_attr(&mut self, id: u32, name: &str, value: &str) {
        match name {
            VALUE => self.ops.set_value(id, value),
            CHECKED => self.ops.set_checked(id, !value.is_empty()),
            _ => self.ops.set_attr(id, name, value),
        }
    }

    /// Unbinds every listener of a rendered subtree about to be removed. (`REMOVE` releases
    /// the subtree's node ids; docs/abi.md does not say it releases listeners, so they are
    /// released explicitly first.)
    fn unlisten_all<M>(&mut self, n: &Inner<M>) {
        for l in &n.on {
            self.ops.unlisten(l.id);
        }
        for kid in &n.kids {
            self.unlisten_all(&kid.0);
        }
    }

    /// Turns the rendered `old` (a child of `parent`) into `new`, which takes over the ids.
    /// `old` is only read; the caller drops the whole old tree afterwards.
    pub(crate) fn patch<M>(&mut self, parent: u32, old: &Node<M>, new: &mut Node<M>) {
        let (old, new) = (&*old.0, &mut *new.0);
        if old.tag != new.tag {
            self.create(new);
            self.ops.insert_before(parent, new.id, old.id);
            self.unlisten_all(old);
            self.ops.remove(old.id);
            return;
        }
        new.id = old.id;
        if new.tag.is_empty() {
            if old.text != new.text {
                self.ops.set_text(new.id, &new.text);
            }
            return;
        }
        for (name, value) in &new.attrs {
            if !old.attrs.iter().any(|(n, v)| n == name && v == value) {
                self.set_attr(new.id, name, value);
            }
        }
        for (name, _) in &old.attrs {
            if !name.starts_with('\u{1}') && !new.attrs.iter().any(|(n, _)| n == name) {
                self.ops.remove_attr(new.id, name);
            }
        }
        // Listeners by position: the same event name keeps its host listener (only the
        // handler, which lives in the guest, changes); others are rebound.
        for (i, l) in new.on.iter_mut().enumerate() {
            match old.on.get(i) {
                Some(o) if o.event == l.event => l.id = o.id,
                o => {
                    if let Some(o) = o {
                        self.ops.unlisten(o.id);
                    }
                    l.id = self.listener_id();
                    self.ops.listen(new.id, l.id, l.event);
                }
            }
        }
        for o in old.on.get(new.on.len()..).unwrap_or(&[]) {
            self.ops.unlisten(o.id);
        }
        // Children by position.
        for (i, kid) in new.kids.iter_mut().enumerate() {
            match old.kids.get(i) {
                Some(o) => self.patch(new.id, o, kid),
                None => {
                    self.create(&mut kid.0);
                    self.ops.append(new.id, kid.0.id);
                }
            }
        }
        for o in old.kids.get(new.kids.len()..).unwrap_or(&[]) {
            self.unlisten_all(&o.0);
            self.ops.remove(o.0.id);
        }
    }
}

/// The element holding listener `id` in a rendered tree, and that listener's index.
pub(crate) fn find_listener<M>(n: &mut Node<M>, id: u32) -> Option<(&mut Inner<M>, usize)> {
    let n = &mut *n.0;
    if let Some(i) = n.on.iter().position(|l| l.id == id) {
        return Some((n, i));
    }
    n.kids.iter_mut().find_map(|k| find_listener(k, id))
}
