//! A small UTF-8 check (core's `from_utf8` is fast but costs about 700 bytes of wasm).

/// Whether `b` is valid UTF-8: no overlong forms, no surrogates, nothing past U+10FFFF.
pub(crate) fn is_valid(b: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        // The length of the sequence and the range its first continuation byte must be in.
        let (n, lo, hi) = match c {
            0x00..=0x7F => (1, 0x80, 0xBF),
            0xC2..=0xDF => (2, 0x80, 0xBF),
            0xE0 => (3, 0xA0, 0xBF),
            0xED => (3, 0x80, 0x9F),
            0xE1..=0xEF => (3, 0x80, 0xBF),
            0xF0 => (4, 0x90, 0xBF),
            0xF1..=0xF3 => (4, 0x80, 0xBF),
            0xF4 => (4, 0x80, 0x8F),
            _ => return false,
        };
        for k in 1..n {
            let range = if k == 1 { lo..=hi } else { 0x80..=0xBF };
            if !b.get(i + k).is_some_and(|x| range.contains(x)) {
                return false;
            }
        }
        i += n;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    #[test]
    fn agrees_with_core() {
        let samples: [&[u8]; 14] = [
            b"",
            b"plain",
            "é€😀".as_bytes(),
            b"\xC0\x80",         // overlong NUL
            b"\xE0\x80\x80",     // overlong
            b"\xED\xA0\x80",     // surrogate
            b"\xF4\x90\x80\x80", // past U+10FFFF
            b"\xF5\x80\x80\x80",
            b"\xC3", // truncated
            b"\xE2\x82",
            b"\x80", // lone continuation
            b"a\xFFb",
            "\u{10FFFF}".as_bytes(),
            "\u{D7FF}\u{E000}".as_bytes(),
        ];
        for s in samples {
            assert_eq!(is_valid(s), core::str::from_utf8(s).is_ok(), "{s:?}");
        }
        // Every 1- and 2-byte string, and every 3-byte string starting with E0/ED/EF.
        for a in 0..=255u8 {
            for c in 0..=255u8 {
                assert_eq!(is_valid(&[a, c]), core::str::from_utf8(&[a, c]).is_ok());
                for lead in [0xE0, 0xED, 0xEF, 0xF0, 0xF4] {
                    let s = [lead, a, c];
                    assert_eq!(is_valid(&s), core::str::from_utf8(&s).is_ok(), "{s:?}");
                }
            }
        }
    }
}
