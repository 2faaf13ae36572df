//! Decoding the DOM-edit stream that `apply` receives (docs/abi.md, "DOM edits (wire)").
//! Pure logic: bytes in, [`Op`]s out, no browser calls.

use super::codes::{cat, dec, Refusal, MALFORMED};
use alloc::string::ToString;

/// One decoded DOM edit. Strings borrow from the batch, which the host copied out of the guest.
#[derive(Debug, PartialEq)]
pub(super) enum Op<'a> {
    /// `1`: a detached element.
    CreateElement { id: u32, tag: &'a str },
    /// `2`: a detached text node.
    CreateText { id: u32, text: &'a str },
    /// `3`: sets an attribute.
    SetAttr {
        id: u32,
        name: &'a str,
        value: &'a str,
    },
    /// `4`: removes an attribute.
    RemoveAttr { id: u32, name: &'a str },
    /// `5`: a text node's data, or an element's `textContent`.
    SetText { id: u32, text: &'a str },
    /// `6`: appends `child` as the last child of `parent`.
    Append { parent: u32, child: u32 },
    /// `7`: inserts `child` before `before`.
    InsertBefore {
        parent: u32,
        child: u32,
        before: u32,
    },
    /// `8`: detaches a node and releases the ids of its subtree.
    Remove { id: u32 },
    /// `9`: adds listener `listener` for `event` on node `id`.
    Listen {
        id: u32,
        listener: u32,
        event: &'a str,
    },
    /// `10`: removes a listener.
    Unlisten { listener: u32 },
    /// `11`: the `value` property.
    SetValue { id: u32, value: &'a str },
    /// `12`: the `checked` property.
    SetChecked { id: u32, checked: bool },
}

/// The wire names of the opcodes, index = opcode (`0` is not an opcode); used in violation details.
pub(super) const OP_NAMES: [&str; 13] = [
    "",
    "create-element",
    "create-text",
    "set-attr",
    "remove-attr",
    "set-text",
    "append",
    "insert-before",
    "remove",
    "listen",
    "unlisten",
    "set-value",
    "set-checked",
];

/// Reads operations one after another from a batch.
pub(super) struct Decoder<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    /// A decoder at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes, pos: 0 }
    }

    /// The next operation with its opcode, `None` at the end of the batch, or a `malformed`
    /// refusal naming the byte offset of the bad operation.
    pub fn next_op(&mut self) -> Option<Result<(u8, Op<'a>), Refusal>> {
        let start = self.pos;
        let opcode = *self.bytes.get(start)?;
        self.pos += 1;
        Some(self.fields(opcode).map(|op| (opcode, op)).map_err(|why| {
            let name = match OP_NAMES.get(opcode as usize) {
                Some(name) if !name.is_empty() => (*name).to_string(),
                _ => cat(&["opcode ", &dec(opcode.into())]),
            };
            Refusal::new(
                MALFORMED,
                &[&name, " at byte ", &dec(start as u32), ": ", why],
            )
        }))
    }

    fn fields(&mut self, opcode: u8) -> Result<Op<'a>, &'static str> {
        Ok(match opcode {
            1 => Op::CreateElement {
                id: self.u32()?,
                tag: self.str()?,
            },
            2 => Op::CreateText {
                id: self.u32()?,
                text: self.str()?,
            },
            3 => Op::SetAttr {
                id: self.u32()?,
                name: self.str()?,
                value: self.str()?,
            },
            4 => Op::RemoveAttr {
                id: self.u32()?,
                name: self.str()?,
            },
            5 => Op::SetText {
                id: self.u32()?,
                text: self.str()?,
            },
            6 => Op::Append {
                parent: self.u32()?,
                child: self.u32()?,
            },
            7 => Op::InsertBefore {
                parent: self.u32()?,
                child: self.u32()?,
                before: self.u32()?,
            },
            8 => Op::Remove { id: self.u32()? },
            9 => Op::Listen {
                id: self.u32()?,
                listener: self.u32()?,
                event: self.str()?,
            },
            10 => Op::Unlisten {
                listener: self.u32()?,
            },
            11 => Op::SetValue {
                id: self.u32()?,
                value: self.str()?,
            },
            12 => Op::SetChecked {
                id: self.u32()?,
                checked: self.u32()? != 0,
            },
            _ => return Err("unknown opcode"),
        })
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], &'static str> {
        let end = self.pos.checked_add(n).ok_or("truncated operation")?;
        let out = self.bytes.get(self.pos..end).ok_or("truncated operation")?;
        self.pos = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, &'static str> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes(
            b.try_into().map_err(|_| "truncated operation")?,
        ))
    }

    fn str(&mut self) -> Result<&'a str, &'static str> {
        let len = self.u32()? as usize;
        core::str::from_utf8(self.take(len)?).map_err(|_| "text is not utf-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(out: &mut Vec<u8>, text: &[u8]) {
        out.extend_from_slice(&(text.len() as u32).to_le_bytes());
        out.extend_from_slice(text);
    }

    fn all(bytes: &[u8]) -> Vec<Result<(u8, Op<'_>), Refusal>> {
        let mut d = Decoder::new(bytes);
        core::iter::from_fn(|| d.next_op()).collect()
    }

    #[test]
    fn decodes_a_batch() {
        let mut b = vec![1, 1, 0, 0, 0];
        s(&mut b, b"p");
        b.extend_from_slice(&[3, 1, 0, 0, 0]);
        s(&mut b, b"class");
        s(&mut b, b"x");
        b.extend_from_slice(&[
            7, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 12, 9, 0, 0, 0, 5, 0, 0, 0,
        ]);
        let ops = all(&b);
        assert_eq!(ops.len(), 4);
        assert_eq!(ops[0], Ok((1, Op::CreateElement { id: 1, tag: "p" })));
        assert_eq!(
            ops[1],
            Ok((
                3,
                Op::SetAttr {
                    id: 1,
                    name: "class",
                    value: "x"
                }
            ))
        );
        assert_eq!(
            ops[2],
            Ok((
                7,
                Op::InsertBefore {
                    parent: 0,
                    child: 1,
                    before: 2
                }
            ))
        );
        assert_eq!(
            ops[3],
            Ok((
                12,
                Op::SetChecked {
                    id: 9,
                    checked: true
                }
            ))
        );
    }

    #[test]
    fn truncated_unknown_and_bad_utf8_are_malformed() {
        let truncated = all(&[6, 0, 0, 0, 0, 1, 0]);
        let err = truncated[0].as_ref().unwrap_err();
        assert_eq!(err.code, MALFORMED);
        assert_eq!(err.detail, "append at byte 0: truncated operation");

        let unknown = all(&[8, 1, 0, 0, 0, 99]);
        assert_eq!(unknown[0], Ok((8, Op::Remove { id: 1 })));
        assert_eq!(
            unknown[1].as_ref().unwrap_err().detail,
            "opcode 99 at byte 5: unknown opcode"
        );

        let mut bad = vec![2, 1, 0, 0, 0];
        s(&mut bad, &[0xff, 0xfe]);
        assert_eq!(
            all(&bad)[0].as_ref().unwrap_err().detail,
            "create-text at byte 0: text is not utf-8"
        );

        // A length that would overflow the position is truncated, not a panic.
        let huge = all(&[2, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(huge[0].as_ref().unwrap_err().code, MALFORMED);
    }
}
