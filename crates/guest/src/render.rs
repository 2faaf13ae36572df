//! The renderer: turns each new view into the fewest DOM edits it finds, position by
//! position, against the tree it rendered last.
//!
//! Rules: children are matched by position; a node whose tag (or text-ness) changed is
//! replaced; attributes and text are set only when they differ; `value` and `checked` are set
//! when they differ from what was rendered, or when the user changed them since (they are
//! never unset: a view that stops naming them leaves the DOM as it is); a listener whose event
//! name stays at the same place on the same element keeps its host listener (only the handler,
//! which lives in the guest, changes). Creating a node is patching it against an empty node.
//! Node and listener ids count up from 1 and are never reused.

use crate::node::Inner;
use crate::ops::Ops;

/// Ids and the pending batch of one component.
#[derive(Default)]
pub(crate) struct Renderer {
    pub(crate) ops: Ops,
    last_node: u32,
    last_listener: u32,
    /// The element whose `value`/`checked` the user changed since the last render (`0` for
    /// none): its properties are set again rather than compared with what was rendered.
    pub(crate) typed: u32,
}

impl Renderer {
    /// A fresh node id (never `0`, the root).
    pub(crate) fn node_id(&mut self) -> u32 {
        self.last_node += 1;
        self.last_node
    }

    /// `SET_ATTR`, or `SET_VALUE`/`SET_CHECKED` for the property entries.
    fn set_attr(&mut self, id: u32, name: &str, value: &str) {
        match name.as_bytes().first() {
            Some(1) => self.ops.set_value(id, value),
            Some(2) => self.ops.set_checked(id, !value.is_empty()),
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

    /// Turns the rendered `old` (a child of `parent`; `None` to create the node) into `new`,
    /// which takes over or receives the ids. `old` is only read; the caller drops the old tree
    /// afterwards.
    pub(crate) fn patch<M>(&mut self, parent: u32, old: Option<&Inner<M>>, new: &mut Inner<M>) {
        let same = old.filter(|o| o.tag == new.tag);
        let (old_attrs, old_on, old_kids) = match same {
            Some(o) => {
                new.id = o.id;
                if o.text != new.text {
                    self.ops.set_text(new.id, &new.text);
                }
                (&o.attrs[..], &o.on[..], &o.kids[..])
            }
            None => {
                new.id = self.node_id();
                if new.tag.is_empty() {
                    self.ops.create_text(new.id, &new.text);
                } else {
                    self.ops.create_element(new.id, new.tag);
                }
                match old {
                    None => self.ops.append(parent, new.id),
                    Some(o) => {
                        self.ops.insert_before(parent, new.id, o.id);
                        self.remove(o);
                    }
                }
                (&[][..], &[][..], &[][..])
            }
        };
        let id = new.id;
        let typed = self.typed == id;
        for (name, value) in &new.attrs {
            if (typed && is_prop(name)) || !old_attrs.iter().any(|(n, v)| n == name && v == value) {
                self.set_attr(id, name, value);
            }
        }
        for (name, _) in old_attrs {
            if !is_prop(name) && !new.attrs.iter().any(|(n, _)| n == name) {
                self.ops.remove_attr(id, name);
            }
        }
        for (i, l) in new.on.iter_mut().enumerate() {
            match old_on.get(i) {
                Some(o) if o.event == l.event => l.id = o.id,
                o => {
                    if let Some(o) = o {
                        self.ops.unlisten(o.id);
                    }
                    self.last_listener += 1;
                    l.id = self.last_listener;
                    self.ops.listen(id, l.id, l.event);
                }
            }
        }
        for o in old_on.get(new.on.len()..).unwrap_or(&[]) {
            self.ops.unlisten(o.id);
        }
        for (i, kid) in new.kids.iter_mut().enumerate() {
            self.patch(id, old_kids.get(i).map(|o| &*o.0), &mut kid.0);
        }
        for o in old_kids.get(new.kids.len()..).unwrap_or(&[]) {
            self.remove(&o.0);
        }
    }

    /// Removes a rendered subtree: its listeners, then the node.
    fn remove<M>(&mut self, n: &Inner<M>) {
        self.unlisten_all(n);
        self.ops.remove(n.id);
    }
}

/// Whether an attribute entry stands for a DOM property (`value`, `checked`).
fn is_prop(name: &str) -> bool {
    name.as_bytes().first().is_some_and(|&b| b < 3)
}

/// The element holding listener `id` in a rendered tree, and that listener's index.
pub(crate) fn find_listener<M>(n: &mut Inner<M>, id: u32) -> Option<(&mut Inner<M>, usize)> {
    if let Some(i) = n.on.iter().position(|l| l.id == id) {
        return Some((n, i));
    }
    n.kids.iter_mut().find_map(|k| find_listener(&mut k.0, id))
}
