//! A fake DOM that applies decoded operations with the host's rules (docs/abi.md), so tests
//! can look at the page a component builds instead of at bytes.

use std::collections::BTreeMap;
use std::string::String;
use std::vec::Vec;

use super::decode::Op;
use super::rules;

/// One node of the fake DOM.
#[derive(Clone, Debug, Default)]
pub struct FakeNode {
    /// The tag; empty for a text node, `#root` for node `0`.
    pub tag: String,
    /// A text node's data (or an element's text set by `SET_TEXT`).
    pub text: String,
    /// Attributes in the order first set.
    pub attrs: Vec<(String, String)>,
    /// Child ids in order.
    pub children: Vec<u32>,
    /// Parent id when attached.
    pub parent: Option<u32>,
    /// The `value` property.
    pub value: String,
    /// The `checked` property.
    pub checked: bool,
}

/// The nodes and listeners of one component's shadow root.
#[derive(Debug)]
pub struct FakeDom {
    /// Live nodes by id; `0` is the root.
    pub nodes: BTreeMap<u32, FakeNode>,
    /// Live listeners: id -> (node id, event name).
    pub listeners: BTreeMap<u32, (u32, String)>,
}

impl Default for FakeDom {
    fn default() -> Self {
        let root = FakeNode {
            tag: "#root".into(),
            ..FakeNode::default()
        };
        FakeDom {
            nodes: BTreeMap::from([(0, root)]),
            listeners: BTreeMap::new(),
        }
    }
}

impl FakeDom {
    /// Applies operations in order; at the first one the host would refuse, stops and returns
    /// its code (the ones before stay applied), else `0`.
    pub fn apply(&mut self, ops: &[Op]) -> i32 {
        for op in ops {
            if let Err(code) = self.apply_one(op) {
                return code;
            }
        }
        0
    }

    fn node(&mut self, id: u32) -> Result<&mut FakeNode, i32> {
        self.nodes.get_mut(&id).ok_or(-6)
    }

    /// `id` may name a new node: not `0`, not live, and under the node limit.
    fn check_new(&self, id: u32) -> Result<(), i32> {
        if id == 0 || self.nodes.contains_key(&id) {
            return Err(-7);
        }
        if self.nodes.len() > rules::MAX_NODES as usize {
            return Err(-9);
        }
        Ok(())
    }

    fn create(&mut self, id: u32, node: FakeNode) -> Result<(), i32> {
        self.check_new(id)?;
        self.nodes.insert(id, node);
        Ok(())
    }

    fn apply_one(&mut self, op: &Op) -> Result<(), i32> {
        match op {
            Op::CreateElement { id, tag } => {
                self.check_new(*id)?;
                rules::check_tag(tag)?;
                self.create(
                    *id,
                    FakeNode {
                        tag: tag.clone(),
                        ..FakeNode::default()
                    },
                )?;
            }
            Op::CreateText { id, text } => {
                self.create(
                    *id,
                    FakeNode {
                        text: text.clone(),
                        ..FakeNode::default()
                    },
                )?;
            }
            Op::SetAttr { id, name, value } => {
                self.element(*id)?;
                let name = name.to_ascii_lowercase();
                rules::check_attr(&name, value)?;
                let n = self.element(*id)?;
                match n.attrs.iter_mut().find(|(k, _)| *k == name) {
                    Some(a) => a.1 = value.clone(),
                    None => n.attrs.push((name, value.clone())),
                }
            }
            Op::RemoveAttr { id, name } => {
                let n = self.element(*id)?;
                if !rules::valid_name(name) {
                    return Err(-4);
                }
                let name = name.to_ascii_lowercase();
                n.attrs.retain(|(k, _)| *k != name);
            }
            Op::SetText { id, text } => {
                let kids = std::mem::take(&mut self.node(*id)?.children);
                for k in kids {
                    self.release(k);
                }
                self.node(*id)?.text = text.clone();
            }
            Op::Append { parent, child } => self.attach(*parent, *child, None)?,
            Op::InsertBefore {
                parent,
                child,
                before,
            } => self.attach(*parent, *child, Some(*before))?,
            Op::Remove { id } => {
                if *id == 0 {
                    return Err(-6);
                }
                self.node(*id)?;
                self.detach(*id);
                self.release(*id);
            }
            Op::Listen {
                id,
                listener,
                event,
            } => {
                self.node(*id)?;
                if self.listeners.contains_key(listener) {
                    return Err(-7);
                }
                if self.listeners.len() >= rules::MAX_LISTENERS as usize {
                    return Err(-9);
                }
                self.listeners.insert(*listener, (*id, event.clone()));
            }
            Op::Unlisten { listener } => {
                self.listeners.remove(listener).ok_or(-6)?;
            }
            Op::SetValue { id, value } => self.element(*id)?.value = value.clone(),
            Op::SetChecked { id, checked } => self.element(*id)?.checked = *checked,
        }
        Ok(())
    }

    fn element(&mut self, id: u32) -> Result<&mut FakeNode, i32> {
        let n = self.node(id)?;
        if n.tag.is_empty() {
            return Err(-6); // not an element
        }
        Ok(n)
    }

    fn attach(&mut self, parent: u32, child: u32, before: Option<u32>) -> Result<(), i32> {
        self.node(child)?;
        let p = self.node(parent)?;
        let at = match before {
            Some(b) => p.children.iter().position(|&c| c == b).ok_or(-6)?,
            None => p.children.len(),
        };
        if child == 0 || self.is_ancestor(child, parent) {
            return Err(-2);
        }
        let mut at = at;
        if self.nodes[&child].parent == Some(parent) {
            let old = self.nodes[&parent]
                .children
                .iter()
                .position(|&c| c == child);
            if old.is_some_and(|o| o < at) {
                at -= 1;
            }
        }
        self.detach(child);
        self.node(parent)?.children.insert(at, child);
        self.node(child)?.parent = Some(parent);
        Ok(())
    }

    fn is_ancestor(&self, a: u32, mut n: u32) -> bool {
        loop {
            if n == a {
                return true;
            }
            match self.nodes.get(&n).and_then(|x| x.parent) {
                Some(p) => n = p,
                None => return false,
            }
        }
    }

    fn detach(&mut self, id: u32) {
        if let Some(p) = self.nodes.get_mut(&id).and_then(|n| n.parent.take()) {
            if let Some(pn) = self.nodes.get_mut(&p) {
                pn.children.retain(|&c| c != id);
            }
        }
    }

    /// Drops a detached subtree's ids and the listeners on its nodes.
    fn release(&mut self, id: u32) {
        if let Some(n) = self.nodes.remove(&id) {
            self.listeners.retain(|_, (node, _)| *node != id);
            for k in n.children {
                self.release(k);
            }
        }
    }

    /// The markup under the root, `<style>` elements left out, e.g.
    /// `<div class="c"><button>+</button>3</div>`.
    pub fn html(&self) -> String {
        let mut s = String::new();
        for &k in &self.nodes[&0].children {
            self.write(k, &mut s);
        }
        s
    }

    fn write(&self, id: u32, out: &mut String) {
        let n = &self.nodes[&id];
        if n.tag.is_empty() {
            out.push_str(&n.text);
            return;
        }
        if n.tag == "style" {
            return;
        }
        out.push('<');
        out.push_str(&n.tag);
        for (k, v) in &n.attrs {
            out.push_str(&std::format!(" {k}=\"{v}\""));
        }
        out.push('>');
        out.push_str(&n.text);
        for &k in &n.children {
            self.write(k, out);
        }
        if !rules::is_void(&n.tag) {
            out.push_str(&std::format!("</{}>", n.tag));
        }
    }

    /// The text content of a node (all descendant text, in order).
    pub fn text(&self, id: u32) -> String {
        let n = &self.nodes[&id];
        let mut s = n.text.clone();
        for &k in &n.children {
            s.push_str(&self.text(k));
        }
        s
    }
}
