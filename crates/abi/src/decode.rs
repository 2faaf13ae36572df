//! Decoding an `apply` batch into [`Op`]s: bytes in, edits out, no allocation.

use crate::code::MALFORMED;
use crate::op;
use crate::wire::Op;

/// Why an operation could not be decoded (every such batch is `-2` malformed): one of the
/// constants below. It holds its lowercase reason itself, which measured smaller in the loader
/// than an enum mapped to text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Malformed(&'static str);

impl Malformed {
    /// The batch ends inside the operation (or a length would overflow).
    pub const TRUNCATED: Malformed = Malformed("truncated operation");
    /// The opcode is not one of ABI v1.
    pub const UNKNOWN_OPCODE: Malformed = Malformed("unknown opcode");
    /// A `str` field is not UTF-8.
    pub const NOT_UTF8: Malformed = Malformed("text is not utf-8");

    /// The lowercase reason, e.g. `truncated operation`.
    pub fn as_str(self) -> &'static str {
        self.0
    }
}

/// An operation that could not be decoded: which, where, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// The operation's opcode byte (see [`op::name`]).
    pub opcode: u8,
    /// The byte offset of the opcode in the batch.
    pub at: u32,
    /// What is wrong with it.
    pub why: Malformed,
}

impl DecodeError {
    /// The result code `apply` returns for it: always [`MALFORMED`].
    pub fn code(&self) -> i32 {
        MALFORMED
    }
}

/// Reads operations one after another from a batch; after a malformed operation it yields
/// nothing more (the host stops there, docs/abi.md).
pub struct Decoder<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Decoder<'a> {
    /// A decoder at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes, pos: 0 }
    }

    #[inline]
    fn fields(&mut self, opcode: u8) -> Result<Op<&'a str>, Malformed> {
        Ok(match opcode {
            op::CREATE_ELEMENT => Op::CreateElement {
                id: self.u32()?,
                tag: self.str()?,
            },
            op::CREATE_TEXT => Op::CreateText {
                id: self.u32()?,
                text: self.str()?,
            },
            op::SET_ATTR => Op::SetAttr {
                id: self.u32()?,
                name: self.str()?,
                value: self.str()?,
            },
            op::REMOVE_ATTR => Op::RemoveAttr {
                id: self.u32()?,
                name: self.str()?,
            },
            op::SET_TEXT => Op::SetText {
                id: self.u32()?,
                text: self.str()?,
            },
            op::APPEND => Op::Append {
                parent: self.u32()?,
                child: self.u32()?,
            },
            op::INSERT_BEFORE => Op::InsertBefore {
                parent: self.u32()?,
                child: self.u32()?,
                before: self.u32()?,
            },
            op::REMOVE => Op::Remove { id: self.u32()? },
            op::LISTEN => Op::Listen {
                id: self.u32()?,
                listener: self.u32()?,
                event: self.str()?,
            },
            op::UNLISTEN => Op::Unlisten {
                listener: self.u32()?,
            },
            op::SET_VALUE => Op::SetValue {
                id: self.u32()?,
                value: self.str()?,
            },
            op::SET_CHECKED => Op::SetChecked {
                id: self.u32()?,
                checked: self.u32()? != 0,
            },
            _ => return Err(Malformed::UNKNOWN_OPCODE),
        })
    }

    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], Malformed> {
        let end = self.pos.checked_add(n).ok_or(Malformed::TRUNCATED)?;
        let out = self.bytes.get(self.pos..end).ok_or(Malformed::TRUNCATED)?;
        self.pos = end;
        Ok(out)
    }

    fn u32(&mut self) -> Result<u32, Malformed> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes(
            b.try_into().map_err(|_| Malformed::TRUNCATED)?,
        ))
    }

    #[inline]
    fn str(&mut self) -> Result<&'a str, Malformed> {
        let len = self.u32()? as usize;
        core::str::from_utf8(self.take(len)?).map_err(|_| Malformed::NOT_UTF8)
    }
}

impl<'a> Iterator for Decoder<'a> {
    /// The next operation with its opcode, or why it is malformed.
    type Item = Result<(u8, Op<&'a str>), DecodeError>;

    /// `None` at the end of the batch.
    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let start = self.pos;
        let opcode = *self.bytes.get(start)?;
        self.pos += 1;
        Some(match self.fields(opcode) {
            Ok(op) => Ok((opcode, op)),
            Err(why) => {
                self.pos = self.bytes.len();
                Err(DecodeError {
                    opcode,
                    at: start as u32,
                    why,
                })
            }
        })
    }
}
