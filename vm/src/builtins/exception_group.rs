//! `BaseExceptionGroup` and `ExceptionGroup`, as CPython 3.11's `Objects/exceptions.c` has
//! them: the constructor's checks, `message`, `exceptions`, `derive()`, `split()`,
//! `subgroup()`, `__str__`; and what `except*` does with groups (`ceval.c`'s
//! `exception_group_match` for CHECK_EG_MATCH, `_PyExc_PrepReraiseStar` for
//! PREP_RERAISE_STAR).

use gc_arena::Gc;
use hashbrown::HashSet;

use super::methods;
use crate::ctx::{Ctx, PyErr, PyResult};
use crate::object::{Args, Class, ExcGroup, Layout};
use crate::ops;
use crate::value::Value;

pub fn install<'gc>(ctx: &mut Ctx<'gc, '_>) {
    let group = ctx.exc_class("BaseExceptionGroup");
    methods(
        ctx,
        group,
        &[
            ("__new__", group_new),
            ("__str__", group_str_method),
            ("derive", derive_method),
            ("split", split_method),
            ("subgroup", subgroup_method),
        ],
    );
}

/// The group an exception is, if it is one.
pub fn group_of<'gc>(e: PyErr<'gc>) -> Option<ExcGroup<'gc>> {
    e.borrow().group
}

fn is_group<'gc>(e: PyErr<'gc>) -> bool {
    e.borrow().group.is_some()
}

fn is_exception_class(v: Value<'_>) -> bool {
    matches!(v, Value::Type(c) if c.layout == Layout::Exception)
}

/// `PySequence_Check`: what the constructor accepts as its exceptions.
fn is_sequence<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> bool {
    match v {
        Value::Str(_) | Value::Bytes(_) | Value::Tuple(_) | Value::List(_) | Value::Range(_) => true,
        Value::Instance(i) => {
            !Class::is_subclass(i.class, ctx.st.types.dict) && i.class.lookup("__getitem__").is_some()
        }
        _ => false,
    }
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`, for `cls` a subclass of
/// BaseExceptionGroup: CPython's checks and messages; a `BaseExceptionGroup` of nothing but
/// `Exception`s is an `ExceptionGroup`.
pub fn new_group<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    cls: Gc<'gc, Class<'gc>>,
    args: &[Value<'gc>],
) -> PyResult<'gc, PyErr<'gc>> {
    if args.len() != 2 {
        let msg = format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len());
        return ctx.type_error(msg);
    }
    let (message, excs) = (args[0], args[1]);
    if !ctx.is_instance_of(message, ctx.st.types.str) {
        // (PyArg_ParseTuple names None itself, other values by their type.)
        let got = if message.is_none() { "None" } else { ctx.type_name(message) };
        let msg = format!("BaseExceptionGroup.__new__() argument 1 must be str, not {got}");
        return ctx.type_error(msg);
    }
    if !is_sequence(ctx, excs) {
        return ctx.type_error("second argument (exceptions) must be a sequence");
    }
    let items = ops::iter::to_vec(ctx, excs)?;
    if items.is_empty() {
        return ctx.value_error("second argument (exceptions) must be a non-empty sequence");
    }
    let exception = ctx.exc_class("Exception");
    let mut nested_base_exceptions = false;
    for (i, item) in items.iter().enumerate() {
        let Value::Exception(e) = item else {
            let msg = format!("Item {i} of second argument (exceptions) is not an exception");
            return ctx.value_error(msg);
        };
        if !Class::is_subclass(e.borrow().class, exception) {
            nested_base_exceptions = true;
        }
    }
    let base_group = ctx.exc_class("BaseExceptionGroup");
    let exception_group = ctx.exc_class("ExceptionGroup");
    let mut cls = cls;
    if Gc::ptr_eq(cls, exception_group) {
        if nested_base_exceptions {
            return ctx.type_error("Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if Gc::ptr_eq(cls, base_group) {
        if !nested_base_exceptions {
            cls = exception_group;
        }
    } else if nested_base_exceptions && Class::is_subclass(cls, exception) {
        let msg = format!("Cannot nest BaseExceptions in '{}'", cls.name_str());
        return ctx.type_error(msg);
    }
    let e = ctx.new_exc(cls, args.to_vec());
    let exceptions = ctx.tuple(items);
    e.borrow_mut(ctx.mc).group = Some(ExcGroup { message, exceptions });
    Ok(e)
}

/// `BaseExceptionGroup(message, excs)`: `_PyExc_CreateExceptionGroup`.
fn create_group<'gc>(ctx: &mut Ctx<'gc, '_>, message: &str, excs: Value<'gc>) -> PyResult<'gc, PyErr<'gc>> {
    let base_group = ctx.exc_class("BaseExceptionGroup");
    let message = ctx.new_str(message);
    new_group(ctx, base_group, &[message, excs])
}

fn group_new<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let pos = args.positional();
    let base_group = ctx.exc_class("BaseExceptionGroup");
    let cls = match pos.first() {
        Some(Value::Type(c)) if Class::is_subclass(*c, base_group) => *c,
        Some(Value::Type(c)) => {
            let msg = format!(
                "BaseExceptionGroup.__new__({}): {} is not a subtype of BaseExceptionGroup",
                c.name_str(),
                c.name_str()
            );
            return ctx.type_error(msg);
        }
        Some(other) => {
            let msg =
                format!("BaseExceptionGroup.__new__(X): X is not a type object ({})", ctx.type_name(*other));
            return ctx.type_error(msg);
        }
        None => return ctx.type_error("BaseExceptionGroup.__new__(): not enough arguments"),
    };
    if !args.kwnames.is_empty() && Class::user_lookup(cls, crate::dunder!("__init__")).is_none() {
        return ctx.type_error(format!("{}() takes no keyword arguments", cls.name_str()));
    }
    Ok(Value::Exception(new_group(ctx, cls, &pos[1..])?))
}

/// The receiver of a BaseExceptionGroup method and its group.
fn this_group<'gc>(
    ctx: &Ctx<'gc, '_>,
    v: Value<'gc>,
    method: &str,
) -> PyResult<'gc, (PyErr<'gc>, ExcGroup<'gc>)> {
    if let Value::Exception(e) = v {
        if let Some(g) = group_of(e) {
            return Ok((e, g));
        }
    }
    super::wrong_receiver(ctx, method, "BaseExceptionGroup", v)
}

/// `str(group)`: `message (n sub-exceptions)`.
pub fn group_str<'gc>(ctx: &mut Ctx<'gc, '_>, g: ExcGroup<'gc>) -> PyResult<'gc, String> {
    let message = ops::repr::str_of(ctx, g.message)?;
    let n = g.exceptions.0.len();
    Ok(format!("{message} ({n} sub-exception{})", if n > 1 { "s" } else { "" }))
}

fn group_str_method<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let g = match args.positional().first() {
        Some(Value::Exception(e)) => group_of(*e),
        _ => None,
    };
    let Some(g) = g else {
        let got = args.positional().first().map_or("NoneType", |v| ctx.type_name(*v));
        let msg =
            format!("descriptor '__str__' requires a 'BaseExceptionGroup' object but received a '{got}'");
        return ctx.type_error(msg);
    };
    super::expect_args(ctx, "__str__", &args, 1, 1)?;
    let s = group_str(ctx, g)?;
    Ok(ctx.new_str(s))
}

fn is_group_value(v: Value<'_>) -> bool {
    matches!(v, Value::Exception(e) if is_group(e))
}

/// `derive(excs)`: `BaseExceptionGroup(self.message, excs)`.
fn derive_method<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let this = super::method_args::receiver(ctx, &args, "BaseExceptionGroup", "derive", is_group_value)?;
    let (_, g) = this_group(ctx, this, "derive")?;
    let rest = &args.positional()[1..];
    if !args.kwnames.is_empty() {
        return ctx.type_error("BaseExceptionGroup.derive() takes no keyword arguments");
    }
    if rest.len() != 1 {
        return ctx.type_error(format!("function takes exactly 1 argument ({} given)", rest.len()));
    }
    let base_group = ctx.exc_class("BaseExceptionGroup");
    Ok(Value::Exception(new_group(ctx, base_group, &[g.message, rest[0]])?))
}

/// What `split()` and `subgroup()` select by.
enum Matcher<'gc> {
    /// An exception type or a tuple of them.
    Type(Value<'gc>),
    /// A function returning true for the exceptions to select.
    Predicate(Value<'gc>),
    /// The leaf exceptions (by identity) to keep: what PREP_RERAISE_STAR re-raises.
    Leaves(HashSet<usize>),
}

/// `get_matcher_type`.
fn matcher<'gc>(ctx: &Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, Matcher<'gc>> {
    match v {
        Value::Function(_) => return Ok(Matcher::Predicate(v)),
        _ if is_exception_class(v) => return Ok(Matcher::Type(v)),
        Value::Tuple(t) if t.0.iter().all(|x| is_exception_class(*x)) => return Ok(Matcher::Type(v)),
        _ => {}
    }
    ctx.type_error("expected a function, exception type or tuple of exception types")
}

fn leaf_id(e: PyErr<'_>) -> usize {
    Gc::as_ptr(e) as usize
}

/// `exceptiongroup_split_check_match`.
fn check_match<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>, m: &Matcher<'gc>) -> PyResult<'gc, bool> {
    match m {
        Matcher::Type(t) => ops::exceptions::matches(ctx, Value::Exception(e), *t),
        Matcher::Predicate(f) => {
            let r = crate::interp::call_value(ctx, *f, &[Value::Exception(e)], &[])?;
            ops::truth::truthy(ctx, r)
        }
        Matcher::Leaves(ids) => Ok(!is_group(e) && ids.contains(&leaf_id(e))),
    }
}

/// Enter one level of a recursion over nested groups, as `_Py_EnterRecursiveCall` does.
fn enter_level<'gc>(ctx: &Ctx<'gc, '_>, depth: usize, what: &str) -> PyResult<'gc, ()> {
    if ctx.st.frames.len() + depth >= ctx.st.config.recursion_limit {
        return Err(ctx.error("RecursionError", format!("maximum recursion depth exceeded in {what}")));
    }
    Ok(())
}

/// `exceptiongroup_split_recursive`: the part of `e` that matches and (with
/// `construct_rest`) the part that does not, each keeping the structure of `e`.
fn split_recursive<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    e: PyErr<'gc>,
    m: &Matcher<'gc>,
    construct_rest: bool,
    depth: usize,
) -> PyResult<'gc, (Option<PyErr<'gc>>, Option<PyErr<'gc>>)> {
    if check_match(ctx, e, m)? {
        return Ok((Some(e), None));
    }
    let Some(g) = group_of(e) else {
        return Ok((None, construct_rest.then_some(e)));
    };
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for x in g.exceptions.0.iter() {
        let Value::Exception(x) = *x else { continue };
        enter_level(ctx, depth, "exceptiongroup_split_recursive")?;
        let (mx, rx) = split_recursive(ctx, x, m, construct_rest, depth + 1)?;
        matched.extend(mx.map(Value::Exception));
        rest.extend(rx.map(Value::Exception));
    }
    let matched = subset(ctx, e, matched)?;
    let rest = if construct_rest { subset(ctx, e, rest)? } else { None };
    Ok((matched, rest))
}

/// `exceptiongroup_subset`: `orig.derive(excs)` with `orig`'s traceback, context, cause and
/// notes; None for no exceptions.
fn subset<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    orig: PyErr<'gc>,
    excs: Vec<Value<'gc>>,
) -> PyResult<'gc, Option<PyErr<'gc>>> {
    if excs.is_empty() {
        return Ok(None);
    }
    let list = ctx.new_list(excs);
    let name = ctx.intern("derive");
    let derive = ops::attr::getattr(ctx, Value::Exception(orig), name)?;
    let eg = match crate::interp::call_value(ctx, derive, &[list], &[])? {
        Value::Exception(eg) if is_group(eg) => eg,
        _ => return ctx.type_error("derive must return an instance of BaseExceptionGroup"),
    };
    {
        let o = orig.borrow();
        let (traceback, context, cause) = (o.traceback.clone(), o.context, o.cause);
        drop(o);
        let mut b = eg.borrow_mut(ctx.mc);
        if !traceback.is_empty() {
            b.traceback = traceback;
        }
        b.context = context;
        // PyException_SetCause, which always suppresses the context.
        b.cause = cause;
        b.suppress_context = true;
    }
    let notes_name = ctx.intern("__notes__");
    if let Some(notes) = ops::attr::getattr_opt(ctx, Value::Exception(orig), notes_name)? {
        if is_sequence(ctx, notes) {
            let items = ops::iter::to_vec(ctx, notes)?;
            let copy = ctx.new_list(items);
            ops::attr::setattr(ctx, Value::Exception(eg), notes_name, copy)?;
        }
    }
    Ok(Some(eg))
}

/// The receiver and the one argument of `split()` / `subgroup()` (Argument Clinic's
/// messages).
fn one_argument<'gc>(
    ctx: &Ctx<'gc, '_>,
    args: &Args<'gc, '_>,
    method: &str,
) -> PyResult<'gc, (PyErr<'gc>, Value<'gc>)> {
    let this = super::method_args::receiver(ctx, args, "BaseExceptionGroup", method, is_group_value)?;
    let (e, _) = this_group(ctx, this, method)?;
    if !args.kwnames.is_empty() {
        return ctx.type_error(format!("BaseExceptionGroup.{method}() takes no keyword arguments"));
    }
    match &args.positional()[1..] {
        [v] => Ok((e, *v)),
        rest => ctx.type_error(format!("{method} expected 1 argument, got {}", rest.len())),
    }
}

fn split_method<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (e, v) = one_argument(ctx, &args, "split")?;
    let m = matcher(ctx, v)?;
    let (matched, rest) = split_recursive(ctx, e, &m, true, 0)?;
    let or_none = |x: Option<PyErr<'gc>>| x.map_or(Value::None, Value::Exception);
    Ok(ctx.new_tuple(vec![or_none(matched), or_none(rest)]))
}

fn subgroup_method<'gc>(ctx: &mut Ctx<'gc, '_>, args: Args<'gc, '_>) -> PyResult<'gc, Value<'gc>> {
    let (e, v) = one_argument(ctx, &args, "subgroup")?;
    let m = matcher(ctx, v)?;
    let (matched, _) = split_recursive(ctx, e, &m, false, 0)?;
    Ok(matched.map_or(Value::None, Value::Exception))
}

/// `check_except_star_type_valid`: what `except* T` may name.
pub fn check_except_star_type<'gc>(ctx: &Ctx<'gc, '_>, typ: Value<'gc>) -> PyResult<'gc, ()> {
    let types: &[Value<'gc>] = match &typ {
        Value::Tuple(t) => &t.0,
        other => std::slice::from_ref(other),
    };
    if !types.iter().all(|t| is_exception_class(*t)) {
        return ctx.type_error("catching classes that do not inherit from BaseException is not allowed");
    }
    let base_group = ctx.exc_class("BaseExceptionGroup");
    if types.iter().any(|t| matches!(t, Value::Type(c) if Class::is_subclass(*c, base_group))) {
        return ctx.type_error("catching ExceptionGroup with except* is not allowed. Use except instead.");
    }
    Ok(())
}

/// CHECK_EG_MATCH's `exception_group_match`: the part of `exc` an `except* typ` clause
/// handles and the rest (None, None when nothing matches). A matching exception that is
/// not a group is wrapped in `ExceptionGroup("", [exc])`.
pub fn exception_group_match<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    exc: Value<'gc>,
    typ: Value<'gc>,
) -> PyResult<'gc, (Value<'gc>, Value<'gc>)> {
    let Value::Exception(e) = exc else { return Ok((Value::None, Value::None)) };
    if ops::exceptions::matches(ctx, exc, typ)? {
        if is_group(e) {
            return Ok((exc, Value::None));
        }
        let excs = ctx.new_tuple(vec![exc]);
        let wrapped = create_group(ctx, "", excs)?;
        return Ok((Value::Exception(wrapped), Value::None));
    }
    if !is_group(e) {
        return Ok((Value::None, Value::None));
    }
    let name = ctx.intern("split");
    let split = ops::attr::getattr(ctx, exc, name)?;
    match crate::interp::call_value(ctx, split, &[typ], &[])? {
        Value::Tuple(t) if t.0.len() == 2 => Ok((t.0[0], t.0[1])),
        other => {
            let msg = format!("split must return a 2-tuple, not {}", ctx.type_name(other));
            ctx.type_error(msg)
        }
    }
}

/// Add the ids of the leaf exceptions of `e` to `ids`.
fn collect_leaf_ids<'gc>(
    ctx: &Ctx<'gc, '_>,
    e: Value<'gc>,
    ids: &mut HashSet<usize>,
    depth: usize,
) -> PyResult<'gc, ()> {
    let Value::Exception(e) = e else { return Ok(()) };
    match group_of(e) {
        None => {
            ids.insert(leaf_id(e));
        }
        Some(g) => {
            for x in g.exceptions.0.iter() {
                enter_level(ctx, depth, "collect_exception_group_leaf_ids")?;
                collect_leaf_ids(ctx, *x, ids, depth + 1)?;
            }
        }
    }
    Ok(())
}

/// `is_same_exception_metadata`: a group re-raised by a bare `raise` (or the untouched
/// rest) still has the original's traceback, cause and context; a raised one does not.
fn same_metadata<'gc>(a: PyErr<'gc>, b: PyErr<'gc>) -> bool {
    if Gc::ptr_eq(a, b) {
        return true;
    }
    let (a, b) = (a.borrow(), b.borrow());
    a.cause.is(b.cause)
        && a.context.is(b.context)
        && a.traceback.len() == b.traceback.len()
        && a.traceback.iter().zip(b.traceback.iter()).all(|(x, y)| Gc::ptr_eq(x.code, y.code) && x.pc == y.pc)
}

/// PREP_RERAISE_STAR's `_PyExc_PrepReraiseStar`: what a `try` ... `except*` raises after
/// its clauses ran: `excs` lists what each clause raised and, last, the unhandled rest.
/// Re-raised parts keep the structure they have in `orig`; exceptions raised in the clauses
/// are siblings of that in a new `ExceptionGroup("", [...])`. None: nothing to raise.
pub fn prep_reraise_star<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    orig: Value<'gc>,
    excs: Value<'gc>,
) -> PyResult<'gc, Value<'gc>> {
    let excs: Vec<Value<'gc>> = match excs {
        Value::List(l) => l.borrow().clone(),
        _ => return Err(ctx.error("SystemError", "PREP_RERAISE_STAR without a list")),
    };
    if excs.is_empty() {
        return Ok(Value::None);
    }
    let orig = match orig {
        Value::Exception(o) if is_group(o) => o,
        // A naked exception was caught and wrapped: only one clause ran.
        _ => return Ok(excs[0]),
    };
    let mut raised = Vec::new();
    let mut reraised = Vec::new();
    for e in excs {
        if let Value::Exception(x) = e {
            if same_metadata(x, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
    }
    // exception_group_projection: the part of orig whose leaves were re-raised.
    let mut ids = HashSet::new();
    for e in &reraised {
        collect_leaf_ids(ctx, *e, &mut ids, 0)?;
    }
    let (reraised_eg, _) = split_recursive(ctx, orig, &Matcher::Leaves(ids), false, 0)?;
    if raised.is_empty() {
        return Ok(reraised_eg.map_or(Value::None, Value::Exception));
    }
    raised.extend(reraised_eg.map(Value::Exception));
    if raised.len() > 1 {
        let list = ctx.new_list(raised);
        Ok(Value::Exception(create_group(ctx, "", list)?))
    } else {
        Ok(raised[0])
    }
}
