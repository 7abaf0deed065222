//! The arena root: everything the running program can reach. All interpreter state lives
//! here (the value stack, the frames, the exception being handled), which is what lets the
//! collector run between slices.

use gc_arena::lock::RefLock;
use gc_arena::{Collect, Gc, Mutation};
use hashbrown::HashMap;

use crate::object::{Class, Code, Dict, Function, Layout, PyStr};
use crate::value::{GcCell, Value};

/// One activation: the seeds' frame. Its slots `[locals | cells | frees]` start at `base` in
/// the shared value stack and its evaluation stack follows them; the callable sits at
/// `base - 1`, where the return value goes.
#[derive(Collect, Clone, Copy)]
#[collect(no_drop)]
pub struct Frame<'gc> {
    pub code: Gc<'gc, Code<'gc>>,
    pub func: Option<Gc<'gc, Function<'gc>>>,
    pub globals: GcCell<'gc, Dict<'gc>>,
    /// The namespace of a module or class body (LOAD_NAME). In a function frame: its frame
    /// object (`Value::Frame`) once one was made for it, else `Undef` (see `object::frame`).
    pub locals: Value<'gc>,
    pub base: u32,
    /// The instruction to resume at.
    pub pc: u32,
    /// What happens to the value this frame returns.
    pub on_return: OnReturn,
}

#[derive(Collect, Clone, Copy, Debug, PartialEq, Eq)]
#[collect(require_static)]
pub enum OnReturn {
    /// Push it on the caller's stack.
    Push,
    /// Hand it to the native code that started this run (a nested call).
    Exit,
    /// Discard it and keep the instance below (`__init__`).
    KeepInstance,
    /// A generator resumed by FOR_ITER (whose jump target this is): a yielded value is pushed
    /// and the loop body runs; at the return the caller pops the generator and jumps here.
    ForIter(u32),
    /// A generator resumed by SEND (`yield from`; its jump target): a yielded value is pushed
    /// for the caller's YIELD_VALUE; at the return the value replaces the generator on the
    /// caller's stack and the caller jumps here.
    Send(u32),
    /// A generator resumed by native code (`next()`, `send()`, `throw()`): the run stops at
    /// its yield or return, and the generator's state tells which it was.
    Resume,
}

impl OnReturn {
    /// Whether the frame is a generator's, resumed by one of the three ways.
    #[inline]
    pub fn is_generator(self) -> bool {
        matches!(self, OnReturn::ForIter(_) | OnReturn::Send(_) | OnReturn::Resume)
    }
}

/// Tunables of a running VM.
#[derive(Clone, Debug)]
pub struct RuntimeConfig {
    pub recursion_limit: usize,
    /// Capture stdout in `State::captured` instead of writing it.
    pub capture_stdout: bool,
    pub argv: Vec<String>,
}

/// The heap's root type.
pub type Root = gc_arena::Rootable![State<'_>];

#[derive(Collect)]
#[collect(no_drop)]
pub struct State<'gc> {
    pub stack: Vec<Value<'gc>>,
    pub frames: Vec<Frame<'gc>>,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value<'gc>,
    pub types: Types<'gc>,
    pub builtins: GcCell<'gc, Dict<'gc>>,
    pub modules: GcCell<'gc, Dict<'gc>>,
    pub interned: HashMap<Box<str>, Gc<'gc, PyStr>>,
    /// Instances with `__del__`, and those whose `__del__` is due (`finalize`).
    pub finalizers: GcCell<'gc, crate::finalize::Finalizers<'gc>>,
    #[collect(require_static)]
    pub config: RuntimeConfig,
    #[collect(require_static)]
    pub out: Output,
    /// How deeply native code has re-entered the interpreter.
    #[collect(require_static)]
    pub native_depth: usize,
    /// The collector's controls, for the `gc` module.
    #[collect(require_static)]
    pub gc_control: Option<cellvm_gc::GcControl>,
    /// `gc.collect()` was called: end the slice so the driver can collect.
    #[collect(require_static)]
    pub collect_requested: bool,
    /// Source text of compiled files, for traceback lines.
    #[collect(require_static)]
    pub sources: HashMap<String, std::sync::Arc<str>>,
    /// Set by `sys.exit` / uncaught SystemExit: the process exit status.
    #[collect(require_static)]
    pub exit_status: Option<i32>,
    /// The global trace function (`sys.settrace`), None when tracing is off.
    pub trace: Value<'gc>,
    /// A trace function is running: no events while it does (CPython's `tstate->tracing`).
    #[collect(require_static)]
    pub in_tracer: bool,
    /// The frame objects of module and class body frames (see `object::frame`).
    pub frame_objects: Vec<crate::object::FrameRef<'gc>>,
    /// Something a run must look at after a native call: a collection was requested, or
    /// tracing is on (so a run may have to change loops). `collect_requested || tracing`.
    #[collect(require_static)]
    pub eval_breaker: bool,
}

/// Buffered standard output (and the capture used by embedders and tests).
#[derive(Default)]
pub struct Output {
    pub buf: Vec<u8>,
    pub captured: Vec<u8>,
    pub capture: bool,
}

impl Output {
    pub fn write(&mut self, s: &str) {
        if self.capture {
            self.captured.extend_from_slice(s.as_bytes());
        } else {
            self.buf.extend_from_slice(s.as_bytes());
            if self.buf.len() > 1 << 16 {
                self.flush();
            }
        }
    }

    pub fn flush(&mut self) {
        use std::io::Write;
        if !self.buf.is_empty() {
            let mut out = std::io::stdout().lock();
            let _ = out.write_all(&self.buf);
            let _ = out.flush();
            self.buf.clear();
        }
    }
}

macro_rules! types {
    ($( $field:ident : $name:literal ),* $(,)?) => {
        /// The built-in types (exception classes live in `Types::exceptions`).
        #[derive(Collect)]
        #[collect(no_drop)]
        pub struct Types<'gc> {
            $( pub $field: Gc<'gc, Class<'gc>>, )*
            pub exceptions: HashMap<&'static str, Gc<'gc, Class<'gc>>>,
        }

        impl<'gc> Types<'gc> {
            pub fn new(mc: &Mutation<'gc>, interned: &mut HashMap<Box<str>, Gc<'gc, PyStr>>) -> Types<'gc> {
                let object = new_class(mc, interned, "object", &[], Layout::Object);
                // `bool` derives from `int` (listed before it); the others from `object`.
                let mut int = object;
                $( let $field = if $name == "object" { object } else {
                    let base = if $name == "bool" { int } else { object };
                    new_class(mc, interned, $name, &[base], Layout::Builtin)
                };
                if $name == "int" {
                    int = $field;
                } )*
                let _ = int;
                let mut exceptions = HashMap::new();
                crate::builtins::exceptions::build_hierarchy(mc, interned, object, &mut exceptions);
                Types { $( $field, )* exceptions }
            }
        }
    };
}

types! {
    object: "object",
    type_: "type",
    none: "NoneType",
    not_implemented: "NotImplementedType",
    ellipsis: "ellipsis",
    int: "int",
    bool_: "bool",
    float: "float",
    complex: "complex",
    str: "str",
    bytes: "bytes",
    tuple: "tuple",
    list: "list",
    dict: "dict",
    set: "set",
    frozenset: "frozenset",
    cell: "cell",
    function: "function",
    builtin_function: "builtin_function_or_method",
    wrapper_descriptor: "wrapper_descriptor",
    method_wrapper: "method-wrapper",
    method: "method",
    code: "code",
    module: "module",
    range: "range",
    slice: "slice",
    iterator: "iterator",
    dict_keys: "dict_keys",
    dict_values: "dict_values",
    dict_items: "dict_items",
    generator: "generator",
    staticmethod: "staticmethod",
    classmethod: "classmethod",
    property: "property",
    super_: "super",
    frame: "frame",
}

/// A new built-in class object (single inheritance).
pub fn new_class<'gc>(
    mc: &Mutation<'gc>,
    interned: &mut HashMap<Box<str>, Gc<'gc, PyStr>>,
    name: &str,
    bases: &[Gc<'gc, Class<'gc>>],
    layout: Layout,
) -> Gc<'gc, Class<'gc>> {
    let name = intern_in(mc, interned, name);
    let mut ancestors = Vec::new();
    if let Some(b) = bases.first() {
        ancestors.push(*b);
        ancestors.extend(b.ancestors.iter().copied());
    }
    Gc::new(
        mc,
        Class {
            name: gc_arena::lock::Lock::new(name),
            qualname: gc_arena::lock::Lock::new(name),
            bases: bases.into(),
            ancestors: ancestors.into(),
            dict: Gc::new(mc, RefLock::new(Dict::new())),
            layout,
            builtin: true,
            meta: None,
            native_new: Default::default(),
        },
    )
}

pub fn intern_in<'gc>(
    mc: &Mutation<'gc>,
    interned: &mut HashMap<Box<str>, Gc<'gc, PyStr>>,
    s: &str,
) -> Gc<'gc, PyStr> {
    if let Some(g) = interned.get(s) {
        return *g;
    }
    let g = Gc::new(mc, PyStr::new(s));
    interned.insert(s.into(), g);
    g
}

impl<'gc> State<'gc> {
    /// A fresh root: the built-in types, the builtins module, no frames yet.
    pub fn new(mc: &'gc Mutation<'gc>, config: RuntimeConfig) -> State<'gc> {
        let mut interned = HashMap::new();
        let types = Types::new(mc, &mut interned);
        let capture = config.capture_stdout;
        let mut st = State {
            stack: Vec::with_capacity(1 << 16),
            frames: Vec::new(),
            exc_info: Value::None,
            types,
            builtins: Gc::new(mc, RefLock::new(Dict::new())),
            modules: Gc::new(mc, RefLock::new(Dict::new())),
            interned,
            finalizers: Gc::new(mc, RefLock::new(crate::finalize::Finalizers::default())),
            config,
            out: Output { capture, ..Output::default() },
            native_depth: 0,
            gc_control: None,
            collect_requested: false,
            sources: HashMap::new(),
            exit_status: None,
            trace: Value::None,
            in_tracer: false,
            frame_objects: Vec::new(),
            eval_breaker: false,
        };
        let mut ctx = crate::Ctx::new(mc, &mut st);
        crate::builtins::install(&mut ctx);
        st
    }

    /// Whether trace events are due: a trace function is set and none is running.
    #[inline]
    pub fn tracing(&self) -> bool {
        !self.trace.is_none() && !self.in_tracer
    }

    /// Recompute `eval_breaker` after changing what it summarises.
    pub fn update_breaker(&mut self) {
        self.eval_breaker = self.collect_requested || !self.trace.is_none();
    }

    /// The collector's controls (set by the VM right after the heap is made).
    pub fn gc(&self) -> &cellvm_gc::GcControl {
        self.gc_control.as_ref().expect("the VM installs the GC control before running code")
    }
}
