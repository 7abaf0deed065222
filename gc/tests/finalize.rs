//! The finalization hook: it sees what the sweep would free, and what it resurrects survives
//! the cycle with everything it reaches, in full collections and in paced ones.

use cellvm_gc::gc_arena::arena::MarkedArena;
use cellvm_gc::{GcConfig, Heap};
use gc_arena::{lock::RefLock, Collect, Gc, GcWeak, Mutation, Rootable};

#[derive(Collect)]
#[collect(no_drop)]
struct Node<'gc> {
    next: Option<Gc<'gc, RefLock<Node<'gc>>>>,
}

type NodeRef<'gc> = Gc<'gc, RefLock<Node<'gc>>>;

#[derive(Collect, Default)]
#[collect(no_drop)]
struct Registry<'gc> {
    watched: Vec<GcWeak<'gc, RefLock<Node<'gc>>>>,
    rescued: Vec<NodeRef<'gc>>,
    hook_runs: u32,
}

#[derive(Collect)]
#[collect(no_drop)]
struct State<'gc> {
    registry: Gc<'gc, RefLock<Registry<'gc>>>,
}

type Root = Rootable![State<'_>];

fn hook(marked: MarkedArena<'_, Root>) -> bool {
    marked.finalize(|fc, st| {
        let mut reg = st.registry.borrow_mut(fc);
        reg.hook_runs += 1;
        let Registry { watched, rescued, .. } = &mut *reg;
        let before = rescued.len();
        watched.retain(|w| {
            if !w.is_dead(fc) {
                return true;
            }
            rescued.extend(w.resurrect(fc));
            false
        });
        rescued.len() > before
    })
}

fn new_heap(config: GcConfig) -> Heap<Root> {
    let mut heap =
        Heap::<Root>::new(config, |mc| State { registry: Gc::new(mc, RefLock::new(Registry::default())) });
    heap.set_finalizer(hook);
    heap.control().set_finalizing(true);
    heap
}

/// A two-node cycle; the first node is watched.
fn watched_pair<'gc>(mc: &Mutation<'gc>, st: &State<'gc>) {
    let a = Gc::new(mc, RefLock::new(Node { next: None }));
    let b = Gc::new(mc, RefLock::new(Node { next: Some(a) }));
    a.borrow_mut(mc).next = Some(b);
    st.registry.borrow_mut(mc).watched.push(Gc::downgrade(a));
}

#[test]
fn a_full_collection_resurrects_what_the_hook_keeps() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    heap.collect_full();
    let baseline = heap.stats().objects_live;
    heap.mutate(|mc, st| {
        for _ in 0..3 {
            watched_pair(mc, st);
        }
    });
    heap.collect_full();
    // All three pairs were dead, and are alive again, whole.
    let rescued = heap.mutate(|_, st| {
        let reg = st.registry.borrow();
        assert!(reg.watched.is_empty());
        for n in &reg.rescued {
            let next = n.borrow().next.expect("the pair is intact");
            assert!(Gc::ptr_eq(next.borrow().next.expect("and closed"), *n));
        }
        reg.rescued.len()
    });
    assert_eq!(rescued, 3);
    assert_eq!(heap.stats().objects_live, baseline + 6);
    // Dropped again (no longer watched), they are freed.
    heap.mutate(|mc, st| st.registry.borrow_mut(mc).rescued.clear());
    heap.collect_full();
    assert_eq!(heap.stats().objects_live, baseline);
}

#[test]
fn paced_collections_run_the_hook_too() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    heap.mutate(watched_pair);
    // Garbage until some cycle has completed.
    let mut slices = 0;
    while heap.stats().collections < 2 {
        heap.mutate(|mc, _| {
            for _ in 0..100 {
                Gc::new(mc, RefLock::new(Node { next: None }));
            }
        });
        slices += 1;
        assert!(slices < 1_000_000, "no cycle completed");
    }
    let (rescued, runs) = heap.mutate(|_, st| {
        let reg = st.registry.borrow();
        (reg.rescued.len(), reg.hook_runs)
    });
    assert_eq!(rescued, 1);
    assert!(runs >= 2);
}

#[test]
fn live_watched_objects_are_left_alone() {
    let mut heap = new_heap(GcConfig::DEFAULT);
    let kept = heap.mutate(|mc, st| {
        watched_pair(mc, st);
        let w = st.registry.borrow().watched[0];
        w.upgrade(mc).is_some()
    });
    assert!(kept);
    // Keep it reachable through the registry's rescued list while still watched.
    heap.mutate(|mc, st| {
        let w = st.registry.borrow().watched[0];
        let strong = w.upgrade(mc).expect("alive");
        st.registry.borrow_mut(mc).rescued.push(strong);
    });
    heap.collect_full();
    heap.mutate(|_, st| {
        let reg = st.registry.borrow();
        assert_eq!(reg.watched.len(), 1);
        assert_eq!(reg.rescued.len(), 1);
    });
}
