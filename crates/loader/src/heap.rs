//! The loader's global allocator: power-of-two size classes, each with a free list, carved from
//! the linear memory above `__heap_base`, which only ever grows.
//!
//! A freed block goes back on its class's list and serves the next request of that class, so a
//! page that mounts and unmounts components for hours reuses the same memory. Blocks are not
//! split or merged; a request takes at most twice its size. That is the whole trade: about
//! 1 KB of brotli less than a general-purpose allocator (talc, dlmalloc), in a loader whose
//! allocations are short strings, small vectors and one buffer per `apply` batch.
//!
//! Single-threaded (`wasm32-unknown-unknown` without atomics): the state is a plain cell.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32;
use core::cell::UnsafeCell;
use core::ptr::{addr_of, null_mut};

/// A wasm page.
const PAGE: usize = 65536;
/// Classes `0..CLASSES`: blocks of `1 << class` bytes (the largest, 2 GiB, cannot be met).
const CLASSES: usize = 32;
/// Fresh blocks are aligned to their size up to this; larger alignments are refused.
const MAX_ALIGN: usize = 4096;

extern "C" {
    /// The first byte above the stack and static data (defined by the linker).
    static __heap_base: u8;
}

/// The allocator. One instance, the crate's `#[global_allocator]`.
pub(crate) struct Heap(UnsafeCell<State>);

struct State {
    /// The first free block of each class; a free block holds the address of the next.
    free: [*mut u8; CLASSES],
    /// Where fresh blocks are carved next, and the end of the memory carved from.
    next: usize,
    end: usize,
}

// SAFETY: wasm32 without atomics runs one thread; nothing else can reach the state.
unsafe impl Sync for Heap {}

impl Heap {
    /// An empty heap; it finds `__heap_base` and the memory size on first use.
    pub(crate) const fn new() -> Heap {
        Heap(UnsafeCell::new(State {
            free: [null_mut(); CLASSES],
            next: 0,
            end: 0,
        }))
    }
}

/// The class of a request: the smallest power of two holding its size and alignment (at least
/// a pointer, so a free block can hold the list link).
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(8);
    (usize::BITS - (size - 1).leading_zeros()) as usize
}

impl State {
    /// A fresh block of `size` bytes aligned to `align`, growing the memory when needed.
    fn carve(&mut self, size: usize, align: usize) -> *mut u8 {
        if self.end == 0 {
            // Only the address of the linker's symbol is taken, never its value.
            self.next = addr_of!(__heap_base) as usize;
            self.end = wasm32::memory_size(0) * PAGE;
        }
        let mut start = align_up(self.next, align);
        if start.checked_add(size).is_none_or(|stop| stop > self.end) {
            let pages = (size + align).div_ceil(PAGE);
            let old = wasm32::memory_grow(0, pages);
            if old == usize::MAX {
                return null_mut();
            }
            if old * PAGE != self.end {
                // Something else grew the memory: carve from the new pages only.
                start = align_up(old * PAGE, align);
            }
            match (old + pages).checked_mul(PAGE) {
                Some(end) => self.end = end,
                None => return null_mut(),
            }
        }
        self.next = start + size;
        start as *mut u8
    }
}

fn align_up(at: usize, align: usize) -> usize {
    (at + align - 1) & !(align - 1)
}

// The work is in two functions that are never inlined: every `drop` frees memory, and one
// call is smaller than the free-list push at each of them.
unsafe impl GlobalAlloc for Heap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.take(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's promise: `ptr` came from `alloc` with this layout.
        unsafe { self.give(ptr, layout) }
    }
}

impl Heap {
    #[inline(never)]
    fn take(&self, layout: Layout) -> *mut u8 {
        let class = class(layout);
        if class >= CLASSES || layout.align() > MAX_ALIGN {
            return null_mut();
        }
        // SAFETY: single-threaded (see `Sync` above), and no reference to the state outlives
        // this call.
        let state = unsafe { &mut *self.0.get() };
        let head = state.free[class];
        if head.is_null() {
            let size = 1 << class;
            return state.carve(size, size.min(MAX_ALIGN));
        }
        // SAFETY: `head` is a free block of this class; its first word is the next free block.
        state.free[class] = unsafe { *(head as *mut *mut u8) };
        head
    }

    /// # Safety
    /// `ptr` came from [`Heap::take`] with this layout, so it is a block of this class, at least
    /// pointer-sized and pointer-aligned, and nothing uses it any more.
    #[inline(never)]
    unsafe fn give(&self, ptr: *mut u8, layout: Layout) {
        let class = class(layout);
        // SAFETY: as in `take`, and the caller's promise on `ptr`.
        let state = unsafe { &mut *self.0.get() };
        unsafe { *(ptr as *mut *mut u8) = state.free[class] };
        state.free[class] = ptr;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn classes_hold_size_and_alignment() {
        let class_of = |size, align| class(Layout::from_size_align(size, align).unwrap());
        assert_eq!(class_of(1, 1), 3, "at least a pointer");
        assert_eq!(class_of(8, 8), 3);
        assert_eq!(class_of(9, 1), 4);
        assert_eq!(class_of(4, 64), 6, "the alignment counts");
        assert_eq!(class_of(1 << 20, 8), 20);
        assert_eq!(class_of((1 << 20) + 1, 8), 21);
    }

    #[wasm_bindgen_test]
    fn blocks_are_aligned_distinct_and_reused() {
        // Through the global allocator, which in this test build is the crate's `Heap`.
        use alloc::alloc::{alloc, dealloc};
        let layouts = [(3, 1), (24, 8), (100, 4), (64, 64), (5000, 16), (70_000, 8)];
        let blocks = layouts.map(|(size, align)| {
            let layout = Layout::from_size_align(size, align).unwrap();
            // SAFETY: a non-zero size.
            let ptr = unsafe { alloc(layout) };
            assert!(!ptr.is_null());
            assert_eq!(
                ptr as usize % align.max(8),
                0,
                "{size} bytes aligned to {align}"
            );
            // SAFETY: a fresh block of `size` bytes.
            unsafe { ptr.write_bytes(0xab, size) };
            (ptr as usize, layout)
        });
        for (i, &(a, la)) in blocks.iter().enumerate() {
            for &(b, lb) in &blocks[i + 1..] {
                assert!(a + la.size() <= b || b + lb.size() <= a, "blocks overlap");
            }
        }
        let (ptr, layout) = blocks[1];
        // SAFETY: `ptr` came from `alloc` with `layout` and is not used afterwards.
        unsafe { dealloc(ptr as *mut u8, layout) };
        // SAFETY: a non-zero size.
        let again = unsafe { alloc(Layout::from_size_align(20, 4).unwrap()) };
        assert_eq!(
            again as usize, ptr,
            "a freed block serves the next request of its class"
        );
        for (ptr, layout) in blocks.into_iter().skip(2).chain([(again as usize, layout)]) {
            // SAFETY: each block came from `alloc` with its layout and is not used afterwards.
            unsafe { dealloc(ptr as *mut u8, layout) };
        }
        // SAFETY: a non-zero size; refused, so nothing to free.
        assert!(unsafe { alloc(Layout::from_size_align(8, 8192).unwrap()) }.is_null());
    }
}
