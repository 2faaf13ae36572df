//! The fake host's DOM applies the host's rules (docs/abi.md), so component tests catch what
//! the real host would refuse.

use tessera_guest::ops::Ops;
use tessera_guest::testing::{reset, with_host, FakeDom, Op};

fn apply(dom: &mut FakeDom, ops: Vec<Op>) -> i32 {
    dom.apply(&ops)
}

fn el(id: u32, tag: &str) -> Op {
    Op::CreateElement {
        id,
        tag: tag.into(),
    }
}

fn attr(id: u32, name: &str, value: &str) -> Op {
    Op::SetAttr {
        id,
        name: name.into(),
        value: value.into(),
    }
}

#[test]
fn refuses_tags_outside_the_allowlist() {
    let mut dom = FakeDom::default();
    for tag in [
        "script",
        "iframe",
        "object",
        "embed",
        "base",
        "meta",
        "link",
        "template",
        "slot",
        "svg",
        "math",
        "SCRIPT",
        "custom-el",
    ] {
        assert_eq!(apply(&mut dom, vec![el(1, tag)]), -3, "{tag}");
    }
    for tag in [
        "div", "style", "button", "input", "time", "output", "textarea",
    ] {
        let mut dom = FakeDom::default();
        assert_eq!(apply(&mut dom, vec![el(1, tag)]), 0, "{tag}");
    }
}

#[test]
fn refuses_script_attributes_and_urls() {
    let mut dom = FakeDom::default();
    assert_eq!(apply(&mut dom, vec![el(1, "a"), el(2, "img")]), 0);
    for (id, name, value, code) in [
        (1, "onclick", "x()", -4),
        (1, "ONLOAD", "x()", -4),
        (1, "srcdoc", "<p>", -4),
        (1, "is", "x-y", -4),
        (1, "formaction", "/", -4),
        (1, "action", "/", -4),
        (1, "http-equiv", "refresh", -4),
        (1, "xlink:href", "#", -4),
        (1, "", "", -4),
        (1, "target", "_blank", -4),
        (1, "src", "a.png", -4),
        (1, "href", "javascript:alert(1)", -5),
        (1, "href", " Java\tScript:alert(1)", -5),
        (2, "src", "data:text/html,x", -5),
        (1, "href", "vbscript:x", -5),
        (1, "href", "https://example.com", -5),
        (1, "href", "https://app.example/x", 0),
        (1, "href", "/relative", 0),
        (1, "href", "mailto:a@b.c", 0),
        (2, "src", "a.png", 0),
        (1, "data-id", "javascript:fine-here", 0),
        (1, "class", "a b", 0),
    ] {
        assert_eq!(
            apply(&mut dom, vec![attr(id, name, value)]),
            code,
            "{name}={value}"
        );
    }
}

#[test]
fn stops_at_the_first_bad_operation() {
    let mut dom = FakeDom::default();
    let code = apply(
        &mut dom,
        vec![
            el(1, "p"),
            Op::Append {
                parent: 0,
                child: 1,
            },
            el(1, "b"),
            el(2, "i"),
        ],
    );
    assert_eq!(code, -7, "id in use");
    assert_eq!(
        dom.html(),
        "<p></p>",
        "the operations before it stay applied"
    );
    assert_eq!(apply(&mut dom, vec![el(0, "p")]), -7, "0 is the root");
    assert_eq!(
        apply(
            &mut dom,
            vec![Op::Append {
                parent: 9,
                child: 1
            }]
        ),
        -6
    );
    assert_eq!(apply(&mut dom, vec![Op::Unlisten { listener: 4 }]), -6);
    assert_eq!(
        apply(&mut dom, vec![Op::Remove { id: 0 }]),
        -2,
        "the root cannot be removed"
    );
    assert_eq!(
        apply(
            &mut dom,
            vec![Op::InsertBefore {
                parent: 0,
                child: 1,
                before: 42
            }]
        ),
        -6
    );
}

#[test]
fn remove_releases_the_subtree_but_not_its_listeners() {
    let mut dom = FakeDom::default();
    let code = apply(
        &mut dom,
        vec![
            el(1, "ul"),
            el(2, "li"),
            Op::CreateText {
                id: 3,
                text: "x".into(),
            },
            Op::Append {
                parent: 2,
                child: 3,
            },
            Op::Append {
                parent: 1,
                child: 2,
            },
            Op::Append {
                parent: 0,
                child: 1,
            },
            Op::Listen {
                id: 2,
                listener: 1,
                event: "click".into(),
            },
            Op::Remove { id: 1 },
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(dom.tree().nodes(), 0);
    assert_eq!(dom.tree().listeners(), 1, "listeners stay until UNLISTEN");
    assert_eq!(
        dom.tree().listener(1),
        Some((None, "click")),
        "on no live node"
    );
    assert_eq!(
        apply(&mut dom, vec![el(2, "li")]),
        0,
        "a released id can be used again"
    );
}

#[test]
fn moves_and_reorders_like_the_dom() {
    let mut dom = FakeDom::default();
    let mut ops = vec![el(1, "ol")];
    for id in 2..5 {
        ops.push(el(id, "li"));
        ops.push(Op::Append {
            parent: 1,
            child: id,
        });
    }
    ops.push(Op::Append {
        parent: 0,
        child: 1,
    });
    ops.push(Op::InsertBefore {
        parent: 1,
        child: 4,
        before: 2,
    });
    ops.push(Op::Append {
        parent: 1,
        child: 2,
    });
    assert_eq!(apply(&mut dom, ops), 0);
    assert_eq!(dom.node(1).unwrap().children, [4, 3, 2]);
    assert_eq!(
        apply(
            &mut dom,
            vec![Op::Append {
                parent: 2,
                child: 1
            }]
        ),
        -2,
        "a node into itself"
    );
}

#[test]
fn selects_like_css() {
    let mut dom = FakeDom::default();
    let code = apply(
        &mut dom,
        vec![
            el(1, "ul"),
            Op::Append {
                parent: 0,
                child: 1,
            },
            el(2, "li"),
            attr(2, "class", "item done"),
            Op::Append {
                parent: 1,
                child: 2,
            },
            el(3, "button"),
            attr(3, "type", "button"),
            Op::Append {
                parent: 2,
                child: 3,
            },
            el(4, "li"),
            attr(4, "class", "item"),
            Op::Append {
                parent: 1,
                child: 4,
            },
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(dom.select("li"), [2, 4]);
    assert_eq!(dom.select(".item"), [2, 4]);
    assert_eq!(dom.select("li.item.done"), [2]);
    assert_eq!(dom.select("ul li.done button[type=button]"), [3]);
    assert_eq!(dom.select("li.item button"), [3]);
    assert_eq!(dom.select("button[type]"), [3]);
    assert!(dom.select("button[type=submit]").is_empty());
    assert!(dom.select("li.missing").is_empty());
}

#[test]
fn the_fake_host_records_calls_per_thread() {
    reset();
    let mut ops = Ops::new();
    ops.create_element(1, "p");
    ops.append(0, 1);
    assert_eq!(ops.flush(), Ok(()));
    ops.create_element(1, "p");
    assert_eq!(ops.flush(), Err(tessera_guest::Error::IdInUse));
    assert_eq!(ops.flush(), Ok(()), "an empty batch makes no call");
    with_host(|h| {
        assert_eq!(h.batches.len(), 2);
        assert_eq!(h.batches[1].1, -7);
        assert_eq!(h.dom.html(), "<p></p>");
    });
    std::thread::spawn(|| with_host(|h| assert!(h.batches.is_empty())))
        .join()
        .unwrap();
}
