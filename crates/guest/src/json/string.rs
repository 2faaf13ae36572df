//! JSON string literals: unescaping.

use alloc::borrow::Cow;
use alloc::string::String;

/// The text of the string literal `lit` (quotes included), or `None` when it is not one or an
/// escape is invalid. Borrows when there is no escape.
///
/// `lit` must be cut from a `str` at ASCII bytes (as every [`super::Json`] is), so it is UTF-8.
pub(crate) fn unescape(lit: &[u8]) -> Option<Cow<'_, str>> {
    let body = body(lit)?;
    // SAFETY: cut from a `str` at the quotes (ASCII), so still valid UTF-8.
    let text = unsafe { core::str::from_utf8_unchecked(body) };
    if !has_escape(body) {
        return Some(Cow::Borrowed(text));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '"' => '"',
            '\\' => '\\',
            '/' => '/',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'u' => {
                let hi = hex4(&mut chars)?;
                if (0xD800..0xDC00).contains(&hi) {
                    // A high surrogate must be followed by `\u` and a low one.
                    if chars.next()? != '\\' || chars.next()? != 'u' {
                        return None;
                    }
                    let lo = hex4(&mut chars)?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return None;
                    }
                    char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00))?
                } else {
                    char::from_u32(hi)?
                }
            }
            _ => return None,
        });
    }
    Some(Cow::Owned(out))
}

fn hex4(chars: &mut core::str::Chars<'_>) -> Option<u32> {
    let mut v = 0;
    for _ in 0..4 {
        v = v * 16 + chars.next()?.to_digit(16)?;
    }
    Some(v)
}

/// The bytes between the quotes of a string literal.
fn body(lit: &[u8]) -> Option<&[u8]> {
    match lit {
        [b'"', body @ .., b'"'] => Some(body),
        _ => None,
    }
}

fn has_escape(body: &[u8]) -> bool {
    body.contains(&b'\\')
}
