//! The ABI's result codes (docs/abi.md, "Error codes", defined in `tessera_abi::code`) and the
//! refusal they come with.

use alloc::string::{String, ToString};

pub use tessera_abi::code::{
    CAPABILITY_DENIED, ID_IN_USE, LIMIT, MALFORMED, OK, OUT_OF_BOUNDS, REFUSED_ATTRIBUTE,
    REFUSED_TAG, REFUSED_URL, UNKNOWN_NODE,
};
use tessera_abi::{op, DecodeError};

/// An edit or call the host refused: the code returned to the guest, and a detail for the
/// page's `tessera:violation` event, e.g. `set-attr: refused attribute onclick`.
#[derive(Debug, PartialEq)]
pub struct Refusal {
    /// One of the negative codes above.
    pub code: i32,
    /// What was refused, in lowercase words, naming the operation and the bad value.
    pub detail: String,
}

impl Refusal {
    /// A refusal whose detail is the concatenation of `parts`.
    pub fn new(code: i32, parts: &[&str]) -> Refusal {
        Refusal {
            code,
            detail: cat(parts),
        }
    }
}

impl From<DecodeError> for Refusal {
    /// A `malformed` refusal naming the operation and its byte offset, e.g.
    /// `append at byte 0: truncated operation`.
    #[inline] // measured: the shipped wasm is smaller with it
    fn from(e: DecodeError) -> Refusal {
        let name = match op::name(e.opcode) {
            Some(name) => name.to_string(),
            None => cat(&["opcode ", &dec(e.opcode)]),
        };
        let at = dec(e.at);
        Refusal::new(e.code(), &[&name, " at byte ", &at, ": ", e.why.as_str()])
    }
}

/// The concatenation of `parts` (smaller in wasm than `[&str]::concat`).
pub fn cat(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Decimal text of `n`, without pulling `core::fmt` into the loader (the whole loader uses it).
pub fn dec(n: impl Into<u64>) -> String {
    digits(n.into())
}

/// The leading digits first, by recursion (at most 20 deep).
fn digits(n: u64) -> String {
    let mut out = if n >= 10 {
        digits(n / 10)
    } else {
        String::new()
    };
    out.push(char::from(b'0' + (n % 10) as u8));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dec_writes_decimal() {
        assert_eq!(dec(0u32), "0");
        assert_eq!(dec(7u32), "7");
        assert_eq!(dec(1_000_000u32), "1000000");
        assert_eq!(dec(u32::MAX), "4294967295");
        assert_eq!(dec(u64::MAX), "18446744073709551615");
    }

    fn malformed(batch: &[u8]) -> Refusal {
        let err = tessera_abi::Decoder::new(batch).find_map(Result::err);
        err.expect("a malformed batch").into()
    }

    #[test]
    fn malformed_details_name_the_operation_and_offset() {
        let r = malformed(&[6, 0, 0, 0, 0, 1, 0]);
        assert_eq!(r.code, MALFORMED);
        assert_eq!(r.detail, "append at byte 0: truncated operation");
        let r = malformed(&[8, 1, 0, 0, 0, 99]);
        assert_eq!(r.detail, "opcode 99 at byte 5: unknown opcode");
        let r = malformed(&[2, 1, 0, 0, 0, 2, 0, 0, 0, 0xff, 0xfe]);
        assert_eq!(r.detail, "create-text at byte 0: text is not utf-8");
    }

    #[test]
    fn refusal_joins_parts() {
        let r = Refusal::new(REFUSED_TAG, &["create-element: refused tag ", "script"]);
        assert_eq!(r.detail, "create-element: refused tag script");
        assert_eq!(r.code, -3);
    }
}
