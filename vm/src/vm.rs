//! The embedding API: a VM that owns a heap and runs Python source on it in slices.

use std::sync::Arc;

use cellvm_gc::{GcConfig, GcStats, Heap};

use crate::ctx::Ctx;
use crate::interp::{Exec, Stop};
use crate::state::{OnReturn, Root, RuntimeConfig, State};
use crate::value::Value;

/// How a VM is set up.
#[derive(Clone, Debug)]
pub struct Config {
    /// `sys.getrecursionlimit()` at start.
    pub recursion_limit: usize,
    /// Collector pacing, torture mode and slice size.
    pub gc: GcConfig,
    /// Keep what the program prints (see [`Vm::take_stdout`]) instead of writing it.
    pub capture_stdout: bool,
    /// `sys.argv`.
    pub argv: Vec<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            recursion_limit: 1000,
            gc: GcConfig::from_env(),
            capture_stdout: false,
            argv: vec![String::new()],
        }
    }
}

/// Why a program did not run to completion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunError {
    /// The source did not compile: CPython's report, exit status 1.
    Syntax(String),
    /// An exception escaped: CPython's traceback report, and the exit status (1, or the code
    /// of a `SystemExit`).
    Uncaught { report: String, status: i32 },
}

impl RunError {
    /// The exit status python3 would give.
    pub fn status(&self) -> i32 {
        match self {
            RunError::Syntax(_) => 1,
            RunError::Uncaught { status, .. } => *status,
        }
    }

    /// What goes to stderr.
    pub fn report(&self) -> &str {
        match self {
            RunError::Syntax(r) => r,
            RunError::Uncaught { report, .. } => report,
        }
    }
}

pub struct Vm {
    heap: Heap<Root>,
    config: Config,
}

enum Slice {
    Continue,
    Collect,
    Done,
    Failed(RunError),
}

impl Default for Vm {
    fn default() -> Vm {
        Vm::new()
    }
}

impl Vm {
    pub fn new() -> Vm {
        Vm::with_config(Config::default())
    }

    pub fn with_config(config: Config) -> Vm {
        let runtime = RuntimeConfig {
            recursion_limit: config.recursion_limit,
            capture_stdout: config.capture_stdout,
            argv: config.argv.clone(),
        };
        let mut heap = Heap::<Root>::new(config.gc, |mc| State::new(mc, runtime));
        heap.set_finalizer(crate::finalize::hook);
        let control = heap.control();
        heap.mutate_root(|_, st| st.gc_control = Some(control));
        Vm { heap, config }
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn gc_stats(&self) -> GcStats {
        self.heap.stats()
    }

    /// What the program printed, when stdout is captured.
    pub fn take_stdout(&mut self) -> String {
        self.heap
            .mutate_root(|_, st| String::from_utf8_lossy(&std::mem::take(&mut st.out.captured)).into_owned())
    }

    pub fn run_file(&mut self, path: &str) -> Result<(), RunError> {
        let bytes = std::fs::read(path).map_err(|e| RunError::Uncaught {
            report: format!(
                "cellvm: can't open file '{path}': [Errno {}] {}\n",
                e.raw_os_error().unwrap_or(2),
                os_message(&e)
            ),
            status: 2,
        })?;
        let source =
            cellvm_compiler::lexer::decode_source(&bytes, path).map_err(|e| RunError::Syntax(e.report()))?;
        self.run_source(&source, path)
    }

    /// Compile and run `source` as the `__main__` module.
    pub fn run_source(&mut self, source: &str, filename: &str) -> Result<(), RunError> {
        let co = cellvm_compiler::compile(source, filename, cellvm_compiler::Mode::Exec)
            .map_err(|e| RunError::Syntax(e.report()))?;
        let source: Arc<str> = Arc::from(source);
        let filename = filename.to_string();
        self.heap.mutate_root(|mc, st| {
            st.sources.insert(filename.clone(), source);
            let mut ctx = Ctx::new(mc, st);
            let code = crate::interp::make_code(&mut ctx, co);
            let (_, globals) = crate::builtins::modules::new_module(&mut ctx, "__main__");
            let b = Value::Dict(ctx.st.builtins);
            crate::builtins::set(&mut ctx, globals, "__builtins__", b);
            let f = ctx.new_str(filename.as_str());
            crate::builtins::set(&mut ctx, globals, "__file__", f);
            crate::builtins::set(&mut ctx, globals, "__doc__", Value::None);
            crate::interp::push_code_frame(&mut ctx, code, globals, Value::Dict(globals), OnReturn::Exit);
        });
        let result = self.run_slices();
        self.heap.mutate_root(|_, st| {
            st.out.flush();
            st.frames.clear();
            st.stack.clear();
        });
        result
    }

    fn run_slices(&mut self) -> Result<(), RunError> {
        loop {
            let freed_before = self.heap.stats().objects_freed;
            let outcome = self.heap.mutate_root(|mc, st| {
                // The finalizers the last collection found run before the program goes on.
                crate::finalize::run_pending(&mut Ctx::new(mc, st));
                let budget = st.gc().config().slice_budget.max(1);
                let stop = Exec::new(Ctx::new(mc, st), 0, budget).run();
                let mut ctx = Ctx::new(mc, st);
                match stop {
                    Stop::Budget(_) | Stop::Switch(_) => Slice::Continue,
                    Stop::Collect(_) => Slice::Collect,
                    Stop::Return(_) => Slice::Done,
                    Stop::Raise(e) | Stop::Reraise(e) => Slice::Failed(uncaught(&mut ctx, e)),
                }
            });
            match outcome {
                Slice::Continue => {}
                Slice::Collect => {
                    // The driver has already run the requested collection. As CPython's
                    // gc.collect(), run the finalizers it found, then free what they left
                    // unreachable, before the call returns.
                    if self.heap.mutate_root(|mc, st| crate::finalize::run_pending(&mut Ctx::new(mc, st))) {
                        self.heap.collect_full();
                    }
                    let freed = self.heap.stats().objects_freed - freed_before;
                    self.heap.mutate_root(|_, st| {
                        if let Some(top) = st.stack.last_mut() {
                            *top = Value::Int(freed as i64);
                        }
                    });
                }
                Slice::Done => {
                    // Finalizers of what the last collection found still run.
                    self.heap.mutate_root(|mc, st| crate::finalize::run_pending(&mut Ctx::new(mc, st)));
                    return Ok(());
                }
                Slice::Failed(e) => return Err(e),
            }
        }
    }
}

/// An exception that escaped the program: SystemExit's status, or the traceback report.
fn uncaught<'gc>(ctx: &mut Ctx<'gc, '_>, e: crate::PyErr<'gc>) -> RunError {
    ctx.st.out.flush();
    if ctx.exc_matches(e, "SystemExit") {
        let args = e.borrow().args;
        let code = args.0.first().copied().unwrap_or(Value::None);
        return match code {
            Value::None => RunError::Uncaught { report: String::new(), status: 0 },
            Value::Int(i) => RunError::Uncaught { report: String::new(), status: i as i32 },
            Value::Bool(b) => RunError::Uncaught { report: String::new(), status: b as i32 },
            other => {
                let text = crate::ops::repr::str_of(ctx, other).unwrap_or_default();
                RunError::Uncaught { report: format!("{text}\n"), status: 1 }
            }
        };
    }
    let report = crate::ops::traceback::format_exception(ctx, e);
    RunError::Uncaught { report, status: 1 }
}

fn os_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// The `--gc-stats` report.
pub fn format_gc_stats(s: &GcStats) -> String {
    format!(
        "gc: collections={} objects allocated={} freed={} live={} bytes allocated={} freed={} live={}",
        s.collections,
        s.objects_allocated,
        s.objects_freed,
        s.objects_live,
        s.bytes_allocated,
        s.bytes_freed,
        s.bytes_live
    )
}
