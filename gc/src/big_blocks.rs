//! Big blocks (3 MiB and more) mapped from the OS directly, so that a program can ask for
//! them to be backed by transparent huge pages ([`set_huge_pages`]).
//!
//! mimalloc runs without huge pages: with them its first arena alone costs a small program
//! 8 MiB of resident memory, and the setting is per process and fixed before `main` runs.
//! A program that builds tens of megabytes of short-lived structures (the compiler on a
//! large file: its token vector and the AST's arena chunks) spends a fifth of its time on
//! this virtual machine in page faults, nearly all of which huge pages spare. Only blocks
//! this big take this path, so small programs are unaffected; which path owns a block
//! follows from its layout alone ([`is_big`]), whatever the setting was when it was made.
//!
//! On other systems, and under Miri, there is no such path and [`is_big`] is always false.

use std::alloc::Layout;
#[cfg(all(target_os = "linux", not(miri)))]
use std::sync::atomic::{AtomicBool, Ordering};

/// The smallest block mapped directly. bumpalo's chunks are a power of two less a few bytes,
/// so its 4 MiB chunk is in.
#[cfg(all(target_os = "linux", not(miri)))]
const MIN_SIZE: usize = 3 << 20;

/// The size of a transparent huge page on x86-64 and arm64 (with 4 KiB pages).
#[cfg(all(target_os = "linux", not(miri)))]
const HUGE_PAGE: usize = 2 << 20;

/// The alignment a fresh mapping has (a page).
#[cfg(all(target_os = "linux", not(miri)))]
const MAP_ALIGN: usize = 4096;

#[cfg(all(target_os = "linux", not(miri)))]
static HUGE_PAGES: AtomicBool = AtomicBool::new(false);

/// Whether big blocks made from now on may be backed by transparent huge pages (where the
/// kernel offers them on request). Off by default.
pub fn set_huge_pages(on: bool) {
    #[cfg(all(target_os = "linux", not(miri)))]
    HUGE_PAGES.store(on, Ordering::Relaxed);
    #[cfg(not(all(target_os = "linux", not(miri))))]
    let _ = on;
}

/// Whether a block of `size` bytes with `layout`'s alignment is a big block.
#[inline]
pub(crate) fn is_big(layout: Layout, size: usize) -> bool {
    #[cfg(all(target_os = "linux", not(miri)))]
    return size >= MIN_SIZE && layout.align() <= MAP_ALIGN;
    #[cfg(not(all(target_os = "linux", not(miri))))]
    {
        let _ = (layout, size);
        false
    }
}

/// Ask for huge pages on a fresh mapping, if the program wants them.
#[cfg(all(target_os = "linux", not(miri)))]
fn advise(ptr: *mut libc::c_void, size: usize) {
    if HUGE_PAGES.load(Ordering::Relaxed) {
        // SAFETY: `ptr..ptr + size` is a mapping this module just made. The advice changes
        // only how the kernel backs it; a kernel without THP refuses it, which is harmless.
        unsafe { libc::madvise(ptr, size, libc::MADV_HUGEPAGE) };
    }
}

/// A new zeroed big block of `size` bytes, or null.
///
/// # Safety
/// `size` is non-zero (a big size).
pub(crate) unsafe fn alloc(size: usize) -> *mut u8 {
    #[cfg(all(target_os = "linux", not(miri)))]
    {
        let huge = HUGE_PAGES.load(Ordering::Relaxed);
        // Huge pages back only the aligned huge-page frames of a mapping: map one frame more
        // and cut the block out at a frame boundary.
        let slack = if huge { HUGE_PAGE } else { 0 };
        let Some(mapped) = size.checked_add(slack) else { return std::ptr::null_mut() };
        // SAFETY: an anonymous private mapping at an address of the kernel's choosing touches
        // no existing memory.
        let ptr = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                mapped,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if ptr == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        if !huge {
            return ptr.cast();
        }
        let start = ptr as usize;
        let aligned = start.next_multiple_of(HUGE_PAGE);
        let end = aligned + size.next_multiple_of(MAP_ALIGN);
        // SAFETY: both ranges lie inside the mapping just made (`aligned - start < slack`,
        // and `end <= start + mapped` as `size + slack` rounds to at least `end - start`), are
        // page-aligned, and hold nothing yet; empty ones are skipped.
        unsafe {
            if aligned > start {
                libc::munmap(ptr, aligned - start);
            }
            let mapped_end = (start + mapped).next_multiple_of(MAP_ALIGN);
            if mapped_end > end {
                libc::munmap(end as *mut libc::c_void, mapped_end - end);
            }
        }
        advise(aligned as *mut libc::c_void, size);
        aligned as *mut u8
    }
    #[cfg(not(all(target_os = "linux", not(miri))))]
    {
        let _ = size;
        unreachable!("no big blocks here (is_big is false)")
    }
}

/// Free a big block.
///
/// # Safety
/// `ptr` came from [`alloc`] or [`realloc`] with this `size` and is not used again.
pub(crate) unsafe fn dealloc(ptr: *mut u8, size: usize) {
    #[cfg(all(target_os = "linux", not(miri)))]
    // SAFETY: `ptr..ptr + size` is exactly one mapping of this module (the caller's contract).
    unsafe {
        libc::munmap(ptr.cast(), size);
    }
    #[cfg(not(all(target_os = "linux", not(miri))))]
    {
        let _ = (ptr, size);
        unreachable!("no big blocks here (is_big is false)")
    }
}

/// Resize a big block to another big size, moving it if need be (the kernel moves the pages,
/// not their contents); null on failure, when the old block is untouched.
///
/// # Safety
/// `ptr` came from [`alloc`] or [`realloc`] with `old_size`; on success it is not used again.
pub(crate) unsafe fn realloc(ptr: *mut u8, old_size: usize, new_size: usize) -> *mut u8 {
    #[cfg(all(target_os = "linux", not(miri)))]
    {
        // SAFETY: `ptr..ptr + old_size` is exactly one mapping of this module (the caller's
        // contract); MREMAP_MAYMOVE lets the kernel place the result anywhere.
        let new_ptr = unsafe { libc::mremap(ptr.cast(), old_size, new_size, libc::MREMAP_MAYMOVE) };
        if new_ptr == libc::MAP_FAILED {
            return std::ptr::null_mut();
        }
        advise(new_ptr, new_size);
        new_ptr.cast()
    }
    #[cfg(not(all(target_os = "linux", not(miri))))]
    {
        let _ = (ptr, old_size, new_size);
        unreachable!("no big blocks here (is_big is false)")
    }
}
