//! Opcode bytes, one per operation of docs/abi.md's "DOM edits (wire)" table, and their names.

/// `CREATE_ELEMENT id: u32, tag: str`.
pub const CREATE_ELEMENT: u8 = 1;
/// `CREATE_TEXT id: u32, text: str`.
pub const CREATE_TEXT: u8 = 2;
/// `SET_ATTR id: u32, name: str, value: str`.
pub const SET_ATTR: u8 = 3;
/// `REMOVE_ATTR id: u32, name: str`.
pub const REMOVE_ATTR: u8 = 4;
/// `SET_TEXT id: u32, text: str`.
pub const SET_TEXT: u8 = 5;
/// `APPEND parent: u32, child: u32`.
pub const APPEND: u8 = 6;
/// `INSERT_BEFORE parent: u32, child: u32, before: u32`.
pub const INSERT_BEFORE: u8 = 7;
/// `REMOVE id: u32`.
pub const REMOVE: u8 = 8;
/// `LISTEN id: u32, listener: u32, event: str`.
pub const LISTEN: u8 = 9;
/// `UNLISTEN listener: u32`.
pub const UNLISTEN: u8 = 10;
/// `SET_VALUE id: u32, value: str`.
pub const SET_VALUE: u8 = 11;
/// `SET_CHECKED id: u32, checked: u32`.
pub const SET_CHECKED: u8 = 12;

/// The lowercase names of the opcodes (as in violation details), index = opcode; index `0` is
/// not an opcode and is empty.
pub const NAMES: [&str; 13] = [
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

/// The name of `opcode`, or `None` when it is not an opcode of ABI v1.
#[inline]
pub fn name(opcode: u8) -> Option<&'static str> {
    match NAMES.get(opcode as usize) {
        Some(name) if !name.is_empty() => Some(name),
        _ => None,
    }
}
