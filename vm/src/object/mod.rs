//! The heap object types. Each is allocated with `Gc::new` in the arena; mutable ones sit in
//! a `RefLock` (whole-object) or keep `Lock` fields (individually settable attributes).

mod dict;
mod frame;
mod str;
mod text;

use std::cell::Cell;
use std::sync::Arc;

use cellvm_compiler::CodeObject;
use gc_arena::lock::Lock;
use gc_arena::{Collect, Gc, Mutation};

pub use dict::{Dict, DictEntry, Set};
pub use frame::{FrameObject, FrameRef};
pub use str::PyStr;
pub use text::IntoText;

use crate::interp::dispatch::Threaded;
use crate::state::Frame;
use crate::value::{GcCell, Value};

/// A `complex` number: immutable, and boxed so that `Value` stays two words.
#[derive(Clone, Copy, Debug, PartialEq, Collect)]
#[collect(require_static)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct Tuple<'gc>(pub TupleItems<'gc>);

impl<'gc> Tuple<'gc> {
    pub fn as_slice(&self) -> &[Value<'gc>] {
        &self.0
    }
}

/// The items of a tuple (a slice, through `Deref`). Up to `INLINE_ITEMS` of them live in the
/// tuple object itself: closures of a cell or two and pairs, which programs make and drop by
/// the million, are one block to allocate and free instead of two.
#[derive(Collect)]
#[collect(no_drop)]
pub enum TupleItems<'gc> {
    Inline { len: u8, items: [Value<'gc>; INLINE_ITEMS] },
    Boxed(Box<[Value<'gc>]>),
}

/// How many items a tuple holds without a block of its own.
pub const INLINE_ITEMS: usize = 2;

impl<'gc> std::ops::Deref for TupleItems<'gc> {
    type Target = [Value<'gc>];

    #[inline]
    fn deref(&self) -> &[Value<'gc>] {
        match self {
            TupleItems::Inline { len, items } => &items[..*len as usize],
            TupleItems::Boxed(items) => items,
        }
    }
}

impl<'gc> From<&[Value<'gc>]> for TupleItems<'gc> {
    fn from(v: &[Value<'gc>]) -> Self {
        if v.len() <= INLINE_ITEMS {
            let mut items = [Value::Undef; INLINE_ITEMS];
            items[..v.len()].copy_from_slice(v);
            TupleItems::Inline { len: v.len() as u8, items }
        } else {
            TupleItems::Boxed(v.into())
        }
    }
}

impl<'gc> From<Vec<Value<'gc>>> for TupleItems<'gc> {
    fn from(v: Vec<Value<'gc>>) -> Self {
        if v.len() <= INLINE_ITEMS {
            TupleItems::from(v.as_slice())
        } else {
            TupleItems::Boxed(v.into_boxed_slice())
        }
    }
}

impl<'gc> From<Box<[Value<'gc>]>> for TupleItems<'gc> {
    fn from(v: Box<[Value<'gc>]>) -> Self {
        if v.len() <= INLINE_ITEMS {
            TupleItems::from(&*v)
        } else {
            TupleItems::Boxed(v)
        }
    }
}

impl<'gc, const N: usize> From<[Value<'gc>; N]> for TupleItems<'gc> {
    fn from(v: [Value<'gc>; N]) -> Self {
        TupleItems::from(&v[..])
    }
}

impl<'gc> From<&Vec<Value<'gc>>> for TupleItems<'gc> {
    fn from(v: &Vec<Value<'gc>>) -> Self {
        TupleItems::from(v.as_slice())
    }
}

/// A code object at run time: the compiler's immutable `CodeObject` plus its constants as
/// values, its names as interned strings and its pre-decoded threaded code.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Code<'gc> {
    #[collect(require_static)]
    pub co: Arc<CodeObject>,
    pub consts: Box<[Value<'gc>]>,
    pub names: Box<[Gc<'gc, PyStr>]>,
    pub varnames: Box<[Gc<'gc, PyStr>]>,
    pub name: Gc<'gc, PyStr>,
    pub qualname: Gc<'gc, PyStr>,
    /// Slots of a frame: locals, cells and frees (the eval stack comes after).
    pub nlocalsplus: u32,
    /// A call with exactly `argcount` positional arguments needs no binding: no `*args`,
    /// `**kwargs` or keyword-only parameters, no cells, not a generator. Such calls take
    /// `Exec::call_function_op`'s short path.
    pub plain_call: Option<PlainCall>,
    #[collect(require_static)]
    pub threaded: Threaded,
    /// LOAD_GLOBAL's inline caches, one per entry of `names`.
    #[collect(require_static)]
    pub global_cache: Box<[std::cell::Cell<GlobalCache>]>,
    /// LOAD_METHOD's inline caches, one per entry of `names`.
    #[collect(require_static)]
    pub method_cache: Box<[std::cell::Cell<MethodCache>]>,
    /// Where MAKE_FUNCTION last found `__name__` in the globals.
    #[collect(require_static)]
    pub module_cache: std::cell::Cell<ModuleCache>,
}

/// The position of `__name__` in a globals dict: the dict's and the key's addresses (only
/// compared, never followed), checked against the entry before use.
#[derive(Clone, Copy)]
pub struct ModuleCache {
    pub globals: usize,
    pub pos: u32,
    pub key: *const PyStr,
}

impl Default for ModuleCache {
    fn default() -> Self {
        ModuleCache { globals: 0, pos: 0, key: std::ptr::null() }
    }
}

/// What the short call path needs of a code object, kept beside it (not behind `co`).
#[derive(Clone, Copy, Collect)]
#[collect(require_static)]
pub struct PlainCall {
    pub argcount: u32,
    pub nlocals: u32,
    /// The room its frame reserves: co_stacksize plus the slack (`interp::STACK_SLACK`).
    pub room: u32,
}

/// Where LOAD_GLOBAL last found a name: the position of its entry in the globals dict, or in
/// the builtins dict while the globals dict (with that keys tag) lacks it. Positions are
/// checked against the entry's key before use, so a stale cache only costs a slow lookup.
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    /// The globals dict the cache was filled for (its address); 0 when empty.
    pub globals: usize,
    /// For a builtin: the globals dict's keys tag when the name was found missing there.
    pub globals_tag: u64,
    pub pos: u32,
    pub builtin: bool,
}

/// Where LOAD_METHOD last found a built-in type's method: that type (its address) and the
/// position of the method in the type's own dict. Built-in types take no new attributes, so
/// the entry stays what it was; the position is still checked against the key before use.
#[derive(Clone, Copy, Default)]
pub struct MethodCache {
    /// The receiver's type; 0 when empty.
    pub class: usize,
    pub pos: u32,
}

/// A Python function: code, globals, closure (a tuple of cells) and the attributes Python may
/// rebind (`Lock` fields, set through `Function::set_*`).
#[derive(Collect)]
#[collect(no_drop)]
pub struct Function<'gc> {
    pub code: Gc<'gc, Code<'gc>>,
    pub globals: GcCell<'gc, Dict<'gc>>,
    pub closure: Option<Gc<'gc, Tuple<'gc>>>,
    pub name: Lock<Gc<'gc, PyStr>>,
    pub qualname: Lock<Gc<'gc, PyStr>>,
    pub defaults: Lock<Option<Gc<'gc, Tuple<'gc>>>>,
    pub kwdefaults: Lock<Option<GcCell<'gc, Dict<'gc>>>>,
    pub annotations: Lock<Option<GcCell<'gc, Dict<'gc>>>>,
    pub dict: Lock<Option<GcCell<'gc, Dict<'gc>>>>,
    pub module: Lock<Value<'gc>>,
    pub doc: Lock<Value<'gc>>,
}

macro_rules! lock_setter {
    ($setter:ident, $field:ident, $ty:ty) => {
        pub fn $setter(this: Gc<'gc, Self>, mc: &Mutation<'gc>, v: $ty) {
            gc_arena::barrier::field!(Gc::write(mc, this), Self, $field).unlock().set(v);
        }
    };
}

impl<'gc> Function<'gc> {
    lock_setter!(set_name, name, Gc<'gc, PyStr>);
    lock_setter!(set_qualname, qualname, Gc<'gc, PyStr>);
    lock_setter!(set_defaults, defaults, Option<Gc<'gc, Tuple<'gc>>>);
    lock_setter!(set_kwdefaults, kwdefaults, Option<GcCell<'gc, Dict<'gc>>>);
    lock_setter!(set_annotations, annotations, Option<GcCell<'gc, Dict<'gc>>>);
    lock_setter!(set_dict, dict, Option<GcCell<'gc, Dict<'gc>>>);
    lock_setter!(set_module, module, Value<'gc>);
    lock_setter!(set_doc, doc, Value<'gc>);
}

/// A native function. Arguments arrive as a slice whose last `kwnames.len()` entries are the
/// keyword arguments named by `kwnames` (CPython's vectorcall convention).
pub type NativeFn = for<'gc> fn(&mut crate::Ctx<'gc, '_>, Args<'gc, '_>) -> crate::PyResult<'gc, Value<'gc>>;

#[derive(Clone, Copy)]
pub struct Args<'gc, 'a> {
    pub args: &'a [Value<'gc>],
    pub kwnames: &'a [Value<'gc>],
}

impl<'gc, 'a> Args<'gc, 'a> {
    pub fn positional(&self) -> &'a [Value<'gc>] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    pub fn keywords(&self) -> impl Iterator<Item = (&'gc str, Value<'gc>)> + 'a {
        let values = &self.args[self.args.len() - self.kwnames.len()..];
        self.kwnames.iter().zip(values).map(|(k, v)| (k.as_str().unwrap_or(""), *v))
    }
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct Builtin<'gc> {
    #[collect(require_static)]
    pub name: &'static str,
    #[collect(require_static)]
    pub func: NativeFn,
    /// The object a method is bound to (`Undef` for a plain function).
    pub bound: Value<'gc>,
    /// The type a method belongs to, or the module of a function (for reprs).
    pub owner: Value<'gc>,
    /// A slot wrapper (`int.__add__`): a special method whose protocol the type implements
    /// inline, there for explicit calls and `super()`; special-method lookups skip it.
    pub slot: bool,
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct BoundMethod<'gc> {
    pub func: Value<'gc>,
    pub receiver: Value<'gc>,
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct Module<'gc> {
    pub name: Gc<'gc, PyStr>,
    pub dict: GcCell<'gc, Dict<'gc>>,
}

/// Which built-in layout instances of a class have (a user class inherits its base's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Collect)]
#[collect(require_static)]
pub enum Layout {
    Object,
    Exception,
    /// Subclasses of `type` (metaclasses): their instances are classes.
    Type,
    Builtin,
}

/// A type: built-in types and (next) user classes alike.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Class<'gc> {
    pub name: Lock<Gc<'gc, PyStr>>,
    pub qualname: Lock<Gc<'gc, PyStr>>,
    pub bases: Box<[Gc<'gc, Class<'gc>>]>,
    /// The method resolution order after the class itself (`__mro__[1:]`).
    pub ancestors: Box<[Gc<'gc, Class<'gc>>]>,
    pub dict: GcCell<'gc, Dict<'gc>>,
    pub layout: Layout,
    /// Built-in types cannot take new attributes.
    pub builtin: bool,
    /// The metaclass, when it is not `type` (a user subclass of `type`): `type(cls)`.
    pub meta: Option<Gc<'gc, Class<'gc>>>,
    /// A built-in class's own native `__new__`, remembered by `Class::native_new` the first
    /// time it is found: built-in classes take no new attributes, so it never changes.
    #[collect(require_static)]
    pub native_new: Cell<Option<NativeFn>>,
}

impl<'gc> Class<'gc> {
    lock_setter!(set_name, name, Gc<'gc, PyStr>);
    lock_setter!(set_qualname, qualname, Gc<'gc, PyStr>);

    /// Look an attribute up along the MRO.
    pub fn lookup<'k>(&self, name: impl Into<Key<'k>>) -> Option<Value<'gc>> {
        let key = name.into();
        if let Some(v) = self.dict.borrow().get_key(key) {
            return Some(v);
        }
        self.ancestors.iter().find_map(|c| c.dict.borrow().get_key(key))
    }

    /// Look an attribute up along the MRO; also the class whose dict holds it.
    pub fn lookup_with_owner<'k>(
        this: Gc<'gc, Self>,
        name: impl Into<Key<'k>>,
    ) -> Option<(Value<'gc>, Gc<'gc, Class<'gc>>)> {
        let key = name.into();
        std::iter::once(this)
            .chain(this.ancestors.iter().copied())
            .find_map(|c| c.dict.borrow().get_key(key).map(|v| (v, c)))
    }

    /// An attribute a user class defines (in itself or an ancestor that is not built in),
    /// found before any built-in class that defines it: what a protocol must call instead
    /// of its built-in behaviour.
    pub fn user_lookup<'k>(this: Gc<'gc, Self>, name: impl Into<Key<'k>>) -> Option<Value<'gc>> {
        match Class::lookup_with_owner(this, name) {
            Some((v, owner)) if !owner.builtin => Some(v),
            _ => None,
        }
    }

    pub fn is_subclass(this: Gc<'gc, Self>, other: Gc<'gc, Class<'gc>>) -> bool {
        Gc::ptr_eq(this, other) || this.ancestors.iter().any(|c| Gc::ptr_eq(*c, other))
    }

    /// The native `__new__` in a built-in class's own dict (what `type.__call__` runs for
    /// it), found once and then remembered.
    #[inline]
    pub fn native_new(&self) -> Option<NativeFn> {
        if let Some(f) = self.native_new.get() {
            return Some(f);
        }
        if !self.builtin {
            return None;
        }
        // Only a hit is remembered: a class asked while start-up is still filling its dict
        // looks again next time.
        let found = match self.dict.borrow().get_key(crate::dunder!("__new__")) {
            Some(Value::Builtin(new)) => Some(new.func),
            _ => None,
        };
        self.native_new.set(found);
        found
    }

    pub fn name_str(&self) -> &'gc str {
        Gc::as_ref(self.name.get()).as_str()
    }
}

/// An attribute name with its `str` hash, so that looking it up along a class's MRO hashes
/// it once. Names from code are interned `PyStr`s with a cached hash (`Key::of`); special
/// method names get theirs computed once per use site (`dunder!`).
#[derive(Clone, Copy)]
pub struct Key<'a> {
    pub text: &'a str,
    pub hash: i64,
}

impl<'a> Key<'a> {
    pub fn of(s: &'a PyStr) -> Key<'a> {
        Key { text: s.as_str(), hash: s.hash() }
    }
}

impl<'a> From<&'a str> for Key<'a> {
    fn from(text: &'a str) -> Key<'a> {
        Key { text, hash: crate::ops::hash::str_hash(text) }
    }
}

impl<'a> From<&&'a str> for Key<'a> {
    fn from(text: &&'a str) -> Key<'a> {
        Key::from(*text)
    }
}

impl<'a> From<&'a PyStr> for Key<'a> {
    fn from(s: &'a PyStr) -> Key<'a> {
        Key::of(s)
    }
}

/// The `Key` of a special method name (a string literal), hashed once per use site.
#[macro_export]
macro_rules! dunder {
    ($name:literal) => {{
        static HASH: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
        $crate::object::Key { text: $name, hash: *HASH.get_or_init(|| $crate::ops::hash::str_hash($name)) }
    }};
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct Instance<'gc> {
    pub class: Gc<'gc, Class<'gc>>,
    pub dict: GcCell<'gc, Dict<'gc>>,
}

/// One traceback entry: a code object and the instruction that was running.
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct TraceEntry<'gc> {
    pub code: Gc<'gc, Code<'gc>>,
    pub pc: u32,
}

/// An exception instance (of BaseException or a subclass).
#[derive(Collect)]
#[collect(no_drop)]
pub struct Exc<'gc> {
    pub class: Gc<'gc, Class<'gc>>,
    pub args: Gc<'gc, Tuple<'gc>>,
    pub cause: Value<'gc>,
    pub context: Value<'gc>,
    pub suppress_context: bool,
    /// Innermost frame last, as CPython's traceback chain reads.
    pub traceback: Vec<TraceEntry<'gc>>,
    pub dict: Option<GcCell<'gc, Dict<'gc>>>,
    /// What a `BaseExceptionGroup` holds besides its args (None for other exceptions).
    pub group: Option<ExcGroup<'gc>>,
}

/// `BaseExceptionGroup`'s `message` and `exceptions` (the second argument as a tuple).
#[derive(Clone, Copy, Collect)]
#[collect(no_drop)]
pub struct ExcGroup<'gc> {
    pub message: Value<'gc>,
    pub exceptions: Gc<'gc, Tuple<'gc>>,
}

#[derive(Collect, Clone, Copy, Debug)]
#[collect(require_static)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct Slice<'gc> {
    pub start: Value<'gc>,
    pub stop: Value<'gc>,
    pub step: Value<'gc>,
}

/// Which of a dict's views (`keys()`, `values()`, `items()`) a `DictView` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Collect)]
#[collect(require_static)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

/// `dict.keys()`, `dict.values()`, `dict.items()`: a live view of the dict.
#[derive(Collect)]
#[collect(no_drop)]
pub struct DictView<'gc> {
    pub dict: GcCell<'gc, Dict<'gc>>,
    pub kind: ViewKind,
}

/// The state of a built-in iterator.
#[derive(Collect)]
#[collect(no_drop)]
pub enum Iter<'gc> {
    Seq {
        seq: Value<'gc>,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Gc<'gc, PyStr>,
        byte: usize,
    },
    DictKeys {
        dict: GcCell<'gc, Dict<'gc>>,
        index: usize,
        len: usize,
    },
    DictValues {
        dict: GcCell<'gc, Dict<'gc>>,
        index: usize,
        len: usize,
    },
    DictItems {
        dict: GcCell<'gc, Dict<'gc>>,
        index: usize,
        len: usize,
    },
    /// `reversed(d)` and `reversed(d.values())` / `reversed(d.items())`: `index` counts the
    /// positions not yet visited, from the end.
    DictReversed {
        dict: GcCell<'gc, Dict<'gc>>,
        kind: ViewKind,
        index: usize,
        len: usize,
    },
    SetItems {
        set: Value<'gc>,
        index: usize,
        len: usize,
    },
    Reversed {
        seq: Value<'gc>,
        index: usize,
    },
    Enumerate {
        iter: Value<'gc>,
        count: i64,
    },
    Zip {
        iters: Box<[Value<'gc>]>,
        strict: bool,
    },
    Map {
        func: Value<'gc>,
        iters: Box<[Value<'gc>]>,
    },
    Filter {
        func: Value<'gc>,
        iter: Value<'gc>,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value<'gc>,
        sentinel: Value<'gc>,
    },
    Exhausted,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Collect)]
#[collect(require_static)]
pub enum GenState {
    /// Made by the call, not yet started.
    Created,
    /// Stopped at a `yield`.
    Suspended,
    /// Its frame is on the frame stack.
    Running,
    /// Returned or raised; resuming it does nothing more.
    Finished,
}

/// A generator: the frame of a generator function, kept off the value stack while it is not
/// running. Resuming it copies the slots back onto the value stack above the generator itself
/// (in the callable slot) and pushes the frame; a `yield` moves them back here.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Generator<'gc> {
    /// The saved frame; `base` and `on_return` are set again at every resumption.
    pub frame: Frame<'gc>,
    /// `[locals | cells | frees | evaluation stack]` while the generator is not running.
    pub slots: Vec<Value<'gc>>,
    pub state: GenState,
    /// The exception the generator was handling when it last yielded (None if none of its
    /// own): what `sys.exc_info()` shows inside it, as CPython's per-generator `gi_exc_state`.
    pub exc_state: Value<'gc>,
    /// While it runs: the resumer's handled exception, given back at the next yield or end.
    pub caller_exc: Value<'gc>,
    pub name: Gc<'gc, PyStr>,
    pub qualname: Gc<'gc, PyStr>,
}

/// The built-in objects that change how a class attribute is fetched (`staticmethod`,
/// `classmethod`, `property`) and `super` proxies.
#[derive(Collect)]
#[collect(no_drop)]
pub enum Descriptor<'gc> {
    StaticMethod(Value<'gc>),
    ClassMethod(Value<'gc>),
    Property(Property<'gc>),
    Super(Super<'gc>),
}

#[derive(Collect)]
#[collect(no_drop)]
pub struct Property<'gc> {
    pub fget: Value<'gc>,
    pub fset: Value<'gc>,
    pub fdel: Value<'gc>,
    pub doc: Value<'gc>,
    /// The attribute name it was assigned to in a class body (`__set_name__`), for messages.
    pub name: Gc<'gc, Lock<Value<'gc>>>,
}

/// `super(thisclass, obj)`: attribute lookup along `obj_type`'s MRO after `thisclass`.
#[derive(Collect)]
#[collect(no_drop)]
pub struct Super<'gc> {
    pub thisclass: Gc<'gc, Class<'gc>>,
    /// The instance or class the lookup binds to (`None` for an unbound super).
    pub obj: Value<'gc>,
    pub obj_type: Option<Gc<'gc, Class<'gc>>>,
}

/// A per-object cache for hashes of immutable values (`Cell` is fine in static data).
pub type HashCache = Cell<Option<i64>>;
