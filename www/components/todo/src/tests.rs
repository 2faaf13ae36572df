//! Native tests: the component mounted on the fake host.

extern crate std;

use super::*;
use std::vec;
use tessera_guest::testing::Harness;

fn texts(h: &Harness<Todo>) -> Vec<String> {
    h.select("li .text")
        .iter()
        .map(|&id| tessera_guest::testing::with_host(|x| x.dom.text(id)))
        .collect()
}

#[test]
fn starts_from_props() {
    let h = Harness::<Todo>::mount(
        r#"{"title": "Groceries", "items": ["milk", {"text": "bread", "done": true}, "  ", 7]}"#,
    );
    assert_eq!(h.text("h2"), "Groceries");
    assert_eq!(texts(&h), ["milk", "bread"]);
    assert_eq!(h.select("li.done").len(), 1);
    assert_eq!(h.text(".count"), "1 item left");
}

#[test]
fn typing_and_submitting_adds_and_clears_the_input() {
    let mut h = Harness::<Todo>::mount("{}");
    assert_eq!(h.text(".empty"), "Nothing to do.");
    assert_eq!(h.select("button[type=submit][disabled]").len(), 1);
    h.input("input", "  tea ");
    assert!(h.select("button[type=submit][disabled]").is_empty());
    h.submit("form");
    assert_eq!(texts(&h), ["tea"]);
    assert_eq!(h.value("input"), "", "the DOM input was cleared");
    h.input("input", "cake").submit("form");
    assert_eq!(texts(&h), ["tea", "cake"]);
    assert_eq!(h.text(".count"), "2 items left");
    h.submit("form");
    assert_eq!(texts(&h).len(), 2, "an empty draft adds nothing");
}

#[test]
fn escape_drops_the_draft() {
    let mut h = Harness::<Todo>::mount("{}");
    h.input("input", "oops").keydown("input", "Escape");
    assert_eq!(h.value("input"), "");
    h.keydown("input", "a");
    assert_eq!(h.state().draft, "");
}

#[test]
fn toggling_removing_filtering_and_clearing() {
    let mut h = Harness::<Todo>::mount(r#"{"items": ["a", "b", "c"]}"#);
    h.click_nth("li .text", 1);
    assert_eq!(h.select("li.done .text").len(), 1);
    assert_eq!(h.text("li.done .text"), "b");
    assert_eq!(h.text(".count"), "2 items left");
    h.click_nth("nav button", 2);
    assert_eq!(texts(&h), ["b"]);
    assert_eq!(h.select("button.filter.on").len(), 1);
    h.click_nth("nav button", 1);
    assert_eq!(texts(&h), ["a", "c"]);
    h.click_nth("nav button", 0);
    h.click_nth("li button.remove", 0);
    assert_eq!(texts(&h), ["b", "c"]);
    h.click("button.clear");
    assert_eq!(texts(&h), ["c"]);
    assert_eq!(h.select("button.clear[disabled]").len(), 1);
    h.click("li button.check");
    assert_eq!(h.text("li button.check"), "");
    assert_eq!(h.select("li button.check[aria-checked=true]").len(), 1);
    // form + input (2) + one row (3) + filters (3) + clear: nothing leaked from removed rows.
    h.host(|x| assert_eq!(x.dom.tree().listeners(), 10));
}

#[test]
fn removing_the_first_of_many_reuses_the_rows() {
    let mut h = Harness::<Todo>::mount(r#"{"items": ["a", "b", "c", "d"]}"#);
    h.take_ops();
    h.click_nth("li button.remove", 0);
    let ops = h.take_ops();
    // Positional: rows 1-3 take the next text, the last row goes; no new listeners.
    assert_eq!(
        ops.iter()
            .filter(|o| matches!(o, tessera_guest::testing::Op::Listen { .. }))
            .count(),
        0
    );
    assert_eq!(texts(&h), vec!["b", "c", "d"]);
}
