//! One DOM edit of docs/abi.md, "DOM edits (wire)", as a value.

/// One decoded DOM edit. `S` is its text: `&str` borrowed from the batch (the host), or an owned
/// string (a test fake that keeps the edits; see [`Op::map`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op<S> {
    /// `1`: a detached element.
    CreateElement {
        /// The new node's id.
        id: u32,
        /// Its tag name, checked by [`crate::rules::allowed_tag`].
        tag: S,
    },
    /// `2`: a detached text node.
    CreateText {
        /// The new node's id.
        id: u32,
        /// Its data.
        text: S,
    },
    /// `3`: sets an attribute.
    SetAttr {
        /// The element.
        id: u32,
        /// The attribute's name, checked by [`crate::rules::check_attr`] once lowercased.
        name: S,
        /// Its value.
        value: S,
    },
    /// `4`: removes an attribute.
    RemoveAttr {
        /// The element.
        id: u32,
        /// The attribute's name.
        name: S,
    },
    /// `5`: a text node's data, or an element's `textContent`.
    SetText {
        /// The node.
        id: u32,
        /// The text.
        text: S,
    },
    /// `6`: appends `child` as the last child of `parent`.
    Append {
        /// The new parent (`0` is the root).
        parent: u32,
        /// The node moved.
        child: u32,
    },
    /// `7`: inserts `child` before `before`.
    InsertBefore {
        /// The new parent (`0` is the root).
        parent: u32,
        /// The node moved.
        child: u32,
        /// A child of `parent`.
        before: u32,
    },
    /// `8`: detaches a node and releases the ids of its subtree.
    Remove {
        /// The node.
        id: u32,
    },
    /// `9`: adds listener `listener` for `event` on node `id`.
    Listen {
        /// The node listened on.
        id: u32,
        /// The guest's id for the listener.
        listener: u32,
        /// The DOM event type.
        event: S,
    },
    /// `10`: removes a listener.
    Unlisten {
        /// The listener's id.
        listener: u32,
    },
    /// `11`: the `value` property.
    SetValue {
        /// The element.
        id: u32,
        /// The value.
        value: S,
    },
    /// `12`: the `checked` property.
    SetChecked {
        /// The element.
        id: u32,
        /// `false` for `0` on the wire, `true` for anything else.
        checked: bool,
    },
}

impl<S> Op<S> {
    /// The same edit with every text passed through `f` (e.g. `Op<&str>` to `Op<String>`).
    pub fn map<T>(self, mut f: impl FnMut(S) -> T) -> Op<T> {
        match self {
            Op::CreateElement { id, tag } => Op::CreateElement { id, tag: f(tag) },
            Op::CreateText { id, text } => Op::CreateText { id, text: f(text) },
            Op::SetAttr { id, name, value } => Op::SetAttr {
                id,
                name: f(name),
                value: f(value),
            },
            Op::RemoveAttr { id, name } => Op::RemoveAttr { id, name: f(name) },
            Op::SetText { id, text } => Op::SetText { id, text: f(text) },
            Op::Append { parent, child } => Op::Append { parent, child },
            Op::InsertBefore {
                parent,
                child,
                before,
            } => Op::InsertBefore {
                parent,
                child,
                before,
            },
            Op::Remove { id } => Op::Remove { id },
            Op::Listen {
                id,
                listener,
                event,
            } => Op::Listen {
                id,
                listener,
                event: f(event),
            },
            Op::Unlisten { listener } => Op::Unlisten { listener },
            Op::SetValue { id, value } => Op::SetValue {
                id,
                value: f(value),
            },
            Op::SetChecked { id, checked } => Op::SetChecked { id, checked },
        }
    }
}
