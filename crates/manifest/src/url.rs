//! Module and glue URLs: what the manifest accepts, and RFC 3986 reference resolution.

use alloc::string::String;

mod parse;
mod resolve;

pub use resolve::resolve_url;

pub(crate) use parse::check_url;

use crate::limits::MAX_STRING_BYTES;
use crate::text::{too_long, Msg};

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
        self.msg().0
    }

    /// [`UrlError::message`] as a [`Msg`] that validation can extend.
    pub(crate) fn msg(&self) -> Msg {
        let (before, quoted, after) = match self {
            UrlError::TooLong(len) => return too_long(MAX_STRING_BYTES, " bytes", *len),
            UrlError::Character(c) => {
                let mut m = Msg::new("contains '");
                m.0.push(*c);
                m.s("', which must be percent-encoded");
                return m;
            }
            UrlError::InvalidScheme(s) => (
                "",
                s,
                " is not a valid scheme (write \"./\" before a relative path that contains ':')",
            ),
            UrlError::ForbiddenScheme(s) => ("the ", s, " scheme is not allowed"),
            UrlError::UnsupportedScheme(s) => (
                "the ",
                s,
                " scheme is not supported, use http, https or a relative url",
            ),
            UrlError::BadPort(p) => ("has an invalid port ", p, ""),
            other => return Msg::new(other.fixed_message()),
        };
        Msg::new(before).quoted(quoted).s(after).take()
    }

    /// The message of a variant that carries nothing to show ("" for the others).
    fn fixed_message(&self) -> &'static str {
        match self {
            UrlError::Empty => "must not be empty",
            UrlError::Whitespace => "must not contain whitespace",
            UrlError::ControlCharacter => "must not contain control characters",
            UrlError::MissingHost => "must name a host",
            UrlError::Credentials => "must not contain a user name or password",
            UrlError::BadPercentEncoding => {
                "has a '%' that is not followed by two hexadecimal digits"
            }
            UrlError::TooLong(_)
            | UrlError::Character(_)
            | UrlError::InvalidScheme(_)
            | UrlError::ForbiddenScheme(_)
            | UrlError::UnsupportedScheme(_)
            | UrlError::BadPort(_) => "",
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
