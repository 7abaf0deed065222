//! Big blocks through the global allocator (cellvm-gc's counting allocator): blocks that
//! grow into, within and out of the directly mapped sizes keep their contents, zeroed ones
//! are zero, and blocks are aligned, with huge pages on and off.

use cellvm_gc::set_huge_pages;

const MIB: usize = 1 << 20;

/// A vector that grows from small through big sizes and shrinks back, checked at each step.
fn grow_and_shrink() {
    let mut v: Vec<u32> = Vec::with_capacity(16);
    let mut expected_len = 0;
    for target in [MIB / 4, 2 * MIB, 5 * MIB / 4 * 4, 40 * MIB / 4] {
        while v.len() < target {
            v.push(v.len() as u32);
        }
        expected_len = target;
        assert!(
            v.iter().enumerate().all(|(i, &x)| x as usize == i),
            "contents kept while growing to {target}"
        );
    }
    for target in [8 * MIB / 4, MIB / 4, 100] {
        v.truncate(target);
        v.shrink_to_fit();
        assert_eq!(v.capacity(), target);
        assert!(v.iter().enumerate().all(|(i, &x)| x as usize == i), "contents kept shrinking to {target}");
    }
    assert!(expected_len > 0);
}

#[test]
fn big_blocks_keep_contents_and_are_zeroed() {
    for huge in [false, true, false] {
        set_huge_pages(huge);
        grow_and_shrink();
        let zeroed = vec![0u64; 6 * MIB / 8];
        assert!(zeroed.iter().all(|&x| x == 0));
        // A block made in one mode is freed (and resized) correctly in the other.
        let mut kept: Vec<u8> = vec![7; 4 * MIB];
        set_huge_pages(!huge);
        kept.resize(9 * MIB, 8);
        assert!(kept[..4 * MIB].iter().all(|&b| b == 7) && kept[4 * MIB..].iter().all(|&b| b == 8));
        drop(kept);
        let boxed: Box<[u8]> = vec![1u8; 3 * MIB].into_boxed_slice();
        assert_eq!(boxed.iter().map(|&b| b as usize).sum::<usize>(), 3 * MIB);
    }
    set_huge_pages(false);
}

#[test]
fn big_blocks_are_aligned_for_their_layout() {
    use std::alloc::{alloc, dealloc, Layout};
    for align in [8, 64, 4096] {
        for huge in [false, true] {
            set_huge_pages(huge);
            let layout = Layout::from_size_align(5 * MIB, align).expect("valid layout");
            // SAFETY: a non-zero size; the block is written within its size and freed with
            // the layout it was made with.
            unsafe {
                let p = alloc(layout);
                assert!(!p.is_null());
                assert_eq!(p as usize % align, 0);
                p.write_bytes(0xAB, layout.size());
                assert_eq!(*p.add(layout.size() - 1), 0xAB);
                dealloc(p, layout);
            }
        }
    }
    set_huge_pages(false);
}
