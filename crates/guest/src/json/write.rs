//! Writing small JSON objects (message payloads) without `core::fmt` or serde.

use alloc::string::String;

use crate::num::push_int;

/// Appends `s` as a JSON string literal, quotes included.
pub fn quote(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                for d in [c as u32 >> 4, c as u32 & 15] {
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON object being written, member by member.
///
/// ```
/// use tessera_guest::json::Object;
/// let payload = Object::new().str("id", "tea").int("price", 450).bool("gift", false).finish();
/// assert_eq!(payload, r#"{"id":"tea","price":450,"gift":false}"#);
/// ```
pub struct Object {
    out: String,
}

impl Default for Object {
    fn default() -> Self {
        Object::new()
    }
}

impl Object {
    /// `{`.
    pub fn new() -> Object {
        Object {
            out: String::from("{"),
        }
    }

    fn key(mut self, key: &str) -> Object {
        if self.out.len() > 1 {
            self.out.push(',');
        }
        quote(&mut self.out, key);
        self.out.push(':');
        self
    }

    /// A string member.
    pub fn str(self, key: &str, value: &str) -> Object {
        let mut o = self.key(key);
        quote(&mut o.out, value);
        o
    }

    /// An integer member.
    pub fn int(self, key: &str, value: i64) -> Object {
        let mut o = self.key(key);
        push_int(&mut o.out, value);
        o
    }

    /// A boolean member.
    pub fn bool(self, key: &str, value: bool) -> Object {
        let mut o = self.key(key);
        o.out.push_str(if value { "true" } else { "false" });
        o
    }

    /// A member whose value is JSON text written elsewhere (not checked).
    pub fn raw(self, key: &str, json: &str) -> Object {
        let mut o = self.key(key);
        o.out.push_str(json);
        o
    }

    /// `}`: the finished text.
    pub fn finish(mut self) -> String {
        self.out.push('}');
        self.out
    }
}
