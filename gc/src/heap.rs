//! The driver: runs the program's slices on the arena and collects between them.

use std::fmt;
use std::rc::Rc;

use gc_arena::arena::MarkedArena;
use gc_arena::arena::{CollectionPhase, Root};
use gc_arena::{Arena, Collect, Mutation, Rootable};

use crate::alloc_counter::thread_totals;
use crate::control::{GcControl, Shared};
use crate::{GcConfig, GcStats};

/// A garbage-collected heap whose every live object is reachable from a root of type
/// `Root<'gc, R>` (see the [crate documentation](crate) for the slice and debt model).
///
/// `R` is a [`Rootable`](trait@Rootable) marker, usually written with gc-arena's `Rootable!` macro:
/// `Heap<Rootable![VmState<'_>]>`.
pub struct Heap<R>
where
    R: for<'a> Rootable<'a>,
{
    control: GcControl,
    finalizer: Option<Finalizer<R>>,
    // Last: a field whose size the struct's bounds do not prove.
    arena: Arena<R>,
}

/// A finalization hook (see [`Heap::set_finalizer`]): called with the arena fully marked, it
/// looks at the root with [`MarkedArena::finalize`], may resurrect dead objects
/// (`Gc::resurrect`, `GcWeak::resurrect`) and record them in the root through the
/// `Finalization` (it derefs to a `Mutation`). It returns whether it resurrected anything, in
/// which case marking resumes before the sweep.
pub type Finalizer<R> = for<'a> fn(MarkedArena<'a, R>) -> bool;

impl<R> Heap<R>
where
    R: for<'a> Rootable<'a>,
    for<'a> Root<'a, R>: Sized + Collect<'a>,
{
    /// Creates the heap; `init` allocates the initial objects and returns the root.
    pub fn new(config: GcConfig, init: impl for<'gc> FnOnce(&'gc Mutation<'gc>) -> Root<'gc, R>) -> Heap<R> {
        let start = thread_totals();
        let arena = Arena::<R>::new(init);
        let bytes = thread_totals().since(start);
        let shared = Shared::new(arena.metrics().clone(), config, bytes);
        // gc-arena's first cycle starts at the first allocation. Make it wait like every later
        // one, as if the objects `init` made had survived a cycle.
        let initial = shared.live_objects() as f64 * config.pacing.to_arena().sleep_factor;
        shared.metrics.adjust_debt(-initial.max(config.pacing.min_growth as f64));
        Heap { control: GcControl(Rc::new(shared)), finalizer: None, arena }
    }

    /// Installs the finalization hook, which runs in every cycle (while
    /// [`GcControl::set_finalizing`] says it has work) once marking is complete and before the
    /// sweep: what is unmarked then is what the sweep would free, and the hook
    /// may keep some of it alive (resurrect it), e.g. to run finalizers on it in a later
    /// slice. It runs again after the marking its resurrections cause, until it resurrects
    /// nothing. Splitting a cycle there costs a little pacing
    /// accuracy (a cycle is no longer one atomic unit of work), hence the switch.
    pub fn set_finalizer(&mut self, finalizer: Finalizer<R>) {
        self.finalizer = Some(finalizer);
    }

    /// Runs one slice with shared access to the root, then collects: a full collection if one
    /// was requested or torture mode is on, otherwise whatever allocation debt pacing says is
    /// due (nothing if automatic collection is disabled).
    ///
    /// The slice should be short (see [`GcConfig::slice_budget`]): nothing is freed while it
    /// runs, and the root and everything reachable from it is all that survives it.
    pub fn mutate<T>(
        &mut self,
        slice: impl for<'gc> FnOnce(&'gc Mutation<'gc>, &'gc Root<'gc, R>) -> T,
    ) -> T {
        let result = {
            let _window = self.control.0.open_window();
            self.arena.mutate(slice)
        };
        self.end_slice();
        result
    }

    /// [`Heap::mutate`] with mutable access to the root. Replacing root fields is then free of
    /// write barriers, but while a cycle is marking, the root is traced again after every such
    /// slice, so a large root is better kept behind `Gc` pointers and mutated with
    /// [`Heap::mutate`].
    pub fn mutate_root<T>(
        &mut self,
        slice: impl for<'gc> FnOnce(&'gc Mutation<'gc>, &'gc mut Root<'gc, R>) -> T,
    ) -> T {
        let result = {
            let _window = self.control.0.open_window();
            self.arena.mutate_root(slice)
        };
        self.end_slice();
        result
    }

    /// Collects everything that is unreachable now, as Python's `gc.collect()` does. A cycle
    /// already under way is finished first, then a whole new one runs: the cycle under way may
    /// have marked objects that have become unreachable since, and keeps them.
    pub fn collect_full(&mut self) {
        let shared = self.control.0.clone();
        let _window = shared.open_window();
        let live_before = shared.live_objects();
        let mut cycles = 0;
        if self.arena.collection_phase() != CollectionPhase::Sleeping {
            self.finish_cycle();
            cycles += 1;
        }
        self.finish_cycle();
        cycles += 1;
        shared.record_collection(cycles, live_before);
    }

    /// Pays the allocation debt: incremental collection work in proportion to what the slices
    /// have allocated since the last payment.
    fn pay_debt(&mut self) {
        let control = self.control.0.clone();
        let shared = &*control;
        if shared.metrics.allocation_debt() <= 0.0 {
            return;
        }
        let _window = shared.open_window();
        let live_before = shared.live_objects();
        let atomic = shared.config.get().pacing.atomic_below as u64;
        if self.arena.collection_phase() == CollectionPhase::Sleeping && live_before <= atomic {
            self.finish_cycle();
            shared.record_collection(1, live_before);
            return;
        }
        let mut cycles = 0;
        // `cycle_debt` rather than gc-arena's `collect_debt` because it returns as soon as a cycle
        // completes, so the count of completed cycles is exact: called with debt outstanding, it
        // ends asleep only if it has just finished a sweep. The loop ends because a cycle run
        // entirely within one call clears the debt.
        while shared.metrics.allocation_debt() > 0.0 {
            if let Some(finalizer) = self.finalizer.filter(|_| shared.finalizing.get()) {
                // While marking, mark only up to the end of marking, where the hook runs (if
                // it resurrected something, the loop goes on marking that); sweeping is left
                // to `cycle_debt`. Not fully marked means the debt is paid.
                if self.arena.collection_phase() != CollectionPhase::Sweeping {
                    let resurrected = match self.arena.mark_debt() {
                        Some(marked) => finalizer(marked),
                        None => true,
                    };
                    if resurrected {
                        continue;
                    }
                }
            }
            self.arena.cycle_debt();
            if self.arena.collection_phase() == CollectionPhase::Sleeping {
                cycles += 1;
            }
        }
        shared.record_collection(cycles, live_before);
    }

    /// Runs the cycle under way (or, asleep, a whole new one) to its end, with the
    /// finalization hook at the end of marking.
    fn finish_cycle(&mut self) {
        if let Some(finalizer) = self.finalizer.filter(|_| self.control.is_finalizing()) {
            while let Some(marked) = self.arena.finish_marking() {
                if !finalizer(marked) {
                    break;
                }
            }
        }
        self.arena.finish_cycle();
    }

    fn end_slice(&mut self) {
        let requested = self.control.0.take_full_collection_request();
        let enabled = self.control.is_enabled();
        if requested || (enabled && self.control.config().torture) {
            self.collect_full();
        } else if enabled {
            self.pay_debt();
        }
    }

    /// Where the collector is in its cycle.
    pub fn collection_phase(&self) -> CollectionPhase {
        self.arena.collection_phase()
    }

    /// The statistics so far.
    pub fn stats(&self) -> GcStats {
        self.control.stats()
    }

    /// The configuration in force.
    pub fn config(&self) -> GcConfig {
        self.control.config()
    }

    /// See [`GcControl::set_config`].
    pub fn set_config(&mut self, config: GcConfig) {
        self.control.set_config(config);
    }

    /// See [`GcControl::is_enabled`].
    pub fn is_enabled(&self) -> bool {
        self.control.is_enabled()
    }

    /// See [`GcControl::set_enabled`].
    pub fn set_enabled(&mut self, enabled: bool) {
        self.control.set_enabled(enabled);
    }

    /// A handle for controlling this heap from inside its slices.
    pub fn control(&self) -> GcControl {
        self.control.clone()
    }
}

impl<R> fmt::Debug for Heap<R>
where
    R: for<'a> Rootable<'a>,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Heap")
            .field("phase", &self.arena.collection_phase())
            .field("control", &self.control)
            .finish_non_exhaustive()
    }
}
