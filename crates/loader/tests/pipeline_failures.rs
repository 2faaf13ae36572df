//! Every way a component can fail: each one ends in `error` with its own code, shows fallback
//! content, fires `tessera:error`, and leaves the other components mounted.
mod pipeline_support;

use pipeline_support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// One failing component next to a good one: the good one mounts, the failing one ends in
/// `error` with `code`, and its `tessera:error` message contains `says`. Returns the message.
async fn fails(name: &str, entry: &str, options_json: &str, code: &str, says: &str) -> String {
    let good = ["ok-", name].concat();
    let (slot_ok, slot_bad) = (slot(&good), slot(name));
    let events = Events::record(&["error", "mounted"]);
    let components = [
        component(&good, r#""module":"host/good.wasm""#),
        component(name, entry),
    ]
    .join(",");
    let t = tessera(&components, options(options_json));
    let summary = settle(t.start()).await.expect("start() never rejects");
    assert_eq!(
        names(&summary, "mounted"),
        std::slice::from_ref(&good),
        "the good component mounts anyway"
    );
    assert_eq!(names(&summary, "failed"), [name.to_string()]);
    assert_eq!(t.state(name).unwrap(), "error");
    assert_eq!(
        slot_bad.get_attribute("data-tessera-state").as_deref(),
        Some("error")
    );
    assert_eq!(
        slot_ok.get_attribute("data-tessera-state").as_deref(),
        Some("mounted")
    );
    let detail = events.error(name).expect("tessera:error fired");
    let message = text(&detail, "message");
    assert_eq!(text(&detail, "code"), code, "{message}");
    assert!(
        message.contains(says),
        "{message:?} should contain {says:?}"
    );
    assert!(
        message.starts_with(&["component '", name, "' failed while "].concat()),
        "{message}"
    );
    assert_eq!(
        slot_bad.text_content().unwrap(),
        [name, " is unavailable"].concat(),
        "default fallback"
    );
    assert!(
        slot_ok.query_selector("[data-tessera]").unwrap().is_some(),
        "the good one is in its slot"
    );
    t.dispose();
    remove_slots(&[&good, name]);
    message
}

#[wasm_bindgen_test]
async fn byte_gate_stops_a_chunked_download_mid_stream() {
    let progress = Events::record(&["progress"]);
    let message = fails(
        "gate-stream",
        r#""module":"pipeline/raw/big.wasm","budget":{"maxBytes":16384}"#,
        "{}",
        "over-budget",
        "bytes streamed, maxBytes is 16384",
    )
    .await;
    // `over budget: N bytes streamed`: N passed the budget but stopped short of the 16 MiB file.
    // The gate sees the body in the chunks the browser hands over and stops at the first chunk
    // that crosses the budget; on localhost those are large (up to 512 KiB in Chromium, a few MiB
    // in Firefox), so "near" means within one chunk.
    let streamed: u64 = message
        .split("over budget: ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    console_log!("byte gate: stopped after {streamed} of 16777216 bytes");
    assert!(
        streamed > 16384 && streamed < 8 * 1024 * 1024,
        "stopped within a chunk of the budget: {streamed}"
    );
    let loaded: Vec<f64> = progress
        .of("gate-stream")
        .iter()
        .map(|(_, d)| get(d, "loaded").as_f64().unwrap())
        .collect();
    assert!(
        loaded.iter().all(|&n| n <= 16384.0),
        "no progress past the budget: {loaded:?}"
    );
}

#[wasm_bindgen_test]
async fn content_length_over_budget_is_refused_before_reading() {
    let progress = Events::record(&["progress"]);
    fails(
        "gate-length",
        r#""module":"pipeline/raw/medium.wasm","budget":{"maxBytes":16384}"#,
        "{}",
        "over-budget",
        "over budget: 20000 bytes announced by content-length, maxBytes is 16384",
    )
    .await;
    assert!(
        progress.of("gate-length").is_empty(),
        "no byte went through the gate"
    );
}

#[wasm_bindgen_test]
async fn http_404_is_reported_and_not_retried() {
    fails(
        "http-404",
        r#""module":"pipeline/missing.wasm""#,
        r#"{"retries":3,"retryDelayMs":1}"#,
        "http-status",
        "http status 404 for http",
    )
    .await;
}

#[wasm_bindgen_test]
async fn network_error_is_retried_then_reported() {
    let message = fails(
        "net-down",
        r#""module":"http://127.0.0.1:47/nothing.wasm""#,
        r#"{"retries":2,"retryDelayMs":1}"#,
        "fetch-failed",
        "fetch failed: http://127.0.0.1:47/nothing.wasm",
    )
    .await;
    // Why there was no response: the development build says; production keeps the count.
    let why = match cfg!(feature = "development") {
        true => " (3 attempts): no response: the server is unreachable, or CORS refused it ",
        false => " (3 attempts)",
    };
    assert!(message.contains(why), "{message}");
}

#[wasm_bindgen_test]
async fn timeout_stops_a_slow_load() {
    // No slow server here: a 1 ms limit against a 16 MiB module cannot be met on any machine.
    fails(
        "slow",
        r#""module":"pipeline/raw/big.wasm","timeoutMs":1"#,
        "{}",
        "timeout",
        "not loaded after 1 ms",
    )
    .await;
}

#[wasm_bindgen_test]
async fn wrong_content_type_is_refused() {
    // The test server types files by extension: a `.json` file comes as `application/json`.
    fails(
        "typed",
        r#""module":"pipeline/manifest.json""#,
        "{}",
        "content-type",
        "content type 'application/json'",
    )
    .await;
}

#[wasm_bindgen_test]
async fn invalid_bytes_fail_to_compile() {
    fails(
        "garbage",
        r#""module":"pipeline/raw/invalid.wasm""#,
        "{}",
        "compile-failed",
        "compile failed: ",
    )
    .await;
}

#[wasm_bindgen_test]
async fn integrity_mismatch_fails_closed() {
    let wrong = r#""module":"host/good.wasm","integrity":"sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=""#;
    fails(
        "tampered",
        wrong,
        "{}",
        "integrity",
        match cfg!(feature = "development") {
            true => "does not match the manifest's integrity hash",
            false => "integrity: http://",
        },
    )
    .await;
}

#[wasm_bindgen_test]
async fn abi_mismatch_names_every_item() {
    let message = fails(
        "bad-imports",
        r#""module":"host/bad_imports.wasm""#,
        "{}",
        "abi-mismatch",
        "abi mismatch: ",
    )
    .await;
    assert!(message.contains("env.alert"), "{message}");
    let message = fails(
        "no-exports",
        r#""module":"host/missing_exports.wasm""#,
        "{}",
        "abi-mismatch",
        "abi mismatch: ",
    )
    .await;
    for item in ["tessera_alloc", "tessera_mount"] {
        assert!(message.contains(item), "{message} names {item}");
    }
}

#[wasm_bindgen_test]
async fn trap_in_mount_ends_the_component() {
    fails(
        "trap-mount",
        r#""module":"host/trap_mount.wasm""#,
        "{}",
        "trap",
        "failed while Mounting: trap: mount exploded",
    )
    .await;
}

#[wasm_bindgen_test]
async fn a_memory_that_may_outgrow_the_cap_is_refused_before_it_compiles() {
    // grow_memory declares at most 16 pages: the byte gate reads that in its memory section
    // while it streams, so nothing is compiled or allocated (the engine then enforces the cap).
    let entry = r#""module":"host/grow_memory.wasm","budget":{"maxMemoryPages":2}"#;
    fails(
        "greedy",
        entry,
        "{}",
        "memory-limit",
        "component 'greedy' failed while Loading: memory limit: the module's memory may grow to 16 pages, maxMemoryPages is 2",
    )
    .await;
}

#[wasm_bindgen_test]
async fn missing_slot_is_reported_on_document() {
    let events = Events::record(&["error"]);
    let good = slot("ok-noslot");
    let t = tessera(
        r##"{"name":"ok-noslot","module":"host/good.wasm","slot":"#ok-noslot"},
            {"name":"noslot","module":"host/good.wasm","slot":"#nowhere-to-be-found"}"##,
        object(),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "mounted"), ["ok-noslot"]);
    let detail = events.error("noslot").unwrap();
    assert_eq!(text(&detail, "code"), "slot-missing");
    assert_eq!(
        text(&detail, "message"),
        "component 'noslot' failed while Loading: slot missing: no element matches '#nowhere-to-be-found'"
    );
    assert_eq!(
        good.get_attribute("data-tessera-state").as_deref(),
        Some("mounted")
    );
    t.dispose();
    good.remove();
}

#[wasm_bindgen_test]
async fn trap_in_an_event_handler_ends_only_that_component() {
    watch_shadow_roots();
    let (ok, bad) = (slot("ok-handler"), slot("handler"));
    bad.set_inner_html(
        "<template data-tessera-fallback><em>sorry</em></template><span>placeholder</span>",
    );
    let events = Events::record(&["error"]);
    let t = tessera(
        r##"{"name":"ok-handler","module":"host/good.wasm","slot":"#ok-handler"},
            {"name":"handler","module":"host/trap_event.wasm","slot":"#handler","fallback":"unused text"}"##,
        object(),
    );
    let summary = settle(t.start()).await.unwrap();
    assert_eq!(names(&summary, "mounted"), ["ok-handler", "handler"]);
    let button = shadow_root(&bad)
        .unwrap()
        .query_selector("button")
        .unwrap()
        .unwrap();
    button.unchecked_into::<web_sys::HtmlElement>().click();
    assert!(until(1000, || t.state("handler").unwrap() == "error").await);
    let detail = events.error("handler").unwrap();
    assert_eq!(text(&detail, "code"), "trap");
    assert_eq!(
        text(&detail, "message"),
        "component 'handler' failed while Mounted: trap: boom in handler"
    );
    assert_eq!(
        bad.inner_html(),
        "<em>sorry</em>",
        "the slot's own fallback template wins over the text"
    );
    assert_eq!(t.state("ok-handler").unwrap(), "mounted");
    assert_eq!(rendered(&ok).unwrap(), "<p>{}</p>");
    // The way out of `error`: unload gives the slot back its own children.
    t.unload("handler").unwrap();
    assert_eq!(t.state("handler").unwrap(), "not-loaded");
    assert!(
        bad.inner_html().ends_with("<span>placeholder</span>"),
        "{}",
        bad.inner_html()
    );
    t.dispose();
    remove_slots(&["ok-handler", "handler"]);
}

#[wasm_bindgen_test]
async fn manifest_text_fallback_is_shown() {
    let bad = slot("texty");
    let t = tessera(
        r##"{"name":"texty","module":"pipeline/missing.wasm","slot":"#texty","fallback":"Cart is down."}"##,
        object(),
    );
    settle(t.start()).await.unwrap();
    assert_eq!(bad.inner_html(), "Cart is down.");
    t.dispose();
    bad.remove();
}
