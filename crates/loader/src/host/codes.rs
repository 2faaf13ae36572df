//! The ABI's result codes (docs/abi.md, "Error codes") and the refusal they come with.

use alloc::string::String;

/// `0`: the call succeeded.
pub(crate) const OK: i32 = 0;
/// `-1`: a pointer or length outside the guest's memory; also ends the component.
pub(crate) const OUT_OF_BOUNDS: i32 = -1;
/// `-2`: a truncated operation, an unknown opcode, text that is not UTF-8, or an edit the DOM
/// itself rejects (a node moved into its own subtree, `before` not a child of `parent`, the root
/// used as a child).
pub(crate) const MALFORMED: i32 = -2;
/// `-3`: a tag outside the allowlist.
pub(crate) const REFUSED_TAG: i32 = -3;
/// `-4`: an attribute the host refuses.
pub(crate) const REFUSED_ATTRIBUTE: i32 = -4;
/// `-5`: a URL attribute with a refused scheme.
pub(crate) const REFUSED_URL: i32 = -5;
/// `-6`: a node id or listener id that does not exist (or is not an element where one is needed).
pub(crate) const UNKNOWN_NODE: i32 = -6;
/// `-7`: `CREATE_*` or `LISTEN` with an id that is already live, or node id `0`.
pub(crate) const ID_IN_USE: i32 = -7;
/// `-8`: the manifest does not grant this topic.
pub(crate) const CAPABILITY_DENIED: i32 = -8;
/// `-9`: a per-component limit was reached.
pub(crate) const LIMIT: i32 = -9;

/// An edit or call the host refused: the code returned to the guest, and a detail for the
/// page's `tessera:violation` event, e.g. `set-attr: refused attribute onclick`.
#[derive(Debug, PartialEq)]
pub(crate) struct Refusal {
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

/// The concatenation of `parts` (smaller in wasm than `[&str]::concat`).
pub(crate) fn cat(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        out.push_str(part);
    }
    out
}

/// Decimal text of `n`, without pulling `core::fmt` into the loader.
pub(crate) fn dec(n: u32) -> String {
    let mut out = if n >= 10 { dec(n / 10) } else { String::new() };
    out.push(char::from(b'0' + (n % 10) as u8));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dec_writes_decimal() {
        assert_eq!(dec(0), "0");
        assert_eq!(dec(7), "7");
        assert_eq!(dec(1_000_000), "1000000");
        assert_eq!(dec(u32::MAX), "4294967295");
    }

    #[test]
    fn refusal_joins_parts() {
        let r = Refusal::new(REFUSED_TAG, &["create-element: refused tag ", "script"]);
        assert_eq!(r.detail, "create-element: refused tag script");
        assert_eq!(r.code, -3);
    }
}
