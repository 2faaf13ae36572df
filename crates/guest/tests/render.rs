//! The renderer: what a view turns into on mount, and the minimal edits between views.

use std::cell::Cell;

use tessera_guest::prelude::*;
use tessera_guest::testing::{Harness, Op};

/// A component whose view is `SCENE(step)`; `Msg::Go(n)` moves to step `n`.
struct Scene {
    step: usize,
    seen: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
enum Msg {
    Go(usize),
    Saw(String),
}

std::thread_local! {
    static SCENE: Cell<fn(usize) -> Node<Msg>> = Cell::new(|_| div());
}

impl Component for Scene {
    type Msg = Msg;
    fn mount(_: Json, _: &mut Cx) -> Self {
        Scene {
            step: 0,
            seen: Vec::new(),
        }
    }
    fn update(&mut self, msg: Msg, _: &mut Cx) {
        match msg {
            Msg::Go(n) => self.step = n,
            Msg::Saw(s) => self.seen.push(s),
        }
    }
    fn view(&self) -> Node<Msg> {
        SCENE.with(|s| s.get())(self.step)
    }
}

fn mount(scene: fn(usize) -> Node<Msg>) -> Harness<Scene> {
    SCENE.with(|s| s.set(scene));
    let mut h = Harness::<Scene>::mount("{}");
    h.take_batches();
    h
}

fn s(x: &str) -> String {
    x.to_string()
}

#[test]
fn mount_creates_the_tree_in_one_batch() {
    SCENE.with(|s| s.set(|_| p().class("hi").text("Hello").on_click(Msg::Go(1))));
    let mut h = Harness::<Scene>::mount("{}");
    let batches = h.take_batches();
    assert_eq!(batches.len(), 1, "one apply per turn");
    assert_eq!(
        batches[0].0,
        vec![
            Op::CreateElement { id: 1, tag: s("p") },
            Op::Append {
                parent: 0,
                child: 1
            },
            Op::SetAttr {
                id: 1,
                name: s("class"),
                value: s("hi")
            },
            Op::Listen {
                id: 1,
                listener: 1,
                event: s("click")
            },
            Op::CreateText {
                id: 2,
                text: s("Hello")
            },
            Op::Append {
                parent: 1,
                child: 2
            },
        ]
    );
    assert_eq!(h.html(), r#"<p class="hi">Hello</p>"#);
}

#[test]
fn an_unchanged_view_sends_nothing() {
    let mut h = mount(|_| {
        div()
            .class("a")
            .child(span().text("x"))
            .on_click(Msg::Go(0))
    });
    h.send(Msg::Go(5));
    assert!(h.take_batches().is_empty(), "no apply call at all");
}

#[test]
fn changed_text_is_one_set_text() {
    let mut h = mount(|n| div().child(span().text(int(n as i64))));
    h.send(Msg::Go(7));
    assert_eq!(
        h.take_ops(),
        vec![Op::SetText {
            id: 3,
            text: s("7")
        }]
    );
    assert_eq!(h.html(), "<div><span>7</span></div>");
}

#[test]
fn attributes_are_set_changed_and_removed_individually() {
    let mut h = mount(|n| match n {
        0 => button().class("a").attr("title", "t"),
        1 => button()
            .class("b")
            .attr("title", "t")
            .flag("disabled", true),
        _ => button().attr("title", "t"),
    });
    h.send(Msg::Go(1));
    assert_eq!(
        h.take_ops(),
        vec![
            Op::SetAttr {
                id: 1,
                name: s("class"),
                value: s("b")
            },
            Op::SetAttr {
                id: 1,
                name: s("disabled"),
                value: s("")
            },
        ]
    );
    h.send(Msg::Go(2));
    assert_eq!(
        h.take_ops(),
        vec![
            Op::RemoveAttr {
                id: 1,
                name: s("class")
            },
            Op::RemoveAttr {
                id: 1,
                name: s("disabled")
            },
        ]
    );
    assert_eq!(h.html(), r#"<button title="t"></button>"#);
}

#[test]
fn setting_an_attribute_twice_keeps_the_last_value() {
    let mut h = mount(|_| div().class("a").class("b"));
    assert_eq!(h.html(), r#"<div class="b"></div>"#);
    h.send(Msg::Go(1));
    assert!(h.take_ops().is_empty());
}

#[test]
fn children_are_added_and_removed_at_the_end() {
    let mut h =
        mount(|n| ul().children((0..n).map(|i| li().text(int(i as i64)).on_click(Msg::Go(i)))));
    h.send(Msg::Go(2));
    assert_eq!(
        h.take_ops(),
        vec![
            Op::CreateElement {
                id: 2,
                tag: s("li")
            },
            Op::Append {
                parent: 1,
                child: 2
            },
            Op::Listen {
                id: 2,
                listener: 1,
                event: s("click")
            },
            Op::CreateText {
                id: 3,
                text: s("0")
            },
            Op::Append {
                parent: 2,
                child: 3
            },
            Op::CreateElement {
                id: 4,
                tag: s("li")
            },
            Op::Append {
                parent: 1,
                child: 4
            },
            Op::Listen {
                id: 4,
                listener: 2,
                event: s("click")
            },
            Op::CreateText {
                id: 5,
                text: s("1")
            },
            Op::Append {
                parent: 4,
                child: 5
            },
        ]
    );
    h.send(Msg::Go(1));
    assert_eq!(
        h.take_ops(),
        vec![Op::Unlisten { listener: 2 }, Op::Remove { id: 4 }]
    );
    assert_eq!(h.html(), "<ul><li>0</li></ul>");
    h.host(|host| assert_eq!(host.dom.tree().listeners(), 1, "no listener leaks"));
}

#[test]
fn a_changed_tag_replaces_the_node_in_place() {
    let mut h = mount(|n| {
        div()
            .child(if n == 0 {
                span().text("a").on_click(Msg::Go(1))
            } else {
                strong().text("a")
            })
            .child(i())
    });
    h.send(Msg::Go(1));
    assert_eq!(
        h.take_ops(),
        vec![
            Op::CreateElement {
                id: 5,
                tag: s("strong")
            },
            Op::InsertBefore {
                parent: 1,
                child: 5,
                before: 2
            },
            Op::Unlisten { listener: 1 },
            Op::Remove { id: 2 },
            Op::CreateText {
                id: 6,
                text: s("a")
            },
            Op::Append {
                parent: 5,
                child: 6
            },
        ]
    );
    assert_eq!(h.html(), "<div><strong>a</strong><i></i></div>");
}

#[test]
fn text_and_element_swap_places() {
    let mut h = mount(|n| {
        div().child(if n == 0 {
            text("plain")
        } else {
            b().text("bold")
        })
    });
    h.send(Msg::Go(1));
    assert_eq!(h.html(), "<div><b>bold</b></div>");
    h.send(Msg::Go(0));
    assert_eq!(h.html(), "<div>plain</div>");
}

#[test]
fn a_listener_keeps_its_host_binding_when_only_the_message_changes() {
    let mut h = mount(|n| button().text("next").on_click(Msg::Go(n + 1)));
    h.click("button");
    assert!(h.take_ops().is_empty(), "same event, new handler: no edit");
    h.click("button").click("button");
    assert_eq!(h.state().step, 3, "each click used the latest handler");
}

#[test]
fn a_listener_for_another_event_is_rebound() {
    let mut h = mount(|n| match n {
        0 => button().on_click(Msg::Go(1)),
        _ => button().on("dblclick", Msg::Go(0)),
    });
    h.click("button");
    assert_eq!(
        h.take_ops(),
        vec![
            Op::Unlisten { listener: 1 },
            Op::Listen {
                id: 1,
                listener: 2,
                event: s("dblclick")
            }
        ]
    );
    h.dispatch("button", "dblclick", "");
    assert_eq!(h.state().step, 0);
}

#[test]
fn events_carry_their_data() {
    let mut h = mount(|_| {
        form()
            .on_submit(Msg::Saw(s("submit")))
            .child(
                input()
                    .on_input(Msg::Saw)
                    .on_key("Enter", Msg::Saw(s("enter"))),
            )
            .child(textarea().on_with("keyup", |k| {
                (k.len() == 1).then(|| Msg::Saw(format!("key {k}")))
            }))
            .child(input().attr("type", "checkbox").on_change(Msg::Saw))
    });
    h.input("input", "mi").input("input", "milk");
    h.keydown("input", "a").keydown("input", "Enter");
    h.dispatch("textarea", "keyup", "Shift")
        .dispatch("textarea", "keyup", "x");
    h.dispatch("input[type=checkbox]", "change", "true");
    h.submit("form");
    assert_eq!(
        h.state().seen,
        ["mi", "milk", "enter", "key x", "true", "submit"]
    );
}

#[test]
fn an_event_for_an_unknown_listener_is_ignored() {
    let mut h = mount(|_| button().on_click(Msg::Go(1)));
    let mut app = tessera_guest::App::<Scene>::mount("{}");
    app.event(99, "");
    assert_eq!(app.state().step, 0);
    h.take_batches();
    h.click("button");
    assert_eq!(h.state().step, 1);
}

/// A controlled input: the view's `value` is the state; Enter clears it.
struct Draft {
    text: String,
}

#[derive(Clone)]
enum Edit {
    Set(String),
    Clear,
    Shout,
}

impl Component for Draft {
    type Msg = Edit;
    fn mount(_: Json, _: &mut Cx) -> Self {
        Draft {
            text: String::new(),
        }
    }
    fn update(&mut self, msg: Edit, _: &mut Cx) {
        match msg {
            Edit::Set(t) => self.text = t,
            Edit::Clear => self.text.clear(),
            Edit::Shout => self.text = self.text.to_uppercase(),
        }
    }
    fn view(&self) -> Node<Edit> {
        input()
            .value(self.text.clone())
            .on_input(Edit::Set)
            .on_key("Enter", Edit::Clear)
            .on_key("Escape", Edit::Shout)
    }
}

#[test]
fn a_controlled_input_follows_the_user_and_the_state() {
    let mut h = Harness::<Draft>::mount("{}");
    assert_eq!(
        h.take_ops()[2],
        Op::SetValue {
            id: 1,
            value: s("")
        }
    );
    h.input("input", "milk");
    // The DOM already holds "milk"; setting it again is harmless (the caret does not move).
    assert_eq!(
        h.take_ops(),
        vec![Op::SetValue {
            id: 1,
            value: s("milk")
        }]
    );
    h.keydown("input", "Enter");
    assert_eq!(
        h.take_ops(),
        vec![Op::SetValue {
            id: 1,
            value: s("")
        }]
    );
    assert_eq!(h.value("input"), "");
    h.input("input", "tea").keydown("input", "Escape");
    assert_eq!(h.value("input"), "TEA");
    h.take_ops();
    h.keydown("input", "Tab");
    assert!(
        h.take_batches().is_empty(),
        "a filtered key is no turn at all"
    );
}

#[test]
fn a_checkbox_follows_the_user_and_the_state() {
    struct Check(bool);
    impl Component for Check {
        type Msg = bool;
        fn mount(_: Json, _: &mut Cx) -> Self {
            Check(true)
        }
        fn update(&mut self, on: bool, _: &mut Cx) {
            self.0 = on;
        }
        fn view(&self) -> Node<bool> {
            input()
                .attr("type", "checkbox")
                .checked(self.0)
                .on_change(|v| v == "true")
        }
    }
    let mut h = Harness::<Check>::mount("{}");
    h.host(|host| assert!(host.dom.checked(1)));
    h.dispatch("input", "change", "false");
    assert!(!h.state().0);
    h.host(|host| assert!(!host.dom.checked(1)));
    h.send(true);
    h.host(|host| assert!(host.dom.checked(1)));
}

#[test]
fn style_goes_first_in_the_root() {
    struct Styled;
    impl Component for Styled {
        type Msg = ();
        const STYLE: &'static str = css!("p { color: red; }");
        fn mount(_: Json, _: &mut Cx) -> Self {
            Styled
        }
        fn update(&mut self, _: (), _: &mut Cx) {}
        fn view(&self) -> Node<()> {
            p().text("x")
        }
    }
    let mut h = Harness::<Styled>::mount("{}");
    let ops = h.take_ops();
    assert_eq!(
        ops[..4],
        [
            Op::CreateElement {
                id: 1,
                tag: s("style")
            },
            Op::CreateText {
                id: 2,
                text: s("p{color:red}")
            },
            Op::Append {
                parent: 1,
                child: 2
            },
            Op::Append {
                parent: 0,
                child: 1
            },
        ]
    );
}

#[test]
fn a_refused_edit_leaves_the_component_running() {
    let mut h = mount(|n| {
        if n == 0 {
            div()
        } else {
            div().child(el("script"))
        }
    });
    h.send(Msg::Go(1));
    let batches = h.take_batches();
    assert_eq!(batches.len(), 1);
    assert_eq!(batches[0].1, -3, "refused tag");
    h.send(Msg::Go(0));
    assert_eq!(h.state().step, 0);
}
