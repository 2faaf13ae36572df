//! Keep-alive: `suspend(name)` takes a mounted component's DOM out of the page and keeps its
//! instance and state; `resume(name)` puts it back as it was, without calling into the
//! component. The route policy suspends and resumes instead of unmounting with `keepAlive`.
mod pipeline_support;

use pipeline_support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The demo's counter (`+` adds one to `props.start`), in slot `#name`.
fn counter(name: &str, load: &str) -> String {
    let rest = [
        r#""module":"components/counter.wasm","props":{"start":3},"load":"#,
        load,
    ]
    .concat();
    component(name, &rest)
}

/// The counter's number, as it shows it.
fn count(slot: &Element) -> String {
    let root = shadow_root(slot).expect("mounted");
    root.query_selector("output")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
}

/// Clicks the counter's `+`, as a user does.
fn increment(slot: &Element) {
    let root = shadow_root(slot).expect("mounted");
    let plus = root.query_selector("button.inc").unwrap().unwrap();
    plus.unchecked_into::<HtmlElement>().click();
}

#[wasm_bindgen_test]
async fn suspend_keeps_the_instance_and_its_state_and_resume_puts_it_back() {
    watch_shadow_roots();
    let s = slot("keep");
    s.set_inner_html("<span class=\"placeholder\">away</span>");
    let t = tessera(&counter("keep", r#""manual""#), JsValue::UNDEFINED);
    let refused = t.suspend("keep").unwrap_err();
    assert_eq!(text(&refused, "code"), "invalid-state");
    settle(t.mount("keep")).await.unwrap();
    increment(&s);
    increment(&s);
    assert_eq!(eventually("5", || count(&s)).await, "5");
    let frame = s.first_element_child().unwrap();

    let events = Events::record(&["suspended", "mounted", "unmounting"]);
    t.suspend("keep").unwrap();
    assert_eq!(t.state("keep").unwrap(), "suspended");
    assert_eq!(
        s.inner_html(),
        "<span class=\"placeholder\">away</span>",
        "the slot shows its own children while the component is away"
    );
    assert!(
        !frame.is_connected(),
        "the component's DOM is out of the page"
    );
    assert_eq!(
        s.get_attribute("data-tessera-state").as_deref(),
        Some("suspended")
    );
    let twice = t.suspend("keep").unwrap_err();
    assert_eq!(text(&twice, "code"), "invalid-state");

    t.resume("keep").unwrap();
    dispatched().await;
    assert_eq!(events.states("keep"), ["suspended", "mounted"]);
    assert!(frame.is_connected(), "the same DOM is back");
    assert_eq!(count(&s), "5", "nothing lost: the instance kept its state");
    increment(&s);
    assert_eq!(
        eventually("6", || count(&s)).await,
        "6",
        "and it still answers clicks"
    );
    let again = t.resume("keep").unwrap_err();
    assert_eq!(text(&again, "code"), "invalid-state");

    // From `suspended`, unmount and unload run the component's unmount and give the slot back.
    t.suspend("keep").unwrap();
    t.unmount("keep").unwrap();
    assert_eq!(t.state("keep").unwrap(), "compiled");
    assert_eq!(s.inner_html(), "<span class=\"placeholder\">away</span>");
    settle(t.mount("keep")).await.unwrap();
    assert_eq!(count(&s), "3", "a new mount is a fresh instance");
    t.suspend("keep").unwrap();
    t.unload("keep").unwrap();
    assert_eq!(t.state("keep").unwrap(), "not-loaded");
    assert_eq!(s.inner_html(), "<span class=\"placeholder\">away</span>");
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn props_and_remount_reach_a_suspended_component() {
    watch_shadow_roots();
    let s = slot("keep-props");
    let t = tessera(&counter("keep-props", r#""manual""#), JsValue::UNDEFINED);
    settle(t.mount("keep-props")).await.unwrap();
    t.suspend("keep-props").unwrap();
    // New props reach the kept instance (the SDK's `tessera_props`), which stays suspended.
    settle(t.set_props("keep-props", options(r#"{"start":7}"#)))
        .await
        .unwrap();
    assert_eq!(t.state("keep-props").unwrap(), "suspended");
    t.resume("keep-props").unwrap();
    assert_eq!(count(&s), "7");
    t.suspend("keep-props").unwrap();
    settle(t.remount("keep-props")).await.unwrap();
    assert_eq!(t.state("keep-props").unwrap(), "mounted");
    assert_eq!(count(&s), "7");
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn with_keep_alive_a_route_component_is_suspended_and_resumed() {
    watch_shadow_roots();
    let s = slot("keep-route");
    let route = r#"{"route":"/tessera-test/keep/*"}"#;
    let t = tessera(
        &counter("keep-route", route),
        options(r#"{"keepAlive":true}"#),
    );
    let start = path_now();
    t.navigate("/tessera-test/keep/a").unwrap();
    settle(t.start()).await.unwrap();
    assert_eq!(t.state("keep-route").unwrap(), "mounted");
    increment(&s);
    t.navigate("/tessera-test/elsewhere").unwrap();
    assert_eq!(t.state("keep-route").unwrap(), "suspended");
    t.navigate("/tessera-test/keep/b").unwrap();
    assert_eq!(t.state("keep-route").unwrap(), "mounted");
    assert_eq!(
        eventually("4", || count(&s)).await,
        "4",
        "the route came back to the same instance"
    );
    t.dispose();
    // Without the option, leaving the route unmounts.
    let plain = tessera(&counter("keep-route", route), JsValue::UNDEFINED);
    settle(plain.start()).await.unwrap();
    plain.navigate("/tessera-test/elsewhere").unwrap();
    assert_eq!(plain.state("keep-route").unwrap(), "compiled");
    plain.dispose();
    restore_path(&start);
    s.remove();
}

/// The page's path now.
fn path_now() -> String {
    web_sys::window().unwrap().location().pathname().unwrap()
}

/// Puts the page's path back, so that other tests see the runner's page.
fn restore_path(path: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
}
