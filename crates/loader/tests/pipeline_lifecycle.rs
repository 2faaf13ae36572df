//! The lifecycle through the public API: parallel eager loads, integrity, every transition and
//! the refused ones, remount without refetch, reload with refetch, props, events, performance
//! marks, `fromUrl`, the bindgen kind, the page's bus, and unloading a load in flight.
mod pipeline_support;

use js_sys::{Reflect, Uint8Array};
use pipeline_support::*;
use std::cell::RefCell;
use std::rc::Rc;
use tessera_loader::Tessera;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn eager_components_load_in_parallel() {
    let _slots = (slot("par-a"), slot("par-b"), slot("par-c"));
    let events = Events::record(&["loading", "mounted"]);
    let t = tessera(
        &[
            component("par-a", r#""module":"host/good.wasm""#),
            component("par-b", r#""module":"pipeline/plain.wasm""#),
            component("par-c", r#""module":"host/good.wasm","props":{"c":true}"#),
        ]
        .join(","),
        object(),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "mounted"), ["par-a", "par-b", "par-c"]);
    let order = events.all();
    let first_mounted = order
        .iter()
        .position(|(k, _)| k == "tessera:mounted")
        .unwrap();
    let loading = order.iter().filter(|(k, _)| k == "tessera:loading").count();
    assert_eq!(loading, 3);
    assert!(
        order[..first_mounted]
            .iter()
            .filter(|(k, _)| k == "tessera:loading")
            .count()
            == 3,
        "{order:?}"
    );
    t.dispose();
    remove_slots(&["par-a", "par-b", "par-c"]);
}

#[wasm_bindgen_test]
async fn matching_integrity_mounts() {
    let s = slot("sri-ok");
    let hash = integrity_of("/tests/fixtures/host/good.wasm").await;
    let t = tessera(
        &component(
            "sri-ok",
            &[r#""module":"host/good.wasm","integrity":""#, &hash, "\""].concat(),
        ),
        object(),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "mounted"), ["sri-ok"], "{hash}");
    assert_eq!(
        s.get_attribute("data-tessera-state").as_deref(),
        Some("mounted")
    );
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn every_transition_is_announced_and_checked() {
    watch_shadow_roots();
    let s = slot("life");
    let events = Events::record(&[
        "not-loaded",
        "loading",
        "compiled",
        "mounting",
        "mounted",
        "unmounting",
        "error",
    ]);
    let t = tessera(
        &component("life", r#""module":"host/good.wasm","load":"manual""#),
        counting_options("lifeFetches", "{}"),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "waiting"), ["life"]);
    assert_eq!(t.state("life").unwrap(), "not-loaded");

    // Refused steps: an `invalid-state` error naming both states, no state change, no event.
    let refused = t.unmount("life").unwrap_err();
    assert_eq!(text(&refused, "code"), "invalid-state");
    assert_eq!(
        text(&refused, "message"),
        "component 'life': invalid transition from NotLoaded to Unmounting"
    );
    assert_eq!(text(&refused, "component"), "life");
    let refused = settle(t.remount("life")).await.unwrap_err();
    assert_eq!(
        text(&refused, "message"),
        "component 'life': invalid transition from NotLoaded to Mounting"
    );
    assert!(events.states("life").is_empty());

    settle(t.mount("life")).await.unwrap();
    assert_eq!(
        events.states("life"),
        ["loading", "compiled", "mounting", "mounted"]
    );
    assert_eq!(rendered(&s).unwrap(), "<p>{}</p>");
    assert!(
        s.query_selector(".placeholder").unwrap().is_none(),
        "placeholder replaced"
    );
    let detail = events.of("life").last().unwrap().1.clone();
    assert_eq!(
        (text(&detail, "name"), text(&detail, "from")),
        ("life".into(), "mounting".into())
    );
    let refused = settle(t.mount("life")).await.unwrap_err();
    assert_eq!(
        text(&refused, "message"),
        "component 'life': invalid transition from Mounted to Mounting"
    );
    assert_eq!(t.state("life").unwrap(), "mounted");

    events.clear();
    t.unmount("life").unwrap();
    assert!(
        events.states("life").is_empty(),
        "events wait until the call has returned"
    );
    dispatched().await;
    assert_eq!(events.states("life"), ["unmounting", "compiled"]);
    assert!(
        s.query_selector(".placeholder").unwrap().is_some(),
        "original children back"
    );
    assert_eq!(
        s.get_attribute("data-tessera-state").as_deref(),
        Some("compiled")
    );

    // remount: a fresh instance of the kept module, no fetch, no compile.
    events.clear();
    settle(t.remount("life")).await.unwrap();
    assert_eq!(events.states("life"), ["mounting", "mounted"]);
    settle(t.remount("life")).await.unwrap();
    assert_eq!(
        fetches("lifeFetches", "/host/good.wasm"),
        1,
        "remount never fetches"
    );

    // reload: everything afresh.
    events.clear();
    settle(t.reload("life")).await.unwrap();
    assert_eq!(
        events.states("life"),
        [
            "unmounting",
            "compiled",
            "not-loaded",
            "loading",
            "compiled",
            "mounting",
            "mounted"
        ]
    );
    assert_eq!(
        fetches("lifeFetches", "/host/good.wasm"),
        2,
        "reload fetches again"
    );

    // unload: back to the start, slot as it was.
    events.clear();
    t.unload("life").unwrap();
    dispatched().await;
    assert_eq!(
        events.states("life"),
        ["unmounting", "compiled", "not-loaded"]
    );
    assert_eq!(s.inner_html(), "<span class=\"placeholder\">loading</span>");
    t.unload("life").unwrap(); // unloading twice is harmless
    let unknown = t.state("nobody").unwrap_err();
    assert_eq!(text(&unknown, "code"), "unknown-component");
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn props_update_in_place_or_by_remount() {
    watch_shadow_roots();
    let (a, b) = (slot("props-live"), slot("props-plain"));
    let events = Events::record(&["mounting"]);
    let t = tessera(
        &[
            component("props-live", r#""module":"host/good.wasm","props":{"n":0}"#),
            component(
                "props-plain",
                r#""module":"pipeline/plain.wasm","props":[1,2]"#,
            ),
        ]
        .join(","),
        counting_options("propsFetches", "{}"),
    );
    settle(t.start()).await.unwrap();
    assert_eq!(rendered(&a).unwrap(), r#"<p>{"n":0}</p>"#);
    assert_eq!(rendered(&b).unwrap(), "<p>[1,2]</p>");
    let root_a = shadow_root(&a).unwrap();

    settle(t.set_props("props-live", js_sys::JSON::parse(r#"{"n":1}"#).unwrap()))
        .await
        .unwrap();
    assert_eq!(rendered(&a).unwrap(), r#"<p>{"n":1}</p>"#, "tessera_props");
    assert!(
        shadow_root(&a).unwrap() == root_a,
        "same instance, same shadow root"
    );
    assert_eq!(events.of("props-live").len(), 1, "no remount");

    settle(t.set_props("props-plain", "text".into()))
        .await
        .unwrap();
    assert_eq!(
        rendered(&b).unwrap(),
        "<p>\"text\"</p>",
        "remounted with the new props"
    );
    assert_eq!(events.of("props-plain").len(), 2);
    assert_eq!(fetches("propsFetches", "/pipeline/plain.wasm"), 1);

    // Not mounted: kept for the next mount.
    t.unmount("props-live").unwrap();
    settle(t.set_props("props-live", js_sys::JSON::parse(r#"{"n":2}"#).unwrap()))
        .await
        .unwrap();
    settle(t.mount("props-live")).await.unwrap();
    assert_eq!(rendered(&a).unwrap(), r#"<p>{"n":2}</p>"#);
    t.dispose();
    remove_slots(&["props-live", "props-plain"]);
}

#[wasm_bindgen_test]
async fn progress_events_and_performance_measures() {
    let s = slot("measured");
    let events = Events::record(&["progress"]);
    let t = tessera(
        &component("measured", r#""module":"host/good.wasm""#),
        object(),
    );
    settle(t.start()).await.unwrap();
    let progress = events.of("measured");
    assert!(!progress.is_empty());
    let last = &progress.last().unwrap().1;
    let size = get(last, "total")
        .as_f64()
        .expect("small files come with Content-Length");
    assert_eq!(
        get(last, "loaded").as_f64(),
        Some(size),
        "every byte counted"
    );
    for phase in ["fetch", "compile", "instantiate", "mount"] {
        assert!(
            measures(&["tessera:measured:", phase].concat()) >= 1,
            "measure for {phase}"
        );
    }
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn from_url_resolves_modules_against_the_manifest() {
    watch_shadow_roots();
    let (a, _b) = (slot("url-good"), slot("url-plain"));
    let t: Tessera = settle(Tessera::from_url(
        "/tests/fixtures/pipeline/manifest.json".into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap()
    .unchecked_into_tessera();
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "mounted"), ["url-good"]);
    assert_eq!(names(&summary, "waiting"), ["url-plain"]);
    assert_eq!(rendered(&a).unwrap(), r#"<p>{"from":"url"}</p>"#);
    t.dispose();
    remove_slots(&["url-good", "url-plain"]);

    let error = settle(Tessera::from_url(
        "/tests/fixtures/pipeline/not-json.json".into(),
        JsValue::UNDEFINED,
    ))
    .await
    .unwrap_err();
    assert_eq!(text(&error, "code"), "manifest-invalid");
    // The development build's gate reads the syntax itself and says where; the production
    // build's leaves it to JSON.parse, whose error it gives (docs/builds.md).
    let message = text(&error, "message");
    let expected = match cfg!(feature = "development") {
        true => "manifest invalid: (root): invalid json: ",
        false => "manifest invalid: not json data: ",
    };
    assert!(message.starts_with(expected), "{message}");
    let error = settle(Tessera::from_url(
        "/tests/fixtures/pipeline/none.json".into(),
        options(r#"{"retries":0}"#),
    ))
    .await
    .unwrap_err();
    assert_eq!(text(&error, "code"), "http-status");
    assert!(get(&error, "component").is_null());
}

#[wasm_bindgen_test]
fn invalid_manifests_name_the_path() {
    let error = match Tessera::from_object(
        manifest(r##"{"name":"Bad Name","module":"x.wasm","slot":"#x"}"##),
        None,
        object(),
    ) {
        Err(error) => error,
        Ok(_) => panic!("accepted an invalid manifest"),
    };
    assert_eq!(text(&error, "code"), "manifest-invalid");
    assert_eq!(text(&error, "name"), "TesseraError");
    assert!(
        text(&error, "message").contains("components[0].name"),
        "{}",
        text(&error, "message")
    );
}

#[wasm_bindgen_test]
async fn bindgen_components_mount_through_their_glue() {
    let s = slot("legacy");
    let entry = r#""kind":"bindgen","module":"pipeline/bindgen.wasm","glue":"pipeline/bindgen_glue.js","props":{"x":1}"#;
    let t = tessera(&component("legacy", entry), object());
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(
        names(&summary, "mounted"),
        ["legacy"],
        "{:?}",
        names(&summary, "failed")
    );
    let host = s.query_selector("[data-tessera=legacy]").unwrap().unwrap();
    assert_eq!(host.text_content().unwrap(), r#"answer 42 {"x":1}"#);
    t.unmount("legacy").unwrap();
    assert_eq!(global_number("tesseraBindgenUnmounts"), 1.0);
    settle(t.remount("legacy")).await.unwrap();
    assert_eq!(
        global_number("tesseraBindgenInits"),
        1.0,
        "the glue keeps its instance"
    );
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn unload_cancels_a_load_in_flight() {
    let s = slot("inflight");
    let t = tessera(
        &component(
            "inflight",
            r#""module":"pipeline/raw/big.wasm","load":"manual""#,
        ),
        object(),
    );
    let pending = t.mount("inflight");
    assert_eq!(t.state("inflight").unwrap(), "loading");
    t.unload("inflight").unwrap();
    assert_eq!(t.state("inflight").unwrap(), "not-loaded");
    let error = settle(pending).await.unwrap_err();
    assert_eq!(text(&error, "code"), "cancelled");
    assert_eq!(
        t.state("inflight").unwrap(),
        "not-loaded",
        "a cancelled load changes nothing"
    );
    t.dispose();
    s.remove();
}

#[wasm_bindgen_test]
async fn the_page_talks_on_the_bus() {
    let t = tessera("", object());
    let seen: Rc<RefCell<Vec<String>>> = Rc::default();
    let sink = seen.clone();
    let callback =
        Closure::<dyn FnMut(String, Uint8Array)>::new(move |topic: String, payload: Uint8Array| {
            sink.borrow_mut()
                .push([topic, String::from_utf8(payload.to_vec()).unwrap()].concat());
        });
    let id = t.subscribe(
        "cart:*",
        callback
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone(),
    );
    t.publish("cart:add", "one".into());
    t.publish("user:login", "ignored".into());
    t.publish("cart:remove", js_sys::JSON::parse(r#"{"id":2}"#).unwrap());
    assert!(seen.borrow().is_empty(), "delivery is asynchronous");
    assert!(until(500, || seen.borrow().len() == 2).await);
    assert_eq!(*seen.borrow(), ["cart:addone", r#"cart:remove{"id":2}"#]);
    t.unsubscribe(id);
    t.publish("cart:add", "two".into());
    sleep(20).await;
    assert_eq!(seen.borrow().len(), 2);
}

fn global_number(name: &str) -> f64 {
    Reflect::get(&js_sys::global(), &name.into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0)
}

/// `fromUrl` resolves with a `Tessera` as a JS value; turn it back into the Rust handle.
trait IntoTessera {
    fn unchecked_into_tessera(self) -> Tessera;
}

impl IntoTessera for JsValue {
    fn unchecked_into_tessera(self) -> Tessera {
        Tessera::try_from_js_value(self).expect("a Tessera")
    }
}
