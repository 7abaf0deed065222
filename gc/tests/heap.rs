//! The heap driver on a small object graph: what is freed, what survives, and what the
//! statistics say about it.

use std::collections::HashSet;

use cellvm_gc::{mark_external_allocation, GcConfig, GcPacing, GcStats, Heap};
use gc_arena::arena::CollectionPhase;
use gc_arena::{lock::RefLock, Collect, Gc, Mutation, Rootable};

#[derive(Collect)]
#[collect(no_drop)]
struct Node<'gc> {
    id: u32,
    edges: Vec<NodeRef<'gc>>,
    payload: Vec<u8>,
}

type NodeRef<'gc> = Gc<'gc, RefLock<Node<'gc>>>;

/// The program state: nodes reachable from `roots` are alive, everything else is garbage.
#[derive(Collect)]
#[collect(no_drop)]
struct Graph<'gc> {
    roots: Vec<NodeRef<'gc>>,
}

type GraphHeap = Heap<Rootable![Graph<'_>]>;

fn new_heap(config: GcConfig) -> GraphHeap {
    Heap::new(config, |_| Graph { roots: Vec::new() })
}

fn node<'gc>(mc: &Mutation<'gc>, id: u32) -> NodeRef<'gc> {
    Gc::new(mc, RefLock::new(Node { id, edges: Vec::new(), payload: Vec::new() }))
}

fn link<'gc>(mc: &Mutation<'gc>, from: NodeRef<'gc>, to: NodeRef<'gc>) {
    from.borrow_mut(mc).edges.push(to);
}

/// `n` nodes in a reference cycle (a self-loop for `n == 1`); returns one of them.
fn ring<'gc>(mc: &Mutation<'gc>, n: u32) -> NodeRef<'gc> {
    let first = node(mc, 0);
    let mut last = first;
    for id in 1..n {
        let next = node(mc, id);
        link(mc, last, next);
        last = next;
    }
    link(mc, last, first);
    first
}

/// How many nodes the root reaches, found by walking the graph (independently of the heap's
/// own counting).
fn reachable(heap: &mut GraphHeap) -> u64 {
    heap.mutate(|_, graph| {
        let mut seen = HashSet::new();
        let mut todo: Vec<NodeRef<'_>> = graph.roots.clone();
        while let Some(n) = todo.pop() {
            if seen.insert(Gc::as_ptr(n)) {
                todo.extend(n.borrow().edges.iter().copied());
            }
        }
        seen.len() as u64
    })
}

fn assert_adds_up(stats: GcStats) {
    assert_eq!(stats.objects_allocated - stats.objects_freed, stats.objects_live, "{stats:?}");
    assert_eq!(stats.bytes_allocated.saturating_sub(stats.bytes_freed), stats.bytes_live, "{stats:?}");
}

#[test]
fn unreachable_cycles_are_freed_and_reachable_ones_survive() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    let baseline = heap.stats().objects_live;

    // A self-loop, a 3-ring, two 2-rings pointing at each other, and a chain into a ring.
    heap.mutate_root(|mc, graph| {
        graph.roots.push(ring(mc, 1));
        graph.roots.push(ring(mc, 3));
        let (a, b) = (ring(mc, 2), ring(mc, 2));
        link(mc, a, b);
        link(mc, b, a);
        graph.roots.push(a);
        let head = node(mc, 100);
        link(mc, head, ring(mc, 4));
        graph.roots.push(head);
    });
    let all = 1 + 3 + 4 + 1 + 4;
    assert_eq!(heap.stats().objects_live, baseline + all);

    heap.collect_full();
    assert_eq!(heap.stats().objects_live, baseline + all, "everything is still reachable");
    assert_eq!(reachable(&mut heap), all);

    // Drop the 3-ring and the two linked 2-rings; keep the self-loop and the chain.
    heap.mutate_root(|_, graph| {
        graph.roots.drain(1..3);
    });
    heap.collect_full();
    let kept = 1 + 1 + 4;
    let stats = heap.stats();
    assert_eq!(stats.objects_live, baseline + kept);
    assert_eq!(stats.objects_freed, all - kept);
    assert_eq!(reachable(&mut heap), kept);
    assert_adds_up(stats);

    // The survivors are intact.
    heap.mutate(|_, graph| {
        let head = graph.roots[1].borrow();
        assert_eq!(head.id, 100);
        let ring_start = head.edges[0];
        let mut ids = Vec::new();
        let mut at = ring_start;
        loop {
            ids.push(at.borrow().id);
            at = at.borrow().edges[0];
            if Gc::ptr_eq(at, ring_start) {
                break;
            }
        }
        assert_eq!(ids, [0, 1, 2, 3]);
    });

    heap.mutate_root(|_, graph| graph.roots.clear());
    heap.collect_full();
    assert_eq!(heap.stats().objects_live, baseline);
}

#[test]
fn collect_full_frees_all_garbage_whatever_the_collector_was_doing() {
    // Cycles start early and run slowly, so that they span many slices.
    let pacing = GcPacing { growth: 0.05, min_growth: 256, speed: 1.0, atomic_below: 0 };
    let mut heap = new_heap(GcConfig { pacing, ..GcConfig::DEFAULT });
    heap.mutate_root(|mc, graph| graph.roots.extend((0..5000).map(|_| ring(mc, 2))));
    for phase in [CollectionPhase::Marking, CollectionPhase::Sweeping, CollectionPhase::Sleeping] {
        heap.set_enabled(true);
        let mut slices = 0;
        while heap.collection_phase() != phase {
            heap.mutate_root(|mc, graph| {
                for i in 0..100 {
                    let r = ring(mc, 3);
                    if i % 50 == 0 {
                        graph.roots.push(r);
                    }
                }
            });
            slices += 1;
            assert!(slices < 10_000, "never reached {phase:?}");
        }
        // Forget old survivors, which this cycle may already have marked, and make new garbage,
        // without letting the collector move on.
        heap.set_enabled(false);
        heap.mutate_root(|mc, graph| {
            graph.roots.drain(..500);
            ring(mc, 4);
        });
        assert_eq!(heap.collection_phase(), phase);
        heap.collect_full();
        assert_eq!(heap.stats().objects_live, reachable(&mut heap), "collected while {phase:?}");
        assert_eq!(heap.collection_phase(), CollectionPhase::Sleeping);
    }
    assert_adds_up(heap.stats());
}

#[test]
fn pacing_alone_bounds_the_live_heap() {
    const CYCLES: u64 = 1_000_000;
    const PER_SLICE: u64 = 1000;
    const KEPT: u64 = 1000;
    let mut heap = new_heap(GcConfig::DEFAULT);
    let control = heap.control();
    heap.mutate_root(|mc, graph| graph.roots.extend((0..KEPT).map(|_| ring(mc, 1))));
    let baseline = heap.stats();

    let mut peak = 0;
    for _ in 0..CYCLES / PER_SLICE {
        // The peak is inside the slice, after its allocations and before the collector runs.
        let live = heap.mutate(|mc, _| {
            for _ in 0..PER_SLICE {
                ring(mc, 3);
            }
            control.stats().objects_live
        });
        peak = peak.max(live);
    }

    let stats = heap.stats();
    assert_eq!(stats.objects_allocated - baseline.objects_allocated, 3 * CYCLES);
    assert!(peak <= KEPT + 10_000, "peak live objects {peak}");
    assert!(stats.collections >= 100, "{stats:?}");
    assert!(stats.objects_live <= KEPT + 10_000, "{stats:?}");
    assert_adds_up(stats);
    heap.collect_full();
    assert_eq!(heap.stats().objects_live, KEPT);
}

#[test]
fn cycles_over_a_small_heap_run_whole_and_over_a_large_one_in_steps() {
    // Each slice makes 300 garbage objects; cycles start every 256 allocations.
    let run = |atomic_below: usize| {
        let pacing = GcPacing { growth: 0.05, min_growth: 256, speed: 1.0, atomic_below };
        let mut heap = new_heap(GcConfig { pacing, ..GcConfig::DEFAULT });
        heap.mutate_root(|mc, graph| graph.roots.extend((0..5000).map(|_| ring(mc, 1))));
        let mut phases = HashSet::new();
        for _ in 0..200 {
            heap.mutate(|mc, _| {
                for _ in 0..100 {
                    ring(mc, 3);
                }
            });
            phases.insert(format!("{:?}", heap.collection_phase()));
        }
        let stats = heap.stats();
        assert!(stats.collections >= 2, "{stats:?}");
        assert_adds_up(stats);
        phases
    };
    // 5000 survivors and at most a few thousand garbage objects stay under 100 000: every
    // cycle ends in the slice boundary that starts it.
    assert_eq!(run(100_000), HashSet::from(["Sleeping".to_string()]));
    // Above the limit the same work is spread over slices.
    let stepped = run(1000);
    assert!(stepped.contains("Marking") || stepped.contains("Sweeping"), "{stepped:?}");
}

#[test]
fn torture_mode_collects_after_every_slice() {
    let mut heap = new_heap(GcConfig::TORTURE);
    assert_eq!(heap.config().slice_budget, 1);
    for slice in 1..=50u64 {
        heap.mutate_root(|mc, graph| {
            graph.roots.push(ring(mc, 2));
            ring(mc, 3);
        });
        let stats = heap.stats();
        assert_eq!(stats.collections, slice);
        assert_eq!(stats.objects_live, 2 * slice, "the garbage ring is gone at once");
        assert_eq!(stats.objects_freed, 3 * slice);
    }
}

#[test]
fn disabling_stops_automatic_collection_but_not_collect_full() {
    for config in [GcConfig::DEFAULT, GcConfig::TORTURE] {
        let mut heap = new_heap(config);
        heap.set_enabled(false);
        assert!(!heap.is_enabled());
        for _ in 0..100 {
            heap.mutate(|mc, _| {
                for _ in 0..300 {
                    ring(mc, 3);
                }
            });
        }
        let stats = heap.stats();
        assert_eq!(stats.collections, 0);
        assert_eq!(stats.objects_live, 90_000);

        heap.collect_full();
        let stats = heap.stats();
        assert!(stats.collections >= 1);
        assert_eq!(stats.objects_live, 0);

        // Re-enabled from inside a slice, as Python's gc.enable() would.
        let control = heap.control();
        heap.mutate(|_, _| control.set_enabled(true));
        let before = heap.stats().collections;
        for _ in 0..100 {
            heap.mutate(|mc, _| {
                for _ in 0..300 {
                    ring(mc, 3);
                }
            });
        }
        assert!(heap.stats().collections > before);
        assert!(heap.stats().objects_live < 90_000);
    }
}

#[test]
fn a_slice_can_request_a_full_collection() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    let control = heap.control();
    heap.set_enabled(false);
    heap.mutate_root(|mc, graph| {
        graph.roots.push(ring(mc, 2));
        ring(mc, 5);
        assert!(!control.should_end_slice());
        control.request_full_collection();
        assert!(control.should_end_slice(), "a requested collection ends the slice");
    });
    let stats = heap.stats();
    assert_eq!(stats.collections, 1);
    assert_eq!(stats.objects_live, 2);
    assert_eq!(stats.objects_freed, 5);

    // The request is consumed.
    heap.mutate(|mc, _| {
        ring(mc, 5);
    });
    assert_eq!(heap.stats().collections, 1);
}

#[test]
fn statistics_count_every_object_and_byte() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    let control = heap.control();
    let start = heap.stats();
    assert_adds_up(start);
    assert_eq!(start.collections, 0);

    let mut allocated = 0;
    for round in 0..2000u32 {
        let n = 1 + round % 7;
        heap.mutate_root(|mc, graph| {
            let r = ring(mc, n);
            if round % 10 == 0 {
                graph.roots.push(r);
            }
            // Inside a slice the statistics include what the slice has allocated so far.
            assert_adds_up(control.stats());
        });
        allocated += u64::from(n);
        let stats = heap.stats();
        assert_eq!(stats.objects_allocated, start.objects_allocated + allocated);
        assert_adds_up(stats);
    }
    heap.collect_full();
    let stats = heap.stats();
    assert_eq!(stats.objects_live, reachable(&mut heap));
    assert_adds_up(stats);

    if !cfg!(feature = "count-bytes") {
        return;
    }
    // A megabyte owned by one object is counted when allocated and when the object is freed.
    const MB: u64 = 1 << 20;
    let before = heap.stats();
    heap.mutate_root(|mc, graph| {
        let big = node(mc, 0);
        big.borrow_mut(mc).payload = vec![1; MB as usize];
        graph.roots.push(big);
    });
    let holding = heap.stats();
    assert!(holding.bytes_allocated >= before.bytes_allocated + MB);
    assert!(holding.bytes_live >= before.bytes_live + MB);
    heap.mutate_root(|_, graph| graph.roots.clear());
    heap.collect_full();
    let after = heap.stats();
    assert!(after.bytes_freed >= holding.bytes_freed + MB);
    assert!(after.bytes_live + MB <= holding.bytes_live);
    assert_adds_up(after);
}

#[test]
fn external_allocations_drive_pacing() {
    // One object per slice is far below the pacing threshold; a megabyte buffer per slice is not.
    for report in [false, true] {
        let mut heap = new_heap(GcConfig::DEFAULT);
        for _ in 0..100 {
            heap.mutate(|mc, _| {
                let n = node(mc, 0);
                n.borrow_mut(mc).payload = vec![0; 1 << 20];
                if report {
                    mark_external_allocation(mc, 1 << 20);
                }
            });
        }
        let stats = heap.stats();
        if report {
            assert!(stats.collections >= 10, "{stats:?}");
            assert!(stats.objects_live < 20, "{stats:?}");
        } else {
            assert_eq!(stats.collections, 0, "{stats:?}");
        }
    }
}

#[test]
fn heavy_allocation_asks_the_slice_to_end_early() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    let control = heap.control();
    let limit = heap.config().slice_debt_limit;
    let allocated = heap.mutate(|mc, _| {
        let mut allocated = 0u64;
        while !control.should_end_slice() {
            ring(mc, 1);
            allocated += 1;
            assert!(allocated < 1_000_000, "should_end_slice never said so");
        }
        allocated
    });
    // The first cycle starts after `min_growth` allocations; the debt then grows one per object.
    let min_growth = heap.config().pacing.min_growth as f64;
    assert!((allocated as f64) > min_growth + limit);
    assert!((allocated as f64) < min_growth + limit + 2.0);
    // The driver has paid the debt, so the next slice may run.
    heap.mutate(|_, _| assert!(!control.should_end_slice()));
}
