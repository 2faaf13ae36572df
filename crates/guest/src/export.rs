//! The exports of docs/abi.md, generated for a [`Component`] by [`component!`](crate::component).

use alloc::string::String;

/// Exports the `tessera_*` functions of docs/abi.md for a [`Component`](crate::Component) type.
///
/// Use it once, in the component's crate (a `cdylib`):
/// `tessera_guest::component!(Counter);`
///
/// It exports `tessera_abi_version` (`1`), `tessera_alloc`, `tessera_mount`,
/// `tessera_unmount`, `tessera_props`, `tessera_event`, `tessera_message` and
/// `tessera_timer`; the linker exports `memory` itself.
#[macro_export]
macro_rules! component {
    ($ty:ty) => {
        const _: () = {
            use $crate::__rt::Slot;

            #[cfg(target_arch = "wasm32")]
            static APP: Slot<$ty> = Slot::new();
            #[cfg(target_arch = "wasm32")]
            fn with<R>(f: impl FnOnce(&Slot<$ty>) -> R) -> R {
                f(&APP)
            }
            #[cfg(not(target_arch = "wasm32"))]
    $crate::__rt::thread_local!(static APP: Slot<$ty> = const { Slot::new() });
            #[cfg(not(target_arch = "wasm32"))]
            fn with<R>(f: impl FnOnce(&Slot<$ty>) -> R) -> R {
                APP.with(f)
            }

            #[unsafe(no_mangle)]
            extern "C" fn tessera_abi_version() -> i32 {
                $crate::__rt::ABI_VERSION
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_alloc(len: i32) -> i32 {
                $crate::__rt::alloc(len)
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_mount(ptr: i32, len: i32) {
                // SAFETY: the host wrote `len` bytes at `ptr`, allocated by `tessera_alloc`.
                with(|s| unsafe { s.mount(ptr, len) })
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_unmount() {
                with(|s| s.unmount())
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_props(ptr: i32, len: i32) {
                // SAFETY: as for `tessera_mount`.
                with(|s| unsafe { s.props(ptr, len) })
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_event(listener: i32, ptr: i32, len: i32) {
                // SAFETY: as for `tessera_mount`.
                with(|s| unsafe { s.event(listener, ptr, len) })
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_message(tp: i32, tl: i32, pp: i32, pl: i32) {
                // SAFETY: as for `tessera_mount`, for both buffers.
                with(|s| unsafe { s.message(tp, tl, pp, pl) })
            }
            #[unsafe(no_mangle)]
            extern "C" fn tessera_timer(id: i32) {
                with(|s| s.timer(id))
            }
        };
    };
}

/// The ABI version these exports implement.
pub const ABI_VERSION: i32 = 1;

/// `tessera_alloc`: `len` fresh bytes for the host to fill, `0` when out of memory.
#[cfg(target_arch = "wasm32")]
pub fn alloc(len: i32) -> i32 {
    if len <= 0 {
        // Nothing to write: any non-null address will do, and `take` never frees it.
        return i32::from(len == 0);
    }
    // SAFETY: a non-zero size with alignment 1 is a valid layout.
    unsafe {
        alloc::alloc::alloc(core::alloc::Layout::from_size_align_unchecked(
            len as usize,
            1,
        )) as usize as i32
    }
}

/// Takes ownership of `len` bytes the host wrote at `ptr` (allocated by [`alloc`]).
///
/// # Safety
/// `ptr` must come from [`alloc`] with the same `len`, and be taken once.
#[cfg(target_arch = "wasm32")]
pub unsafe fn take(ptr: i32, len: i32) -> alloc::vec::Vec<u8> {
    if ptr == 0 || len <= 0 {
        return alloc::vec::Vec::new();
    }
    let (ptr, len) = (ptr as u32 as usize as *mut u8, len as u32 as usize);
    // SAFETY: allocated with the layout of a `Vec<u8>` of capacity `len`, now ours.
    unsafe { alloc::vec::Vec::from_raw_parts(ptr, len, len) }
}

#[cfg(not(target_arch = "wasm32"))]
pub use crate::testing::memory::{alloc, take};

/// Like [`take`], as text.
///
/// # Safety
/// As for [`take`], and the bytes must be UTF-8: docs/abi.md makes every string UTF-8, and a
/// browser host encodes with `TextEncoder`, whose output always is. (Checking again would cost
/// the component about 300 bytes; native builds check.)
pub unsafe fn take_str(ptr: i32, len: i32) -> String {
    // SAFETY: forwarded.
    let bytes = unsafe { take(ptr, len) };
    debug_assert!(crate::utf8::is_valid(&bytes), "host text is not UTF-8");
    // SAFETY: the host's text is UTF-8 (above).
    unsafe { String::from_utf8_unchecked(bytes) }
}
