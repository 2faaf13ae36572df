//! The DOM model ([`Tree`]): limits, byte accounting, refusals that change nothing, depth, the
//! read accessors, and random batches against a plain reference model.

use std::collections::BTreeMap;

use tessera_abi::code::{LIMIT, MALFORMED, OK, UNKNOWN_NODE};
use tessera_abi::policy::StaticOrigins;
use tessera_abi::tree::{Limits, Refused, Tree, Why};
use tessera_abi::{css, rules, Op};

const URLS: StaticOrigins = StaticOrigins {
    base_origin: "https://app.example",
    allowed: &["https://app.example"],
};

fn tree() -> Tree {
    Tree::new(Limits::default())
}

fn small(max_nodes: u32, max_listeners: u32, max_dom_bytes: u32) -> Tree {
    Tree::new(Limits {
        max_nodes,
        max_listeners,
        max_dom_bytes,
    })
}

fn run<'a>(t: &mut Tree, ops: &[Op<&'a str>]) -> Result<(), Refused<'a>> {
    ops.iter().try_for_each(|op| t.edit(op, &URLS))
}

fn el(id: u32, tag: &str) -> Op<&str> {
    Op::CreateElement { id, tag }
}
fn tx(id: u32, text: &str) -> Op<&str> {
    Op::CreateText { id, text }
}
fn attr<'a>(id: u32, name: &'a str, value: &'a str) -> Op<&'a str> {
    Op::SetAttr { id, name, value }
}
fn app(parent: u32, child: u32) -> Op<&'static str> {
    Op::Append { parent, child }
}
fn set_text(id: u32, text: &str) -> Op<&str> {
    Op::SetText { id, text }
}
fn listen(id: u32, listener: u32) -> Op<&'static str> {
    Op::Listen {
        id,
        listener,
        event: "click",
    }
}

/// Everything observable about a tree, to show that a refused edit changed nothing.
fn snapshot(t: &Tree) -> String {
    let mut s = format!(
        "{} {} {} {}",
        t.html(),
        t.nodes(),
        t.listeners(),
        t.dom_bytes()
    );
    for id in 0..64 {
        if t.contains(id) {
            let kids: Vec<u32> = t.children(id).collect();
            s += &format!(
                "|{id} {:?} {:?} {:?} {:?} {:?} {:?} {}",
                t.tag(id),
                t.text(id),
                t.attrs(id),
                t.parent(id),
                kids,
                t.value(id),
                t.checked(id)
            );
        }
    }
    for l in 0..64 {
        if let Some(x) = t.listener(l) {
            s += &format!("|l{l} {x:?}");
        }
    }
    s
}

#[test]
fn the_default_limits_are_the_abis() {
    let l = Limits::default();
    assert_eq!(
        (l.max_nodes, l.max_listeners, l.max_dom_bytes),
        (10_000, 1_000, 1 << 20)
    );
    assert_eq!(tree().limits(), l);
}

#[test]
fn the_node_limit_counts_live_nodes_without_the_root() {
    let mut t = small(3, 10, 100);
    run(&mut t, &[el(1, "p"), tx(2, "x"), el(3, "b")]).unwrap();
    assert_eq!(t.nodes(), 3);
    let r = t.edit(&el(4, "i"), &URLS).unwrap_err();
    assert_eq!((r.code, r.why), (LIMIT, Why::NodeLimit));
    // In use is decided before the limit, the limit before the tag.
    assert_eq!(t.edit(&el(1, "i"), &URLS).unwrap_err().why, Why::IdInUse(1));
    assert_eq!(
        t.edit(&el(5, "script"), &URLS).unwrap_err().why,
        Why::NodeLimit
    );
    run(&mut t, &[Op::Remove { id: 3 }, el(4, "i")]).unwrap();
    // SET_TEXT's text child has no id and does not count.
    run(&mut t, &[set_text(4, "abc")]).unwrap();
    assert_eq!(t.nodes(), 3);
}

#[test]
fn the_listener_limit_counts_listeners_on_released_nodes() {
    let mut t = small(10, 2, 100);
    run(&mut t, &[el(1, "p"), listen(1, 1), listen(0, 2)]).unwrap();
    let r = t.edit(&listen(0, 3), &URLS).unwrap_err();
    assert_eq!((r.code, r.why), (LIMIT, Why::ListenerLimit));
    run(&mut t, &[Op::Remove { id: 1 }]).unwrap();
    assert_eq!(t.listeners(), 2);
    assert_eq!(t.listener(1), Some((None, "click")), "on no live node");
    assert_eq!(
        t.edit(&listen(0, 3), &URLS).unwrap_err().why,
        Why::ListenerLimit
    );
    // A new node with the old id does not inherit the listener.
    run(&mut t, &[el(1, "p")]).unwrap();
    assert_eq!(t.listeners_on(1).count(), 0);
    assert_eq!(t.listeners_on(0).collect::<Vec<_>>(), [(2, "click")]);
    run(&mut t, &[Op::Unlisten { listener: 1 }, listen(1, 3)]).unwrap();
    assert_eq!(t.listener(3), Some((Some(1), "click")));
    let r = t.edit(&Op::Unlisten { listener: 1 }, &URLS).unwrap_err();
    assert_eq!((r.code, r.why), (UNKNOWN_NODE, Why::UnknownListener(1)));
}

#[test]
fn bytes_count_text_attributes_and_values_exactly() {
    let mut t = small(100, 10, 20);
    run(&mut t, &[tx(1, "abcd"), el(2, "input")]).unwrap();
    assert_eq!(t.dom_bytes(), 4);
    run(&mut t, &[attr(2, "CLASS", "xy")]).unwrap();
    assert_eq!(t.dom_bytes(), 4 + 5 + 2);
    run(&mut t, &[attr(2, "class", "z")]).unwrap();
    assert_eq!(t.dom_bytes(), 4 + 5 + 1, "the old value is subtracted");
    run(
        &mut t,
        &[Op::SetValue {
            id: 2,
            value: "123",
        }],
    )
    .unwrap();
    assert_eq!(t.dom_bytes(), 13);
    run(&mut t, &[Op::SetValue { id: 2, value: "1" }]).unwrap();
    assert_eq!(t.dom_bytes(), 11);
    run(&mut t, &[set_text(1, "ab")]).unwrap();
    assert_eq!(t.dom_bytes(), 9);
    // Exactly at the budget passes, one past it is refused and changes nothing.
    run(&mut t, &[tx(3, "é".repeat(5).as_str())]).unwrap();
    assert_eq!(t.dom_bytes(), 19);
    let before = snapshot(&t);
    for op in [
        tx(4, "xy"),
        attr(2, "id", ""),
        attr(2, "class", "zzz"),
        Op::SetValue {
            id: 2,
            value: "123",
        },
        set_text(1, "abcd"),
        set_text(0, "0123456789abcdefghijk"),
    ] {
        let r = t.edit(&op, &URLS).unwrap_err();
        assert_eq!((r.code, r.why), (LIMIT, Why::ByteLimit), "{op:?}");
        assert_eq!(snapshot(&t), before, "{op:?} changed nothing");
    }
    run(&mut t, &[tx(4, "x")]).unwrap();
    assert_eq!(t.dom_bytes(), 20);
    // Removing an attribute frees its bytes; removing a subtree frees all of it.
    run(
        &mut t,
        &[Op::RemoveAttr {
            id: 2,
            name: "Class",
        }],
    )
    .unwrap();
    assert_eq!(t.dom_bytes(), 14);
    run(
        &mut t,
        &[
            el(5, "div"),
            app(5, 1),
            app(5, 2),
            app(0, 5),
            Op::Remove { id: 5 },
        ],
    )
    .unwrap();
    assert_eq!(t.dom_bytes(), 11, "é×5 and x are left");
    // SET_TEXT on an element frees what it replaces, its own earlier text too.
    run(
        &mut t,
        &[el(6, "p"), app(6, 3), app(6, 4), set_text(6, "0123456789")],
    )
    .unwrap();
    assert_eq!(t.dom_bytes(), 10);
    run(&mut t, &[set_text(6, "01234567890123456789")]).unwrap();
    assert_eq!(t.dom_bytes(), 20);
    run(&mut t, &[set_text(6, "")]).unwrap();
    assert_eq!(t.dom_bytes(), 0);
}

#[test]
fn set_text_on_an_element_frees_enough_to_pass() {
    // The text replaces children whose bytes make room for it.
    let mut t = small(100, 10, 10);
    run(&mut t, &[el(1, "p"), tx(2, "0123456789"), app(1, 2)]).unwrap();
    run(&mut t, &[set_text(1, "abcdefghij")]).unwrap();
    assert_eq!((t.dom_bytes(), t.nodes()), (10, 1));
    assert!(!t.contains(2));
    assert_eq!(t.html(), "");
}

#[test]
fn refusals_name_the_reason_and_change_nothing() {
    let mut t = tree();
    run(
        &mut t,
        &[
            el(1, "div"),
            app(0, 1),
            el(2, "style"),
            app(0, 2),
            tx(3, "p{}"),
            app(2, 3),
            tx(4, "x"),
            app(1, 4),
            el(5, "br"),
            app(1, 5),
            listen(1, 1),
            el(6, "a"),
        ],
    )
    .unwrap();
    let before = snapshot(&t);
    let cases: Vec<(Op<&str>, i32, Why)> = vec![
        (el(1, "p"), -7, Why::IdInUse(1)),
        (el(0, "p"), -7, Why::IdInUse(0)),
        (tx(1, ""), -7, Why::IdInUse(1)),
        (el(9, "object"), -3, Why::Tag("object")),
        (attr(1, "OnClick", "x"), -4, Why::Attr("OnClick")),
        (attr(6, "href", "javascript:x"), -5, Why::Url("href")),
        (attr(1, "href", "/x"), -4, Why::Attr("href")),
        (
            attr(6, "style", "background: url(//evil.example/)"),
            -5,
            Why::Url("style"),
        ),
        (attr(4, "class", "a"), -6, Why::NotElement(4)),
        (attr(0, "class", "a"), -6, Why::NotElement(0)),
        (attr(9, "class", "a"), -6, Why::UnknownNode(9)),
        (Op::RemoveAttr { id: 1, name: "a:b" }, -4, Why::Attr("a:b")),
        (
            Op::RemoveAttr { id: 0, name: "a:b" },
            -6,
            Why::NotElement(0),
        ),
        (set_text(9, "x"), -6, Why::UnknownNode(9)),
        (
            set_text(5, "x"),
            -2,
            Why::Dom("void elements have no children"),
        ),
        (
            set_text(2, "a{background:url(https://evil.example/)}"),
            -5,
            Why::Url("css"),
        ),
        (
            set_text(3, "a{background:url(https://evil.example/)}"),
            -5,
            Why::Url("css"),
        ),
        (app(1, 9), -6, Why::UnknownNode(9)),
        (app(9, 4), -6, Why::UnknownNode(9)),
        (
            app(1, 0),
            -2,
            Why::Dom("the root cannot be moved or removed"),
        ),
        (app(4, 5), -2, Why::Dom("text nodes have no children")),
        (app(5, 4), -2, Why::Dom("void elements have no children")),
        (
            app(1, 1),
            -2,
            Why::Dom("a node cannot be moved into itself"),
        ),
        (
            app(2, 4),
            -2,
            Why::Dom("a style element holds one text node"),
        ),
        (
            app(2, 1),
            -2,
            Why::Dom("a style element holds one text node"),
        ),
        (
            Op::InsertBefore {
                parent: 1,
                child: 2,
                before: 9,
            },
            -6,
            Why::UnknownNode(9),
        ),
        (
            Op::InsertBefore {
                parent: 1,
                child: 2,
                before: 3,
            },
            -2,
            Why::Dom("before is not a child of parent"),
        ),
        (
            Op::Remove { id: 0 },
            -2,
            Why::Dom("the root cannot be moved or removed"),
        ),
        (Op::Remove { id: 9 }, -6, Why::UnknownNode(9)),
        (listen(9, 2), -6, Why::UnknownNode(9)),
        (listen(0, 1), -7, Why::ListenerInUse(1)),
        (Op::Unlisten { listener: 2 }, -6, Why::UnknownListener(2)),
        (Op::SetValue { id: 4, value: "" }, -6, Why::NotElement(4)),
        (
            Op::SetChecked {
                id: 0,
                checked: true,
            },
            -6,
            Why::NotElement(0),
        ),
        (
            Op::SetChecked {
                id: 9,
                checked: true,
            },
            -6,
            Why::UnknownNode(9),
        ),
    ];
    for (op, code, why) in cases {
        let r = t.edit(&op, &URLS).unwrap_err();
        assert_eq!((r.code, r.why), (code, why), "{op:?}");
        assert_eq!(snapshot(&t), before, "{op:?} changed nothing");
    }
    // A style element's one text node may move out, and then another may come in.
    run(&mut t, &[app(1, 3), app(2, 4)]).unwrap();
    assert_eq!(t.html(), "<div><br>p{}</div><style>x</style>");
}

#[test]
fn ten_thousand_nested_nodes() {
    let mut t = tree();
    let n = 10_000;
    t.edit(&el(1, "div"), &URLS).unwrap();
    for id in 2..=n {
        run(&mut t, &[el(id, "div"), app(id - 1, id)]).unwrap();
    }
    t.edit(&app(0, 1), &URLS).unwrap();
    assert_eq!(t.nodes(), n);
    let html = t.html();
    assert_eq!(html.len(), n as usize * "<div></div>".len());
    assert!(html.starts_with("<div><div>") && html.ends_with("</div></div>"));
    assert_eq!(t.descendants(0).count(), n as usize);
    assert_eq!(t.outer_html(n), "<div></div>");
    // A cycle is found at the bottom, moving the top under the deepest node.
    let r = t.edit(&app(n, 1), &URLS).unwrap_err();
    assert_eq!(r.code, MALFORMED);
    assert_eq!(
        t.edit(&el(n + 1, "p"), &URLS).unwrap_err().why,
        Why::NodeLimit
    );
    run(&mut t, &[tx(n + 1, "")]).unwrap_err();
    // SET_TEXT and REMOVE release the whole chain without recursing.
    run(&mut t, &[set_text(5000, "mid")]).unwrap();
    assert_eq!(t.nodes(), 5000);
    run(&mut t, &[Op::Remove { id: 1 }]).unwrap();
    assert_eq!((t.nodes(), t.dom_bytes(), t.html()), (0, 0, String::new()));
}

#[test]
fn the_accessors() {
    let mut t = tree();
    run(
        &mut t,
        &[
            el(1, "ul"),
            app(0, 1),
            el(2, "li"),
            app(1, 2),
            set_text(2, "a&b"),
            el(3, "input"),
            app(1, 3),
            attr(3, "Type", "checkbox"),
            Op::SetChecked {
                id: 3,
                checked: true,
            },
            Op::SetValue { id: 3, value: "v" },
            tx(4, "t"),
            Op::InsertBefore {
                parent: 1,
                child: 4,
                before: 3,
            },
        ],
    )
    .unwrap();
    assert_eq!(
        t.html(),
        "<ul><li>a&amp;b</li>t<input type=\"checkbox\" value=\"v\"></ul>"
    );
    assert_eq!(t.outer_html(2), "<li>a&amp;b</li>");
    assert_eq!(t.outer_html(4), "t");
    assert_eq!(t.outer_html(0), t.html());
    assert_eq!(t.outer_html(99), "");
    assert_eq!(t.children(1).collect::<Vec<_>>(), [2, 4, 3]);
    assert_eq!(t.children(0).collect::<Vec<_>>(), [1]);
    assert_eq!(t.children(4).count(), 0);
    assert_eq!(t.children(99).count(), 0);
    assert_eq!(t.descendants(0).collect::<Vec<_>>(), [1, 2, 4, 3]);
    assert_eq!(t.descendants(1).collect::<Vec<_>>(), [2, 4, 3]);
    assert_eq!(t.descendants(3).count(), 0);
    assert_eq!(
        (t.tag(1), t.tag(4), t.tag(0), t.tag(99)),
        (Some("ul"), None, None, None)
    );
    assert!(t.is_text(4) && !t.is_text(0) && !t.is_text(1));
    assert_eq!(
        (t.text(2), t.text(4), t.text(1)),
        (Some("a&b"), Some("t"), None)
    );
    assert_eq!(t.attr(3, "type"), Some("checkbox"));
    assert_eq!(
        t.attrs(3).len(),
        2,
        "a checkbox's value is its value attribute"
    );
    assert_eq!(
        (t.parent(2), t.parent(1), t.parent(0)),
        (Some(1), Some(0), None)
    );
    assert_eq!(
        (t.value(3), t.value(4), t.value(0)),
        (Some("v"), None, None)
    );
    assert!(t.checked(3) && !t.checked(2));
    assert!(t.contains(0) && t.contains(4) && !t.contains(5));
}

// ---- A plain reference model, recursive and slow, and random batches against it ----

#[derive(Clone, Default)]
struct RNode {
    tag: Option<String>, // None: text (or the root, id 0)
    text: String,
    attrs: Vec<(String, String)>,
    value: String,
    kids: Vec<u32>,
    parent: Option<u32>,
}

struct Reference {
    nodes: BTreeMap<u32, RNode>,
    listeners: BTreeMap<u32, ()>,
    limits: Limits,
}

fn void(tag: &str) -> bool {
    matches!(tag, "br" | "col" | "hr" | "img" | "input")
}

impl Reference {
    fn new(limits: Limits) -> Self {
        let nodes = BTreeMap::from([(0, RNode::default())]);
        Reference {
            nodes,
            listeners: BTreeMap::new(),
            limits,
        }
    }

    fn bytes(&self) -> usize {
        let n = |n: &RNode| {
            n.text.len()
                + n.value.len()
                + n.attrs
                    .iter()
                    .map(|(k, v)| k.len() + v.len())
                    .sum::<usize>()
        };
        self.nodes.values().map(n).sum()
    }

    fn is_style(&self, id: u32) -> bool {
        self.nodes[&id].tag.as_deref() == Some("style")
    }

    fn element(&self, id: u32) -> Result<&str, i32> {
        match self.nodes.get(&id) {
            None => Err(-6),
            Some(_) if id == 0 => Err(-6),
            Some(n) => n.tag.as_deref().ok_or(-6),
        }
    }

    fn release(&mut self, id: u32) {
        let n = self.nodes.remove(&id).unwrap();
        for k in n.kids {
            self.release(k);
        }
    }

    fn edit(&mut self, op: &Op<&str>) -> Result<(), i32> {
        let saved = (self.nodes.clone(), self.listeners.clone());
        let r = self.apply(op);
        if r.is_ok() && self.bytes() > self.limits.max_dom_bytes as usize {
            (self.nodes, self.listeners) = saved;
            return Err(LIMIT);
        }
        if r.is_err() {
            (self.nodes, self.listeners) = saved;
        }
        r
    }

    fn apply(&mut self, op: &Op<&str>) -> Result<(), i32> {
        match *op {
            Op::CreateElement { id, tag } | Op::CreateText { id, text: tag } => {
                if self.nodes.contains_key(&id) {
                    return Err(-7);
                }
                if self.nodes.len() > self.limits.max_nodes as usize {
                    return Err(LIMIT);
                }
                let mut n = RNode::default();
                if let Op::CreateElement { .. } = op {
                    rules::allowed_tag(tag).ok_or(-3)?;
                    n.tag = Some(tag.into());
                } else {
                    n.text = tag.into();
                }
                self.nodes.insert(id, n);
            }
            Op::SetAttr { id, name, value } => {
                let tag = self.element(id)?.to_string();
                let name = name.to_ascii_lowercase();
                rules::check_attr(&tag, &name, value, &URLS)?;
                let n = self.nodes.get_mut(&id).unwrap();
                match n.attrs.iter_mut().find(|a| a.0 == name) {
                    Some(a) => a.1 = value.into(),
                    None => n.attrs.push((name, value.into())),
                }
            }
            Op::RemoveAttr { id, name } => {
                self.element(id)?;
                if !rules::valid_name(name) {
                    return Err(-4);
                }
                let name = name.to_ascii_lowercase();
                self.nodes
                    .get_mut(&id)
                    .unwrap()
                    .attrs
                    .retain(|a| a.0 != name);
            }
            Op::SetText { id, text } => {
                let n = self.nodes.get(&id).ok_or(-6)?;
                let text_node = id != 0 && n.tag.is_none();
                let css = if text_node {
                    n.parent.is_some_and(|p| self.is_style(p))
                } else {
                    self.is_style(id)
                };
                if css {
                    css::check(text, &URLS)?;
                }
                if n.tag.as_deref().is_some_and(void) && !text.is_empty() {
                    return Err(-2);
                }
                if !text_node {
                    for k in std::mem::take(&mut self.nodes.get_mut(&id).unwrap().kids) {
                        self.release(k);
                    }
                }
                self.nodes.get_mut(&id).unwrap().text = text.into();
            }
            Op::Append { parent, child } => self.attach(parent, child, None)?,
            Op::InsertBefore {
                parent,
                child,
                before,
            } => self.attach(parent, child, Some(before))?,
            Op::Remove { id } => {
                if id == 0 {
                    return Err(-2);
                }
                self.nodes.get(&id).ok_or(-6)?;
                self.detach(id);
                self.release(id);
            }
            Op::Listen { id, listener, .. } => {
                self.nodes.get(&id).ok_or(-6)?;
                if self.listeners.contains_key(&listener) {
                    return Err(-7);
                }
                if self.listeners.len() >= self.limits.max_listeners as usize {
                    return Err(LIMIT);
                }
                self.listeners.insert(listener, ());
            }
            Op::Unlisten { listener } => {
                self.listeners.remove(&listener).ok_or(-6)?;
            }
            Op::SetValue { id, value } => {
                self.element(id)?;
                self.nodes.get_mut(&id).unwrap().value = value.into();
            }
            Op::SetChecked { id, .. } => {
                self.element(id)?;
            }
        }
        Ok(())
    }

    fn detach(&mut self, id: u32) {
        if let Some(p) = self.nodes.get_mut(&id).unwrap().parent.take() {
            self.nodes.get_mut(&p).unwrap().kids.retain(|&k| k != id);
        }
    }

    fn attach(&mut self, parent: u32, child: u32, before: Option<u32>) -> Result<(), i32> {
        let c = self.nodes.get(&child).ok_or(-6)?.clone();
        if child == 0 {
            return Err(-2);
        }
        let p = self.nodes.get(&parent).ok_or(-6)?.clone();
        if parent != 0 && p.tag.as_deref().is_none_or(void) {
            return Err(-2);
        }
        let mut up = Some(parent);
        while let Some(a) = up {
            if a == child {
                return Err(-2);
            }
            up = self.nodes[&a].parent;
        }
        if let Some(b) = before {
            if self.nodes.get(&b).ok_or(-6)?.parent != Some(parent) {
                return Err(-2);
            }
        }
        if self.is_style(parent) {
            let taken = !p.text.is_empty() || p.kids.iter().any(|&k| k != child);
            if c.tag.is_some() || taken {
                return Err(-2);
            }
            css::check(&c.text, &URLS)?;
        }
        if before == Some(child) {
            return Ok(());
        }
        self.detach(child);
        let kids = &mut self.nodes.get_mut(&parent).unwrap().kids;
        let at = match before {
            Some(b) => kids.iter().position(|&k| k == b).unwrap(),
            None => kids.len(),
        };
        kids.insert(at, child);
        self.nodes.get_mut(&child).unwrap().parent = Some(parent);
        Ok(())
    }

    fn html(&self, id: u32, raw: bool, out: &mut String) {
        let n = &self.nodes[&id];
        let esc = |s: &str, attr: bool| -> String {
            s.chars()
                .map(|c| match c {
                    '&' => "&amp;".into(),
                    '\u{a0}' => "&nbsp;".into(),
                    '"' if attr => "&quot;".into(),
                    '<' if !attr => "&lt;".into(),
                    '>' if !attr => "&gt;".into(),
                    c => c.to_string(),
                })
                .collect()
        };
        let text = |s: &str, raw: bool| if raw { s.to_string() } else { esc(s, false) };
        match &n.tag {
            None if id != 0 => *out += &text(&n.text, raw),
            tag => {
                if let Some(tag) = tag {
                    *out += &format!("<{tag}");
                    for (k, v) in &n.attrs {
                        *out += &format!(" {k}=\"{}\"", esc(v, true));
                    }
                    *out += ">";
                    if void(tag) {
                        return;
                    }
                }
                let style = tag.as_deref() == Some("style");
                *out += &text(&n.text, style);
                for &k in &n.kids {
                    self.html(k, style, out);
                }
                if let Some(tag) = tag {
                    *out += &format!("</{tag}>");
                }
            }
        }
    }
}

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.next(items.len())]
    }
}

#[test]
fn random_batches_agree_with_the_reference_model() {
    const TAGS: [&str; 7] = ["div", "p", "style", "br", "ul", "script", "input"];
    const TEXTS: [&str; 6] = [
        "",
        "a",
        "b<&\u{a0}",
        "p{}",
        "x{background:url(https://evil.example/a)}",
        "0123456789",
    ];
    const NAMES: [&str; 7] = ["class", "ID", "onclick", "style", "a b", "src", "title"];
    const VALUES: [&str; 5] = ["", "v\"&", "https://evil.example/x", "a.png", "color:red"];
    let limits = Limits {
        max_nodes: 12,
        max_listeners: 4,
        max_dom_bytes: 60,
    };
    let mut steps = 0;
    for seed in 1..=300u64 {
        let mut rng = Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut t = Tree::new(limits);
        let mut r = Reference::new(limits);
        for _ in 0..200 {
            let id = rng.next(16) as u32;
            let other = rng.next(16) as u32;
            let op = match rng.next(14) {
                0 | 1 => el(id, rng.pick(&TAGS)),
                2 => tx(id, rng.pick(&TEXTS)),
                3 => attr(id, rng.pick(&NAMES), rng.pick(&VALUES)),
                4 => Op::RemoveAttr {
                    id,
                    name: rng.pick(&NAMES),
                },
                5 => set_text(id, rng.pick(&TEXTS)),
                6 | 7 => app(id, other),
                8 => Op::InsertBefore {
                    parent: id,
                    child: other,
                    before: rng.next(16) as u32,
                },
                9 => Op::Remove { id },
                10 => Op::Listen {
                    id,
                    listener: other % 6,
                    event: "click",
                },
                11 => Op::Unlisten {
                    listener: other % 6,
                },
                12 => Op::SetValue {
                    id,
                    value: rng.pick(&VALUES),
                },
                _ => Op::SetChecked { id, checked: true },
            };
            let want = r.edit(&op).err().unwrap_or(OK);
            let got = t.edit(&op, &URLS).err().map_or(OK, |e| e.code);
            let mut html = String::new();
            r.html(0, false, &mut html);
            let state = (
                got,
                t.html(),
                t.nodes() as usize,
                t.listeners() as usize,
                t.dom_bytes() as usize,
            );
            let expect = (want, html, r.nodes.len() - 1, r.listeners.len(), r.bytes());
            assert_eq!(state, expect, "seed {seed}, {op:?}");
            steps += 1;
        }
    }
    assert_eq!(steps, 60_000);
}
