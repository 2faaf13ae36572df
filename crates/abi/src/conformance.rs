//! The DOM-edit conformance table: batches of edits, each with the code `apply` must return
//! and the root's `innerHTML` afterwards, for every implementation of the ABI's host side (the
//! browser host, [`crate::tree::Tree`], the SDK's fake). Each case starts from an empty root with
//! the default [`crate::tree::Limits`] and the policy [`POLICY`]; the edits before a refused one
//! stay applied. The URLs are relative ones (allowed) or `https://evil.example/…` (refused), so
//! they mean the same on any page whose origin the host allows.

use alloc::vec::Vec;

use crate::code::UNKNOWN_NODE;
use crate::code::{ID_IN_USE, MALFORMED, OK, REFUSED_ATTRIBUTE, REFUSED_TAG, REFUSED_URL};
use crate::op;
use crate::policy::StaticOrigins;
use crate::wire::Op;

/// The policy the cases assume: the page is `https://app.example` and may reach only itself.
pub const POLICY: StaticOrigins<'static> = StaticOrigins {
    base_origin: "https://app.example",
    allowed: &["https://app.example"],
};

/// One case: a batch, the code `apply` returns for it, and the root's `innerHTML` after it.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// What it checks, lowercase.
    pub name: &'static str,
    /// The edits, one batch.
    pub ops: &'static [Op<&'static str>],
    /// The first refused edit's code, or `0`.
    pub code: i32,
    /// The root's `innerHTML` afterwards.
    pub html: &'static str,
}

/// The wire bytes of `ops` (docs/abi.md, "DOM edits (wire)").
pub fn encode(ops: &[Op<&str>]) -> Vec<u8> {
    let mut out = Vec::new();
    let n = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    let s = |out: &mut Vec<u8>, v: &str| {
        n(out, v.len() as u32);
        out.extend_from_slice(v.as_bytes());
    };
    for o in ops {
        match *o {
            Op::CreateElement { id, tag } => {
                out.push(op::CREATE_ELEMENT);
                n(&mut out, id);
                s(&mut out, tag);
            }
            Op::CreateText { id, text } => {
                out.push(op::CREATE_TEXT);
                n(&mut out, id);
                s(&mut out, text);
            }
            Op::SetAttr { id, name, value } => {
                out.push(op::SET_ATTR);
                n(&mut out, id);
                s(&mut out, name);
                s(&mut out, value);
            }
            Op::RemoveAttr { id, name } => {
                out.push(op::REMOVE_ATTR);
                n(&mut out, id);
                s(&mut out, name);
            }
            Op::SetText { id, text } => {
                out.push(op::SET_TEXT);
                n(&mut out, id);
                s(&mut out, text);
            }
            Op::Append { parent, child } => {
                out.push(op::APPEND);
                n(&mut out, parent);
                n(&mut out, child);
            }
            Op::InsertBefore {
                parent,
                child,
                before,
            } => {
                out.push(op::INSERT_BEFORE);
                n(&mut out, parent);
                n(&mut out, child);
                n(&mut out, before);
            }
            Op::Remove { id } => {
                out.push(op::REMOVE);
                n(&mut out, id);
            }
            Op::Listen {
                id,
                listener,
                event,
            } => {
                out.push(op::LISTEN);
                n(&mut out, id);
                n(&mut out, listener);
                s(&mut out, event);
            }
            Op::Unlisten { listener } => {
                out.push(op::UNLISTEN);
                n(&mut out, listener);
            }
            Op::SetValue { id, value } => {
                out.push(op::SET_VALUE);
                n(&mut out, id);
                s(&mut out, value);
            }
            Op::SetChecked { id, checked } => {
                out.push(op::SET_CHECKED);
                n(&mut out, id);
                n(&mut out, checked as u32);
            }
        }
    }
    out
}

/// The table ([`CASES`]).
pub fn cases() -> &'static [Case] {
    CASES
}

type O = Op<&'static str>;

const fn el(id: u32, tag: &'static str) -> O {
    Op::CreateElement { id, tag }
}
const fn tx(id: u32, text: &'static str) -> O {
    Op::CreateText { id, text }
}
const fn attr(id: u32, name: &'static str, value: &'static str) -> O {
    Op::SetAttr { id, name, value }
}
const fn unattr(id: u32, name: &'static str) -> O {
    Op::RemoveAttr { id, name }
}
const fn text(id: u32, text: &'static str) -> O {
    Op::SetText { id, text }
}
const fn app(parent: u32, child: u32) -> O {
    Op::Append { parent, child }
}
const fn ins(parent: u32, child: u32, before: u32) -> O {
    Op::InsertBefore {
        parent,
        child,
        before,
    }
}
const fn rm(id: u32) -> O {
    Op::Remove { id }
}
const fn on(id: u32, listener: u32, event: &'static str) -> O {
    Op::Listen {
        id,
        listener,
        event,
    }
}
const fn off(listener: u32) -> O {
    Op::Unlisten { listener }
}
const fn value(id: u32, value: &'static str) -> O {
    Op::SetValue { id, value }
}
const fn checked(id: u32, checked: bool) -> O {
    Op::SetChecked { id, checked }
}

const fn case(name: &'static str, ops: &'static [O], code: i32, html: &'static str) -> Case {
    Case {
        name,
        ops,
        code,
        html,
    }
}

/// A `ul` (1) with `li`s 2, 3 and 4, attached to the root, for the move cases.
macro_rules! list {
    ($($op:expr),* $(,)?) => {
        &[
            el(1, "ul"), app(0, 1),
            el(2, "li"), tx(5, "a"), app(2, 5), app(1, 2),
            el(3, "li"), tx(6, "b"), app(3, 6), app(1, 3),
            el(4, "li"), tx(7, "c"), app(4, 7), app(1, 4),
            $($op),*
        ]
    };
}

/// Every case.
pub const CASES: &[Case] = &[
    // CREATE_ELEMENT, APPEND
    case("an empty batch", &[], OK, ""),
    case(
        "an element appended to the root",
        &[el(1, "p"), app(0, 1)],
        OK,
        "<p></p>",
    ),
    case("a detached element is not shown", &[el(1, "p")], OK, ""),
    case(
        "nested elements",
        &[
            el(1, "div"),
            el(2, "p"),
            app(1, 2),
            app(0, 1),
            tx(3, "x"),
            app(2, 3),
        ],
        OK,
        "<div><p>x</p></div>",
    ),
    case(
        "a subtree built detached, then attached",
        &[
            el(1, "section"),
            el(2, "h2"),
            tx(3, "t"),
            app(2, 3),
            app(1, 2),
            app(0, 1),
        ],
        OK,
        "<section><h2>t</h2></section>",
    ),
    case(
        "void elements have no end tag",
        &[
            el(1, "br"),
            app(0, 1),
            el(2, "hr"),
            app(0, 2),
            el(3, "input"),
            app(0, 3),
        ],
        OK,
        "<br><hr><input>",
    ),
    case(
        "a refused tag",
        &[el(1, "p"), app(0, 1), el(2, "script")],
        REFUSED_TAG,
        "<p></p>",
    ),
    case("tags are not lowercased", &[el(1, "DIV")], REFUSED_TAG, ""),
    case("iframe is refused", &[el(1, "iframe")], REFUSED_TAG, ""),
    case("svg is refused", &[el(1, "svg")], REFUSED_TAG, ""),
    case(
        "a custom element is refused",
        &[el(1, "x-widget")],
        REFUSED_TAG,
        "",
    ),
    case("create with id 0", &[el(0, "p")], ID_IN_USE, ""),
    case("create text with id 0", &[tx(0, "x")], ID_IN_USE, ""),
    case(
        "create with a live id stops the batch there",
        &[el(1, "p"), app(0, 1), el(1, "b"), el(2, "i"), app(0, 2)],
        ID_IN_USE,
        "<p></p>",
    ),
    case(
        "a live detached id is in use too",
        &[tx(1, "x"), el(1, "p")],
        ID_IN_USE,
        "",
    ),
    // CREATE_TEXT
    case(
        "a text node in the root",
        &[tx(1, "hi"), app(0, 1)],
        OK,
        "hi",
    ),
    case(
        "text is escaped",
        &[tx(1, "a<b>&c\u{a0}d\"e'f"), app(0, 1)],
        OK,
        "a&lt;b&gt;&amp;c&nbsp;d\"e'f",
    ),
    case("an empty text node", &[tx(1, ""), app(0, 1)], OK, ""),
    case(
        "text nodes side by side",
        &[
            el(1, "p"),
            app(0, 1),
            tx(2, "a"),
            tx(3, "b"),
            app(1, 2),
            app(1, 3),
        ],
        OK,
        "<p>ab</p>",
    ),
    case(
        "textarea text is escaped",
        &[el(1, "textarea"), app(0, 1), tx(2, "a<b&"), app(1, 2)],
        OK,
        "<textarea>a&lt;b&amp;</textarea>",
    ),
    // SET_ATTR, REMOVE_ATTR
    case(
        "attributes in the order first set, set again in place",
        &[
            el(1, "p"),
            app(0, 1),
            attr(1, "class", "a"),
            attr(1, "id", "x"),
            attr(1, "class", "b"),
        ],
        OK,
        "<p class=\"b\" id=\"x\"></p>",
    ),
    case(
        "attribute names are lowercased",
        &[
            el(1, "p"),
            app(0, 1),
            attr(1, "DATA-Item", "1"),
            attr(1, "data-item", "2"),
        ],
        OK,
        "<p data-item=\"2\"></p>",
    ),
    case(
        "attribute values are escaped",
        &[el(1, "p"), app(0, 1), attr(1, "title", "a&b\"c\u{a0}d'e")],
        OK,
        "<p title=\"a&amp;b&quot;c&nbsp;d'e\"></p>",
    ),
    case(
        "an empty attribute value",
        &[el(1, "input"), app(0, 1), attr(1, "disabled", "")],
        OK,
        "<input disabled=\"\">",
    ),
    case(
        "a relative image source",
        &[
            el(1, "img"),
            app(0, 1),
            attr(1, "src", "a.png"),
            attr(1, "alt", "a"),
        ],
        OK,
        "<img src=\"a.png\" alt=\"a\">",
    ),
    case(
        "a relative link",
        &[el(1, "a"), app(0, 1), attr(1, "href", "/cart?x=1")],
        OK,
        "<a href=\"/cart?x=1\"></a>",
    ),
    case(
        "an event handler attribute",
        &[
            el(1, "p"),
            app(0, 1),
            attr(1, "class", "k"),
            attr(1, "onclick", "x()"),
        ],
        REFUSED_ATTRIBUTE,
        "<p class=\"k\"></p>",
    ),
    case(
        "an uppercase event handler attribute",
        &[el(1, "img"), app(0, 1), attr(1, "ONERROR", "x()")],
        REFUSED_ATTRIBUTE,
        "<img>",
    ),
    case(
        "srcdoc",
        &[el(1, "div"), attr(1, "srcdoc", "<p>")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "formaction",
        &[el(1, "button"), attr(1, "formaction", "/x")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "a name with a colon",
        &[el(1, "a"), attr(1, "xlink:href", "#")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "popover",
        &[el(1, "div"), attr(1, "popover", "")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "autofocus",
        &[el(1, "input"), attr(1, "autofocus", "")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "target",
        &[el(1, "a"), attr(1, "target", "_top")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "a positive tabindex",
        &[el(1, "div"), attr(1, "tabindex", "5")],
        REFUSED_ATTRIBUTE,
        "",
    ),
    case(
        "tabindex 0 and -1",
        &[
            el(1, "div"),
            app(0, 1),
            attr(1, "tabindex", "0"),
            el(2, "i"),
            app(0, 2),
            attr(2, "tabindex", "-1"),
        ],
        OK,
        "<div tabindex=\"0\"></div><i tabindex=\"-1\"></i>",
    ),
    case(
        "a javascript url",
        &[
            el(1, "a"),
            app(0, 1),
            attr(1, "href", " Java\tScript:alert(1)"),
        ],
        REFUSED_URL,
        "<a></a>",
    ),
    case(
        "a data url",
        &[el(1, "img"), attr(1, "src", "data:image/png;base64,AA")],
        REFUSED_URL,
        "",
    ),
    case(
        "an image from another origin",
        &[
            el(1, "img"),
            app(0, 1),
            attr(1, "src", "https://evil.example/x.png"),
        ],
        REFUSED_URL,
        "<img>",
    ),
    case(
        "a protocol-relative image from another origin",
        &[el(1, "img"), attr(1, "src", "//evil.example/x.png")],
        REFUSED_URL,
        "",
    ),
    case(
        "a style attribute",
        &[el(1, "p"), app(0, 1), attr(1, "style", "color: red")],
        OK,
        "<p style=\"color: red\"></p>",
    ),
    case(
        "a style attribute loading from another origin",
        &[
            el(1, "p"),
            app(0, 1),
            attr(1, "style", "background: url(https://evil.example/x.png)"),
        ],
        REFUSED_URL,
        "<p></p>",
    ),
    case(
        "set attr on a text node",
        &[tx(1, "x"), attr(1, "class", "a")],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "set attr on the root",
        &[attr(0, "class", "a")],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "set attr on an unknown node",
        &[attr(9, "class", "a")],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "remove an attribute, by any case",
        &[
            el(1, "p"),
            app(0, 1),
            attr(1, "class", "a"),
            attr(1, "id", "b"),
            unattr(1, "CLASS"),
        ],
        OK,
        "<p id=\"b\"></p>",
    ),
    case(
        "remove an absent attribute",
        &[el(1, "p"), app(0, 1), unattr(1, "class")],
        OK,
        "<p></p>",
    ),
    case(
        "remove an attribute with an invalid name",
        &[el(1, "p"), app(0, 1), unattr(1, "a b")],
        REFUSED_ATTRIBUTE,
        "<p></p>",
    ),
    case(
        "remove attr on the root",
        &[unattr(0, "class")],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "remove attr on a text node",
        &[tx(1, "x"), unattr(1, "class")],
        UNKNOWN_NODE,
        "",
    ),
    // SET_TEXT
    case(
        "set a text node's data",
        &[tx(1, "a"), app(0, 1), text(1, "b<&")],
        OK,
        "b&lt;&amp;",
    ),
    case(
        "set an element's text",
        &[el(1, "p"), app(0, 1), text(1, "hi & bye")],
        OK,
        "<p>hi &amp; bye</p>",
    ),
    case(
        "set text on an element replaces its children and releases them",
        &[
            el(1, "div"),
            app(0, 1),
            el(2, "b"),
            app(1, 2),
            tx(3, "x"),
            app(2, 3),
            text(1, "y"),
            app(0, 2),
        ],
        UNKNOWN_NODE,
        "<div>y</div>",
    ),
    case(
        "the released ids can be created again",
        &[
            el(1, "div"),
            app(0, 1),
            el(2, "b"),
            app(1, 2),
            text(1, "y"),
            el(2, "i"),
            app(1, 2),
        ],
        OK,
        "<div>y<i></i></div>",
    ),
    case(
        "set empty text on an element",
        &[el(1, "div"), app(0, 1), tx(2, "x"), app(1, 2), text(1, "")],
        OK,
        "<div></div>",
    ),
    case(
        "set text on the root",
        &[el(1, "p"), app(0, 1), text(0, "only"), app(0, 1)],
        UNKNOWN_NODE,
        "only",
    ),
    case(
        "set text twice",
        &[el(1, "p"), app(0, 1), text(1, "a"), text(1, "b")],
        OK,
        "<p>b</p>",
    ),
    case(
        "set text on a void element",
        &[el(1, "br"), app(0, 1), text(1, ""), text(1, "x")],
        MALFORMED,
        "<br>",
    ),
    case(
        "set text on an unknown node",
        &[text(3, "x")],
        UNKNOWN_NODE,
        "",
    ),
    // style
    case(
        "a style element's text is not escaped",
        &[
            el(1, "style"),
            tx(2, "p > b::after { content: \"&\" }"),
            app(1, 2),
            app(0, 1),
        ],
        OK,
        "<style>p > b::after { content: \"&\" }</style>",
    ),
    case(
        "a style element's text set with set text",
        &[el(1, "style"), app(0, 1), text(1, "a { color: red }")],
        OK,
        "<style>a { color: red }</style>",
    ),
    case(
        "a style element loading from another origin",
        &[
            el(1, "style"),
            app(0, 1),
            tx(2, "p { background: url(https://evil.example/a.png) }"),
            app(1, 2),
        ],
        REFUSED_URL,
        "<style></style>",
    ),
    case(
        "a style element's text set to load from another origin",
        &[
            el(1, "style"),
            app(0, 1),
            text(1, "p { color: red }"),
            text(1, "p { background: url(https://evil.example/a.png) }"),
        ],
        REFUSED_URL,
        "<style>p { color: red }</style>",
    ),
    case(
        "a style element's text node set to load from another origin",
        &[
            el(1, "style"),
            app(0, 1),
            tx(2, "p {}"),
            app(1, 2),
            text(2, "p { background: url(https://evil.example/a.png) }"),
        ],
        REFUSED_URL,
        "<style>p {}</style>",
    ),
    case(
        "a style element with a relative url",
        &[
            el(1, "style"),
            app(0, 1),
            text(1, "p { background: url(a.png) }"),
        ],
        OK,
        "<style>p { background: url(a.png) }</style>",
    ),
    case(
        "a style element takes no element",
        &[el(1, "style"), app(0, 1), el(2, "b"), app(1, 2)],
        MALFORMED,
        "<style></style>",
    ),
    case(
        "a style element takes one text node",
        &[
            el(1, "style"),
            app(0, 1),
            tx(2, "a{}"),
            app(1, 2),
            tx(3, "b{}"),
            app(1, 3),
        ],
        MALFORMED,
        "<style>a{}</style>",
    ),
    case(
        "a style element's text from set text is its one child",
        &[
            el(1, "style"),
            app(0, 1),
            text(1, "a{}"),
            tx(3, "b{}"),
            app(1, 3),
        ],
        MALFORMED,
        "<style>a{}</style>",
    ),
    case(
        "a style element's text node appended again",
        &[
            el(1, "style"),
            app(0, 1),
            tx(2, "a{}"),
            app(1, 2),
            app(1, 2),
            ins(1, 2, 2),
        ],
        OK,
        "<style>a{}</style>",
    ),
    // APPEND, INSERT_BEFORE
    case("append an unknown child", &[app(0, 9)], UNKNOWN_NODE, ""),
    case(
        "append to an unknown parent",
        &[el(1, "p"), app(9, 1)],
        UNKNOWN_NODE,
        "",
    ),
    case("append the root", &[el(1, "p"), app(1, 0)], MALFORMED, ""),
    case(
        "append to a text node",
        &[tx(1, "x"), app(0, 1), el(2, "b"), app(1, 2)],
        MALFORMED,
        "x",
    ),
    case(
        "append to a void element",
        &[el(1, "img"), app(0, 1), tx(2, "x"), app(1, 2)],
        MALFORMED,
        "<img>",
    ),
    case(
        "append a node to itself",
        &[el(1, "p"), app(0, 1), app(1, 1)],
        MALFORMED,
        "<p></p>",
    ),
    case(
        "append a node into its own subtree",
        &[
            el(1, "div"),
            el(2, "p"),
            app(1, 2),
            el(3, "b"),
            app(2, 3),
            app(0, 1),
            app(3, 1),
        ],
        MALFORMED,
        "<div><p><b></b></p></div>",
    ),
    case(
        "append moves a node from its parent",
        &[
            el(1, "div"),
            el(2, "p"),
            app(0, 1),
            app(0, 2),
            el(3, "b"),
            app(1, 3),
            app(2, 3),
        ],
        OK,
        "<div></div><p><b></b></p>",
    ),
    case(
        "append moves a node to the end",
        list![app(1, 2)],
        OK,
        "<ul><li>b</li><li>c</li><li>a</li></ul>",
    ),
    case(
        "insert before reorders",
        list![ins(1, 4, 2), app(1, 2)],
        OK,
        "<ul><li>c</li><li>b</li><li>a</li></ul>",
    ),
    case(
        "insert before itself changes nothing",
        list![ins(1, 3, 3)],
        OK,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert before its next sibling changes nothing",
        list![ins(1, 2, 3)],
        OK,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert a new node before the first",
        list![el(8, "li"), ins(1, 8, 2)],
        OK,
        "<ul><li></li><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert into the root",
        &[el(1, "p"), app(0, 1), el(2, "h1"), ins(0, 2, 1)],
        OK,
        "<h1></h1><p></p>",
    ),
    case(
        "insert before an unknown node",
        list![el(8, "li"), ins(1, 8, 42)],
        UNKNOWN_NODE,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert before a child of another parent",
        list![el(8, "li"), ins(1, 8, 5)],
        MALFORMED,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert before a detached node",
        list![el(8, "li"), el(9, "li"), ins(1, 8, 9)],
        MALFORMED,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert the root",
        list![ins(1, 0, 2)],
        MALFORMED,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case(
        "insert a node into its own subtree",
        list![ins(2, 1, 5)],
        MALFORMED,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    // REMOVE
    case(
        "remove detaches and releases the subtree",
        list![rm(3), app(1, 6)],
        UNKNOWN_NODE,
        "<ul><li>a</li><li>c</li></ul>",
    ),
    case(
        "a removed id can be created again",
        list![rm(3), el(3, "li"), tx(6, "d"), app(3, 6), ins(1, 3, 2)],
        OK,
        "<ul><li>d</li><li>a</li><li>c</li></ul>",
    ),
    case(
        "remove the root",
        list![rm(0)],
        MALFORMED,
        "<ul><li>a</li><li>b</li><li>c</li></ul>",
    ),
    case("remove an unknown node", &[rm(1)], UNKNOWN_NODE, ""),
    case(
        "remove a detached node",
        &[el(1, "p"), rm(1), app(0, 1)],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "remove the last child",
        list![rm(4), el(8, "li"), app(1, 8)],
        OK,
        "<ul><li>a</li><li>b</li><li></li></ul>",
    ),
    // LISTEN, UNLISTEN
    case(
        "listen and unlisten",
        &[
            el(1, "button"),
            app(0, 1),
            on(1, 1, "click"),
            on(1, 2, "keydown"),
            off(1),
            off(2),
        ],
        OK,
        "<button></button>",
    ),
    case(
        "listen on the root and on text",
        &[on(0, 1, "click"), tx(2, "x"), on(2, 2, "click")],
        OK,
        "",
    ),
    case(
        "listen on an unknown node",
        &[on(3, 1, "click")],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "listen with a live listener id",
        &[el(1, "p"), on(1, 1, "click"), on(0, 1, "input")],
        ID_IN_USE,
        "",
    ),
    case(
        "a listener outlives its node's removal",
        &[
            el(1, "p"),
            app(0, 1),
            on(1, 7, "click"),
            rm(1),
            on(0, 7, "click"),
        ],
        ID_IN_USE,
        "",
    ),
    case(
        "a listener on a removed node is unlistened",
        &[
            el(1, "p"),
            app(0, 1),
            on(1, 7, "click"),
            rm(1),
            off(7),
            on(0, 7, "click"),
        ],
        OK,
        "",
    ),
    case("unlisten an unknown listener", &[off(4)], UNKNOWN_NODE, ""),
    case(
        "unlisten twice",
        &[on(0, 1, "click"), off(1), off(1)],
        UNKNOWN_NODE,
        "",
    ),
    // SET_VALUE, SET_CHECKED
    case(
        "value and checked are properties, not attributes",
        &[
            el(1, "input"),
            app(0, 1),
            attr(1, "type", "text"),
            value(1, "v"),
            checked(1, true),
        ],
        OK,
        "<input type=\"text\">",
    ),
    case(
        "a checkbox keeps its value in the value attribute",
        &[
            el(1, "input"),
            app(0, 1),
            attr(1, "type", "checkbox"),
            value(1, "v"),
            checked(1, true),
        ],
        OK,
        "<input type=\"checkbox\" value=\"v\">",
    ),
    case(
        "a textarea's value does not change its text",
        &[el(1, "textarea"), app(0, 1), text(1, "a"), value(1, "b")],
        OK,
        "<textarea>a</textarea>",
    ),
    case(
        "set value on a text node",
        &[tx(1, "x"), value(1, "v")],
        UNKNOWN_NODE,
        "",
    ),
    case("set value on the root", &[value(0, "v")], UNKNOWN_NODE, ""),
    case(
        "set value on an unknown node",
        &[value(5, "v")],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "set checked on a text node",
        &[tx(1, "x"), checked(1, true)],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "set checked on the root",
        &[checked(0, false)],
        UNKNOWN_NODE,
        "",
    ),
    case(
        "set checked on an unknown node",
        &[checked(2, true)],
        UNKNOWN_NODE,
        "",
    ),
];
