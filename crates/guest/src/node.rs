//! The light element tree a component's `view` returns, and its builder methods.

use alloc::borrow::Cow;
use alloc::boxed::Box;
use alloc::string::String;
use alloc::vec::Vec;

use crate::handler::{Handler, Listener};

/// Text that is either a `&'static str` (no allocation) or an owned `String`.
pub type Str = Cow<'static, str>;

/// One node of a view: an element (with attributes, listeners and children) or a text node.
///
/// Build elements with the functions of [`crate::html`] (`div()`, `button()`, [`el`]) and
/// chain the methods below; text with [`text`], or pass a string to [`Node::child`].
///
/// ```
/// use tessera_guest::html::*;
/// #[derive(Clone)]
/// enum Msg { Inc }
/// let view: Node<Msg> = div()
///     .class("counter")
///     .child(button().text("+").on_click(Msg::Inc))
///     .child(span().text("3"));
/// ```
pub struct Node<M>(pub(crate) Box<Inner<M>>);

/// A node's fields, boxed so that the builder moves a pointer, not the whole node (this keeps
/// views small in wasm).
pub(crate) struct Inner<M> {
    /// The host's node id once rendered, `0` before.
    pub(crate) id: u32,
    /// The tag name; empty for a text node.
    pub(crate) tag: &'static str,
    /// A text node's data.
    pub(crate) text: Str,
    pub(crate) attrs: Vec<(&'static str, Str)>,
    pub(crate) kids: Vec<Node<M>>,
    pub(crate) on: Vec<Listener<M>>,
}

/// Attribute names that stand for DOM properties (`SET_VALUE`, `SET_CHECKED`): bytes no
/// attribute name can hold. They are never removed, only set.
pub(crate) const VALUE: &str = "\u{1}";
/// See [`VALUE`]; its value is `"1"` (checked) or `""`.
pub(crate) const CHECKED: &str = "\u{2}";

/// An element named `tag` (lowercase HTML; the host refuses tags outside its allowlist).
pub fn el<M>(tag: &'static str) -> Node<M> {
    Node(Box::new(Inner {
        id: 0,
        tag,
        text: Cow::Borrowed(""),
        attrs: Vec::new(),
        kids: Vec::new(),
        on: Vec::new(),
    }))
}

/// A text node.
pub fn text<M>(s: impl Into<Str>) -> Node<M> {
    let mut n = el("");
    n.0.text = s.into();
    n
}

impl<M, S: Into<Str>> From<S> for Node<M> {
    fn from(s: S) -> Node<M> {
        text(s)
    }
}

impl<M> Node<M> {
    /// Whether this is a text node.
    pub fn is_text(&self) -> bool {
        self.0.tag.is_empty()
    }

    /// Sets an attribute, replacing an earlier value of the same name. Ignored on text nodes.
    pub fn attr(mut self, name: &'static str, value: impl Into<Str>) -> Self {
        let value = value.into();
        match self.0.attrs.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.0.attrs.push((name, value)),
        }
        self
    }

    /// Sets a boolean attribute (`disabled`, `hidden`, ...) present when `on` is true.
    pub fn flag(self, name: &'static str, on: bool) -> Self {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// Sets the `class` attribute.
    pub fn class(self, value: impl Into<Str>) -> Self {
        self.attr("class", value)
    }

    /// Sets the `style` attribute (inline CSS).
    pub fn style(self, css: impl Into<Str>) -> Self {
        self.attr("style", css)
    }

    /// Appends a child: a node, or a string (a text node).
    pub fn child(mut self, child: impl Into<Node<M>>) -> Self {
        self.0.kids.push(child.into());
        self
    }

    /// Appends every node of `children`.
    pub fn children(mut self, children: impl IntoIterator<Item = Node<M>>) -> Self {
        self.0.kids.extend(children);
        self
    }

    /// Appends a text node.
    pub fn text(self, s: impl Into<Str>) -> Self {
        self.child(text(s))
    }

    /// Sets the `value` property (inputs). Re-rendered when it differs from the value the
    /// DOM last had, including what the user typed (`input`/`change` events update it).
    pub fn value(self, v: impl Into<Str>) -> Self {
        self.attr(VALUE, v)
    }

    /// Sets the `checked` property (checkboxes, radios).
    pub fn checked(self, on: bool) -> Self {
        self.attr(CHECKED, if on { "1" } else { "" })
    }

    fn listen(mut self, event: &'static str, handler: Handler<M>) -> Self {
        self.0.on.push(Listener {
            event,
            id: 0,
            handler,
        });
        self
    }

    /// Sends `msg` on every `event` (any DOM event name: `"dblclick"`, `"focus"`, ...).
    pub fn on(self, event: &'static str, msg: M) -> Self {
        self.listen(event, Handler::Msg(msg))
    }

    /// Sends `f(data)` on every `event`, or nothing when `f` returns `None`; `data` is the
    /// event data of docs/abi.md (a value, a key, or empty).
    pub fn on_with(self, event: &'static str, f: impl Fn(&str) -> Option<M> + 'static) -> Self {
        self.listen(event, Handler::Map(Box::new(f)))
    }

    /// Sends `msg` on `click`.
    pub fn on_click(self, msg: M) -> Self {
        self.on("click", msg)
    }

    /// Sends `msg` on `submit` (the host prevents the page navigation).
    pub fn on_submit(self, msg: M) -> Self {
        self.on("submit", msg)
    }

    /// Sends `f(value)` on every `input` (each keystroke), e.g. `.on_input(Msg::Edit)`.
    pub fn on_input(self, f: impl Fn(String) -> M + 'static) -> Self {
        self.on_with("input", move |v| Some(f(String::from(v))))
    }

    /// Sends `f(value)` on `change` (`"true"`/`"false"` for checkboxes).
    pub fn on_change(self, f: impl Fn(String) -> M + 'static) -> Self {
        self.on_with("change", move |v| Some(f(String::from(v))))
    }

    /// Sends `f(key)` on every `keydown` (`"Enter"`, `"a"`, `"ArrowUp"`, ...).
    pub fn on_keydown(self, f: impl Fn(String) -> M + 'static) -> Self {
        self.on_with("keydown", move |k| Some(f(String::from(k))))
    }
}

impl<M: Clone + 'static> Node<M> {
    /// Sends `msg` on a `keydown` of `key` only, e.g. `.on_key("Escape", Msg::Cancel)`.
    pub fn on_key(self, key: &'static str, msg: M) -> Self {
        self.on_with("keydown", move |k| (k == key).then(|| msg.clone()))
    }
}
