//! `__del__` on the tracing collector, with PEP 442's semantics.
//!
//! An instance whose class defines `__del__` when it is created is *watched*: the root holds
//! a weak pointer to it. The collector calls [`hook`] at the end of every marking; a watched
//! instance left unmarked is unreachable, so the hook resurrects it (with everything it
//! reaches) and moves it to the *pending* list, which the root holds strongly. At the start
//! of the next slice, before the interpreter resumes, [`run_pending`] calls each pending
//! instance's `__del__` in a nested run and drops it from the list: it is collected by a later
//! cycle unless its finalizer made it reachable again. A finalizer runs at most once per
//! object (the object is no longer watched), and an exception it raises is reported as
//! CPython reports it ("Exception ignored in: ...") and otherwise ignored.
//!
//! Timing: CPython runs a finalizer as soon as the last reference goes. A tracing collector
//! finds out at its next cycle, so two places ask for one at once: `gc.collect()` (which also
//! runs the finalizers it found and collects again what they left unreachable, before it
//! returns), and deleting a name (`del x`: DELETE_FAST / DELETE_NAME / DELETE_GLOBAL /
//! DELETE_DEREF) whose value is a watched instance, which ends the slice with a full
//! collection so that the finalizer has run before the next instruction.
//!
//! With nothing watched, the collector does not call the hook (`GcControl::set_finalizing`).

use cellvm_gc::gc_arena::arena::MarkedArena;
use gc_arena::{Collect, Gc, GcWeak};

use crate::ctx::{Ctx, PyErr};
use crate::object::{Class, Instance};
use crate::state::Root;
use crate::value::Value;

#[derive(Collect, Default)]
#[collect(no_drop)]
pub struct Finalizers<'gc> {
    /// Instances with a `__del__` that has not run, in creation order.
    watched: Vec<GcWeak<'gc, Instance<'gc>>>,
    /// Found unreachable and resurrected: their `__del__` runs at the next slice.
    pending: Vec<Gc<'gc, Instance<'gc>>>,
}

impl<'gc> Finalizers<'gc> {
    /// Whether any instance is watched (the `del` rule costs nothing otherwise).
    #[inline]
    pub fn any_watched(&self) -> bool {
        !self.watched.is_empty()
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }
}

/// Whether instances of `class` get their `__del__` called.
#[inline]
pub fn has_finalizer<'gc>(class: Gc<'gc, Class<'gc>>) -> bool {
    !class.builtin && Class::user_lookup(class, crate::dunder!("__del__")).is_some()
}

/// A new instance of `class`, watched if the class has a finalizer.
pub fn new_instance<'gc>(
    ctx: &mut Ctx<'gc, '_>,
    class: Gc<'gc, Class<'gc>>,
    dict: crate::value::GcCell<'gc, crate::object::Dict<'gc>>,
) -> Value<'gc> {
    let inst = Gc::new(ctx.mc, Instance { class, dict });
    if has_finalizer(class) {
        watch(ctx, inst);
    }
    Value::Instance(inst)
}

#[inline(never)]
fn watch<'gc>(ctx: &mut Ctx<'gc, '_>, inst: Gc<'gc, Instance<'gc>>) {
    let mut fin = ctx.st.finalizers.borrow_mut(ctx.mc);
    if fin.watched.is_empty() {
        ctx.st.gc().set_finalizing(true);
    }
    fin.watched.push(Gc::downgrade(inst));
}

/// The collector's finalization hook (installed by the VM): resurrects every watched
/// instance that marking left unreached and makes it pending.
pub fn hook(marked: MarkedArena<'_, Root>) -> bool {
    marked.finalize(|fc, st| {
        let mut fin = st.finalizers.borrow_mut(fc);
        let Finalizers { watched, pending } = &mut *fin;
        let before = pending.len();
        watched.retain(|w| {
            if !w.is_dead(fc) {
                return true;
            }
            if let Some(inst) = w.resurrect(fc) {
                pending.push(inst);
            }
            false
        });
        if watched.is_empty() {
            st.gc().set_finalizing(false);
        }
        pending.len() > before
    })
}

/// Whether deleting a name bound to `v` should collect at once (see the module comment).
#[inline]
pub fn deleting_watched(ctx: &Ctx<'_, '_>, v: Value<'_>) -> bool {
    match v {
        Value::Instance(inst) => ctx.st.finalizers.borrow().any_watched() && has_finalizer(inst.class),
        _ => false,
    }
}

/// Run the finalizers the collector found, each in a nested run; returns whether any ran.
pub fn run_pending<'gc>(ctx: &mut Ctx<'gc, '_>) -> bool {
    let batch = std::mem::take(&mut ctx.st.finalizers.borrow_mut(ctx.mc).pending);
    if batch.is_empty() {
        return false;
    }
    let handled = ctx.st.exc_info;
    for inst in batch {
        // The class may have lost its `__del__` since the instance was made.
        let Some(del) = Class::user_lookup(inst.class, crate::dunder!("__del__")) else { continue };
        ctx.st.exc_info = Value::None;
        if let Err(e) = crate::interp::call_value(ctx, del, &[Value::Instance(inst)], &[]) {
            report_unraisable(ctx, e, del);
        }
    }
    ctx.st.exc_info = handled;
    // A `gc.collect()` inside a finalizer ran nested: its request is served by the slice's
    // end, and must not stop the interrupted frame at its next native call.
    ctx.st.collect_requested = false;
    true
}

/// CPython's `PyErr_WriteUnraisable` report of an exception that left a finalizer.
fn report_unraisable<'gc>(ctx: &mut Ctx<'gc, '_>, e: PyErr<'gc>, del: Value<'gc>) {
    use std::io::Write;
    let what = crate::ops::repr::repr(ctx, del).unwrap_or_else(|_| crate::ops::repr::default_repr(ctx, del));
    let report = crate::ops::traceback::format_exception(ctx, e);
    ctx.st.out.flush();
    let _ = write!(std::io::stderr(), "Exception ignored in: {what}\n{report}");
}
