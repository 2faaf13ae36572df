//! The exports of docs/abi.md, generated for a [`Component`] by [`component!`](crate::component).

use alloc::string::String;
use core::cell::UnsafeCell;

use crate::app::App;
use crate::Component;

/// Exports the `tessera_*` functions of docs/abi.md for a [`Component`] type.
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

/// The one mounted instance of a component type, behind the exports.
pub struct Slot<C: Component> {
    app: UnsafeCell<Option<App<C>>>,
}

// SAFETY: wasm32-unknown-unknown without the `atomics` feature runs a single thread; the
// native build keeps one slot per thread (`thread_local!`) instead.
#[cfg(target_arch = "wasm32")]
unsafe impl<C: Component> Sync for Slot<C> {}

impl<C: Component> Default for Slot<C> {
    fn default() -> Self {
        Slot::new()
    }
}

impl<C: Component> Slot<C> {
    /// No instance yet.
    pub const fn new() -> Slot<C> {
        Slot {
            app: UnsafeCell::new(None),
        }
    }

    /// Runs `f` on the slot.
    fn with(&self, f: impl FnOnce(&mut Option<App<C>>)) {
        // SAFETY: the only reference: docs/abi.md has the host call a component one call at a
        // time and never re-entrantly (no import calls back into the guest), and the slot is
        // per thread where threads exist.
        f(unsafe { &mut *self.app.get() });
    }

    /// Runs `f` on the mounted app; nothing before mount or after unmount.
    fn app(&self, f: impl FnOnce(&mut App<C>)) {
        self.with(|a| {
            if let Some(app) = a {
                f(app)
            }
        })
    }

    /// `tessera_mount` (a second mount replaces the first instance).
    ///
    /// # Safety
    /// As for [`take`].
    pub unsafe fn mount(&self, ptr: i32, len: i32) {
        #[cfg(feature = "std")]
        crate::panic::install_hook();
        // SAFETY: forwarded.
        let props = unsafe { take_str(ptr, len) };
        // A second mount (not something the host does) leaves the first instance behind.
        self.with(|a| core::mem::forget(a.replace(App::mount(&props))));
    }

    /// `tessera_unmount`: the component's `unmount`, then nothing: the host drops the whole
    /// instance, so the state is not even freed.
    pub fn unmount(&self) {
        self.with(|a| {
            if let Some(app) = a.take() {
                app.unmount()
            }
        });
    }

    /// `tessera_props`.
    ///
    /// # Safety
    /// As for [`take`].
    pub unsafe fn props(&self, ptr: i32, len: i32) {
        // SAFETY: forwarded.
        let props = unsafe { take_str(ptr, len) };
        self.app(|a| a.props(&props));
    }

    /// `tessera_event`.
    ///
    /// # Safety
    /// As for [`take`].
    pub unsafe fn event(&self, listener: i32, ptr: i32, len: i32) {
        // SAFETY: forwarded.
        let data = unsafe { take_str(ptr, len) };
        self.app(|a| a.event(listener as u32, &data));
    }

    /// `tessera_message`.
    ///
    /// # Safety
    /// As for [`take`], for both buffers.
    pub unsafe fn message(&self, tp: i32, tl: i32, pp: i32, pl: i32) {
        // SAFETY: forwarded.
        let (topic, payload) = unsafe { (take_str(tp, tl), take(pp, pl)) };
        self.app(|a| a.message(&topic, &payload));
    }

    /// `tessera_timer`.
    pub fn timer(&self, id: i32) {
        self.app(|a| a.timer(id));
    }
}
