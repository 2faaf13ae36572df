//! A no_std cdylib shaped like the loader's use of `tessera_manifest`: a [`Value`] is decoded
//! from bytes the host writes into memory (so nothing constant-folds), then, with the `validate`
//! feature, checked by `from_owned_value` as the loader does; problems come back as lines, a
//! valid manifest is handed to the host. Without `validate` the value goes to the host
//! unchecked: the difference between the two builds is what validation costs. Panics trap
//! without formatting, as in the loader.
//!
//! Encoding (little endian): 0 null, 1 false, 2 true, 3 f64, 4 string (u32 length, UTF-8 bytes),
//! 5 array (u32 count, items), 6 object (u32 count, then key string bytes as in 4 without the
//! tag, value).
#![no_std]

extern crate alloc;

mod decode;

use alloc::vec::Vec;
use tessera_manifest::value::Value;

#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

#[link(wasm_import_module = "host")]
extern "C" {
    /// Receives one problem line (UTF-8).
    fn problem(ptr: *const u8, len: usize);
    /// Receives a value or manifest the host only keeps a reference to.
    fn keep(ptr: *const u8);
}

/// Gives the host `len` bytes to write the encoded value into.
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    let mut buffer = Vec::<u8>::with_capacity(len);
    let ptr = buffer.as_mut_ptr();
    core::mem::forget(buffer);
    ptr
}

/// Decodes the `len` bytes at `ptr` and validates them. Returns 0 for a valid manifest, the
/// number of problems otherwise, `u32::MAX` when the bytes do not decode.
///
/// # Safety
///
/// `ptr` comes from `alloc(len)`, the host wrote `len` bytes there, and `run` takes them over.
#[no_mangle]
pub unsafe extern "C" fn run(ptr: *mut u8, len: usize) -> u32 {
    // SAFETY: see the function's contract.
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let Some(value) = decode::value(&mut bytes.as_slice()) else {
        return u32::MAX;
    };
    check(value)
}

#[cfg(feature = "validate")]
fn check(value: Value) -> u32 {
    match tessera_manifest::from_owned_value(value) {
        Ok(manifest) => {
            // SAFETY: the host only records the address.
            unsafe { keep((&manifest as *const tessera_manifest::Manifest).cast()) };
            0
        }
        Err(problems) => {
            for p in &problems.0 {
                let line = p.to_line();
                // SAFETY: `line` lives across the call.
                unsafe { problem(line.as_ptr(), line.len()) };
            }
            problems.0.len() as u32
        }
    }
}

#[cfg(not(feature = "validate"))]
fn check(value: Value) -> u32 {
    // SAFETY: the host only records the address.
    unsafe { keep((&value as *const Value).cast()) };
    let _ = problem;
    0
}
