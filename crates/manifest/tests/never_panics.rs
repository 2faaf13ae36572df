//! Property tests: whatever is thrown at the parser, it never panics, and what it says holds
//! together (problems are one line each, accepted manifests keep their invariants, the JSON text
//! path and the `Value` path agree).

#[path = "support/json_text.rs"]
mod json_text;

use json_text::to_json;
use proptest::prelude::*;
use tessera_manifest::value::Value;
use tessera_manifest::{fields, from_json_str, from_value, Manifest, Problems};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 300,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Numbers around every limit, and some that JSON text cannot carry.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::sample::select(vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            1.5,
            17.0,
            64.0,
            65.0,
            128.0,
            256.0,
            257.0,
            65536.0,
            65537.0,
            600000.0,
            600001.0,
            67108864.0,
            67108865.0,
            9007199254740991.0,
            9007199254740992.0,
            1e300,
            -1e300,
            1e-300,
        ]),
        any::<f64>(),
        any::<i32>().prop_map(f64::from),
    ]
}

/// Strings that hit the parser's branches: field names, URLs, hashes, patterns, oddities.
fn string() -> impl Strategy<Value = String> {
    let interesting: Vec<String> = [
        "",
        " ",
        "cart",
        "Cart",
        "a-b_c",
        "#slot",
        "components/c.wasm",
        "https://h:8080/x?y#z",
        "//cdn/x",
        "javascript:alert(1)",
        "data:x",
        "ftp://x",
        "https://",
        "http:x",
        "a_b:c",
        "%zz",
        "%41",
        "a\\b",
        "https://[::1]:1/x",
        "https://u@h/",
        "https://cdn.example.com",
        "http://127.0.0.1:8081",
        "https://h:443",
        "http://[::1]:0",
        "https://[::1",
        "eager",
        "idle",
        "visible",
        "manual",
        "isolated",
        "bindgen",
        "/cart/*",
        "/a*b",
        "cart:*",
        "**",
        "*",
        "é",
        "\u{0}",
        "\n",
        "sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "sha384-",
        "sha512-==",
        "sha256-?x",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain(
        fields::COMPONENT
            .iter()
            .chain(fields::MANIFEST)
            .chain(fields::BUDGET)
            .map(|s| s.to_string()),
    )
    .collect();
    prop_oneof![
        4 => prop::sample::select(interesting),
        2 => any::<String>(),
        1 => "[a-z0-9:/*#%._-]{0,140}",
        1 => "x{2040,2060}",
    ]
}

/// Keys: mostly the ones the parser knows, so random values land in real fields.
fn key() -> impl Strategy<Value = String> {
    let known: Vec<String> = [
        fields::MANIFEST,
        fields::COMPONENT,
        fields::BUDGET,
        fields::TOTAL_BUDGET,
        fields::CAPABILITIES,
        fields::ROUTE_LOAD,
    ]
    .concat()
    .into_iter()
    .map(String::from)
    .collect();
    prop_oneof![6 => prop::sample::select(known), 1 => string()]
}

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        number().prop_map(Value::Number),
        string().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..10).prop_map(Value::Object),
        ]
    })
}

/// Documents shaped like manifests, so that validation goes deep instead of stopping at the root.
fn manifest_like() -> impl Strategy<Value = Value> {
    let component = prop::collection::vec((key(), value()), 0..12).prop_map(Value::Object);
    (
        prop::collection::vec(component, 0..6),
        prop::collection::vec((key(), value()), 0..3),
    )
        .prop_map(|(components, extra)| {
            let mut entries = vec![
                ("manifestVersion".to_string(), Value::Number(1.0)),
                ("components".to_string(), Value::Array(components)),
            ];
            entries.extend(extra);
            Value::Object(entries)
        })
}

/// Manifests that are valid but for a few random fields, so accepted results are common too.
fn nearly_valid() -> impl Strategy<Value = Value> {
    let overrides = prop::collection::vec((key(), value()), 0..3);
    prop::collection::vec(overrides, 0..5).prop_map(|components| {
        let components = components
            .into_iter()
            .enumerate()
            .map(|(i, overrides)| {
                let mut entries = vec![
                    ("name".to_string(), Value::String(format!("c{}", i % 3))),
                    ("module".to_string(), Value::String(format!("c{i}.wasm"))),
                    ("slot".to_string(), Value::String(format!("#s{}", i % 4))),
                ];
                for (key, value) in overrides {
                    match entries.iter_mut().find(|(k, _)| *k == key) {
                        Some(entry) => entry.1 = value,
                        None => entries.push((key, value)),
                    }
                }
                Value::Object(entries)
            })
            .collect();
        Value::Object(vec![
            ("manifestVersion".to_string(), Value::Number(1.0)),
            ("components".to_string(), Value::Array(components)),
        ])
    })
}

fn all_finite(value: &Value) -> bool {
    match value {
        Value::Number(n) => n.is_finite(),
        Value::Array(items) => items.iter().all(all_finite),
        Value::Object(entries) => entries.iter().all(|(_, v)| all_finite(v)),
        _ => true,
    }
}

/// What every result must satisfy.
fn check(result: &Result<Manifest, Problems>) {
    match result {
        Ok(manifest) => {
            assert!(manifest.components.len() <= 256);
            for (i, c) in manifest.components.iter().enumerate() {
                assert!(manifest.components[..i]
                    .iter()
                    .all(|d| d.name != c.name && d.slot.trim() != c.slot.trim()));
            }
        }
        Err(problems) => {
            assert!(
                !problems.0.is_empty(),
                "an error must name at least one problem"
            );
            let text = problems.to_string();
            assert_eq!(
                text.lines().count(),
                problems.0.len(),
                "one line per problem:\n{text}"
            );
        }
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&from_json_str(&String::from_utf8_lossy(&bytes)));
    }

    #[test]
    fn arbitrary_json_like_text_never_panics(text in r#"[\[\]{}",:0-9a-z \\.eE+-]{0,200}"#) {
        check(&from_json_str(&text));
    }

    #[test]
    fn arbitrary_values_never_panic(value in value()) {
        check(&from_value(&value));
    }

    #[test]
    fn manifest_like_values_never_panic_and_agree_with_json_text(
        value in prop_oneof![manifest_like(), nearly_valid()]
    ) {
        let direct = from_value(&value);
        check(&direct);
        prop_assert_eq!(&direct, &from_value(&value), "validation is deterministic");
        if all_finite(&value) {
            let mut text = String::new();
            to_json(&value, &mut text);
            // Text with repeated keys stops before validation; such a value never validates.
            match tessera_manifest::check_text(&text) {
                Err(_) => prop_assert!(direct.is_err(), "repeated keys accepted: {}", text),
                Ok(()) => prop_assert_eq!(direct, from_json_str(&text), "text: {}", text),
            }
        }
    }
}

#[test]
fn nearly_valid_manifests_are_often_accepted() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let accepted = (0..200)
        .filter(|_| from_value(&nearly_valid().new_tree(&mut runner).unwrap().current()).is_ok())
        .count();
    assert!(
        accepted >= 20,
        "only {accepted} of 200 nearly valid manifests were accepted"
    );
}

#[test]
fn deeply_nested_values_never_overflow_the_stack() {
    let mut deep = Value::Null;
    for _ in 0..10_000 {
        deep = Value::Array(vec![deep]);
    }
    let manifest = Value::Object(vec![
        ("manifestVersion".into(), Value::Number(1.0)),
        (
            "components".into(),
            Value::Array(vec![Value::Object(vec![
                ("name".into(), Value::String("a".into())),
                ("module".into(), Value::String("a.wasm".into())),
                ("slot".into(), Value::String("#a".into())),
                ("props".into(), deep),
            ])]),
        ),
    ]);
    let problems = from_value(&manifest).unwrap_err();
    assert_eq!(problems.0.len(), 1, "{problems}");
    let text = "[".repeat(100_000);
    let problems = from_json_str(&text).unwrap_err();
    assert!(
        problems.0[0].message == "must not nest arrays and objects more than 64 levels deep",
        "{problems}"
    );
}
