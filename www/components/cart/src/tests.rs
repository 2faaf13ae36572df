//! Native tests: the component mounted on the fake host.

extern crate std;

use super::*;
use tessera_guest::testing::{with_host, Harness};

fn add(h: &mut Harness<Cart>, id: &str, price: &str) {
    let payload = std::format!(r#"{{"id":"{id}","name":"{id} tea","price":{price}}}"#);
    h.deliver("cart:add", &payload);
}

#[test]
fn counts_and_totals_what_is_added() {
    let mut h = Harness::<Cart>::mount("{}");
    assert_eq!(h.text(".count"), "0");
    assert_eq!(h.select(".count.zero").len(), 1);
    add(&mut h, "sencha", "8.50");
    add(&mut h, "assam", "6.9");
    add(&mut h, "sencha", "8.5");
    assert_eq!(h.text(".count"), "3");
    assert_eq!(h.text(".total"), "$23.90");
    h.click("button.badge");
    assert_eq!(h.select(".panel[hidden]").len(), 0);
    assert_eq!(h.text("li .qty"), "×2");
    assert_eq!(h.text("li .sum"), "$17.00");
}

#[test]
fn ignores_malformed_messages() {
    let mut h = Harness::<Cart>::mount("{}");
    for bad in [
        "",
        "{",
        r#"{"id": 1, "price": 5}"#,
        r#"{"id": "x"}"#,
        r#"{"id": "x", "price": -1}"#,
    ] {
        h.deliver("cart:add", bad);
    }
    h.deliver("cart:unknown", r#"{"id":"x","price":1}"#);
    assert_eq!(h.text(".count"), "0");
}

#[test]
fn removing_one_and_clearing() {
    let mut h = Harness::<Cart>::mount(r#"{"currency": "£"}"#);
    add(&mut h, "a", "1");
    add(&mut h, "b", "2.5");
    add(&mut h, "b", "2.50");
    h.click("button.badge");
    h.click_nth("button.less", 1);
    assert_eq!(h.text(".total"), "£3.50");
    h.click_nth("button.less", 0);
    assert_eq!(h.select("li").len(), 1);
    h.click("button.clear");
    assert_eq!(h.text(".count"), "0");
    assert_eq!(h.text(".empty"), "Your cart is empty.");
    assert_eq!(h.published(), [("cart:cleared".into(), "{}".into())]);
    // Its own cart:cleared coming back (or another one) is harmless.
    h.deliver("cart:cleared", "{}");
    assert_eq!(h.select(".clear[disabled]").len(), 1);
}

#[test]
fn says_so_when_the_bus_is_closed() {
    tessera_guest::testing::reset();
    with_host(|x| x.grants = Some((std::vec![], std::vec![])));
    let mut h = Harness::<Cart>::mount_here("{}");
    h.click("button.badge");
    assert_eq!(h.text(".empty"), "Not connected to the shop.");
}

#[test]
fn currency_follows_props() {
    let mut h = Harness::<Cart>::mount("{}");
    add(&mut h, "a", "1.99");
    h.set_props(r#"{"currency": "CHF "}"#);
    assert_eq!(h.text(".total"), "CHF 1.99");
}
