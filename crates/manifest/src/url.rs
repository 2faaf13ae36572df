//! Module and glue URLs: what the manifest accepts, and RFC 3986 reference resolution.

use alloc::string::String;

mod parse;
mod resolve;

pub use resolve::resolve_url;

pub(crate) use parse::check_url;

/// Why a URL is refused. [`UrlError::code`] gives a stable code a program can switch on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// The URL is the empty string.
    Empty,
    /// The URL is longer than [`crate::limits::MAX_STRING_BYTES`]; carries its length in bytes.
    TooLong(usize),
    /// The URL contains whitespace (leading, trailing or inside).
    Whitespace,
    /// The URL contains a control character.
    ControlCharacter,
    /// The URL contains an ASCII character RFC 3986 does not allow, such as `\`, `<`, `"` or `|`.
    Character(char),
    /// The text before the first `:` is not a valid scheme (and a relative path cannot contain `:`
    /// in its first segment).
    InvalidScheme(String),
    /// A scheme that can run code or smuggle content: `javascript:`, `vbscript:` or `data:`.
    ForbiddenScheme(String),
    /// A scheme other than `http:` and `https:`.
    UnsupportedScheme(String),
    /// An absolute URL (or `//` reference) without a host.
    MissingHost,
    /// The URL carries a user name or password (`user:pass@host`).
    Credentials,
    /// The port is not a number from 0 to 65535; carries the port as written.
    BadPort(String),
    /// A `%` not followed by two hexadecimal digits.
    BadPercentEncoding,
}

impl UrlError {
    /// A stable, lowercase code for programs: `url-empty`, `url-forbidden-scheme`, ...
    pub fn code(&self) -> &'static str {
        match self {
            UrlError::Empty => "url-empty",
            UrlError::TooLong(_) => "url-too-long",
            UrlError::Whitespace => "url-whitespace",
            UrlError::ControlCharacter => "url-control-character",
            UrlError::Character(_) => "url-character",
            UrlError::InvalidScheme(_) => "url-invalid-scheme",
            UrlError::ForbiddenScheme(_) => "url-forbidden-scheme",
            UrlError::UnsupportedScheme(_) => "url-unsupported-scheme",
            UrlError::MissingHost => "url-missing-host",
            UrlError::Credentials => "url-credentials",
            UrlError::BadPort(_) => "url-bad-port",
            UrlError::BadPercentEncoding => "url-bad-percent-encoding",
        }
    }

    /// What is wrong, lowercase, naming the bad part but not the whole URL (callers add it).
    pub fn message(&self) -> String {
        use crate::text::{cat, int, quoted};
        match self {
            UrlError::Empty => "must not be empty".into(),
            UrlError::TooLong(len) => cat(&[
                "must be at most 2048 bytes long (is ",
                &int(*len as i64),
                ")",
            ]),
            UrlError::Whitespace => "must not contain whitespace".into(),
            UrlError::ControlCharacter => "must not contain control characters".into(),
            UrlError::Character(c) => {
                let mut s = String::from("contains '");
                s.push(*c);
                s.push_str("', which must be percent-encoded");
                s
            }
            UrlError::InvalidScheme(s) => cat(&[
                quoted(s).as_str(),
                " is not a valid scheme (write \"./\" before a relative path that contains ':')",
            ]),
            UrlError::ForbiddenScheme(s) => cat(&["the ", &quoted(s), " scheme is not allowed"]),
            UrlError::UnsupportedScheme(s) => cat(&[
                "the ",
                &quoted(s),
                " scheme is not supported, use http, https or a relative url",
            ]),
            UrlError::MissingHost => "must name a host".into(),
            UrlError::Credentials => "must not contain a user name or password".into(),
            UrlError::BadPort(p) => cat(&["has an invalid port ", &quoted(p)]),
            UrlError::BadPercentEncoding => {
                "has a '%' that is not followed by two hexadecimal digits".into()
            }
        }
    }
}

impl core::fmt::Display for UrlError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.message())
    }
}

#[cfg(feature = "std")]
impl std::error::Error for UrlError {}
