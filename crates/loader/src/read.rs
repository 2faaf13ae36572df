//! Reading the manifest: its text passes the text gate, then `JSON.parse`. The development build's
//! gate is `tessera_manifest::check_text` (size, syntax, depth, repeated keys, lone surrogates:
//! the CLI's first step too); the production build's is `check_shape`, size and depth only, the
//! limits that keep `JSON.parse` and the walk below safe (docs/builds.md). Then the parsed value
//! becomes the manifest crate's [`Value`], which `tessera_manifest::from_owned_value` validates
//! (the same rules the CLI applies, without copying the props). A page's object is read as the
//! text `JSON.stringify` gives for it, so both ways in meet the same gate.
//!
//! No serde here: a `Reflect`-based walk costs about 2 KB of wasm where serde costs about 20 KB.
//! Each component's `props` stay a JavaScript value and reach the guest as `JSON.stringify` text.

use crate::errors::{Error, Failure};
use crate::sys;
use crate::text::{field, js_message};
use alloc::{string::String, vec::Vec};
use js_sys::{Array, Object, JSON};
use tessera_manifest::limits::{MAX_COMPONENTS, MAX_PROPS_DEPTH};
use tessera_manifest::value::Value;
use tessera_manifest::{Manifest, Problems};
use wasm_bindgen::{JsCast, JsValue};

/// A validated manifest and, in the same order as its components, each one's props as JSON text.
pub(crate) struct Read {
    /// The validated manifest.
    pub manifest: Manifest,
    /// `JSON.stringify(component.props)`, `{}` when absent.
    pub props: Vec<String>,
}

/// Checks and validates manifest `text`. After the gate the text nests at most `MAX_DEPTH`
/// levels, so neither `JSON.parse` nor the walk below recurses deeper. (`JSON.parse` may still
/// refuse its syntax, which only the development build's gate reads: `not json data`.)
pub(crate) fn manifest(text: &str) -> Result<Read, Failure> {
    let invalid = |problems: Problems| Failure::manifest(Error::ManifestInvalid(lines(&problems)));
    gate(text).map_err(invalid)?;
    let json = JSON::parse(text).map_err(not_json)?;
    let mut props = Vec::new();
    let value = value(&json, ROOT, &mut props);
    let manifest = tessera_manifest::from_owned_value(value).map_err(invalid)?;
    Ok(Read { manifest, props })
}

/// The development build's text gate: every rule the CLI applies to text.
#[cfg(feature = "development")]
use tessera_manifest::check_text as gate;

/// The production build's text gate: size and depth, what keeps the readers after it safe.
#[cfg(not(feature = "development"))]
use tessera_manifest::check_shape as gate;

/// The problems, `; ` between them. The development build names what is wrong with each
/// (`components[0].slot (component 'cart'): must not be empty`); the production build has only
/// where (`components[0].slot (component 'cart')`) and says where the rest is.
fn lines(problems: &Problems) -> String {
    let lines = problems.joined("; ");
    if cfg!(feature = "development") {
        lines
    } else {
        cat!(&lines, PRODUCTION_HINT)
    }
}

/// What the production build adds to `manifest-invalid`; docs/builds.md.
const PRODUCTION_HINT: &str =
    " (the development build, or tessera-budget check, says what is wrong with each)";

/// A page's object as manifest text: `JSON.stringify(object)`, which drops `undefined` and
/// functions, escapes lone surrogates (which the development build's gate then refuses) and refuses cycles and
/// nesting deeper than the engine's stack, exactly as if the manifest had been fetched.
pub(crate) fn text_of(object: &JsValue) -> Result<String, Failure> {
    match JSON::stringify(object) {
        Ok(text) => text.as_string().ok_or_else(|| not_json(JsValue::UNDEFINED)),
        Err(e) => Err(not_json(e)),
    }
}

/// `manifest-invalid: not json data: <why>`.
fn not_json(e: JsValue) -> Failure {
    let why = if e.is_undefined() {
        String::from("not an object")
    } else {
        js_message(&e)
    };
    Failure::manifest(Error::ManifestInvalid(cat!("not json data: ", &why)))
}

/// `props` as JSON text for the guest: `{}` when absent.
pub(crate) fn props_json(props: &JsValue) -> String {
    if props.is_undefined() {
        return String::from("{}");
    }
    JSON::stringify(props)
        .map(String::from)
        .unwrap_or_else(|_| String::from("{}"))
}

/// Where a value sits, as far as collecting the components' props needs: the document, its
/// `components`, one component, that component's `props`, or anywhere else.
const ROOT: u8 = 0;
const COMPONENTS: u8 = 1;
const COMPONENT: u8 = 2;
const PROPS: u8 = 3;
const OTHER: u8 = 4;

/// Converts plain JSON data at `level` (see [`ROOT`]) to a [`Value`], keeping object keys in
/// order. On the way, pushes one entry to `props` per item of `components`: its props as JSON
/// text, `{}` when absent; so one walk serves validation and the props.
///
/// Two shortcuts keep the walk cheap where the page hands over a lot: props are not walked key by
/// key (validation needs only their depth, which JavaScript measures, and the text gate has
/// refused repeated keys already), and a `components` list longer than the limit is not walked
/// at all (validation reports only its length).
fn value(json: &JsValue, level: u8, props: &mut Vec<String>) -> Value {
    if level == PROPS {
        if let Some(text) = props.last_mut() {
            *text = props_json(json);
        }
        return nested(sys::depth(json).min(MAX_PROPS_DEPTH + 1));
    }
    if level == COMPONENTS && Array::is_array(json) {
        let len = json.unchecked_ref::<Array>().length() as usize;
        if len > MAX_COMPONENTS {
            return Value::Array((0..len).map(|_| Value::Null).collect());
        }
    }
    if let Some(b) = json.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = json.as_f64() {
        Value::Number(n)
    } else if let Some(s) = json.as_string() {
        Value::String(s)
    } else if json.is_object() {
        // An array's keys are its indices, in order.
        let array = Array::is_array(json);
        let (mut items, mut entries) = (Vec::new(), Vec::new());
        for key in Object::keys(json.unchecked_ref::<Object>()).iter() {
            let key = key.as_string().unwrap_or_default();
            let item = field(json, &key);
            let child = match (level, array, key.as_str()) {
                (COMPONENTS, true, _) => {
                    props.push(String::from("{}"));
                    COMPONENT
                }
                (ROOT, false, "components") => COMPONENTS,
                (COMPONENT, false, "props") => PROPS,
                _ => OTHER,
            };
            let item = value(&item, child, props);
            if array {
                items.push(item);
            } else {
                entries.push((key, item));
            }
        }
        if array {
            Value::Array(items)
        } else {
            Value::Object(entries)
        }
    } else {
        Value::Null
    }
}

/// A stand-in for props `depth` levels deep: arrays nested `depth` times (`null` for 0), which
/// validation judges as it would the props themselves.
fn nested(depth: usize) -> Value {
    let mut value = Value::Null;
    for level in 0..depth {
        value = Value::Array(if level == 0 {
            Vec::new()
        } else {
            alloc::vec![value]
        });
    }
    value
}
