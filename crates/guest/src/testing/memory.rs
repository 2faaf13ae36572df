//! The native stand-in for the guest memory that `tessera_alloc` hands to the host.
//!
//! Native pointers do not fit the ABI's `i32`, so natively `tessera_alloc` returns a handle
//! to a buffer kept here; [`write`](fn@write) is the fake host filling it, and the exports take it back
//! exactly as on wasm. This lets tests drive the generated exports like the real host does.

use std::cell::RefCell;
use std::vec::Vec;

std::thread_local! {
    static BUFFERS: RefCell<Vec<Option<Vec<u8>>>> = const { RefCell::new(Vec::new()) };
}

/// `tessera_alloc` natively: a handle (`> 0`) to `len` zeroed bytes; `0` for a negative length.
pub fn alloc(len: i32) -> i32 {
    if len < 0 {
        return 0;
    }
    BUFFERS.with(|b| {
        let mut b = b.borrow_mut();
        b.push(Some(std::vec![0; len as usize]));
        b.len() as i32
    })
}

/// The fake host writing `bytes` into the buffer `ptr` (from [`alloc`](fn@alloc) with that
/// length).
///
/// # Panics
/// If `ptr` is not a live buffer of exactly `bytes.len()` bytes.
pub fn write(ptr: i32, bytes: &[u8]) {
    BUFFERS.with(|b| {
        let mut b = b.borrow_mut();
        let buf = b
            .get_mut((ptr as usize).wrapping_sub(1))
            .and_then(Option::as_mut);
        let buf = buf.unwrap_or_else(|| panic!("no live buffer {ptr}"));
        assert_eq!(buf.len(), bytes.len(), "buffer {ptr} has another length");
        buf.copy_from_slice(bytes);
    })
}

/// Takes back the buffer `ptr` (empty for `0` or an unknown handle).
///
/// # Safety
/// Always safe natively; `unsafe` to match the wasm function it replaces.
pub unsafe fn take(ptr: i32, len: i32) -> Vec<u8> {
    let buf = BUFFERS.with(|b| {
        b.borrow_mut()
            .get_mut((ptr as usize).wrapping_sub(1))
            .and_then(Option::take)
    });
    let buf = buf.unwrap_or_default();
    debug_assert!(buf.len() == len.max(0) as usize || ptr == 0);
    buf
}

/// How many buffers were handed out and not taken back (a leak check for tests).
pub fn live() -> usize {
    BUFFERS.with(|b| b.borrow().iter().filter(|x| x.is_some()).count())
}
