//! A tiny JSON reader for props and message payloads, and a writer for payloads.
//!
//! [`Json`] is a borrowed view of one value: nothing is parsed until you ask, nothing is
//! allocated except strings with escapes, and malformed input reads as missing, never panics.
//!
//! ```
//! use tessera_guest::json::Json;
//! let props = Json::parse(r#"{"start": 3, "tags": ["a", "b"], "name": "Ada"}"#);
//! assert_eq!(props.get("start").as_i64(), Some(3));
//! assert_eq!(props.get("tags").at(1).as_str().as_deref(), Some("b"));
//! assert_eq!(props.get("missing").as_i64().unwrap_or(7), 7);
//! ```

mod number;
mod scan;
mod string;
mod write;

use alloc::borrow::Cow;

pub use write::{quote, Object};

/// The kind of a JSON value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// No value: a missing key, an index past the end, or malformed text.
    Missing,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

/// A borrowed JSON value (or [`Kind::Missing`]). Copy it freely.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Json<'a> {
    /// Exactly the bytes of one value; empty when missing.
    s: &'a [u8],
}

impl<'a> Json<'a> {
    /// The missing value.
    pub const MISSING: Json<'static> = Json { s: b"" };

    /// Reads `text` as one JSON value (whitespace around it allowed). Only its extent is
    /// checked now (strings, brackets, nothing after it); the rest is read when accessed, and
    /// what cannot be read is missing. The reader is lenient: in `[1, 2, ]` the elements
    /// before the stray comma are still read.
    pub fn parse(text: &'a str) -> Json<'a> {
        let s = text.as_bytes();
        let start = scan::ws(s, 0);
        match scan::value_end(s, start) {
            Some(end) if scan::ws(s, end) == s.len() => Json {
                s: s.get(start..end).unwrap_or(b""),
            },
            _ => Json::MISSING,
        }
    }

    /// Reads `bytes` as one JSON value, like [`Json::parse`]; text that is not UTF-8 is
    /// [`Kind::Missing`]. For message payloads.
    pub fn parse_bytes(bytes: &'a [u8]) -> Json<'a> {
        if !crate::utf8::is_valid(bytes) {
            return Json::MISSING;
        }
        // SAFETY: just checked.
        Json::parse(unsafe { core::str::from_utf8_unchecked(bytes) })
    }

    /// The value's kind, from its first byte (a malformed value may still name a kind; its
    /// accessors then return `None`).
    pub fn kind(self) -> Kind {
        match self.s.first() {
            None => Kind::Missing,
            Some(b'n') => Kind::Null,
            Some(b't' | b'f') => Kind::Bool,
            Some(b'"') => Kind::String,
            Some(b'[') => Kind::Array,
            Some(b'{') => Kind::Object,
            Some(_) => Kind::Number,
        }
    }

    /// Whether there is a value (`null` included).
    pub fn exists(self) -> bool {
        !self.s.is_empty()
    }

    /// The JSON text of the value (`""` when missing).
    pub fn text(self) -> &'a str {
        // SAFETY: `s` is cut from a `str` at ASCII bytes (quotes, brackets, separators,
        // whitespace, the ends of literals), so it is valid UTF-8.
        unsafe { core::str::from_utf8_unchecked(self.s) }
    }

    /// The member `key` of an object (the first one, if repeated). Keys are compared as
    /// written: a key spelled with escapes (`"caf\u00e9"`) does not match (`JSON.stringify`
    /// writes no such escapes for ordinary keys).
    pub fn get(self, key: &str) -> Json<'a> {
        let mut i = 1;
        while let Some((k, v, next)) = self.member(i, Kind::Object) {
            if k.len() == key.len() + 2 && k.get(1..=key.len()) == Some(key.as_bytes()) {
                return Json { s: v };
            }
            i = next;
        }
        Json::MISSING
    }

    /// Element `i` of an array.
    pub fn at(self, i: usize) -> Json<'a> {
        self.items().nth(i).unwrap_or(Json::MISSING)
    }

    fn member(self, i: usize, kind: Kind) -> Option<(&'a [u8], &'a [u8], usize)> {
        if self.kind() != kind {
            return None;
        }
        scan::member(self.s, i, kind == Kind::Object)
    }

    /// The elements of an array (none for anything else; stops at a malformed element).
    pub fn items(self) -> impl Iterator<Item = Json<'a>> {
        let mut i = 1;
        core::iter::from_fn(move || {
            let (_, v, next) = self.member(i, Kind::Array)?;
            i = next;
            Some(Json { s: v })
        })
    }

    /// The members of an object as (key, value); the key is a string value, read it with
    /// [`Json::as_str`].
    pub fn entries(self) -> impl Iterator<Item = (Json<'a>, Json<'a>)> {
        let mut i = 1;
        core::iter::from_fn(move || {
            let (k, v, next) = self.member(i, Kind::Object)?;
            i = next;
            Some((Json { s: k }, Json { s: v }))
        })
    }

    /// A string's text (borrowed unless it has escapes).
    pub fn as_str(self) -> Option<Cow<'a, str>> {
        string::unescape(self.s)
    }

    /// A number as `f64`.
    pub fn as_f64(self) -> Option<f64> {
        match self.kind() {
            Kind::Number => number::to_f64(self.s),
            _ => None,
        }
    }

    /// A number written as an integer (`-42`; not `4.2`, `42.0` or `4e1`) that fits an `i64`.
    /// Use [`Json::as_f64`] for the others.
    pub fn as_i64(self) -> Option<i64> {
        number::to_i64(self.s)
    }

    /// `true` or `false`.
    pub fn as_bool(self) -> Option<bool> {
        match self.s {
            b"true" => Some(true),
            b"false" => Some(false),
            _ => None,
        }
    }

    /// Whether the value is `null`.
    pub fn is_null(self) -> bool {
        self.s == b"null"
    }
}
