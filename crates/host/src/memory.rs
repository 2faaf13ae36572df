//! Bounds-checked access to one guest's linear memory (docs/abi.md, "Bounds"). Every
//! `(ptr, len)` is checked against the memory's current byte length, with no overflow, before a
//! byte is read or written. The exported `memory` is kept in the guest's table (`host.js`, bound
//! by `js::bind`), which takes a fresh view for every access because `memory.grow` detaches
//! buffers. Only call these while the guest's exports are bound.

use super::js::{self, Table};
use alloc::vec;
use alloc::vec::Vec;

/// The size of one wasm page.
pub(super) const PAGE: u64 = 65536;

/// The memory's current size in bytes.
pub(super) fn byte_len(table: &Table) -> u64 {
    js::memory_size(table) as u64
}

/// The memory's current size in 64 KiB pages.
pub(super) fn pages(table: &Table) -> u32 {
    (byte_len(table) / PAGE) as u32
}

/// Whether `len` bytes at `ptr` lie inside the memory.
pub(super) fn contains(table: &Table, ptr: u32, len: u32) -> bool {
    ptr as u64 + len as u64 <= byte_len(table)
}

/// A copy of `len` bytes at `ptr`, or `None` when out of bounds.
pub(super) fn read(table: &Table, ptr: u32, len: u32) -> Option<Vec<u8>> {
    if !contains(table, ptr, len) {
        return None;
    }
    let mut out = vec![0; len as usize];
    js::memory_read(table, ptr, &mut out);
    Some(out)
}

/// Writes `bytes` at `ptr`; `false` (nothing written) when out of bounds.
pub(super) fn write(table: &Table, ptr: u32, bytes: &[u8]) -> bool {
    let fits = u32::try_from(bytes.len()).is_ok_and(|len| contains(table, ptr, len));
    if fits {
        js::memory_write(table, ptr, bytes);
    }
    fits
}
