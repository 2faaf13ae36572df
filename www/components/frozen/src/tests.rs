//! Native tests: the countdown on the fake host (the loop itself is not run here).

extern crate std;

use super::*;
use tessera_guest::testing::Harness;

#[test]
fn counts_down_from_props() {
    let mut h = Harness::<Frozen>::mount(r#"{"seconds": 3}"#);
    assert_eq!(h.text("output"), "3");
    h.advance(1000.0);
    assert_eq!(h.text("output"), "2");
    h.advance(1000.0);
    assert_eq!(h.text("output"), "1");
}

#[test]
fn starts_from_five_without_props_and_offers_the_button() {
    let h = Harness::<Frozen>::mount("{}");
    assert_eq!(h.text("output"), "5");
    assert_eq!(h.text("button"), "Loop now");
}
