//! Building messages without `core::fmt`.
//!
//! Formatting an `f64` with `{}` costs about 12 KB of wasm and `format!` itself several KB; the
//! loader links this crate, so messages are assembled by [`Msg`], whose methods are shared
//! out-of-line calls: a message costs its text plus a few bytes of code per piece.

use crate::value::Value;
use alloc::string::String;

/// The longest string quoted in a message, in characters; longer ones end in `...`.
#[cfg(feature = "diagnostics")]
const QUOTE_CHARS: usize = 40;

/// The largest integer a JSON number carries exactly (2^53).
#[cfg(feature = "diagnostics")]
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

/// A message under construction. Every method appends and returns the message, so pieces chain:
/// `Msg::new("must be at most ").int(64).s(" bytes")`.
pub(crate) struct Msg(pub(crate) String);

#[cfg(feature = "diagnostics")]
impl Msg {
    /// A message starting with `text`.
    #[inline(never)]
    pub(crate) fn new(text: &str) -> Msg {
        Msg(String::from(text))
    }

    /// Appends `text`.
    #[inline(never)]
    pub(crate) fn s(&mut self, text: &str) -> &mut Msg {
        self.0.push_str(text);
        self
    }

    /// Appends the decimal digits of `n`.
    #[inline(never)]
    pub(crate) fn int(&mut self, n: i64) -> &mut Msg {
        push_int(&mut self.0, n);
        self
    }

    /// Appends `text` quoted and escaped like JSON, truncated to 40 characters.
    #[inline(never)]
    pub(crate) fn quoted(&mut self, text: &str) -> &mut Msg {
        push_escaped(&mut self.0, text, QUOTE_CHARS);
        self
    }

    /// Appends `, got ` and how a message names `value` (see [`push_value`]).
    #[inline(never)]
    pub(crate) fn got(&mut self, value: &Value) -> &mut Msg {
        self.0.push_str(", got ");
        push_value(&mut self.0, value);
        self
    }

    /// Takes the message out of a chain of appends.
    #[inline(never)]
    pub(crate) fn take(&mut self) -> Msg {
        Msg(core::mem::take(&mut self.0))
    }
}

/// `must be at most <max> <unit> long (is <len>)`, the message of every length limit.
#[cfg(feature = "diagnostics")]
#[inline(never)]
pub(crate) fn too_long(max: usize, unit: &str, len: usize) -> Msg {
    Msg::new("must be at most ")
        .int(max as i64)
        .s(unit)
        .s(" long (is ")
        .int(len as i64)
        .s(")")
        .take()
}

/// A message text kept in a table: itself with `diagnostics`, `""` without, so that the
/// production build links none of them (a constant, decided at compile time).
pub(crate) const fn text(message: &'static str) -> &'static str {
    if cfg!(feature = "diagnostics") {
        message
    } else {
        ""
    }
}

/// Without `diagnostics` (the loader's production build) a message is always empty: every method
/// does nothing and is inlined, so the texts at its call sites are dead code and are not linked.
/// Validation still runs every check and reports every problem at its path.
#[cfg(not(feature = "diagnostics"))]
impl Msg {
    #[inline(always)]
    pub(crate) fn new(_text: &str) -> Msg {
        Msg(String::new())
    }
    #[inline(always)]
    pub(crate) fn s(&mut self, _text: &str) -> &mut Msg {
        self
    }
    #[inline(always)]
    pub(crate) fn int(&mut self, _n: i64) -> &mut Msg {
        self
    }
    #[inline(always)]
    pub(crate) fn quoted(&mut self, _text: &str) -> &mut Msg {
        self
    }
    #[inline(always)]
    pub(crate) fn got(&mut self, _value: &Value) -> &mut Msg {
        self
    }
    #[inline(always)]
    pub(crate) fn take(&mut self) -> Msg {
        Msg(String::new())
    }
}

/// The empty message (see the production [`Msg`]).
#[cfg(not(feature = "diagnostics"))]
#[inline(always)]
pub(crate) fn too_long(_max: usize, _unit: &str, _len: usize) -> Msg {
    Msg(String::new())
}

/// Appends the decimal digits of `n`.
#[inline(never)]
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

/// Appends `s` in double quotes, escaping `"`, `\` and control characters like JSON, truncated
/// to `max_chars` characters (then `...`).
#[inline(never)]
pub(crate) fn push_escaped(out: &mut String, s: &str, max_chars: usize) {
    out.push('"');
    for (i, c) in s.chars().enumerate() {
        if i == max_chars {
            out.push_str("...");
            break;
        }
        let escape = match c {
            '"' => '"',
            '\\' => '\\',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            c if c.is_control() => 'u',
            c => {
                out.push(c);
                continue;
            }
        };
        out.push('\\');
        out.push(escape);
        if escape == 'u' {
            for shift in [12, 8, 4, 0] {
                let nibble = (c as u32 >> shift) & 0xf;
                out.push(char::from_digit(nibble, 16).unwrap_or('0'));
            }
        }
    }
    out.push('"');
}

/// Appends how a message names a bad value: `-5`, `"text"`, `true`, `null`, `an array`, `an object`,
/// and for numbers that are not exact integers `a fraction` or `a number out of range`.
#[cfg(feature = "diagnostics")]
pub(crate) fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) if !n.is_finite() || n.abs() > EXACT_INT => {
            out.push_str("a number out of range")
        }
        Value::Number(n) if !is_integer(*n) => out.push_str("a fraction"),
        Value::Number(n) => push_int(out, *n as i64),
        Value::String(s) => push_escaped(out, s, QUOTE_CHARS),
        _ => out.push_str(value.type_name()),
    }
}

/// Is `n` a finite whole number? (`f64::fract` needs std.) Every finite `f64` of magnitude 2^52
/// or more is whole; below that, truncating to `i64` and back is exact only for whole numbers.
pub(crate) fn is_integer(n: f64) -> bool {
    n.is_finite() && (n.abs() >= 4_503_599_627_370_496.0 || n as i64 as f64 == n)
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;
    use std::string::ToString;

    #[test]
    fn is_integer_is_fract_zero() {
        for n in [
            0.0,
            -0.0,
            1.0,
            -1.5,
            0.5,
            1e-300,
            4503599627370495.5,
            4503599627370496.0,
            1e19,
            -1e300,
            9007199254740993.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::NAN,
            f64::INFINITY,
        ] {
            assert_eq!(is_integer(n), n.is_finite() && n.fract() == 0.0, "{n}");
        }
    }

    #[test]
    fn messages_are_built_without_fmt() {
        let mut message = Msg::new("a ");
        message
            .int(-1234567890123)
            .s(" ")
            .quoted("x\"\u{1}\u{85}é")
            .got(&Value::Number(2.5));
        assert_eq!(
            message.0,
            "a -1234567890123 \"x\\\"\\u0001\\u0085é\", got a fraction"
        );
        assert_eq!(
            too_long(64, " bytes", 65).0,
            "must be at most 64 bytes long (is 65)"
        );
        let long = "x".repeat(41);
        assert_eq!(
            Msg::new("").quoted(&long).0,
            ["\"", &long[..40], "...\""].concat()
        );
        assert_eq!(Msg::new("").int(i64::MIN).0, i64::MIN.to_string());
    }
}
