//! The fake DOM: the host's own model of a component's tree ([`tessera_abi::tree::Tree`]), so
//! every edit is decided exactly as the browser host decides it (docs/abi.md), and tests can look
//! at the page a component builds instead of at bytes.

use std::string::String;
use std::vec::Vec;

use tessera_abi::policy::StaticOrigins;
use tessera_abi::tree::{Limits, Tree};

use super::decode::Op;

/// The network policy the fake applies: the page is `https://app.example` and components may
/// reach only it, so relative URLs pass and absolute ones to other origins are refused.
pub const ORIGINS: StaticOrigins<'static> = StaticOrigins {
    base_origin: "https://app.example",
    allowed: &["https://app.example"],
};

/// A copy of one node of the fake DOM ([`FakeDom::node`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FakeNode {
    /// The tag; empty for a text node, `#root` for node `0`.
    pub tag: String,
    /// A text node's data, or the text an element got from `SET_TEXT` (its first child).
    pub text: String,
    /// Attributes in the order first set.
    pub attrs: Vec<(String, String)>,
    /// The ids of its children in order (not the text child from `SET_TEXT`).
    pub children: Vec<u32>,
    /// Parent id when attached.
    pub parent: Option<u32>,
    /// The `value` property.
    pub value: String,
    /// The `checked` property.
    pub checked: bool,
}

/// The nodes and listeners of one component's shadow root.
pub struct FakeDom {
    tree: Tree,
}

impl Default for FakeDom {
    /// An empty root with the ABI's default limits.
    fn default() -> Self {
        FakeDom {
            tree: Tree::new(Limits::default()),
        }
    }
}

impl std::fmt::Debug for FakeDom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeDom")
            .field("html", &self.tree.html())
            .field("nodes", &self.tree.nodes())
            .field("listeners", &self.tree.listeners())
            .finish()
    }
}

/// `op` with its text borrowed, as [`Tree::edit`] takes it.
fn borrowed(op: &Op) -> tessera_abi::Op<&str> {
    use tessera_abi::Op as O;
    match op {
        O::CreateElement { id, tag } => O::CreateElement { id: *id, tag },
        O::CreateText { id, text } => O::CreateText { id: *id, text },
        O::SetAttr { id, name, value } => O::SetAttr {
            id: *id,
            name,
            value,
        },
        O::RemoveAttr { id, name } => O::RemoveAttr { id: *id, name },
        O::SetText { id, text } => O::SetText { id: *id, text },
        O::Append { parent, child } => O::Append {
            parent: *parent,
            child: *child,
        },
        O::InsertBefore {
            parent,
            child,
            before,
        } => O::InsertBefore {
            parent: *parent,
            child: *child,
            before: *before,
        },
        O::Remove { id } => O::Remove { id: *id },
        O::Listen {
            id,
            listener,
            event,
        } => O::Listen {
            id: *id,
            listener: *listener,
            event,
        },
        O::Unlisten { listener } => O::Unlisten {
            listener: *listener,
        },
        O::SetValue { id, value } => O::SetValue { id: *id, value },
        O::SetChecked { id, checked } => O::SetChecked {
            id: *id,
            checked: *checked,
        },
    }
}

impl FakeDom {
    /// Applies operations in order; at the first one the host would refuse, stops and returns
    /// its code (the ones before stay applied), else `0`.
    pub fn apply(&mut self, ops: &[Op]) -> i32 {
        for op in ops {
            if let Err(refused) = self.tree.edit(&borrowed(op), &ORIGINS) {
                return refused.code;
            }
        }
        0
    }

    /// The model itself: every node, attribute, property and listener, and the counts.
    pub fn tree(&self) -> &Tree {
        &self.tree
    }

    /// A copy of node `id`, or `None` when it is not live.
    pub fn node(&self, id: u32) -> Option<FakeNode> {
        let t = &self.tree;
        if !t.contains(id) {
            return None;
        }
        let tag = match (id, t.tag(id)) {
            (0, _) => "#root",
            (_, tag) => tag.unwrap_or(""),
        };
        Some(FakeNode {
            tag: tag.into(),
            text: t.text(id).unwrap_or("").into(),
            attrs: t.attrs(id).to_vec(),
            children: t.children(id).collect(),
            parent: t.parent(id),
            value: t.value(id).unwrap_or("").into(),
            checked: t.checked(id),
        })
    }

    /// The markup under the root as the browser's `innerHTML` gives it, with the root's
    /// `<style>` children left out, e.g. `<div class="c"><button>+</button>3</div>`.
    pub fn html(&self) -> String {
        let t = &self.tree;
        let all = t.html();
        let kids: Vec<String> = t.children(0).map(|c| t.outer_html(c)).collect();
        // Before the children comes the text `SET_TEXT` gave the root, if any.
        let lead = all.len() - kids.iter().map(String::len).sum::<usize>();
        let mut s = String::from(all.get(..lead).unwrap_or(""));
        for (c, html) in t.children(0).zip(&kids) {
            if t.tag(c) != Some("style") {
                s.push_str(html);
            }
        }
        s
    }

    /// The text content of a node (all its text and its descendants', in order).
    pub fn text(&self, id: u32) -> String {
        let t = &self.tree;
        let mut s = String::from(t.text(id).unwrap_or(""));
        for d in t.descendants(id) {
            s.push_str(t.text(d).unwrap_or(""));
        }
        s
    }

    /// Element `id`'s `value` property (empty for other nodes).
    pub fn value(&self, id: u32) -> String {
        self.tree.value(id).unwrap_or("").into()
    }

    /// Element `id`'s `checked` property.
    pub fn checked(&self, id: u32) -> bool {
        self.tree.checked(id)
    }

    /// The listeners for `event` on live node `id`, by listener id (the SDK's order of adding).
    pub fn listeners_on(&self, id: u32, event: &str) -> Vec<u32> {
        let on = self.tree.listeners_on(id);
        on.filter(|(_, e)| *e == event).map(|(l, _)| l).collect()
    }

    /// Whether listener `listener` is live.
    pub fn listening(&self, listener: u32) -> bool {
        self.tree.listener(listener).is_some()
    }

    /// What the browser does to element `id` when the user makes an `input` or `change` with
    /// `data`: sets `checked` (`data == "true"`) for a checkbox or radio, else `value`.
    pub fn user_input(&mut self, id: u32, data: &str) {
        let op = match self.tree.attr(id, "type") {
            Some("checkbox" | "radio") => tessera_abi::Op::SetChecked {
                id,
                checked: data == "true",
            },
            _ => tessera_abi::Op::SetValue { id, value: data },
        };
        // A value past the byte budget is not taken, as if the user's typing were cut off.
        let _ = self.tree.edit(&op, &ORIGINS);
    }
}
