//! Ties `schema/tessera-manifest.v1.schema.json` to the parser: the same field names, the same
//! limits, every valid fixture valid, and every problem the schema can express caught by it.

mod support;

use serde_json::Value as Json;
use support::pointer::pointer;
use support::{fixtures, read};
use tessera_manifest::{fields, from_json_str, limits, MANIFEST_VERSION};

/// Problems the schema cannot express, by a fragment of their message, and why.
const SCHEMA_CANNOT_EXPRESS: &[(&str, &str)] = &[
    (
        "invalid json",
        "a document that is not JSON never reaches a schema",
    ),
    (
        "duplicate key",
        "JSON readers keep one of the repeated keys before a schema sees them",
    ),
    (
        "duplicate name",
        "uniqueness of one property across array items",
    ),
    (
        "duplicate slot",
        "uniqueness of one property across array items",
    ),
    ("must not nest", "nesting depth of arbitrary JSON"),
    (
        "lone surrogate",
        "serde_json refuses a lone surrogate before a schema sees it",
    ),
    (
        "must be at most 128 bytes long (is 130)",
        "maxLength counts characters, the parser bytes: 65 'é' are 65 characters but 130 bytes",
    ),
];

/// Is a schema error at the parent of the problem's path a match? Only for the problems JSON
/// Schema reports on the enclosing object (unknown, missing or forbidden properties, duplicate
/// items) or on an enclosing `oneOf` (the object form of `load`).
fn reported_on_parent(problem: &tessera_manifest::Problem) -> bool {
    [
        "unknown field",
        "missing required field",
        "only allowed when",
        "duplicate pattern",
        "duplicate origin",
    ]
    .iter()
    .any(|start| problem.message.starts_with(start))
        || problem.path.ends_with(".load.route")
}

fn schema() -> Json {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/schema/tessera-manifest.v1.schema.json"
    );
    serde_json::from_str(&read(path.as_ref())).expect("the schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::new(&schema()).expect("the schema is a valid draft 2020-12 schema")
}

fn at<'s>(schema: &'s Json, pointer: &str) -> &'s Json {
    schema
        .pointer(pointer)
        .unwrap_or_else(|| panic!("schema has nothing at {pointer}"))
}

/// The object schemas the parser knows, by JSON Pointer into the schema, with their field lists.
fn objects() -> [(&'static str, &'static [&'static str]); 6] {
    [
        ("", fields::MANIFEST),
        ("/$defs/totalBudget", fields::TOTAL_BUDGET),
        ("/$defs/component", fields::COMPONENT),
        ("/$defs/budget", fields::BUDGET),
        ("/$defs/routeLoad", fields::ROUTE_LOAD),
        ("/$defs/capabilities", fields::CAPABILITIES),
    ]
}

fn sorted<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.into_iter().collect();
    names.sort_unstable();
    names
}

#[test]
fn schema_lists_exactly_the_fields_the_parser_accepts() {
    let schema = schema();
    for (at_pointer, accepted) in objects() {
        let object = at(&schema, at_pointer);
        let properties = object["properties"].as_object().expect("properties");
        assert_eq!(
            sorted(properties.keys().map(String::as_str)),
            sorted(accepted.iter().copied()),
            "schema {at_pointer:?} and tessera_manifest::fields differ"
        );
        assert_eq!(
            object["additionalProperties"], false,
            "{at_pointer:?} must refuse unknown fields"
        );
    }
    // Every object schema is one of those above: nothing is left unchecked.
    let mut with_properties = Vec::new();
    walk(&schema, String::new(), &mut |pointer, node| {
        if node.get("type") == Some(&Json::from("object")) {
            with_properties.push(pointer.to_string());
        }
    });
    assert_eq!(
        sorted(with_properties.iter().map(String::as_str)),
        sorted(objects().map(|(p, _)| p))
    );
    let kinds = at(&schema, "/$defs/component/properties/kind/enum")
        .as_array()
        .unwrap();
    assert_eq!(
        kinds
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect::<Vec<_>>(),
        fields::KINDS
    );
    let policies = at(&schema, "/$defs/load/oneOf/0/enum").as_array().unwrap();
    assert_eq!(
        policies
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect::<Vec<_>>(),
        fields::LOAD_POLICIES
    );
    let isolations = at(&schema, "/$defs/component/properties/isolation/enum")
        .as_array()
        .unwrap();
    assert_eq!(
        isolations
            .iter()
            .map(|k| k.as_str().unwrap())
            .collect::<Vec<_>>(),
        fields::ISOLATIONS
    );
}

fn walk(node: &Json, pointer: String, visit: &mut impl FnMut(&str, &Json)) {
    visit(&pointer, node);
    match node {
        Json::Object(map) => {
            for (key, child) in map {
                walk(
                    child,
                    format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1")),
                    visit,
                );
            }
        }
        Json::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                walk(child, format!("{pointer}/{i}"), visit);
            }
        }
        _ => {}
    }
}

#[test]
fn schema_states_the_same_limits() {
    let schema = schema();
    let number = |pointer: &str| {
        at(&schema, pointer)
            .as_u64()
            .unwrap_or_else(|| panic!("{pointer} is a number"))
    };
    let component = "/$defs/component/properties";
    assert_eq!(
        number("/properties/manifestVersion/const"),
        u64::from(MANIFEST_VERSION)
    );
    assert_eq!(
        number("/properties/components/maxItems"),
        limits::MAX_COMPONENTS as u64
    );
    assert_eq!(
        number("/properties/$schema/maxLength"),
        limits::MAX_STRING_BYTES as u64
    );
    assert_eq!(
        number("/$defs/url/maxLength"),
        limits::MAX_STRING_BYTES as u64
    );
    assert_eq!(
        number(&format!("{component}/integrity/maxLength")),
        limits::MAX_STRING_BYTES as u64
    );
    assert_eq!(
        number("/$defs/routeLoad/properties/route/maxLength"),
        limits::MAX_STRING_BYTES as u64
    );
    assert_eq!(
        number(&format!("{component}/slot/maxLength")),
        limits::MAX_SLOT_CHARS as u64
    );
    assert_eq!(
        number(&format!("{component}/fallback/maxLength")),
        limits::MAX_FALLBACK_CHARS as u64
    );
    assert_eq!(
        number(&format!("{component}/timeoutMs/maximum")),
        u64::from(limits::MAX_TIMEOUT_MS)
    );
    assert_eq!(
        number("/$defs/budget/properties/maxMemoryPages/maximum"),
        u64::from(limits::MAX_MEMORY_PAGES)
    );
    assert_eq!(
        number("/$defs/budget/properties/maxDomBytes/maximum"),
        u64::from(limits::MAX_DOM_BYTES)
    );
    assert_eq!(number("/$defs/budget/properties/maxDomBytes/minimum"), 1);
    assert_eq!(
        number("/$defs/origins/maxItems"),
        limits::MAX_ORIGINS as u64
    );
    assert_eq!(
        number("/$defs/origins/items/maxLength"),
        limits::MAX_STRING_BYTES as u64
    );
    assert_eq!(
        number("/$defs/patterns/maxItems"),
        limits::MAX_PATTERNS as u64
    );
    assert_eq!(
        number("/$defs/patterns/items/maxLength"),
        limits::MAX_TOPIC_BYTES as u64
    );
    let name_pattern = at(&schema, &format!("{component}/name/pattern"))
        .as_str()
        .unwrap();
    assert!(
        name_pattern.ends_with(&format!("{{0,{}}}$", limits::MAX_NAME_LEN - 1)),
        "{name_pattern}"
    );
    walk(&schema, String::new(), &mut |pointer, node| {
        // Byte budgets; maxDomBytes is a count of DOM bytes, checked above.
        let budget = pointer.contains("Bytes") && !pointer.ends_with("/maxDomBytes");
        if node.get("type") == Some(&Json::from("integer")) && budget {
            assert_eq!(node["minimum"], 1, "{pointer}");
            assert_eq!(
                node["maximum"].as_u64(),
                Some(limits::MAX_BUDGET_BYTES),
                "{pointer}"
            );
        }
    });
}

/// The schema's origin pattern accepts exactly the origins the parser accepts.
#[test]
fn the_schema_and_the_parser_agree_on_origins() {
    let validator = validator();
    let origins = [
        ("https://cdn.example.com", true),
        ("http://127.0.0.1:8081", true),
        ("http://localhost", true),
        ("https://xn--caf-dma.example", true),
        ("https://a_b-c.d0", true),
        ("https://[::1]", true),
        ("http://[2001:db8::7]:8080", true),
        ("https://x:65535", true),
        ("https://x:1", true),
        ("http://x:443", true),
        ("https://x:80", true),
        ("https://x:8080", true),
        ("http://x:180", true),
        ("", false),
        ("cdn.example.com", false),
        ("ftp://cdn.example.com", false),
        ("//cdn.example.com", false),
        ("HTTPS://cdn.example.com", false),
        ("https://CDN.example.com", false),
        ("https://cdn.example.com/", false),
        ("https://cdn.example.com/x", false),
        ("https://cdn.example.com?x", false),
        ("https://cdn.example.com#x", false),
        ("https://user@cdn.example.com", false),
        ("https://", false),
        ("https://:8080", false),
        ("https://cdn..example", false),
        ("https://.cdn", false),
        ("https://cdn.", false),
        ("https://café.example", false),
        ("https://cdn example", false),
        ("https://[::1", false),
        ("https://[1.2.3.4]", false),
        ("https://[]", false),
        ("https://x:", false),
        ("https://x:0", false),
        ("https://x:08081", false),
        ("https://x:65536", false),
        ("https://x:99999", false),
        ("https://x:443", false),
        ("http://x:80", false),
        ("http://[::1]:80", false),
        ("https://x\n", false),
    ];
    for (origin, valid) in origins {
        let manifest = serde_json::json!({
            "manifestVersion": 1,
            "components": [{"name": "a", "module": "a.wasm", "slot": "#a",
                "capabilities": {"origins": [origin]}}]
        });
        let parsed = from_json_str(&manifest.to_string());
        assert_eq!(parsed.is_ok(), valid, "parser, {origin:?}: {parsed:?}");
        assert_eq!(validator.is_valid(&manifest), valid, "schema, {origin:?}");
        if let Ok(parsed) = parsed {
            assert_eq!(parsed.components[0].capabilities.origins, [origin]);
        }
    }
}

#[test]
fn every_valid_fixture_satisfies_the_schema() {
    let validator = validator();
    for fixture in fixtures("valid") {
        let instance: Json = serde_json::from_str(&read(&fixture.json)).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&instance)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{}: the parser accepts it, the schema does not:\n{}",
            fixture.name,
            errors.join("\n")
        );
    }
}

/// For every problem the parser reports, the schema reports an error at the same place (or at
/// the object holding it, which is where JSON Schema reports unknown and missing properties).
#[test]
fn the_schema_rejects_every_problem_it_can_express() {
    let validator = validator();
    let mut unexpressible_seen = vec![false; SCHEMA_CANNOT_EXPRESS.len()];
    let mut failures = Vec::new();
    for fixture in fixtures("invalid") {
        let text = read(&fixture.json);
        let problems = from_json_str(&text).expect_err("invalid fixture").0;
        let instance: Option<Json> = serde_json::from_str(&text).ok();
        let errors: Vec<String> = instance
            .as_ref()
            .map(|i| {
                validator
                    .iter_errors(i)
                    .map(|e| e.instance_path().as_str().to_string())
                    .collect()
            })
            .unwrap_or_default();
        for problem in &problems {
            if let Some(i) = SCHEMA_CANNOT_EXPRESS
                .iter()
                .position(|(m, _)| problem.message.contains(m))
            {
                unexpressible_seen[i] = true;
                continue;
            }
            let at = pointer(&problem.path);
            let parent = at.rfind('/').map_or("", |i| &at[..i]);
            if !errors
                .iter()
                .any(|e| *e == at || (reported_on_parent(problem) && e == parent))
            {
                failures.push(format!(
                    "{}: {problem}\n    schema errors at: {errors:?}",
                    fixture.name
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "the schema misses problems the parser reports:\n{}",
        failures.join("\n")
    );
    for (seen, (fragment, _)) in unexpressible_seen.iter().zip(SCHEMA_CANNOT_EXPRESS) {
        assert!(seen, "no fixture exercises the unexpressible problem {fragment:?}; remove it or add a fixture");
    }
}

/// The converse on the fixtures: a fixture whose every problem the schema cannot express is
/// accepted by the schema (so SCHEMA_CANNOT_EXPRESS does not hide a check the schema could make).
#[test]
fn unexpressible_problems_are_really_beyond_the_schema() {
    let validator = validator();
    for fixture in fixtures("invalid") {
        let text = read(&fixture.json);
        let Ok(instance) = serde_json::from_str::<Json>(&text) else {
            continue;
        };
        let problems = from_json_str(&text).expect_err("invalid fixture").0;
        let all_unexpressible = problems.iter().all(|p| {
            SCHEMA_CANNOT_EXPRESS
                .iter()
                .any(|(m, _)| p.message.contains(m))
        });
        if all_unexpressible {
            let errors: Vec<String> = validator
                .iter_errors(&instance)
                .map(|e| e.to_string())
                .collect();
            assert!(
                errors.is_empty(),
                "{}: the schema does catch this: {errors:?}",
                fixture.name
            );
        }
    }
}

#[test]
fn problem_paths_become_json_pointers() {
    assert_eq!(pointer(""), "");
    assert_eq!(
        pointer("components[12].budget.maxBytes"),
        "/components/12/budget/maxBytes"
    );
    assert_eq!(pointer("components[0][\"x y\"]"), "/components/0/x y");
    assert_eq!(
        pointer("components[0][\"a/b\\\"\\n\"]"),
        "/components/0/a~1b\"\n"
    );
    assert_eq!(pointer("$schema"), "/$schema");
}
