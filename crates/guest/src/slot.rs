//! [`Slot`]: the one mounted instance of a component type, behind the generated exports.

use core::cell::UnsafeCell;

use crate::app::App;
use crate::export::{take, take_str};
use crate::Component;

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
