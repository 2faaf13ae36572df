//! Bounds-checked access to one guest's linear memory (docs/abi.md, "Bounds"). Every
//! `(ptr, len)` is checked against the memory's current byte length, with no overflow, before a
//! byte is read; a fresh view is taken for every access because `memory.grow` detaches buffers.

use alloc::vec::Vec;
use js_sys::{Uint8Array, WebAssembly};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// An `ArrayBuffer` or `SharedArrayBuffer`, read as `f64` so a 4 GiB memory is exact.
    type AnyBuffer;
    #[wasm_bindgen(method, getter, js_name = byteLength)]
    fn byte_length(this: &AnyBuffer) -> f64;
}

/// The size of one wasm page.
pub(super) const PAGE: u64 = 65536;

/// A guest's exported `memory`.
pub(super) struct GuestMemory(WebAssembly::Memory);

impl GuestMemory {
    /// Wraps the guest's exported memory.
    pub fn new(memory: WebAssembly::Memory) -> GuestMemory {
        GuestMemory(memory)
    }

    /// The memory's current size in bytes.
    pub fn byte_len(&self) -> u64 {
        self.0.buffer().unchecked_into::<AnyBuffer>().byte_length() as u64
    }

    /// The memory's current size in 64 KiB pages.
    pub fn pages(&self) -> u32 {
        (self.byte_len() / PAGE) as u32
    }

    /// A view of `len` bytes at `ptr`, or `None` when the range is not inside the memory.
    fn view(&self, ptr: u32, len: u32) -> Option<Uint8Array> {
        let buffer = self.0.buffer();
        let size = buffer.unchecked_ref::<AnyBuffer>().byte_length() as u64;
        if ptr as u64 + len as u64 > size {
            return None;
        }
        Some(Uint8Array::new_with_byte_offset_and_length(
            &buffer, ptr, len,
        ))
    }

    /// A copy of `len` bytes at `ptr`, or `None` when out of bounds.
    pub fn read(&self, ptr: u32, len: u32) -> Option<Vec<u8>> {
        let view = self.view(ptr, len)?;
        let mut out = Vec::with_capacity(len as usize);
        // SAFETY: `view` has exactly `len` bytes and `out` has room for `len`; `raw_copy_to_ptr`
        // writes all of them before `set_len`. (`to_vec` would do the same behind an
        // `assert_eq!` that pulls `core::fmt` into the loader.)
        unsafe {
            view.raw_copy_to_ptr(out.as_mut_ptr());
            out.set_len(len as usize);
        }
        Some(out)
    }

    /// Writes `bytes` at `ptr`; `false` (nothing written) when out of bounds.
    pub fn write(&self, ptr: u32, bytes: &Uint8Array) -> bool {
        match self.view(ptr, bytes.length()) {
            Some(view) => {
                view.set(bytes, 0);
                true
            }
            None => false,
        }
    }
}
