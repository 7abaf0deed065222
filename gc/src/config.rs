//! How the heap collects: pacing, torture mode and the slice budget.

use gc_arena::metrics::Pacing;

/// The environment variable that turns torture mode on (`CELLVM_GC_TORTURE=1`).
pub const TORTURE_ENV_VAR: &str = "CELLVM_GC_TORTURE";

/// When the collector starts a cycle and how fast it runs one.
///
/// gc-arena paces by *object count*: every `Gc` allocated adds one unit of allocation debt, and
/// the collector pays the debt by marking and sweeping. These are its knobs in our terms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GcPacing {
    /// How far the heap may grow between cycles, as a fraction of the objects that survived the
    /// last one: after a cycle that kept `n` objects, the next starts once `n * growth` new
    /// objects have been allocated. Python programs keep long-lived modules, functions and
    /// classes, so a larger value saves re-marking them; a smaller one lowers peak memory.
    pub growth: f64,
    /// The fewest allocations between two cycles, whatever the heap size. It amortises the fixed
    /// cost of a cycle (tracing the root, walking the VM's frames) when the live heap is tiny,
    /// and bounds how much garbage accumulates before collecting starts.
    pub min_growth: usize,
    /// How much collection work each unit of debt buys, relative to gc-arena's defaults (which
    /// process about two objects per allocation). `2.0` finishes a cycle in half the
    /// allocations, so less garbage accumulates while it runs; the total work per cycle is the
    /// same. Values below 1.0 are treated as 1.0 (slower could let the collector fall behind
    /// allocation); `f64::INFINITY` makes every cycle stop-the-world.
    pub speed: f64,
    /// A cycle that starts while the heap holds at most this many objects runs to its end at
    /// once instead of in increments. gc-arena re-computes the allocation debt (a dozen float
    /// operations) after every object it marks or sweeps; over the small heaps most programs
    /// have that check costs as much as the marking, and a whole cycle over them is a pause
    /// of a few milliseconds at most. `0` keeps every cycle incremental.
    pub atomic_below: usize,
}

impl GcPacing {
    /// Chosen by measuring a million short-lived three-object cycles allocated in slices, over
    /// live heaps of 0, 10 000 and 100 000 objects: with these, garbage peaks at about 6 500
    /// objects over a tiny live heap and at about 1.7 times a large one. `growth` 0.5 lowers the
    /// peak over a large heap by 40% but takes up to a quarter more time over a small one;
    /// `speed` 1 (gc-arena's own pacing) runs about a fifth faster but lets garbage peak 40-80%
    /// higher.
    pub const DEFAULT: GcPacing =
        GcPacing { growth: 1.0, min_growth: 4096, speed: 2.0, atomic_below: 100_000 };

    /// gc-arena's pacing for these settings.
    pub(crate) fn to_arena(self) -> Pacing {
        let speed = if self.speed >= 1.0 { self.speed } else { 1.0 };
        let base = Pacing::DEFAULT;
        Pacing {
            sleep_factor: if self.growth >= 0.0 { self.growth } else { 0.0 },
            min_sleep: self.min_growth,
            mark_factor: base.mark_factor / speed,
            trace_factor: base.trace_factor / speed,
            keep_factor: base.keep_factor / speed,
            drop_factor: base.drop_factor / speed,
            free_factor: base.free_factor / speed,
        }
    }
}

impl Default for GcPacing {
    fn default() -> Self {
        GcPacing::DEFAULT
    }
}

/// Everything the heap driver and the interpreter's slice loop need to know about collection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GcConfig {
    /// When cycles start and how fast they run.
    pub pacing: GcPacing,
    /// Run a full collection after every slice (while automatic collection is enabled), so that
    /// any object the VM forgot to root is freed as early as possible and the bug shows up.
    pub torture: bool,
    /// How many calls and backward jumps the interpreter may execute in one slice before it
    /// returns to the driver. The driver does not enforce it: the VM reads it and counts.
    pub slice_budget: u32,
    /// The allocation debt (in objects) at which the interpreter should end a slice early even
    /// if budget remains, so that one allocation-heavy slice cannot run far ahead of the
    /// collector. See [`GcControl::should_end_slice`](crate::GcControl::should_end_slice).
    pub slice_debt_limit: f64,
}

impl GcConfig {
    /// The normal configuration. Never reads the environment.
    pub const DEFAULT: GcConfig =
        GcConfig { pacing: GcPacing::DEFAULT, torture: false, slice_budget: 1000, slice_debt_limit: 4096.0 };

    /// Torture mode: a full collection after every slice, and slices of a single call or
    /// backward jump, so that collections happen at as many points of the program as possible.
    pub const TORTURE: GcConfig = GcConfig { torture: true, slice_budget: 1, ..GcConfig::DEFAULT };

    /// [`GcConfig::DEFAULT`], or [`GcConfig::TORTURE`] when the environment variable
    /// `CELLVM_GC_TORTURE` is set to anything but empty or `0`. This lets a whole test suite run
    /// under torture without changing a line.
    pub fn from_env() -> GcConfig {
        let torture = std::env::var_os(TORTURE_ENV_VAR).is_some_and(|v| !v.is_empty() && v != "0");
        if torture {
            GcConfig::TORTURE
        } else {
            GcConfig::DEFAULT
        }
    }
}

/// [`GcConfig::from_env`]: the default honours `CELLVM_GC_TORTURE`.
impl Default for GcConfig {
    fn default() -> Self {
        GcConfig::from_env()
    }
}
