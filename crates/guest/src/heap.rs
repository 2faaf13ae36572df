//! The wasm global allocator: power-of-two size classes with a free list each, carved from
//! a bump pointer that grows the memory a page at a time.
//!
//! About 300 bytes of code and O(1) `alloc`/`dealloc` (a growing `Vec` doubles, so `realloc`
//! is the default alloc-copy-free). The price is up to 2x slack per block and no coalescing:
//! fine for a component's small, short-lived trees and strings.
//! Blocks aligned to more than 8 bytes (rare: `u128`, `#[repr(align)]`) are not recycled.

/// Smallest block: 8 bytes (class 0); class `c` holds blocks of `8 << c` bytes.
const MIN_SHIFT: u32 = 3;
const CLASSES: usize = 29;

/// The allocator's state over a region of memory `[next, end)` that `grow` can extend.
pub(crate) struct Arena {
    free: [usize; CLASSES],
    next: usize,
    end: usize,
}

/// The size class of a block of `size` bytes.
fn class(size: usize) -> usize {
    (size
        .max(1 << MIN_SHIFT)
        .next_power_of_two()
        .trailing_zeros()
        - MIN_SHIFT) as usize
}

impl Arena {
    pub(crate) const fn new() -> Arena {
        Arena {
            free: [0; CLASSES],
            next: 0,
            end: 0,
        }
    }

    /// Gives the arena `[start, end)` to carve (called once, before the first `alloc`).
    pub(crate) fn init(&mut self, start: usize, end: usize) {
        self.next = (start + 7) & !7;
        self.end = end;
    }

    /// A block of at least `size` bytes aligned to `align`, or null. `grow(bytes)` must extend
    /// the region by at least `bytes` (contiguously) and return the new end, or `None`.
    ///
    /// # Safety
    /// The region handed to `init`/`grow` must be writable memory owned by the arena.
    pub(crate) unsafe fn alloc(
        &mut self,
        size: usize,
        align: usize,
        grow: impl FnOnce(usize) -> Option<usize>,
    ) -> *mut u8 {
        let c = class(size.max(align));
        let Some(head) = self.free.get_mut(c) else {
            return core::ptr::null_mut();
        };
        let block = *head;
        if block != 0 && align <= 8 {
            // SAFETY: a freed block of this class starts with the next free block's address.
            *head = unsafe { *(block as *const usize) };
            return block as *mut u8;
        }
        let mask = align.max(8) - 1;
        let start = (self.next + mask) & !mask;
        let Some(stop) = start.checked_add(8 << c) else {
            return core::ptr::null_mut();
        };
        if stop > self.end {
            match grow(stop - self.end) {
                Some(end) => self.end = end,
                None => return core::ptr::null_mut(),
            }
        }
        self.next = stop;
        start as *mut u8
    }

    /// Returns a block to its class's free list.
    ///
    /// # Safety
    /// `ptr` must come from `alloc` with the same `size` and `align`, and not be used again.
    pub(crate) unsafe fn dealloc(&mut self, ptr: *mut u8, size: usize, align: usize) {
        if align > 8 {
            return;
        }
        if let Some(head) = self.free.get_mut(class(size)) {
            // SAFETY: the block is at least 8 bytes, 8-aligned, and ours again.
            unsafe { *(ptr as *mut usize) = *head };
            *head = ptr as usize;
        }
    }
}

#[cfg(target_arch = "wasm32")]
mod global {
    use super::Arena;
    use core::alloc::{GlobalAlloc, Layout};
    use core::arch::wasm32;
    use core::cell::UnsafeCell;

    const PAGE: usize = 65536;

    struct Heap(UnsafeCell<Arena>);

    // SAFETY: wasm32-unknown-unknown without the `atomics` feature runs one thread.
    unsafe impl Sync for Heap {}

    #[global_allocator]
    static HEAP: Heap = Heap(UnsafeCell::new(Arena::new()));

    unsafe extern "C" {
        /// Set by the linker: the first byte after the stack and static data.
        static __heap_base: u8;
    }

    unsafe impl GlobalAlloc for Heap {
        unsafe fn alloc(&self, l: Layout) -> *mut u8 {
            // SAFETY: single-threaded, and the allocator is never re-entered.
            let a = unsafe { &mut *self.0.get() };
            if a.next == 0 {
                a.init(
                    &raw const __heap_base as usize,
                    wasm32::memory_size(0) * PAGE,
                );
            }
            // Grows by whole pages: `bytes` rounded up (the old end is page-aligned).
            let grow = |bytes: usize| {
                let pages = bytes.div_ceil(PAGE);
                let old = wasm32::memory_grow(0, pages);
                (old != usize::MAX).then(|| (old + pages) * PAGE)
            };
            // SAFETY: the region is the memory past `__heap_base`, which nothing else uses.
            unsafe { a.alloc(l.size(), l.align(), grow) }
        }

        unsafe fn dealloc(&self, ptr: *mut u8, l: Layout) {
            // SAFETY: as for `alloc`; `ptr` came from `alloc` with `l`.
            unsafe { (*self.0.get()).dealloc(ptr, l.size(), l.align()) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec;

    #[test]
    fn classes_round_up_to_powers_of_two() {
        assert_eq!(class(1), 0);
        assert_eq!(class(8), 0);
        assert_eq!(class(9), 1);
        assert_eq!(class(64), 3);
    }

    #[test]
    fn blocks_are_aligned_disjoint_and_recycled() {
        let mut mem = vec![0u64; 4096]; // 32 KiB of 8-aligned memory
        let base = mem.as_mut_ptr() as usize;
        let mut a = Arena::new();
        a.init(base + 1, base + 1024); // grows up to the end of `mem`
        let limit = base + mem.len() * 8;
        let grow = |b: usize, end: usize| (end + b <= limit).then_some(end + b);
        unsafe {
            let end = a.end;
            let p = a.alloc(24, 8, |b| grow(b, end));
            assert_eq!(p as usize % 8, 0);
            assert!(p as usize > base);
            let end = a.end;
            let q = a.alloc(24, 8, |b| grow(b, end));
            assert_eq!(q as usize - p as usize, 32, "class of 24 bytes is 32");
            a.dealloc(p, 24, 8);
            let end = a.end;
            assert_eq!(
                a.alloc(30, 8, |b| grow(b, end)),
                p,
                "same class reuses the block"
            );
            let end = a.end;
            let big = a.alloc(4000, 8, |b| grow(b, end));
            assert!(
                !big.is_null() && a.end >= big as usize + 4096,
                "grew to fit"
            );
            let end = a.end;
            let wide = a.alloc(16, 64, |b| grow(b, end));
            assert_eq!(wide as usize % 64, 0);
            let end = a.end;
            assert!(
                a.alloc(1 << 20, 8, |b| grow(b, end)).is_null(),
                "cannot grow"
            );
            assert!(a.alloc(usize::MAX / 2, 8, |_| None).is_null());
        }
    }
}
