//! Decoding an `apply` batch back into operations: the host's side of the wire format,
//! written independently of the encoder so each checks the other.

use std::string::String;
use std::vec::Vec;

/// One DOM edit of docs/abi.md, decoded.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Op {
    CreateElement {
        id: u32,
        tag: String,
    },
    CreateText {
        id: u32,
        text: String,
    },
    SetAttr {
        id: u32,
        name: String,
        value: String,
    },
    RemoveAttr {
        id: u32,
        name: String,
    },
    SetText {
        id: u32,
        text: String,
    },
    Append {
        parent: u32,
        child: u32,
    },
    InsertBefore {
        parent: u32,
        child: u32,
        before: u32,
    },
    Remove {
        id: u32,
    },
    Listen {
        id: u32,
        listener: u32,
        event: String,
    },
    Unlisten {
        listener: u32,
    },
    SetValue {
        id: u32,
        value: String,
    },
    SetChecked {
        id: u32,
        checked: bool,
    },
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl Reader<'_> {
    fn u32(&mut self) -> Option<u32> {
        let v = self.b.get(self.i..self.i + 4)?;
        self.i += 4;
        Some(u32::from_le_bytes([v[0], v[1], v[2], v[3]]))
    }

    fn str(&mut self) -> Option<String> {
        let n = self.u32()? as usize;
        let v = self.b.get(self.i..self.i.checked_add(n)?)?;
        self.i += n;
        String::from_utf8(v.to_vec()).ok()
    }

    fn op(&mut self) -> Option<Op> {
        let code = *self.b.get(self.i)?;
        self.i += 1;
        Some(match code {
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
            _ => return None,
        })
    }
}

/// Decodes a whole batch: `Ok(ops)`, or `Err((ops before the bad one, -2))` when an operation
/// is truncated, unknown, or holds text that is not UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Vec<Op>, (Vec<Op>, i32)> {
    let mut r = Reader { b: bytes, i: 0 };
    let mut ops = Vec::new();
    while r.i < bytes.len() {
        match r.op() {
            Some(op) => ops.push(op),
            None => return Err((ops, -2)),
        }
    }
    Ok(ops)
}
