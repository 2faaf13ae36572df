//! Load policies: manual, idle, visible and route, each through `start()`.
mod pipeline_support;

use pipeline_support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn manual_waits_for_mount() {
    let s = slot("by-hand");
    let t = tessera(
        &component("by-hand", r#""module":"host/good.wasm","load":"manual""#),
        object(),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "waiting"), ["by-hand"]);
    sleep(50).await;
    assert_eq!(t.state("by-hand").unwrap(), "not-loaded");
    settle(t.mount("by-hand")).await.unwrap();
    assert_eq!(t.state("by-hand").unwrap(), "mounted");
    let again = settle(t.start()).await.unwrap();
    assert_eq!(
        names(&again, "mounted"),
        ["by-hand"],
        "start() again only reports"
    );
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn idle_mounts_when_the_browser_is_idle() {
    let s = slot("lazy");
    let t = tessera(
        &component("lazy", r#""module":"host/good.wasm","load":"idle""#),
        object(),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(
        names(&summary, "waiting"),
        ["lazy"],
        "start() does not wait for idle components"
    );
    assert!(
        until(3000, || t.state("lazy").unwrap() == "mounted").await,
        "mounted within the 2 s idle timeout"
    );
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn visible_mounts_when_the_slot_scrolls_into_view() {
    let s = slot("below");
    s.set_attribute("style", "margin-top: 5000px; height: 10px")
        .unwrap();
    let t = tessera(
        &component("below", r#""module":"host/good.wasm","load":"visible""#),
        object(),
    );
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "waiting"), ["below"]);
    sleep(200).await;
    assert_eq!(
        t.state("below").unwrap(),
        "not-loaded",
        "off screen: not loaded"
    );
    s.scroll_into_view();
    assert!(
        until(3000, || t.state("below").unwrap() == "mounted").await,
        "mounted once visible"
    );
    web_sys::window().unwrap().scroll_to_with_x_and_y(0.0, 0.0);
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn route_mounts_while_the_path_matches() {
    let history = web_sys::window().unwrap().history().unwrap();
    let start_path = web_sys::window().unwrap().location().pathname().unwrap();
    let s = slot("routed");
    let t = tessera(
        &component(
            "routed",
            r#""module":"host/good.wasm","load":{"route":"/tessera-test/cart/*"}"#,
        ),
        counting_options("routeFetches", "{}"),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(
        names(&summary, "waiting"),
        ["routed"],
        "the runner's page is not under /tessera-test/cart/"
    );

    t.navigate("/tessera-test/cart/42").unwrap();
    assert!(until(2000, || t.state("routed").unwrap() == "mounted").await);
    t.navigate("/tessera-test/home").unwrap();
    assert_eq!(
        t.state("routed").unwrap(),
        "compiled",
        "unmounted when the route stops matching, module kept"
    );
    assert!(s.query_selector(".placeholder").unwrap().is_some());

    // The page's own router: history.pushState plus `tessera:navigate`, or the back button.
    history
        .push_state_with_url(&JsValue::NULL, "", Some("/tessera-test/cart/7"))
        .unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&web_sys::Event::new("tessera:navigate").unwrap())
        .unwrap();
    assert!(until(2000, || t.state("routed").unwrap() == "mounted").await);
    assert_eq!(
        fetches("routeFetches", "/host/good.wasm"),
        1,
        "mounting again reuses the module"
    );
    history.back().unwrap();
    assert!(
        until(2000, || t.state("routed").unwrap() == "compiled").await,
        "popstate is heard"
    );

    // After dispose, navigation no longer mounts anything.
    t.dispose();
    t.navigate("/tessera-test/cart/9").unwrap();
    sleep(50).await;
    assert_eq!(t.state("routed").unwrap(), "not-loaded");
    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&start_path))
        .unwrap();
    s.remove();
}
