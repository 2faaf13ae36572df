//! Numbers to text without `core::fmt` (which costs kilobytes of wasm).

use alloc::string::String;

/// Appends the decimal digits of `n`.
pub fn push_int(out: &mut String, n: i64) {
    if n < 0 {
        out.push('-');
    }
    push_uint(out, n.unsigned_abs());
}

/// Appends the decimal digits of `n` (all of `u64`, past `i64::MAX`).
pub fn push_uint(out: &mut String, n: u64) {
    let mut v = n;
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    while let Some(d) = i.checked_sub(1).and_then(|j| buf.get_mut(j)) {
        *d = b'0' + (v % 10) as u8;
        i -= 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    // SAFETY: only ASCII digits were written.
    out.push_str(unsafe { core::str::from_utf8_unchecked(buf.get(i..).unwrap_or(&[])) });
}

/// `n` in decimal: `int(-42) == "-42"`.
pub fn int(n: i64) -> String {
    let mut s = String::new();
    push_int(&mut s, n);
    s
}

/// `n` with at least `width` digits, zero-padded: `padded(7, 2) == "07"`.
pub fn padded(n: u64, width: usize) -> String {
    let digits = int(n as i64);
    let mut s = String::new();
    for _ in digits.len()..width {
        s.push('0');
    }
    s.push_str(&digits);
    s
}

/// A fixed-point number: `fixed(1299, 2) == "12.99"`, `fixed(-5, 2) == "-0.05"`.
/// Use it for money kept in cents.
pub fn fixed(n: i64, places: u32) -> String {
    let places = places.min(18);
    let scale = 10u64.pow(places);
    let v = n.unsigned_abs();
    let mut s = String::new();
    if n < 0 {
        s.push('-');
    }
    push_int(&mut s, (v / scale) as i64);
    if places > 0 {
        s.push('.');
        s.push_str(&padded(v % scale, places as usize));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers() {
        assert_eq!(int(0), "0");
        assert_eq!(int(-42), "-42");
        assert_eq!(int(i64::MIN), "-9223372036854775808");
        assert_eq!(int(i64::MAX), "9223372036854775807");
        assert_eq!(padded(7, 2), "07");
        assert_eq!(padded(123, 2), "123");
        let mut s = String::new();
        push_uint(&mut s, u64::MAX);
        assert_eq!(s, "18446744073709551615");
    }

    #[test]
    fn fixed_point() {
        assert_eq!(fixed(1299, 2), "12.99");
        assert_eq!(fixed(5, 2), "0.05");
        assert_eq!(fixed(-5, 2), "-0.05");
        assert_eq!(fixed(-1200, 2), "-12.00");
        assert_eq!(fixed(42, 0), "42");
    }
}
