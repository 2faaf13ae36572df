//! JSON string literals: unescaping, byte by byte (no `char` machinery, which costs kilobytes).

use alloc::borrow::Cow;
use alloc::string::String;
use alloc::vec::Vec;

/// The text of the string literal `lit` (quotes included), or `None` when it is not one or an
/// escape is invalid. Borrows when there is no escape.
///
/// `lit` must be cut from a `str` at ASCII bytes (as every [`super::Json`] is), so it is UTF-8;
/// bytes other than escapes are copied whole, and escapes write whole characters, so the
/// result is UTF-8 too.
#[inline(never)]
pub(crate) fn unescape(lit: &[u8]) -> Option<Cow<'_, str>> {
    let body = match lit {
        [b'"', body @ .., b'"'] => body,
        _ => return None,
    };
    if !body.contains(&b'\\') {
        // SAFETY: cut from a `str` at the quotes (ASCII), so still valid UTF-8.
        return Some(Cow::Borrowed(unsafe {
            core::str::from_utf8_unchecked(body)
        }));
    }
    let mut out = Vec::new();
    let mut it = body.iter().copied();
    while let Some(b) = it.next() {
        if b != b'\\' {
            out.extend_from_slice(&[b]);
            continue;
        }
        let cp = match it.next()? {
            b'u' => {
                let hi = hex4(&mut it)?;
                match hi {
                    0xD800..0xDC00 => {
                        // A high surrogate must be followed by `\u` and a low one.
                        if (it.next(), it.next()) != (Some(b'\\'), Some(b'u')) {
                            return None;
                        }
                        let lo = hex4(&mut it).filter(|lo| (0xDC00..0xE000).contains(lo))?;
                        0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    0xDC00..0xE000 => return None,
                    _ => hi,
                }
            }
            // The one-letter escapes: each pair is the letter and what it stands for.
            e => SIMPLE.chunks(2).find(|p| p[0] == e)?[1] as u32,
        };
        utf8(cp, &mut out);
    }
    // SAFETY: whole UTF-8 sequences only (see above).
    Some(Cow::Owned(unsafe { String::from_utf8_unchecked(out) }))
}

const SIMPLE: &[u8] = b"\"\"\\\\//b\x08f\x0cn\nr\rt\t";

/// Four hex digits.
fn hex4(it: &mut impl Iterator<Item = u8>) -> Option<u32> {
    let mut v = 0;
    for _ in 0..4 {
        v = v * 16 + (it.next()? as char).to_digit(16)?;
    }
    Some(v)
}

/// Appends the UTF-8 encoding of `cp` (a scalar value: not a surrogate, at most U+10FFFF).
fn utf8(cp: u32, out: &mut Vec<u8>) {
    let len = match cp {
        0..0x80 => return out.extend_from_slice(&[cp as u8]),
        0x80..0x800 => 2,
        0x800..0x10000 => 3,
        _ => 4,
    };
    let mut buf = [0u8; 4];
    for (k, b) in buf.iter_mut().enumerate().take(len) {
        let shift = 6 * (len - 1 - k);
        *b = if k == 0 {
            (0xF00u32 >> len) as u8
        } else {
            0x80
        } | ((cp >> shift) & 0x3F) as u8;
    }
    out.extend_from_slice(buf.get(..len).unwrap_or(&[]));
}
