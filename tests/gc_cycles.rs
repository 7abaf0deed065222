//! Reference cycles through closures are garbage the tracing collector reclaims while the
//! program runs. A program makes a million cycles of each kind (a function that reaches
//! itself through its own cell, two closures whose cells point at each other, cycles through
//! a list and a dict) and samples the collector's live-object count as it goes: the count
//! must stay bounded during the loop and return to the baseline after `gc.collect()`.

use cellvm::{Config, Vm};

const PROGRAM: &str = r#"
import gc

def self_cycle():
    def f():
        return f
    return f

def mutual_cycle():
    a = b = None
    def fa():
        return b
    def fb():
        return a
    a, b = fa, fb
    return fa

def container_cycle():
    box = []
    d = {}
    def get():
        return box, d
    box.append(get)
    d["get"] = get

def live():
    return gc.get_stats()[0]["objects_live"]

gc.collect()
baseline = live()
peak = 0
for i in range(1_000_000):
    self_cycle()
    mutual_cycle()
    container_cycle()
    if i % 10_000 == 0:
        peak = max(peak, live())
gc.collect()
print(baseline, peak, live())
"#;

#[test]
fn a_million_closure_cycles_are_collected() {
    let mut vm = Vm::with_config(Config { capture_stdout: true, ..Default::default() });
    vm.run_source(PROGRAM, "<cycles>").expect("the program runs");
    let out = vm.take_stdout();
    let nums: Vec<u64> = out.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    let [baseline, peak, after] = nums[..] else { panic!("unexpected output {out:?}") };
    // Each iteration makes about 20 objects; without collection the peak would be ~2*10^7.
    assert!(peak < 200_000, "live objects grew to {peak} during the loop");
    // `peak`, the loop variable and a few ints may stay alive, nothing more.
    assert!(after <= baseline + 16, "after gc.collect(): {after} live, baseline {baseline}");
    let stats = vm.gc_stats();
    assert!(stats.objects_freed > 10_000_000, "freed only {}", stats.objects_freed);
    assert!(stats.collections > 10, "only {} collections", stats.collections);
}
