//! Building the typed [`Manifest`] from a document that validation accepted, so every field is
//! present when required, of the right type and within its limits; absent fields get defaults.
//! Each component's `props` move out of the document (left `null`), so nothing is copied.

use crate::manifest::{
    Budget, Capabilities, Component, Isolation, Kind, Load, Manifest, TotalBudget,
};
use crate::value::Value;
use crate::{fields, MANIFEST_VERSION};
use alloc::string::String;
use alloc::vec::Vec;

/// The manifest `root` describes.
pub(super) fn manifest(root: &mut Value) -> Manifest {
    let budget = root.get("budget");
    let budget = TotalBudget {
        total_bytes: int(budget, "totalBytes"),
        total_gzip_bytes: int(budget, "totalGzipBytes"),
        total_brotli_bytes: int(budget, "totalBrotliBytes"),
    };
    let components = match field_mut(root, "components") {
        Some(Value::Array(items)) => items.iter_mut().map(component).collect(),
        _ => Vec::new(),
    };
    Manifest {
        manifest_version: MANIFEST_VERSION,
        budget,
        components,
    }
}

/// The value of the first entry named `key`, when `object` is an object that has one.
fn field_mut<'v>(object: &'v mut Value, key: &str) -> Option<&'v mut Value> {
    match object {
        Value::Object(entries) => entries.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
        _ => None,
    }
}

fn component(value: &mut Value) -> Component {
    let props = field_mut(value, "props").map_or_else(Value::empty_object, |props| {
        core::mem::replace(props, Value::Null)
    });
    let value = &*value;
    let c = Some(value);
    let budget = value.get("budget");
    let capabilities = value.get("capabilities");
    Component {
        name: string(c, "name").unwrap_or_default(),
        module: string(c, "module").unwrap_or_default(),
        slot: string(c, "slot").unwrap_or_default(),
        integrity: string(c, "integrity"),
        kind: match string(c, "glue") {
            Some(glue) => Kind::Bindgen { glue },
            None => Kind::Isolated,
        },
        budget: Budget {
            max_bytes: int(budget, "maxBytes"),
            max_gzip_bytes: int(budget, "maxGzipBytes"),
            max_brotli_bytes: int(budget, "maxBrotliBytes"),
            max_memory_pages: int(budget, "maxMemoryPages").map(|n| n as u32),
            max_dom_bytes: int(budget, "maxDomBytes").map(|n| n as u32),
            max_call_ms: int(budget, "maxCallMs").map(|n| n as u32),
        },
        load: load(value.get("load")),
        props,
        capabilities: Capabilities {
            publish: strings(capabilities, "publish"),
            subscribe: strings(capabilities, "subscribe"),
            origins: strings(capabilities, "origins"),
        },
        fallback: string(c, "fallback"),
        timeout_ms: int(c, "timeoutMs").map(|n| n as u32),
        isolation: match string(c, "isolation").as_deref() {
            Some("worker") => Some(Isolation::Worker),
            Some(_) => Some(Isolation::Main),
            None => None,
        },
    }
}

fn load(value: Option<&Value>) -> Load {
    let policy = value.and_then(Value::as_str);
    match fields::LOAD_POLICIES
        .iter()
        .position(|p| Some(*p) == policy)
    {
        _ if value.is_none() => Load::Eager,
        Some(1) => Load::Idle,
        Some(2) => Load::Visible,
        Some(3) => Load::Manual,
        Some(_) => Load::Eager,
        None => Load::Route(string(value, "route").unwrap_or_default()),
    }
}

/// The items of an array (none for anything else).
fn items(value: Option<&Value>) -> &[Value] {
    match value {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// Field `key` of `object`, when it is a string.
fn string(object: Option<&Value>, key: &str) -> Option<String> {
    object?.get(key)?.as_str().map(String::from)
}

/// Field `key` of `object`, when it is a number (validation made it a positive integer).
fn int(object: Option<&Value>, key: &str) -> Option<u64> {
    object?.get(key)?.as_f64().map(|n| n as u64)
}

/// Field `key` of `object`: the strings of a list.
fn strings(object: Option<&Value>, key: &str) -> Vec<String> {
    let mut list = Vec::new();
    for item in items(object.and_then(|o| o.get(key))) {
        if let Some(s) = item.as_str() {
            list.push(String::from(s));
        }
    }
    list
}
