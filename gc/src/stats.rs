//! What the heap has done so far.

/// Counters for one [`Heap`](crate::Heap), from its creation on.
///
/// Objects are `Gc` allocations, counted exactly: gc-arena keeps the number of live `Gc`s, no
/// object is freed while the program runs (only during collections) and none is allocated while
/// the collector runs, so the objects freed are the drop in the live count across collections.
/// `objects_allocated - objects_freed == objects_live` always holds.
///
/// Bytes come from the counting global allocator and cover every allocation the program makes
/// while its slices run or the collector runs: `Gc` objects, the buffers they own (a list's
/// `Vec`, a string's bytes) and any temporary the interpreter needs. Memory allocated outside
/// the heap's slices but freed inside them makes `bytes_live` an approximation (it never goes
/// below zero). All byte counters are zero when the `count-bytes` feature is off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GcStats {
    /// Completed collection cycles (each ends with its sweep), by debt payment or on request.
    pub collections: u64,
    pub objects_allocated: u64,
    pub objects_freed: u64,
    pub objects_live: u64,
    pub bytes_allocated: u64,
    pub bytes_freed: u64,
    pub bytes_live: u64,
}
