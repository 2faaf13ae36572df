//! Reading strings and integers, reporting wrong types and values out of range.

use super::component::valid_name;
use super::path::Path;
use super::Ctx;
use crate::integrity::check_integrity;
use crate::limits::{MAX_FALLBACK_CHARS, MAX_SLOT_CHARS, MAX_STRING_BYTES};
use crate::origin::check_origin;
use crate::route::check_route;
use crate::scan::{any_char, trim};
use crate::text::{is_integer, too_long, Msg};
use crate::topic::check_pattern;
use crate::url::check_url;
use crate::value::Value;

/// What a string field must be.
#[derive(Clone, Copy)]
pub(crate) enum CheckStr {
    /// At most [`MAX_STRING_BYTES`] bytes (`$schema`).
    Bytes,
    /// A component name (see [`valid_name`]).
    Name,
    /// A URL the manifest accepts (see [`crate::url::UrlError`]).
    Url,
    /// A CSS selector: at most 256 characters, not blank, no control characters.
    Slot,
    /// Plain text: at most 1024 characters, no control characters but line breaks and tabs.
    Fallback,
    /// Subresource Integrity, at most [`MAX_STRING_BYTES`] bytes.
    Integrity,
    /// A route pattern (see [`crate::route_matches`]).
    Route,
    /// A topic pattern (see [`crate::topic_matches`]).
    Pattern,
    /// An origin (see [`check_origin`]).
    Origin,
}

/// The string, or a problem when `value` is not one.
pub(crate) fn string<'v>(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        other => {
            ctx.say_got(path, "must be a string", other);
            None
        }
    }
}

/// The string `value` when `check` accepts it; otherwise a problem, which names the value
/// (`, got "..."`) unless the message already quotes it (integrity).
pub(crate) fn checked<'v>(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    value: &'v Value,
    check: CheckStr,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    let mut got = true;
    let result = match check {
        CheckStr::Bytes => max_bytes(s),
        CheckStr::Name if valid_name(s) => Ok(()),
        CheckStr::Name => Err(Msg::new(
            "must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit",
        )),
        CheckStr::Url => check_url(s).map_err(|e| e.msg()),
        CheckStr::Slot => check_text(s, MAX_SLOT_CHARS, false),
        CheckStr::Fallback => check_text(s, MAX_FALLBACK_CHARS, true),
        CheckStr::Integrity => max_bytes(s).and_then(|()| {
            got = false;
            check_integrity(s)
        }),
        CheckStr::Route => check_route(s),
        CheckStr::Pattern => check_pattern(s),
        CheckStr::Origin => check_origin(s),
    };
    match result {
        Ok(()) => Some(s),
        Err(mut message) => {
            if got {
                message.got(value);
            }
            ctx.report(path, message);
            None
        }
    }
}

fn max_bytes(s: &str) -> Result<(), Msg> {
    if s.len() > MAX_STRING_BYTES {
        return Err(too_long(MAX_STRING_BYTES, " bytes", s.len()));
    }
    Ok(())
}

/// At most `max` characters without control characters (line breaks and tabs are allowed when
/// `multiline`), and, unless `multiline`, with something besides whitespace.
fn check_text(s: &str, max: usize, multiline: bool) -> Result<(), Msg> {
    // Every byte that does not continue a UTF-8 sequence starts a character.
    let chars = s.bytes().filter(|&b| (b as i8) >= -0x40).count();
    let control = if multiline {
        any_char(s, |c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    } else {
        any_char(s, char::is_control)
    };
    let fixed = if chars > max {
        return Err(too_long(max, " characters", chars));
    } else if !multiline && trim(s).is_empty() {
        "must not be empty"
    } else if control {
        "must not contain control characters"
    } else {
        return Ok(());
    };
    Err(Msg::new(fixed))
}

/// A URL the manifest accepts (see [`crate::url::UrlError`]).
pub(crate) fn url<'v>(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    checked(ctx, path, value, CheckStr::Url)
}

/// An integer from 1 to `max`.
pub(crate) fn positive_int(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    value: &Value,
    max: u64,
) -> Option<u64> {
    let message = match value {
        Value::Number(n) if is_integer(*n) && *n >= 1.0 => {
            if *n <= max as f64 {
                return Some(*n as u64);
            }
            Msg::new("must be at most ").int(max as i64).take()
        }
        _ => Msg::new("must be a positive integer"),
    };
    ctx.report_got(path, message, value);
    None
}
