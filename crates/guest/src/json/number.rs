//! JSON numbers without `core`'s float parser (which costs about 10 KB of wasm).
//!
//! The grammar is checked exactly. Integers are exact up to 2^53; a decimal with at most 15
//! significant digits and an exponent within ±22 is correctly rounded (one exact power of ten,
//! one rounding); anything else is within a few units in the last place.

/// Reads a run of digits into `v`, returning how many there were.
fn digits(s: &[u8], i: &mut usize, v: &mut f64) -> i32 {
    let mut n = 0;
    while let Some(&c @ b'0'..=b'9') = s.get(*i) {
        *v = *v * 10.0 + (c - b'0') as f64;
        *i += 1;
        n += 1;
    }
    n
}

/// The value of a number literal, or `None` when it breaks the JSON grammar.
pub(crate) fn to_f64(lit: &[u8]) -> Option<f64> {
    let (negative, s) = match lit {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, lit),
    };
    let (mut i, mut v, mut exp) = (0, 0.0, 0);
    let n = digits(s, &mut i, &mut v);
    if n == 0 || (n > 1 && s.first() == Some(&b'0')) {
        return None;
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        exp = -digits(s, &mut i, &mut v);
        if exp == 0 {
            return None;
        }
    }
    if let Some(b'e' | b'E') = s.get(i) {
        i += 1;
        let sign = match s.get(i) {
            Some(b'-') => -1.0,
            Some(b'+') => 1.0,
            _ => 0.0,
        };
        i += (sign != 0.0) as usize;
        let mut e = 0.0;
        if digits(s, &mut i, &mut e) == 0 {
            return None;
        }
        exp += (if sign < 0.0 { -e } else { e }).clamp(-999.0, 999.0) as i32;
    }
    if i != s.len() {
        return None;
    }
    // Powers of ten up to 1e22 are exact: one correctly rounded step when in range.
    while exp != 0 && v != 0.0 {
        let step = exp.clamp(-22, 22);
        let mut p = 1.0;
        for _ in 0..step.abs() {
            p *= 10.0;
        }
        v = if step > 0 { v * p } else { v / p };
        exp -= step;
    }
    Some(if negative { -v } else { v })
}

/// The value of an integer literal (`-?[0-9]+`) that fits an `i64`.
pub(crate) fn to_i64(lit: &[u8]) -> Option<i64> {
    let (negative, s) = match lit {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, lit),
    };
    if s.is_empty() || s.len() > 19 {
        return None;
    }
    // At most 19 digits: the magnitude fits a u64 without overflow.
    let mut v: u64 = 0;
    for &c in s {
        if !c.is_ascii_digit() {
            return None;
        }
        v = v * 10 + (c - b'0') as u64;
    }
    if negative {
        0i64.checked_sub_unsigned(v)
    } else {
        i64::try_from(v).ok()
    }
}
