//! Building messages without `core::fmt`: integers and quoted strings by hand, never floats.
//!
//! Formatting an `f64` with `{}` costs about 12 KB of wasm, and `format!` itself several KB; the
//! loader links this crate, so messages are assembled with `push_str`.

use alloc::string::String;

use crate::value::Value;

/// The longest string quoted in a message, in characters; longer ones end in `...`.
const QUOTE_CHARS: usize = 40;

/// Joins `parts` into one string.
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Appends the decimal digits of `n`.
pub(crate) fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_digits(out, n.unsigned_abs());
}

fn push_digits(out: &mut String, n: u64) {
    if n >= 10 {
        push_digits(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

/// The decimal digits of `n`.
pub(crate) fn int(n: i64) -> String {
    let mut out = String::new();
    push_int(&mut out, n);
    out
}

/// Appends `s` in double quotes, escaping `"`, `\` and control characters, truncated to 40 characters.
pub(crate) fn push_quoted(out: &mut String, s: &str) {
    push_escaped(out, s, QUOTE_CHARS);
}

/// Appends `s` in double quotes as [`push_quoted`] does, truncated to `max_chars` characters.
pub(crate) fn push_escaped(out: &mut String, s: &str, max_chars: usize) {
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        if i == max_chars {
            out.push_str("...");
            break;
        }
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                out.push_str("\\u");
                let code = c as u32;
                for shift in [12, 8, 4, 0] {
                    let nibble = ((code >> shift) & 0xf) as u8;
                    out.push(
                        (if nibble < 10 {
                            b'0' + nibble
                        } else {
                            b'a' + nibble - 10
                        }) as char,
                    );
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `s` quoted as [`push_quoted`] does.
pub(crate) fn quoted(s: &str) -> String {
    let mut out = String::new();
    push_quoted(&mut out, s);
    out
}

/// The largest integer a JSON number carries exactly (2^53).
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

/// Appends how a message names a bad value: `-5`, `"text"`, `true`, `null`, `an array`, `an object`,
/// and for numbers that are not exact integers `a fraction` or `a number out of range`.
pub(crate) fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => push_number(out, *n),
        Value::String(s) => push_quoted(out, s),
        Value::Array(_) | Value::Object(_) => out.push_str(value.type_name()),
    }
}

/// Appends a number as a message names it (see [`push_value`]).
pub(crate) fn push_number(out: &mut String, n: f64) {
    if !n.is_finite() || n.abs() > EXACT_INT {
        out.push_str("a number out of range");
    } else if !is_integer(n) {
        out.push_str("a fraction");
    } else {
        push_int(out, n as i64);
    }
}

/// Is `n` a finite whole number? (`f64::fract` needs std.) Every finite `f64` of magnitude 2^52
/// or more is whole; below that, truncating to `i64` and back is exact only for whole numbers.
pub(crate) fn is_integer(n: f64) -> bool {
    n.is_finite() && (n.abs() >= 4_503_599_627_370_496.0 || n as i64 as f64 == n)
}
