//! Decoding an `apply` batch back into operations with `tessera_abi`'s decoder, the one the
//! loader's host runs, so the fake reads every batch exactly as the host does. The encoder
//! ([`crate::ops`]) is written independently of it, so each checks the other.

use std::string::String;
use std::vec::Vec;

/// One DOM edit of docs/abi.md, decoded, with its text owned.
pub type Op = tessera_abi::Op<String>;

/// Decodes a whole batch: `Ok(ops)`, or `Err((ops before the bad one, -2))` when an operation
/// is truncated, unknown, or holds text that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Vec<Op>, (Vec<Op>, i32)> {
    let mut ops = Vec::new();
    for decoded in tessera_abi::Decoder::new(bytes) {
        match decoded {
            Ok((_, op)) => ops.push(op.map(String::from)),
            Err(e) => return Err((ops, e.code())),
        }
    }
    Ok(ops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_ops_before_a_malformed_one() {
        assert_eq!(decode(&[8, 1, 0, 0, 0]), Ok(vec![Op::Remove { id: 1 }]));
        let (ops, code) = decode(&[1, 1, 0, 0, 0, 1, 0, 0, 0, b'p', 6, 0]).unwrap_err();
        assert_eq!(
            ops,
            vec![Op::CreateElement {
                id: 1,
                tag: "p".into()
            }]
        );
        assert_eq!(code, -2);
    }
}
