//! Manifest values (the loader's path after `JSON.parse`): `from_value` never panics, and gives
//! what `from_json_str` gives for the value written as JSON text, whenever that text passes the
//! gate (text with repeated keys stops there, and such a value never validates).
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_manifest::value::Value;
use tessera_manifest::{check_text, from_json_str, from_value};

#[path = "../../manifest/tests/support/json_text.rs"]
mod json_text;
use json_text::to_json;

/// Builds a value from bytes: a small program whose opcodes pick scalars, manifest-like keys
/// and nesting, so that the fuzzer reaches deep into validation quickly.
fn build(bytes: &mut std::slice::Iter<'_, u8>, depth: u32) -> Value {
    const KEYS: [&str; 24] = [
        "manifestVersion",
        "components",
        "name",
        "module",
        "slot",
        "props",
        "budget",
        "load",
        "capabilities",
        "publish",
        "subscribe",
        "origins",
        "kind",
        "glue",
        "integrity",
        "fallback",
        "timeoutMs",
        "maxBytes",
        "maxMemoryPages",
        "maxDomBytes",
        "route",
        "$schema",
        "x",
        "",
    ];
    const STRINGS: [&str; 12] = [
        "a",
        "cart",
        "#a",
        "a.wasm",
        "https://cdn.example/x.wasm",
        "javascript:x",
        "eager",
        "manual",
        "/shop/*",
        "cart:*",
        "sha256-AAAA",
        "bindgen",
    ];
    let Some(&op) = bytes.next() else {
        return Value::Null;
    };
    let arg = bytes.next().copied().unwrap_or(0);
    match op % 8 {
        0 => Value::Null,
        1 => Value::Bool(arg & 1 == 1),
        2 => Value::Number(f64::from(arg) - 8.0),
        3 => Value::Number([1.0, 0.5, 1e20, -0.0, 65536.0, 2048.0][usize::from(arg) % 6]),
        4 => Value::String(STRINGS[usize::from(arg) % STRINGS.len()].into()),
        5 => Value::String(String::from_utf8_lossy(&[arg]).into_owned()),
        6 if depth < 40 => Value::Array((0..arg % 5).map(|_| build(bytes, depth + 1)).collect()),
        _ if depth < 40 => Value::Object(
            (0..arg % 6)
                .map(|_| {
                    let key = bytes.next().copied().unwrap_or(0);
                    (
                        KEYS[usize::from(key) % KEYS.len()].to_string(),
                        build(bytes, depth + 1),
                    )
                })
                .collect(),
        ),
        _ => Value::Null,
    }
}

fuzz_target!(|data: &[u8]| {
    let value = build(&mut data.iter(), 0);
    let direct = from_value(&value);
    let mut text = String::new();
    to_json(&value, &mut text);
    match check_text(&text) {
        Err(_) => assert!(
            direct.is_err(),
            "a value with repeated keys validated: {text}"
        ),
        Ok(()) => assert_eq!(direct, from_json_str(&text), "{text}"),
    }
});
