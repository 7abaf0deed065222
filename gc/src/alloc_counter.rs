//! A global allocator that counts the bytes each thread allocates and frees.
//!
//! The counters are thread-local rather than shared atomics. That makes them cheaper (a plain add
//! on a thread-local, no locked instruction and no cache line bouncing between threads), and it
//! makes them *attributable*: a [`Heap`](crate::Heap) is confined to one thread (gc-arena's
//! arena is `!Send`), so the difference of this thread's counters across a slice or a collection
//! is exactly what that slice or collection allocated and freed, even while other threads (other
//! VMs, parallel tests) allocate concurrently.
//!
//! Memory allocated on one thread and freed on another is counted as freed by the second thread.
//!
//! The allocator is installed as `#[global_allocator]` by the default cargo feature
//! `count-bytes`. Without it nothing counts and the byte statistics stay zero, which leaves the
//! embedder free to install another allocator.

use std::alloc::{GlobalAlloc, Layout};

use crate::big_blocks;

/// The allocator underneath the counters: mimalloc with the `mimalloc` feature, else the system's.
#[cfg(feature = "mimalloc")]
static INNER: mimalloc::MiMalloc = mimalloc::MiMalloc;
#[cfg(not(feature = "mimalloc"))]
static INNER: std::alloc::System = std::alloc::System;
use std::cell::Cell;

/// The alignment every block of mimalloc's `mi_malloc` has when it is at least this large
/// (`MI_MAX_ALIGN_SIZE`, 16 on 64-bit targets).
#[cfg(feature = "mimalloc")]
const MI_MAX_ALIGN_SIZE: usize = 16;

/// Whether `mi_malloc(size)` already gives `layout`'s alignment. `MiMalloc` sends every request
/// through `mi_malloc_aligned`, whose generic path costs several times the plain one for blocks
/// above mimalloc's small size class (a tenth of the compiler's allocation work); nearly all
/// of the program's layouts need no more than the plain path's alignment. The test is the
/// one `std::alloc::System` makes for `malloc`.
#[cfg(feature = "mimalloc")]
fn plain_alignment_suffices(align: usize, size: usize) -> bool {
    align <= MI_MAX_ALIGN_SIZE && align <= size
}

/// Allocate from the inner allocator, through mimalloc's plain entry point when it suffices.
///
/// # Safety
/// `GlobalAlloc::alloc`'s contract.
unsafe fn inner_alloc(layout: Layout) -> *mut u8 {
    #[cfg(feature = "mimalloc")]
    if plain_alignment_suffices(layout.align(), layout.size()) {
        // SAFETY: `mi_malloc` may be called with any size; its blocks of at least `align`
        // bytes are `align`-aligned for `align <= MI_MAX_ALIGN_SIZE`, and `mi_free` (which
        // `MiMalloc::dealloc` calls) frees them.
        return unsafe { libmimalloc_sys::mi_malloc(layout.size()) }.cast();
    }
    // SAFETY: forwarded contract.
    unsafe { INNER.alloc(layout) }
}

/// Reallocate in the inner allocator, through mimalloc's plain entry point when it suffices.
///
/// # Safety
/// `GlobalAlloc::realloc`'s contract.
unsafe fn inner_realloc(ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
    #[cfg(feature = "mimalloc")]
    if plain_alignment_suffices(layout.align(), new_size) {
        // SAFETY: `ptr` is a live block of this allocator (the caller's contract), and every
        // mimalloc block, aligned or not, may be passed to `mi_realloc`; the new block has
        // `layout.align()` for the same reason as in `inner_alloc`.
        return unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size) }.cast();
    }
    // SAFETY: forwarded contract.
    unsafe { INNER.realloc(ptr, layout, new_size) }
}

/// Bytes allocated and freed so far by the current thread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct ByteTotals {
    pub allocated: u64,
    pub freed: u64,
}

impl ByteTotals {
    /// What happened between `earlier` and `self`.
    pub fn since(self, earlier: ByteTotals) -> ByteTotals {
        ByteTotals {
            allocated: self.allocated.wrapping_sub(earlier.allocated),
            freed: self.freed.wrapping_sub(earlier.freed),
        }
    }

    pub fn plus(self, other: ByteTotals) -> ByteTotals {
        ByteTotals {
            allocated: self.allocated.wrapping_add(other.allocated),
            freed: self.freed.wrapping_add(other.freed),
        }
    }
}

// `const` initialisers and `Copy` contents: no lazy initialisation, no destructor registration
// and no allocation on access, so reading these inside the allocator cannot recurse into it.
thread_local! {
    static ALLOCATED: Cell<u64> = const { Cell::new(0) };
    static FREED: Cell<u64> = const { Cell::new(0) };
}

/// This thread's totals.
pub(crate) fn thread_totals() -> ByteTotals {
    ByteTotals {
        allocated: ALLOCATED.try_with(Cell::get).unwrap_or(0),
        freed: FREED.try_with(Cell::get).unwrap_or(0),
    }
}

fn count(counter: &'static std::thread::LocalKey<Cell<u64>>, bytes: usize) {
    // `try_with` and wrapping arithmetic: an allocator must never panic.
    let _ = counter.try_with(|c| c.set(c.get().wrapping_add(bytes as u64)));
}

/// The inner allocator (mimalloc or [`System`](std::alloc::System)) plus per-thread byte counters, which the heap's byte statistics read.
///
/// The `count-bytes` feature (on by default) installs it. Without the feature, a binary can
/// install it itself:
///
/// ```text
/// #[global_allocator]
/// static ALLOCATOR: cellvm_gc::CountingAllocator = cellvm_gc::CountingAllocator;
/// ```
pub struct CountingAllocator;

/// A block from whichever allocator serves `layout` (see [`big_blocks::is_big`]).
///
/// # Safety
/// `GlobalAlloc::alloc`'s contract.
unsafe fn raw_alloc(layout: Layout) -> *mut u8 {
    if big_blocks::is_big(layout, layout.size()) {
        // SAFETY: a big size is non-zero.
        unsafe { big_blocks::alloc(layout.size()) }
    } else {
        // SAFETY: forwarded contract.
        unsafe { inner_alloc(layout) }
    }
}

/// Free a block made by [`raw_alloc`] (or resized by `realloc`) with `layout`.
///
/// # Safety
/// `GlobalAlloc::dealloc`'s contract.
unsafe fn raw_dealloc(ptr: *mut u8, layout: Layout) {
    if big_blocks::is_big(layout, layout.size()) {
        // SAFETY: blocks of a big layout are big blocks of that size (the predicate depends
        // on the layout alone).
        unsafe { big_blocks::dealloc(ptr, layout.size()) }
    } else {
        // SAFETY: forwarded contract.
        unsafe { INNER.dealloc(ptr, layout) }
    }
}

// SAFETY: every method forwards to `INNER` (a `GlobalAlloc`) with the caller's arguments unchanged,
// or to the mimalloc entry point that serves the same layout (`inner_alloc`, `inner_realloc`), or,
// for big layouts, to `big_blocks`, whose fresh mappings are page-aligned (`is_big` admits no
// larger alignment) and zeroed; a block's owner follows from its layout alone, so each block is
// freed by the allocator that made it. The counting touches only thread-local `Cell`s and never
// allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded contract.
        let ptr = unsafe { raw_alloc(layout) };
        if !ptr.is_null() {
            count(&ALLOCATED, layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = if big_blocks::is_big(layout, layout.size()) {
            // SAFETY: a big size is non-zero; fresh mappings are zeroed.
            unsafe { big_blocks::alloc(layout.size()) }
        } else {
            // SAFETY: forwarded contract.
            unsafe { INNER.alloc_zeroed(layout) }
        };
        if !ptr.is_null() {
            count(&ALLOCATED, layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded contract.
        unsafe { raw_dealloc(ptr, layout) };
        count(&FREED, layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old_big = big_blocks::is_big(layout, layout.size());
        let new_big = big_blocks::is_big(layout, new_size);
        let new_ptr = match (old_big, new_big) {
            // SAFETY: `ptr` is a big block of `layout.size()` bytes (its layout is big).
            (true, true) => unsafe { big_blocks::realloc(ptr, layout.size(), new_size) },
            // SAFETY: forwarded contract.
            (false, false) => unsafe { inner_realloc(ptr, layout, new_size) },
            // Crossing between the allocators: a new block from the other, the contents
            // copied, the old block freed by its own.
            _ => {
                // SAFETY: `realloc`'s contract makes `new_size` with `layout.align()` a valid
                // layout.
                let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
                // SAFETY: `new_size` is non-zero (`realloc`'s contract).
                let new_ptr = unsafe { raw_alloc(new_layout) };
                if !new_ptr.is_null() {
                    // SAFETY: both blocks are live, distinct, and at least this long.
                    unsafe { std::ptr::copy_nonoverlapping(ptr, new_ptr, layout.size().min(new_size)) };
                    // SAFETY: `ptr` was made with `layout` and is not used again.
                    unsafe { raw_dealloc(ptr, layout) };
                }
                new_ptr
            }
        };
        // A reallocation frees the old block and allocates the new one; on failure the old block
        // is untouched and nothing changes.
        if !new_ptr.is_null() {
            count(&FREED, layout.size());
            count(&ALLOCATED, new_size);
        }
        new_ptr
    }
}
