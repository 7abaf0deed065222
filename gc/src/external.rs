//! Telling the collector about memory that objects own outside their `Gc` allocation.
//!
//! gc-arena paces collection by the number of `Gc`s allocated, so it cannot see that a list
//! holding one `Gc` has grown a buffer of megabytes. A loop that builds and drops big lists would
//! then allocate gigabytes before the collector woke up. Objects report such buffers here, and the
//! bytes count as allocation debt at [`EXTERNAL_BYTES_PER_OBJECT`] bytes per object.

use gc_arena::Mutation;

/// How many bytes of external memory weigh as much, for pacing, as one `Gc` allocation: about
/// the size of a small object with its header.
pub const EXTERNAL_BYTES_PER_OBJECT: usize = 64;

fn debt(bytes: usize) -> f64 {
    bytes as f64 / EXTERNAL_BYTES_PER_OBJECT as f64
}

/// Reports that an object has allocated `bytes` outside the arena (for a buffer that grows,
/// report the growth). The collector starts sooner and works faster to match.
pub fn mark_external_allocation(mc: &Mutation<'_>, bytes: usize) {
    mc.metrics().adjust_debt(debt(bytes));
}

/// Reports that an object has released `bytes` it had reported with [`mark_external_allocation`]
/// (a buffer shrunk or cleared while the program runs). Buffers freed with their object by the
/// collector need no report. The relief lasts until the current collection cycle ends.
pub fn mark_external_deallocation(mc: &Mutation<'_>, bytes: usize) {
    mc.metrics().adjust_debt(-debt(bytes));
}
