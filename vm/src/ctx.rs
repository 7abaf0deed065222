//! `Ctx`: what native code holds while it runs: the mutation handle and the root state, with
//! the helpers every builtin needs (allocation, interning, raising exceptions).

use gc_arena::lock::RefLock;
use gc_arena::{Gc, Mutation};

use crate::object::{Class, Dict, Exc, PyStr, Tuple};
use crate::state::State;
use crate::value::{GcCell, Value};

/// A raised Python exception.
pub type PyErr<'gc> = GcCell<'gc, Exc<'gc>>;
pub type PyResult<'gc, T> = Result<T, PyErr<'gc>>;

pub struct Ctx<'gc, 'a> {
    pub mc: &'gc Mutation<'gc>,
    pub st: &'a mut State<'gc>,
}

impl<'gc, 'a> Ctx<'gc, 'a> {
    pub fn new(mc: &'gc Mutation<'gc>, st: &'a mut State<'gc>) -> Ctx<'gc, 'a> {
        Ctx { mc, st }
    }

    /// A shorter-lived `Ctx` over the same state.
    pub fn reborrow(&mut self) -> Ctx<'gc, '_> {
        Ctx { mc: self.mc, st: self.st }
    }

    pub fn intern(&mut self, s: &str) -> Gc<'gc, PyStr> {
        crate::state::intern_in(self.mc, &mut self.st.interned, s)
    }

    pub fn new_str(&self, s: impl crate::object::IntoText) -> Value<'gc> {
        Value::Str(Gc::new(self.mc, PyStr::new(s)))
    }

    pub fn new_tuple(&self, items: impl Into<crate::object::TupleItems<'gc>>) -> Value<'gc> {
        Value::Tuple(Gc::new(self.mc, Tuple(items.into())))
    }

    pub fn tuple(&self, items: impl Into<crate::object::TupleItems<'gc>>) -> Gc<'gc, Tuple<'gc>> {
        Gc::new(self.mc, Tuple(items.into()))
    }

    pub fn new_list(&self, items: Vec<Value<'gc>>) -> Value<'gc> {
        let bytes = items.capacity() * std::mem::size_of::<Value>();
        cellvm_gc::mark_external_allocation(self.mc, bytes);
        Value::List(Gc::new(self.mc, RefLock::new(items)))
    }

    pub fn new_dict(&self, d: Dict<'gc>) -> GcCell<'gc, Dict<'gc>> {
        Gc::new(self.mc, RefLock::new(d))
    }

    pub fn int(&self, b: num_bigint::BigInt) -> Value<'gc> {
        crate::ops::num::int_from_big(self.mc, b)
    }

    /// The exception class named `name` (a builtin one).
    pub fn exc_class(&self, name: &str) -> Gc<'gc, Class<'gc>> {
        *self.st.types.exceptions.get(name).unwrap_or_else(|| &self.st.types.exceptions["SystemError"])
    }

    /// A new exception instance of `class` with `args`.
    pub fn new_exc(&self, class: Gc<'gc, Class<'gc>>, args: Vec<Value<'gc>>) -> PyErr<'gc> {
        Gc::new(
            self.mc,
            RefLock::new(Exc {
                class,
                args: self.tuple(args),
                cause: Value::None,
                context: Value::None,
                suppress_context: false,
                traceback: Vec::new(),
                dict: None,
                group: None,
            }),
        )
    }

    /// `name(msg)`, e.g. `ctx.error("TypeError", "...")`.
    pub fn error(&self, name: &str, msg: impl crate::object::IntoText) -> PyErr<'gc> {
        let class = self.exc_class(name);
        let msg = self.new_str(msg);
        self.new_exc(class, vec![msg])
    }

    pub fn type_error<T>(&self, msg: impl crate::object::IntoText) -> PyResult<'gc, T> {
        Err(self.error("TypeError", msg))
    }

    pub fn value_error<T>(&self, msg: impl crate::object::IntoText) -> PyResult<'gc, T> {
        Err(self.error("ValueError", msg))
    }

    /// The type of any value.
    pub fn type_of(&self, v: Value<'gc>) -> Gc<'gc, Class<'gc>> {
        let t = &self.st.types;
        match v {
            Value::Undef | Value::None => t.none,
            Value::NotImplemented => t.not_implemented,
            Value::Ellipsis => t.ellipsis,
            Value::Bool(_) => t.bool_,
            Value::Int(_) | Value::BigInt(_) => t.int,
            Value::Float(_) => t.float,
            Value::Complex(_) => t.complex,
            Value::Str(_) => t.str,
            Value::Bytes(_) => t.bytes,
            Value::Tuple(_) => t.tuple,
            Value::List(_) => t.list,
            Value::Dict(_) => t.dict,
            Value::Set(_) => t.set,
            Value::FrozenSet(_) => t.frozenset,
            Value::Cell(_) => t.cell,
            Value::Function(_) => t.function,
            Value::Builtin(b) if b.slot => {
                if b.bound.is_undef() {
                    t.wrapper_descriptor
                } else {
                    t.method_wrapper
                }
            }
            Value::Builtin(_) => t.builtin_function,
            Value::Method(_) => t.method,
            Value::Code(_) => t.code,
            Value::Module(_) => t.module,
            Value::Type(c) => c.meta.unwrap_or(t.type_),
            Value::Instance(i) => i.class,
            Value::Exception(e) => e.borrow().class,
            Value::Range(_) => t.range,
            Value::Slice(_) => t.slice,
            Value::Iter(_) => t.iterator,
            Value::DictView(v) => match v.kind {
                crate::object::ViewKind::Keys => t.dict_keys,
                crate::object::ViewKind::Values => t.dict_values,
                crate::object::ViewKind::Items => t.dict_items,
            },
            Value::Generator(_) => t.generator,
            Value::Frame(_) => t.frame,
            Value::Descriptor(d) => match &*d {
                crate::object::Descriptor::StaticMethod(_) => t.staticmethod,
                crate::object::Descriptor::ClassMethod(_) => t.classmethod,
                crate::object::Descriptor::Property(_) => t.property,
                crate::object::Descriptor::Super(_) => t.super_,
            },
        }
    }

    /// The name of a value's type, as error messages show it.
    pub fn type_name(&self, v: Value<'gc>) -> &'gc str {
        match v {
            Value::Iter(it) => crate::ops::iter::iter_type_name(&it.borrow()),
            _ => self.type_of(v).name_str(),
        }
    }

    pub fn is_instance_of(&self, v: Value<'gc>, class: Gc<'gc, Class<'gc>>) -> bool {
        Class::is_subclass(self.type_of(v), class)
    }

    /// Whether exception `e` is an instance of the builtin exception class `name`.
    pub fn exc_matches(&self, e: PyErr<'gc>, name: &str) -> bool {
        Class::is_subclass(e.borrow().class, self.exc_class(name))
    }

    pub fn write_stdout(&mut self, s: &str) {
        self.st.out.write(s);
    }
}
