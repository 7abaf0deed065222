//! cellvm's heap: a driver around a [`gc_arena::Arena`] that runs the program in slices and
//! collects between them, with pacing, statistics and a torture mode. It knows nothing of
//! Python; the interpreter (`cellvm-vm`) supplies the root type and the slices.
//!
//! # The slice and debt model
//!
//! Every runtime object is a `Gc<'gc, T>` in one arena. gc-arena brands all of them with the
//! lifetime `'gc` of a *mutation*: a closure that receives the root and a `&Mutation` to
//! allocate with. While a mutation runs, `Gc` pointers may sit in Rust locals the collector cannot
//! see, so gc-arena never collects during one. It collects *between* mutations, when the only
//! live pointers are those reachable from the root; the branding makes it impossible to carry a
//! pointer from one mutation to the next any other way.
//!
//! That is why the interpreter must be **stackless**. If a Python call recursed on the Rust
//! stack inside a mutation, the program would never leave that mutation and nothing would ever
//! be collected. So all interpreter state (frames, value stacks, the pending exception,
//! suspended generators) lives in the root, Python calls and returns push and pop frames there,
//! and the interpreter runs in **slices**: [`Heap::mutate`] (or [`Heap::mutate_root`]) runs one,
//! for at most [`GcConfig::slice_budget`] calls and backward jumps, or less when
//! [`GcControl::should_end_slice`] says the collector has fallen behind. The slice saves its
//! state in the root and returns; the driver collects; the next slice resumes.
//!
//! Collection is incremental. Each `Gc` allocated adds one unit of *allocation debt*, and after
//! each slice the driver pays the debt with a proportional amount of marking and sweeping
//! ([`GcPacing`] says how much, and how long the collector sleeps between cycles). A cycle goes
//! sleeping, marking, sweeping, and back to sleeping; each completed sweep counts as one
//! collection in [`GcStats`]. [`Heap::collect_full`] instead frees everything unreachable at
//! once, as Python's `gc.collect()` does; a slice asks for it with
//! [`GcControl::request_full_collection`] and returns. In torture mode ([`GcConfig::TORTURE`],
//! or `CELLVM_GC_TORTURE=1` with [`GcConfig::from_env`]) every slice is followed by a full
//! collection, and slices are tiny.
//!
//! # Finalization
//!
//! [`Heap::set_finalizer`] installs a hook that runs at the end of every marking, before the
//! sweep: it sees which objects the sweep would free and may resurrect some (for instance to
//! run finalizers on them in the next slice). Marking resumes after a resurrection, and the
//! hook runs again until it resurrects nothing. It runs only while
//! [`GcControl::set_finalizing`] says there is something to finalize.
//!
//! Memory an object owns outside its `Gc` (a list's buffer) is invisible to gc-arena's count;
//! report it with [`mark_external_allocation`]. Byte statistics come from a counting global
//! allocator installed by the default feature `count-bytes` ([`CountingAllocator`]).
//!
//! # Example
//!
//! A program that builds a two-object reference cycle per slice and keeps one in ten:
//!
//! ```
//! use cellvm_gc::{GcConfig, Heap};
//! use gc_arena::{lock::RefLock, Collect, Gc, Rootable};
//!
//! #[derive(Collect)]
//! #[collect(no_drop)]
//! struct Node<'gc> {
//!     next: Option<Gc<'gc, RefLock<Node<'gc>>>>,
//! }
//!
//! // All program state lives in the root.
//! #[derive(Collect)]
//! #[collect(no_drop)]
//! struct State<'gc> {
//!     kept: Vec<Gc<'gc, RefLock<Node<'gc>>>>,
//!     steps: u32,
//! }
//!
//! let mut heap =
//!     Heap::<Rootable![State<'_>]>::new(GcConfig::DEFAULT, |_mc| State { kept: Vec::new(), steps: 0 });
//! let mut running = true;
//! while running {
//!     // One slice; the heap collects after it returns.
//!     running = heap.mutate_root(|mc, state| {
//!         let a = Gc::new(mc, RefLock::new(Node { next: None }));
//!         let b = Gc::new(mc, RefLock::new(Node { next: Some(a) }));
//!         a.borrow_mut(mc).next = Some(b);
//!         if state.steps % 10 == 0 {
//!             state.kept.push(a);
//!         }
//!         state.steps += 1;
//!         state.steps < 1000
//!     });
//! }
//! heap.collect_full();
//! let stats = heap.stats();
//! assert_eq!(stats.objects_allocated, 2000);
//! assert_eq!(stats.objects_live, 200);
//! assert!(stats.collections >= 1);
//! ```

mod alloc_counter;
mod big_blocks;
mod config;
mod control;
mod external;
mod heap;
mod stats;

pub use alloc_counter::CountingAllocator;
pub use big_blocks::set_huge_pages;
pub use config::{GcConfig, GcPacing, TORTURE_ENV_VAR};
pub use control::GcControl;
pub use external::{mark_external_allocation, mark_external_deallocation, EXTERNAL_BYTES_PER_OBJECT};
/// The gc-arena this heap is built on, so users name the same version.
pub use gc_arena;
pub use heap::{Finalizer, Heap};
pub use stats::GcStats;

#[cfg(feature = "count-bytes")]
#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;
