//! Reading strings and integers, reporting wrong types and values out of range.

use super::Ctx;
use crate::text::{cat, got, int, push_value};
use crate::url::check_url;
use crate::value::Value;

/// The string, or a problem when `value` is not one.
pub(crate) fn string<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    match value {
        Value::String(s) => Some(s),
        other => {
            ctx.report(path, got("must be a string", other));
            None
        }
    }
}

/// A string of at most `max` bytes.
pub(crate) fn short_string<'v>(
    ctx: &mut Ctx,
    path: &str,
    value: &'v Value,
    max: usize,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    if s.len() > max {
        let message = cat(&[
            "must be at most ",
            &int(max as i64),
            " bytes long (is ",
            &int(s.len() as i64),
            ")",
        ]);
        ctx.report(path, got(&message, value));
        return None;
    }
    Some(s)
}

/// A string of at most `max` characters without control characters (line breaks and tabs are
/// allowed when `multiline`), and, when `non_blank`, with something besides whitespace.
pub(crate) fn text<'v>(
    ctx: &mut Ctx,
    path: &str,
    value: &'v Value,
    max: usize,
    non_blank: bool,
) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    let chars = s.chars().count();
    let message = if chars > max {
        cat(&[
            "must be at most ",
            &int(max as i64),
            " characters long (is ",
            &int(chars as i64),
            ")",
        ])
    } else if non_blank && s.trim().is_empty() {
        "must not be empty".into()
    } else if s
        .chars()
        .any(|c| c.is_control() && (non_blank || !matches!(c, '\n' | '\r' | '\t')))
    {
        "must not contain control characters".into()
    } else {
        return Some(s);
    };
    ctx.report(path, got(&message, value));
    None
}

/// A URL the manifest accepts (see [`crate::url::UrlError`]).
pub(crate) fn url<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    let s = string(ctx, path, value)?;
    match check_url(s) {
        Ok(()) => Some(s),
        Err(err) => {
            ctx.report(path, got(&err.message(), value));
            None
        }
    }
}

/// An integer from 1 to `max`.
pub(crate) fn positive_int(ctx: &mut Ctx, path: &str, value: &Value, max: u64) -> Option<u64> {
    let message = match value {
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 && *n >= 1.0 => {
            if *n <= max as f64 {
                return Some(*n as u64);
            }
            let mut m = cat(&["must be at most ", &int(max as i64), ", got "]);
            push_value(&mut m, value);
            m
        }
        other => got("must be a positive integer", other),
    };
    ctx.report(path, message);
    None
}
