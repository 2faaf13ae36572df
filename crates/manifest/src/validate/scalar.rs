//! Reading strings and integers, reporting wrong types and values out of range.


use super::path::Path;
use super::Ctx;
use crate::text::int;
use crate::url::check_url;
use crate::value::Value;

/// The string, or a problem when `value` is not one.
pub(crate) fn string<'v>(ctx: &mut Ctx, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        other => {
            ctx.report_got(path, &["must be a string"], other);
            None
        }
    }
}

/// A string of at most `max` bytes.
pub(crate) fn short_string<'v>(
    ctx: &mut Ctx,
    path: &Path<'_>,
    value: &'v Value,
    max: usize,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    if s.len() > max {
        let (max, len) = (int(max as i64), int(s.len() as i64));
        ctx.report_got(
            path,
            &["must be at most ", &max, " bytes long (is ", &len, ")"],
            value,
        );
        return None;
    }
    Some(s)
}

/// A string of at most `max` characters without control characters (line breaks and tabs are
/// allowed when `multiline`), and, when `non_blank`, with something besides whitespace.
pub(crate) fn text<'v>(
    ctx: &mut Ctx,
    path: &Path<'_>,
    value: &'v Value,
    max: usize,
    non_blank: bool,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    let chars = s.chars().count();
    if chars > max {
        let (max, chars) = (int(max as i64), int(chars as i64));
        ctx.report_got(
            path,
            &[
                "must be at most ",
                &max,
                " characters long (is ",
                &chars,
                ")",
            ],
            value,
        );
    } else if non_blank && s.trim().is_empty() {
        ctx.report_got(path, &["must not be empty"], value);
    } else if s
        .chars()
        .any(|c| c.is_control() && (non_blank || !matches!(c, '\n' | '\r' | '\t')))
    {
        ctx.report_got(path, &["must not contain control characters"], value);
    } else {
        return Some(s);
    }
    None
}

/// A URL the manifest accepts (see [`crate::url::UrlError`]).
pub(crate) fn url<'v>(ctx: &mut Ctx, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    match check_url(s) {
        Ok(()) => Some(s),
        Err(err) => {
            ctx.report_got(path, &[&err.message()], value);
            None
        }
    }
}

/// An integer from 1 to `max`.
pub(crate) fn positive_int(ctx: &mut Ctx, path: &Path<'_>, value: &Value, max: u64) -> Option<u64> {
    match value {
        Value::Number(n) if crate::text::is_integer(*n) && *n >= 1.0 => {
            if *n <= max as f64 {
                return Some(*n as u64);
            }
            ctx.report_got(path, &["must be at most ", &int(max as i64)], value);
        }
        other => ctx.report_got(path, &["must be a positive integer"], other),
    }
    None
}
