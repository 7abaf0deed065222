//! The collector's settings and counters, shared between the [`Heap`](crate::Heap) and the
//! program running in its slices.

use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

use gc_arena::metrics::Metrics;

use crate::alloc_counter::{thread_totals, ByteTotals};
use crate::{GcConfig, GcStats};

/// A handle on the collector that the program can use *inside* a slice, while the heap itself
/// is borrowed by [`Heap::mutate`](crate::Heap::mutate): read statistics, enable or disable
/// automatic collection, ask for a full collection. This is what a Python `gc` module is built
/// on. Cloning is cheap (a reference count); all clones control the same heap.
#[derive(Clone)]
pub struct GcControl(pub(crate) Rc<Shared>);

pub(crate) struct Shared {
    /// The arena's own metrics: live object count, allocation debt, pacing.
    pub metrics: Metrics,
    pub config: Cell<GcConfig>,
    enabled: Cell<bool>,
    full_collection_requested: Cell<bool>,
    /// Whether the finalization hook has anything to look at (`GcControl::set_finalizing`).
    pub finalizing: Cell<bool>,
    collections: Cell<u64>,
    objects_freed: Cell<u64>,
    /// Bytes of the windows (slices and collections) that have closed.
    bytes: Cell<ByteTotals>,
    /// The thread's byte totals when the current window opened, if one is open.
    window_start: Cell<Option<ByteTotals>>,
}

/// While alive, the thread's allocations count as the heap's. See [`crate::alloc_counter`].
pub(crate) struct Window<'a>(&'a Shared);

impl Drop for Window<'_> {
    fn drop(&mut self) {
        if let Some(start) = self.0.window_start.take() {
            self.0.bytes.set(self.0.bytes.get().plus(thread_totals().since(start)));
        }
    }
}

impl Shared {
    pub fn new(metrics: Metrics, config: GcConfig, bytes: ByteTotals) -> Shared {
        metrics.set_pacing(config.pacing.to_arena());
        Shared {
            metrics,
            config: Cell::new(config),
            enabled: Cell::new(true),
            full_collection_requested: Cell::new(false),
            finalizing: Cell::new(false),
            collections: Cell::new(0),
            objects_freed: Cell::new(0),
            bytes: Cell::new(bytes),
            window_start: Cell::new(None),
        }
    }

    pub fn open_window(&self) -> Window<'_> {
        self.window_start.set(Some(thread_totals()));
        Window(self)
    }

    pub fn take_full_collection_request(&self) -> bool {
        self.full_collection_requested.take()
    }

    pub fn live_objects(&self) -> u64 {
        self.metrics.total_gc_count() as u64
    }

    /// Books a collection that ran `cycles` cycles and took the live count from `live_before`.
    pub fn record_collection(&self, cycles: u64, live_before: u64) {
        self.collections.set(self.collections.get() + cycles);
        let freed = live_before.saturating_sub(self.live_objects());
        self.objects_freed.set(self.objects_freed.get() + freed);
    }
}

impl GcControl {
    /// The statistics so far, including what the current slice has allocated.
    pub fn stats(&self) -> GcStats {
        let shared = &*self.0;
        let mut bytes = shared.bytes.get();
        if let Some(start) = shared.window_start.get() {
            bytes = bytes.plus(thread_totals().since(start));
        }
        let objects_live = shared.live_objects();
        let objects_freed = shared.objects_freed.get();
        GcStats {
            collections: shared.collections.get(),
            objects_allocated: objects_live + objects_freed,
            objects_freed,
            objects_live,
            bytes_allocated: bytes.allocated,
            bytes_freed: bytes.freed,
            bytes_live: bytes.allocated.saturating_sub(bytes.freed),
        }
    }

    /// The configuration in force.
    pub fn config(&self) -> GcConfig {
        self.0.config.get()
    }

    /// Replaces the configuration. New pacing takes full effect from the next cycle on.
    pub fn set_config(&self, config: GcConfig) {
        self.0.metrics.set_pacing(config.pacing.to_arena());
        self.0.config.set(config);
    }

    /// Whether the heap collects on its own between slices (by pacing, or fully in torture mode).
    pub fn is_enabled(&self) -> bool {
        self.0.enabled.get()
    }

    /// Turns automatic collection on or off, as Python's `gc.enable()` / `gc.disable()` do.
    /// While it is off, allocation debt accumulates and is paid once it is back on; full
    /// collections on request ([`GcControl::request_full_collection`],
    /// [`Heap::collect_full`](crate::Heap::collect_full)) still run.
    pub fn set_enabled(&self, enabled: bool) {
        self.0.enabled.set(enabled);
    }

    /// Asks for a full collection at the end of the current slice, instead of the usual debt
    /// payment. This is how the interpreter implements `gc.collect()`: request, then end the
    /// slice (gc-arena cannot collect while a slice runs).
    pub fn request_full_collection(&self) {
        self.0.full_collection_requested.set(true);
    }

    /// Tells the heap whether its finalization hook ([`Heap::set_finalizer`](crate::Heap::set_finalizer))
    /// has anything to do. While false (the default) cycles run straight through, exactly as
    /// without a hook; the program sets it when it first has objects to finalize (the hook
    /// may clear it again once it has none).
    pub fn set_finalizing(&self, finalizing: bool) {
        self.0.finalizing.set(finalizing);
    }

    /// See [`GcControl::set_finalizing`].
    pub fn is_finalizing(&self) -> bool {
        self.0.finalizing.get()
    }

    /// The collection work owed, in objects; grows with every allocation.
    pub fn allocation_debt(&self) -> f64 {
        self.0.metrics.allocation_debt()
    }

    /// Whether the running slice should return to the driver now, before its budget is spent,
    /// because it has allocated so much that the collector must catch up
    /// ([`GcConfig::slice_debt_limit`]), or because a full collection has been requested.
    /// Cheap enough to ask at every call and backward jump.
    pub fn should_end_slice(&self) -> bool {
        let shared = &*self.0;
        shared.full_collection_requested.get()
            || (shared.enabled.get() && self.allocation_debt() > shared.config.get().slice_debt_limit)
    }
}

impl fmt::Debug for GcControl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GcControl")
            .field("enabled", &self.is_enabled())
            .field("config", &self.config())
            .field("stats", &self.stats())
            .finish()
    }
}
