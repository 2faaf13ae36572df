//! A JSON value that keeps what a validator needs to see: object keys in source order, duplicates included.

use alloc::string::String;
use alloc::vec::Vec;

/// A JSON value.
///
/// Unlike `serde_json::Value`, an [`Value::Object`] keeps its entries in source order and keeps
/// duplicate keys, so that validation can report them. Numbers are `f64`, as in JavaScript.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// Any JSON number.
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object: its entries in source order, duplicate keys kept.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An empty object, the default for a component's `props`.
    pub fn empty_object() -> Value {
        Value::Object(Vec::new())
    }

    /// The value of the first entry named `key`, when this is an object that has one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, when this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => Some(*n),
            _ => None,
        }
    }

    /// The JSON type with its article, as used in messages: `"a string"`, `"an object"`, `"null"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    /// The nesting depth: `0` for a scalar, `1` for `[]` or `{}`, `2` for `{"a": []}`, and so on.
    ///
    /// Stops counting at `limit + 1`, so the recursion never goes deeper than `limit + 1` levels
    /// however deep the value is.
    pub fn depth_up_to(&self, limit: usize) -> usize {
        let children: &mut dyn Iterator<Item = &Value> = match self {
            Value::Array(items) => &mut items.iter(),
            Value::Object(entries) => &mut entries.iter().map(|(_, v)| v),
            _ => return 0,
        };
        if limit == 0 {
            return 1;
        }
        let mut deepest = 0;
        for child in children {
            deepest = deepest.max(child.depth_up_to(limit - 1));
            if deepest >= limit {
                break;
            }
        }
        1 + deepest
    }
}
