//! Reading strings and integers, reporting wrong types and values out of range.

use super::path::Path;
use super::Ctx;
use crate::text::{any_char, is_integer, too_long, trim, Msg};
use crate::url::check_url;
use crate::value::Value;

/// The string, or a problem when `value` is not one.
#[inline(never)]
pub(crate) fn string<'v>(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        other => {
            ctx.say_got(path, "must be a string", other);
            None
        }
    }
}

/// The string `value` when `check` finds nothing wrong with it; otherwise reports the problem
/// `check` returns, followed by `, got <value>` when `got` is set.
#[inline(never)]
pub(crate) fn checked<'v>(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    value: &'v Value,
    check: fn(&str) -> Result<(), Msg>,
    got: bool,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    match check(s) {
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

/// A string of at most `max` bytes.
pub(crate) fn short_string<'v>(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    value: &'v Value,
    max: usize,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    if s.len() > max {
        ctx.report_got(path, too_long(max, " bytes", s.len()), value);
        return None;
    }
    Some(s)
}

/// A string of at most `max` characters without control characters (line breaks and tabs are
/// allowed when `multiline`), and, unless `multiline`, with something besides whitespace.
#[inline(never)]
pub(crate) fn text<'v>(
    ctx: &mut Ctx<'_>,
    path: &Path<'_>,
    value: &'v Value,
    max: usize,
    multiline: bool,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    // Every byte that does not continue a UTF-8 sequence starts a character.
    let chars = s.bytes().filter(|&b| (b as i8) >= -0x40).count();
    let control = if multiline {
        any_char(s, |c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    } else {
        any_char(s, char::is_control)
    };
    let message = if chars > max {
        too_long(max, " characters", chars)
    } else if !multiline && trim(s).is_empty() {
        Msg::new("must not be empty")
    } else if control {
        Msg::new("must not contain control characters")
    } else {
        return Some(s);
    };
    ctx.report_got(path, message, value);
    None
}

/// A URL the manifest accepts (see [`crate::url::UrlError`]).
pub(crate) fn url<'v>(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    checked(
        ctx,
        path,
        value,
        |s| check_url(s).map_err(|e| e.msg()),
        true,
    )
}

/// An integer from 1 to `max`.
#[inline(never)]
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
