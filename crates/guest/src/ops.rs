//! The DOM-edit encoder: builds one `apply` batch in the wire format of docs/abi.md.
//!
//! The renderer uses this for you; it is public for components that want to drive the DOM
//! by hand. Every method appends one operation; [`Ops::flush`] hands the batch to the host.
//!
//! ```
//! use tessera_guest::ops::Ops;
//! let mut ops = Ops::new();
//! ops.create_element(1, "p");
//! ops.create_text(2, "hi");
//! ops.append(1, 2);
//! ops.append(0, 1);
//! assert_eq!(ops.bytes()[..6], [1, 1, 0, 0, 0, 1]);
//! ```

use alloc::vec::Vec;

use crate::{abi, Error};

/// Opcode bytes, one per operation of the "DOM edits" table (defined by `tessera_abi`).
pub mod op {
    pub use tessera_abi::op::{
        APPEND, CREATE_ELEMENT, CREATE_TEXT, INSERT_BEFORE, LISTEN, REMOVE, REMOVE_ATTR, SET_ATTR,
        SET_CHECKED, SET_TEXT, SET_VALUE, UNLISTEN,
    };
}

/// The host's per-batch limit (1 MiB): a longer batch is refused with [`Error::Limit`].
pub const MAX_BATCH: usize = tessera_abi::limits::MAX_BATCH as usize;

/// A batch of DOM edits being encoded.
#[derive(Default)]
pub struct Ops {
    buf: Vec<u8>,
}

impl Ops {
    /// An empty batch.
    pub const fn new() -> Ops {
        Ops { buf: Vec::new() }
    }

    /// The encoded bytes so far.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    /// Whether nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty()
    }

    /// Sends the queued edits to the host in one `apply` call and empties the batch.
    /// An empty batch makes no call. On a refusal, the edits before the refused one stay
    /// applied (docs/abi.md).
    pub fn flush(&mut self) -> Result<(), Error> {
        if self.buf.is_empty() {
            return Ok(());
        }
        // SAFETY: the pointer and length describe our own live buffer; the host copies it.
        let code = unsafe { abi::apply(self.buf.as_ptr(), self.buf.len()) };
        self.buf.clear();
        Error::check(code).map(drop)
    }

    fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    // `extend_from_slice` rather than `push`: one growth path for every write.
    fn opcode(&mut self, opcode: u8) {
        self.buf.extend_from_slice(&[opcode]);
    }

    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.buf.extend_from_slice(s.as_bytes());
    }

    /// `opcode id text`.
    fn id_str(&mut self, opcode: u8, id: u32, s: &str) {
        self.opcode(opcode);
        self.u32(id);
        self.str(s);
    }

    /// `opcode a` and, when given, `b`.
    fn ids(&mut self, opcode: u8, a: u32, b: Option<u32>) {
        self.opcode(opcode);
        self.u32(a);
        if let Some(b) = b {
            self.u32(b);
        }
    }

    /// `CREATE_ELEMENT id tag`.
    pub fn create_element(&mut self, id: u32, tag: &str) {
        self.id_str(op::CREATE_ELEMENT, id, tag)
    }

    /// `CREATE_TEXT id text`.
    pub fn create_text(&mut self, id: u32, text: &str) {
        self.id_str(op::CREATE_TEXT, id, text)
    }

    /// `SET_ATTR id name value`.
    pub fn set_attr(&mut self, id: u32, name: &str, value: &str) {
        self.id_str(op::SET_ATTR, id, name);
        self.str(value)
    }

    /// `REMOVE_ATTR id name`.
    pub fn remove_attr(&mut self, id: u32, name: &str) {
        self.id_str(op::REMOVE_ATTR, id, name)
    }

    /// `SET_TEXT id text`.
    pub fn set_text(&mut self, id: u32, text: &str) {
        self.id_str(op::SET_TEXT, id, text)
    }

    /// `APPEND parent child`.
    pub fn append(&mut self, parent: u32, child: u32) {
        self.ids(op::APPEND, parent, Some(child))
    }

    /// `INSERT_BEFORE parent child before`.
    pub fn insert_before(&mut self, parent: u32, child: u32, before: u32) {
        self.ids(op::INSERT_BEFORE, parent, Some(child));
        self.u32(before)
    }

    /// `REMOVE id` (the host releases the whole subtree).
    pub fn remove(&mut self, id: u32) {
        self.ids(op::REMOVE, id, None)
    }

    /// `LISTEN id listener event`.
    pub fn listen(&mut self, id: u32, listener: u32, event: &str) {
        self.ids(op::LISTEN, id, Some(listener));
        self.str(event)
    }

    /// `UNLISTEN listener`.
    pub fn unlisten(&mut self, listener: u32) {
        self.ids(op::UNLISTEN, listener, None)
    }

    /// `SET_VALUE id value`.
    pub fn set_value(&mut self, id: u32, value: &str) {
        self.id_str(op::SET_VALUE, id, value)
    }

    /// `SET_CHECKED id checked`.
    pub fn set_checked(&mut self, id: u32, checked: bool) {
        self.ids(op::SET_CHECKED, id, Some(checked as u32))
    }
}
