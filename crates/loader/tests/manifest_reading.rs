//! Reading manifests as they really come: the CLI's fixture table through `fromUrl` and
//! `fromObject`, and inputs that used to kill the loader (deep nesting, huge text, bytes that
//! are not UTF-8). Every one ends in a `TesseraError` or a loader, and the loader lives on.
mod pipeline_support;

use js_sys::{Array, Function, Object, Reflect, Uint8Array, JSON};
use pipeline_support::*;
use tessera_loader::Tessera;
use wasm_bindgen::convert::TryFromJsValue;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Where `scripts/test.sh` copies `crates/manifest/tests/fixtures` (with an `index.txt` of
/// their names), so the CLI's table runs here too.
const TABLE: &str = "/tests/fixtures/manifest/";

async fn fetch_text(url: &str) -> String {
    let window = web_sys::window().unwrap();
    let response: web_sys::Response = settle(window.fetch_with_str(url))
        .await
        .unwrap()
        .unchecked_into();
    assert!(response.ok(), "{url}: {}", response.status());
    settle(response.text().unwrap())
        .await
        .unwrap()
        .as_string()
        .unwrap()
}

/// `options.fetch` answering every request with a `Response` of `body` (a string or bytes).
fn answering(body: &JsValue) -> JsValue {
    let make = Function::new_with_args("body", "return async () => new Response(body)");
    let fetch = make.call1(&JsValue::NULL, body).unwrap();
    let options = Object::new();
    Reflect::set(&options, &"fetch".into(), &fetch).unwrap();
    Reflect::set(&options, &"retries".into(), &0.into()).unwrap();
    options.into()
}

/// What reading gives: `Ok(())` for a loader, or the error's `code: message`.
async fn from_url(url: &str, options: JsValue) -> Result<(), String> {
    match settle(Tessera::from_url(url.into(), options)).await {
        Ok(t) => {
            Tessera::try_from_js_value(t).expect("a Tessera").dispose();
            Ok(())
        }
        Err(e) => Err(described(&e)),
    }
}

fn from_object(object: JsValue, base: &str) -> Result<(), String> {
    match Tessera::from_object(object, Some(base.into()), JsValue::UNDEFINED) {
        Ok(t) => {
            t.dispose();
            Ok(())
        }
        Err(e) => Err(described(&e)),
    }
}

/// `code: message` of a `TesseraError`; anything else fails the test.
fn described(error: &JsValue) -> String {
    assert_eq!(text(error, "name"), "TesseraError", "{error:?}");
    [text(error, "code"), text(error, "message")].join(": ")
}

/// The CLI's expected problem lines as the loader's error. The development build has them
/// whole; the production build has where each problem is (the path and component, the part
/// before the first `": "`) and then a pointer to the development build (docs/builds.md).
fn as_error(expected: &str) -> String {
    let lines: Vec<&str> = expected.lines().map(line).collect();
    [
        "manifest-invalid: manifest invalid: ",
        &lines.join("; "),
        if cfg!(feature = "development") {
            ""
        } else {
            PRODUCTION_HINT
        },
    ]
    .concat()
}

/// What the production build appends to a `manifest-invalid` message.
const PRODUCTION_HINT: &str =
    " (the development build, or tessera-budget check, says what is wrong with each)";

/// One problem line as this build gives it: whole in the development build, its path and
/// component alone in production.
fn line(line: &str) -> &str {
    match cfg!(feature = "development") {
        true => line,
        false => line.split_once(": ").map_or(line, |(at, _)| at),
    }
}

#[wasm_bindgen_test]
async fn the_loader_and_the_cli_agree_on_every_fixture() {
    let index = fetch_text(&[TABLE, "index.txt"].concat()).await;
    let names: Vec<&str> = index.lines().filter(|l| !l.is_empty()).collect();
    assert!(names.len() >= 30, "the table is there: {names:?}");
    for name in names {
        let url = [TABLE, name, ".json"].concat();
        let expected = fetch_text(&[TABLE, name, ".expected"].concat()).await;
        let want = match name.starts_with("valid/") {
            true => Ok(()),
            false => Err(as_error(&expected)),
        };
        let got = from_url(&url, JsValue::UNDEFINED).await;
        if cfg!(feature = "development") || !text_rule(&expected) {
            assert_eq!(got, want, "fromUrl {name}");
        } else if expected.contains("invalid json") {
            // The production gate leaves syntax to JSON.parse, whose error it reports.
            let error = got.unwrap_err();
            let prefix = "manifest-invalid: manifest invalid: not json data: ";
            assert!(error.starts_with(prefix), "fromUrl {name}: {error}");
        } else {
            // Repeated keys and lone surrogates: the production gate does not look for them
            // (docs/builds.md), as fromObject never could.
            assert!(
                got != want,
                "fromUrl {name}: the production gate sees {got:?}"
            );
        }

        // The same document as a page's object: JSON.parse merges repeated keys, so only
        // those are beyond fromObject (docs/manifest.md says so); text that is not JSON has no
        // object at all.
        let source = fetch_text(&url).await;
        let Ok(object) = JSON::parse(&source) else {
            assert!(expected.contains("invalid json"), "{name}");
            continue;
        };
        let base = [TABLE, name].concat();
        let got = from_object(object, &base);
        if expected.contains("duplicate key")
            || (!cfg!(feature = "development") && expected.contains("lone surrogate"))
        {
            assert!(got != want, "{name}: fromObject cannot see repeated keys");
        } else {
            assert_eq!(got, want, "fromObject {name}");
        }
    }
}

/// Whether the CLI's `expected` problems include one that only `check_text` finds (syntax,
/// repeated keys, lone surrogates), which the production gate leaves out.
fn text_rule(expected: &str) -> bool {
    ["invalid json", "duplicate key", "lone surrogate"]
        .iter()
        .any(|rule| expected.contains(rule))
}

/// `[[[ ... {} ... ]]]`, `depth` arrays deep, as a JavaScript value (not text).
fn nested(depth: usize) -> JsValue {
    let mut value: JsValue = Object::new().into();
    for _ in 0..depth {
        value = Array::of1(&value).into();
    }
    value
}

fn with_props(props: &JsValue) -> JsValue {
    let manifest = manifest(r##"{"name":"deep","module":"host/good.wasm","slot":"#deep"}"##);
    let components = get(&manifest, "components");
    Reflect::set(
        &Reflect::get_u32(&components, 0).unwrap(),
        &"props".into(),
        props,
    )
    .unwrap();
    manifest
}

#[wasm_bindgen_test]
async fn deep_nesting_is_a_typed_error_and_the_loader_lives_on() {
    let too_deep = as_error("(root): must not nest arrays and objects more than 64 levels deep");
    assert_eq!(
        from_object(with_props(&nested(65)), BASE),
        Err(too_deep.clone())
    );
    // Where JSON.stringify gives up (Firefox past a few thousand levels), the engine's error
    // as a TesseraError; where it does not (Chromium), the depth limit.
    for depth in [8_000, 1_000_000] {
        let error = from_object(with_props(&nested(depth)), BASE).unwrap_err();
        let gave_up = error.starts_with("manifest-invalid: manifest invalid: not json data: ");
        assert!(gave_up || error == too_deep, "{depth}: {error}");
    }
    // The same as text: refused after 64 levels, however deep.
    let text = ["{\"a\":", &"[".repeat(1_000_000)].concat();
    let got = from_url("/deep.json", answering(&text.into())).await;
    assert_eq!(got, Err(too_deep));
    // Nothing is left broken: a good manifest still reads, and its component mounts.
    let slot = slot("deep");
    let t = Tessera::from_object(
        with_props(&nested(3)),
        Some(BASE.into()),
        JsValue::UNDEFINED,
    );
    let summary = settle(t.unwrap().start()).await.unwrap();
    assert_eq!(names(&summary, "mounted"), ["deep"]);
    slot.remove();
}

#[wasm_bindgen_test]
async fn text_is_refused_past_its_size_and_when_it_is_not_utf8() {
    let limit = tessera_manifest::limits::MAX_MANIFEST_BYTES;
    let huge = [
        r#"{"manifestVersion":1,"components":[],"x":""#,
        &"x".repeat(limit),
        "\"}",
    ]
    .concat();
    let error = from_url("/huge.json", answering(&huge.into()))
        .await
        .unwrap_err();
    let too_big = "(root): the manifest must be at most 8388608 bytes long (is 8388652)";
    assert_eq!(error, as_error(too_big));

    let bytes = Uint8Array::from(&b"{\"manifestVersion\":1,\"components\":[],\"x\":\"\xff\"}"[..]);
    let error = from_url("/latin1.json", answering(&bytes.into()))
        .await
        .unwrap_err();
    assert!(
        error.starts_with("manifest-invalid: manifest invalid: not utf-8 text: "),
        "{error}"
    );

    // A byte order mark is dropped, as the CLI drops it.
    let bom = "\u{feff}{\"manifestVersion\":1,\"components\":[]}";
    assert_eq!(from_url("/bom.json", answering(&bom.into())).await, Ok(()));
}
