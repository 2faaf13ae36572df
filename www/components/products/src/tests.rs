//! Native tests: the component mounted on the fake host.

extern crate std;

use super::*;
use tessera_guest::testing::{with_host, Harness};

#[test]
fn lists_the_default_catalog() {
    let h = Harness::<Products>::mount("{}");
    assert_eq!(h.select("li.card").len(), 4);
    assert_eq!(h.text("li.card h3"), "Sencha");
    assert_eq!(h.text("li.card .price"), "$8.50");
    assert_eq!(h.select("small.badge[hidden]").len(), 4);
}

#[test]
fn lists_products_from_props() {
    let props = r#"{"currency": "€", "products": [
        {"id": "a", "name": "A \"quoted\"", "price": 19.99},
        {"name": "no id", "price": 1},
        {"id": "neg", "name": "N", "price": -1},
        {"id": "b", "name": "B", "price": 4}]}"#;
    let h = Harness::<Products>::mount(props);
    let cards = h.select("li.card");
    assert_eq!(
        cards.len(),
        2,
        "entries without an id or a price are skipped"
    );
    assert_eq!(h.text("li.card h3"), "A \"quoted\"");
    assert_eq!(h.text("li.card .price"), "€19.99");
    let prices = h.select(".price");
    assert_eq!(with_host(|x| x.dom.text(prices[1])), "€4.00");
}

#[test]
fn add_to_cart_publishes_and_flashes() {
    let mut h = Harness::<Products>::mount("{}");
    h.click_nth("button.add", 1);
    assert_eq!(
        h.published(),
        [(
            "cart:add".into(),
            r#"{"id":"assam","name":"Assam","price":6.90}"#.into()
        )]
    );
    assert_eq!(h.select("button.added").len(), 1);
    assert_eq!(h.text("button.added"), "Added ✓");
    h.click_nth("button.add", 1);
    assert_eq!(h.select("small.badge[hidden]").len(), 3);
    h.advance(1200.0);
    assert!(h.select("button.added").is_empty());
    with_host(|x| assert!(x.timers.is_empty(), "the first flash timer was cancelled"));
    let badge = h.select("small.badge")[1];
    assert_eq!(with_host(|x| x.dom.text(badge)), "in cart ×2");
}

#[test]
fn cart_cleared_resets_the_marks() {
    let mut h = Harness::<Products>::mount("{}");
    h.click("button.add");
    h.deliver("cart:cleared", "{}");
    assert_eq!(h.select("small.badge[hidden]").len(), 4);
}

#[test]
fn without_the_capability_the_buttons_disable() {
    tessera_guest::testing::reset();
    with_host(|x| x.grants = Some((std::vec![], std::vec![])));
    let mut h = Harness::<Products>::mount_here("{}");
    h.click("button.add");
    assert!(h.published().is_empty());
    assert_eq!(h.select("button.add[disabled]").len(), 4);
    with_host(|x| assert_eq!(x.logs.len(), 2, "{:?}", x.logs));
}
