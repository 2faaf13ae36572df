//! Native tests: the component mounted on the fake host.

extern crate std;

use super::*;
use tessera_guest::testing::{Harness, Op};

#[test]
fn starts_from_props_and_counts() {
    let mut h = Harness::<Counter>::mount(r#"{"start": 3}"#);
    assert_eq!(h.text("output"), "3");
    h.click("button.inc").click("button.inc");
    assert_eq!(h.text("output"), "5");
    h.click("button.dec");
    assert_eq!(h.text("output"), "4");
}

#[test]
fn reset_is_enabled_only_away_from_the_start() {
    let mut h = Harness::<Counter>::mount(r#"{"start": 1}"#);
    assert_eq!(h.select("button.reset[disabled]").len(), 1);
    h.click("button.inc");
    assert!(h.select("button.reset[disabled]").is_empty());
    h.click("button.reset");
    assert_eq!(h.text("output"), "1");
    assert_eq!(h.select("button.reset[disabled]").len(), 1);
}

#[test]
fn a_click_changes_only_the_number() {
    let mut h = Harness::<Counter>::mount("{}");
    h.click("button.inc");
    h.take_ops();
    h.click("button.inc");
    assert_eq!(
        h.take_ops(),
        std::vec![Op::SetText {
            id: 7,
            text: "2".into()
        }]
    );
}

#[test]
fn negative_numbers_are_marked() {
    let mut h = Harness::<Counter>::mount(r#"{"start": 0}"#);
    h.click("button.dec");
    assert_eq!(h.select("output.negative").len(), 1);
    assert_eq!(h.text("output"), "-1");
}

#[test]
fn missing_or_bad_props_start_at_zero() {
    for props in ["{}", r#"{"start": "3"}"#, r#"{"start": 1.5}"#, "not json"] {
        let h = Harness::<Counter>::mount(props);
        assert_eq!(h.text("output"), "0", "{props}");
    }
}
