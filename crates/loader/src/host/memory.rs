//! Bounds-checked access to one guest's linear memory (docs/abi.md, "Bounds"). Every
//! `(ptr, len)` is checked against the memory's current byte length, with no overflow, before a
//! byte is read or written; `host.js` takes a fresh view for every access because `memory.grow`
//! detaches buffers.

use super::js;
use alloc::vec;
use alloc::vec::Vec;
use js_sys::WebAssembly::Memory;

/// The size of one wasm page.
pub(super) const PAGE: u64 = 65536;

/// A guest's exported `memory`.
pub(super) struct GuestMemory(Memory);

impl GuestMemory {
    /// Wraps the guest's exported memory.
    pub fn new(memory: Memory) -> GuestMemory {
        GuestMemory(memory)
    }

    /// The memory's current size in bytes.
    pub fn byte_len(&self) -> u64 {
        js::memory_size(&self.0) as u64
    }

    /// The memory's current size in 64 KiB pages.
    pub fn pages(&self) -> u32 {
        (self.byte_len() / PAGE) as u32
    }

    /// Whether `len` bytes at `ptr` lie inside the memory.
    pub fn contains(&self, ptr: u32, len: u32) -> bool {
        ptr as u64 + len as u64 <= self.byte_len()
    }

    /// A copy of `len` bytes at `ptr`, or `None` when out of bounds.
    pub fn read(&self, ptr: u32, len: u32) -> Option<Vec<u8>> {
        if !self.contains(ptr, len) {
            return None;
        }
        let mut out = vec![0; len as usize];
        js::memory_read(&self.0, ptr, &mut out);
        Some(out)
    }

    /// Writes `bytes` at `ptr`; `false` (nothing written) when out of bounds.
    pub fn write(&self, ptr: u32, bytes: &[u8]) -> bool {
        let fits = u32::try_from(bytes.len()).is_ok_and(|len| self.contains(ptr, len));
        if fits {
            js::memory_write(&self.0, ptr, bytes);
        }
        fits
    }
}
