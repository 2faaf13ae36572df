//! The harness's selectors: the documented grammar (`testing::GRAMMAR`) matches as CSS does,
//! and anything outside it panics with a message naming the selector, the part not supported
//! and the grammar, instead of silently matching nothing.

use std::panic::{catch_unwind, AssertUnwindSafe};

use tessera_guest::prelude::*;
use tessera_guest::testing::{Harness, Selector, GRAMMAR};

/// `<nav id="top"><ul><li class="a done" data-id="1"><button type="button">x</button></li>
/// <li class="a" data-id="two words"><span><button>y</button></span></li></ul></nav>`
struct List {
    picked: Option<&'static str>,
}

#[derive(Clone)]
enum Msg {
    Picked(&'static str),
}

impl Component for List {
    type Msg = Msg;
    fn mount(_: Json, _: &mut Cx) -> Self {
        List { picked: None }
    }
    fn update(&mut self, Msg::Picked(what): Msg, _: &mut Cx) {
        self.picked = Some(what);
    }
    fn view(&self) -> Node<Msg> {
        nav().attr("id", "top").child(
            ul().child(
                li().class("a done").attr("data-id", "1").child(
                    button()
                        .attr("type", "button")
                        .text("x")
                        .on_click(Msg::Picked("x")),
                ),
            )
            .child(
                li().class("a")
                    .attr("data-id", "two words")
                    .child(span().child(button().text("y").on_click(Msg::Picked("y")))),
            ),
        )
    }
}

fn texts(h: &Harness<List>, selector: &str) -> Vec<String> {
    h.select(selector)
        .into_iter()
        .map(|id| h.host(|host| host.dom.text(id)))
        .collect()
}

/// The panic message of `f`, which must panic with a `String` payload.
fn panic_message(f: impl FnOnce()) -> String {
    let payload = catch_unwind(AssertUnwindSafe(f)).expect_err("it should panic");
    match payload.downcast::<String>() {
        Ok(text) => *text,
        Err(payload) => payload
            .downcast::<&str>()
            .map(|s| s.to_string())
            .expect("a text payload"),
    }
}

#[test]
fn the_supported_grammar_matches_like_css() {
    let mut h = Harness::<List>::mount("{}");
    assert_eq!(texts(&h, "button"), ["x", "y"]);
    assert_eq!(texts(&h, "li.done button"), ["x"]);
    assert_eq!(texts(&h, "li.a.done"), ["x"]);
    assert_eq!(texts(&h, "li > button"), ["x"], "child, not any descendant");
    assert_eq!(texts(&h, "li>span>button"), ["y"]);
    assert_eq!(texts(&h, "#top li > span button"), ["y"]);
    assert_eq!(texts(&h, "nav#top > ul > li"), ["x", "y"]);
    assert_eq!(texts(&h, "nav > li").len(), 0, "li is a grandchild of nav");
    assert_eq!(texts(&h, "li[data-id=1]"), ["x"]);
    assert_eq!(texts(&h, "li[data-id=\"two words\"]"), ["y"]);
    assert_eq!(texts(&h, "li[data-id='two words'] button"), ["y"]);
    assert_eq!(texts(&h, "button[type]"), ["x"]);
    assert_eq!(texts(&h, "button[type=button]"), ["x"]);
    assert_eq!(
        texts(&h, "BUTTON"),
        ["x", "y"],
        "tags match case-insensitively"
    );
    assert_eq!(h.select("*").len(), 7);
    assert_eq!(h.select("ul > *").len(), 2);
    h.click("li[data-id='two words'] > span > button");
    assert_eq!(h.state().picked, Some("y"));
    assert_eq!(
        h.select("li.missing").len(),
        0,
        "no match is an empty list, not an error"
    );
}

#[test]
fn an_unsupported_selector_panics_naming_it_and_the_grammar() {
    let mut h = Harness::<List>::mount("{}");
    let message = panic_message(|| {
        h.click("li:first-child button");
    });
    assert_eq!(
        message,
        format!(
            "unsupported selector `li:first-child button`: pseudo-classes and pseudo-elements \
             (`:first-child`) are not supported (at byte 2); the test harness supports {GRAMMAR}"
        )
    );
    for (selector, problem) in [
        ("li, button", "selector lists (`a, b`) are not supported"),
        ("li + li", "the sibling combinator `+` is not supported"),
        ("li ~ li", "the sibling combinator `~` is not supported"),
        (
            "li[data-id^=t]",
            "the attribute operator `^=` is not supported",
        ),
        ("li[data-id", "unclosed or malformed `[data-id`"),
        ("", "the selector is empty"),
    ] {
        let message = panic_message(|| {
            h.select(selector);
        });
        assert!(
            message.starts_with(&format!("unsupported selector `{selector}`: {problem}")),
            "{selector}: {message}"
        );
        assert!(message.ends_with(GRAMMAR), "{selector}: {message}");
        assert!(Selector::parse(selector).is_err());
    }
    // Every method that takes a selector says the same.
    let text = panic_message(|| {
        h.text("li::before");
    });
    assert!(text.contains("`li::before`"), "{text}");
    let value = panic_message(|| {
        h.value("input:checked");
    });
    assert!(value.contains("`:checked`"), "{value}");
}

#[test]
#[should_panic(expected = "unsupported selector `ul li:nth-child(2)`: pseudo-classes")]
fn clicking_with_an_unsupported_selector_fails_the_test() {
    Harness::<List>::mount("{}").click("ul li:nth-child(2)");
}

#[test]
fn the_grammar_is_the_one_the_guide_documents() {
    let guide = include_str!("../../../docs/writing-components.md");
    for part in [
        "`.class`",
        "`#id`",
        "`[attr]`",
        "`[attr=value]`",
        "`>`",
        "`*`",
    ] {
        assert!(GRAMMAR.contains(part), "GRAMMAR lacks {part}");
        assert!(
            guide.contains(part),
            "docs/writing-components.md lacks {part}"
        );
    }
}
