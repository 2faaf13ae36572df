//! JSON text for a manifest [`Value`], keeping key order and duplicates: what the property tests
//! (`never_panics.rs`) and the fuzz target `manifest_value` (crates/fuzz) compare `from_value`
//! with. Strings and numbers are written by serde_json, so the text is always valid JSON.

use tessera_manifest::value::Value;

/// JSON text for a value (finite numbers only), keeping key order and duplicates.
pub fn to_json(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&serde_json::to_string(n).unwrap()),
        Value::String(s) => out.push_str(&serde_json::to_string(s).unwrap()),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                to_json(item, out);
            }
            out.push(']');
        }
        Value::Object(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&serde_json::to_string(k).unwrap());
                out.push(':');
                to_json(v, out);
            }
            out.push('}');
        }
    }
}
