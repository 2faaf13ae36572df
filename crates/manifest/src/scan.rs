//! Scanning strings: the character classes validation needs (without `char`'s Unicode tables)
//! and byte-level splitting (without `str`'s pattern searchers, which cost about 1.5 KB of wasm).

/// Unicode `White_Space`, as `char::is_whitespace` (which carries a lookup table) defines it.
pub(crate) fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Does any character of `s` satisfy `test`? (A function pointer, not a generic: one copy.)
#[inline(never)]
pub(crate) fn any_char(s: &str, test: fn(char) -> bool) -> bool {
    s.chars().any(test)
}

/// `s` without leading and trailing whitespace (as `str::trim`, in one forward pass).
#[inline(never)]
pub(crate) fn trim(s: &str) -> &str {
    let (mut start, mut end) = (None, 0);
    for (i, c) in s.char_indices() {
        if !is_space(c) {
            start.get_or_insert(i);
            end = i + c.len_utf8();
        }
    }
    start.and_then(|start| s.get(start..end)).unwrap_or("")
}

/// The index of the first `byte` in `s`.
#[inline(never)]
pub(crate) fn find(s: &str, byte: u8) -> Option<usize> {
    s.bytes().position(|b| b == byte)
}

/// `s` split around its first `byte` (an ASCII byte, so both parts are valid strings).
pub(crate) fn split_once(s: &str, byte: u8) -> Option<(&str, &str)> {
    Some(cut(s, find(s, byte)?))
}

/// `s` before and after the ASCII byte at `i`.
#[inline(never)]
pub(crate) fn cut(s: &str, i: usize) -> (&str, &str) {
    (s.get(..i).unwrap_or(""), s.get(i + 1..).unwrap_or(""))
}

/// Does a `*` appear anywhere but as the last byte of `pattern`?
pub(crate) fn inner_star(pattern: &str) -> bool {
    pattern.bytes().rev().skip(1).any(|b| b == b'*')
}

#[cfg(test)]
mod tests {
    extern crate std;

    use super::*;

    #[test]
    fn is_space_is_char_is_whitespace() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{:x}", c as u32);
        }
    }

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a ",
            "\u{a0}#a\u{2028}",
            "\u{3000}\u{85}",
            "é",
            " é\u{200a}",
            "a b",
            "\u{200b}x\u{200b}",
            "\t#main\n",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }
}
