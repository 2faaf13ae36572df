//! Finding where a JSON value ends, and walking the members of an array or object.
//!
//! One loop scans any value: it never recurses (nesting is a 64-bit stack, at most 64
//! levels), never indexes out of bounds and never panics; anything it cannot read is `None`.
//! Strings and brackets are checked here; numbers and literals (`true`, `false`, `null`) only
//! for their characters (they are read strictly when accessed), separators when members are
//! walked.

/// The index of the first non-whitespace byte at or after `i`.
pub(crate) fn ws(s: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = s.get(i) {
        i += 1;
    }
    i
}

/// The end of the value starting at `i` (no leading whitespace), or `None` if it is malformed.
pub(crate) fn value_end(s: &[u8], mut i: usize) -> Option<usize> {
    // Bit n of `stack` is 1 when nesting level n is an object. (`if` chains, not `match`: a
    // jump table over the byte values would cost more than the whole loop.)
    let (mut stack, mut depth) = (0u64, 0u32);
    loop {
        let c = *s.get(i)?;
        i += 1;
        if c == b'"' {
            loop {
                let c = *s.get(i)?;
                i += 1;
                if c == b'"' {
                    break;
                }
                if c == b'\\' {
                    i += 1;
                } else if c < 0x20 {
                    return None;
                }
            }
        } else if c == b'{' || c == b'[' {
            if depth == 64 {
                return None;
            }
            stack = (stack << 1) | (c == b'{') as u64;
            depth += 1;
            continue;
        } else if c == b'}' || c == b']' {
            if depth == 0 || (stack & 1 == 1) != (c == b'}') {
                return None;
            }
            stack >>= 1;
            depth -= 1;
        } else if scalar(c) {
            // A scalar token: a number or a literal, read strictly when accessed.
            while s
                .get(i)
                .is_some_and(|&c| scalar(c) || c == b'.' || c == b'+')
            {
                i += 1;
            }
        } else if depth > 0 && (c == b',' || c == b':' || c.is_ascii_whitespace()) {
            continue;
        } else {
            return None;
        }
        if depth == 0 {
            return Some(i);
        }
    }
}

/// Whether `c` can start a number or a literal.
fn scalar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'-'
}

/// The member at `i` of the array or object `s` (`i` just after the opening bracket or a
/// comma): its key (a string literal; empty in arrays), its value, and where the next member
/// starts (`s.len()` after the last). `None` at the end or at a malformed member.
pub(crate) fn member(s: &[u8], i: usize, object: bool) -> Option<(&[u8], &[u8], usize)> {
    let mut i = ws(s, i);
    let mut key: &[u8] = &[];
    if object {
        if s.get(i) != Some(&b'"') {
            return None;
        }
        let end = value_end(s, i)?;
        key = s.get(i..end)?;
        i = ws(s, end);
        if s.get(i) != Some(&b':') {
            return None;
        }
        i = ws(s, i + 1);
    }
    let end = value_end(s, i)?;
    let value = s.get(i..end)?;
    let after = ws(s, end);
    let next = match s.get(after)? {
        b',' => after + 1,
        b']' | b'}' => s.len(),
        _ => return None,
    };
    Some((key, value, next))
}
