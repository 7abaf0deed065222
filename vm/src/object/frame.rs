//! Frame objects: what `sys._getframe()`, a trace function and `gi_frame` see of a frame.
//!
//! Frames themselves live in the VM's frame stack (`State::frames`), which the fast paths
//! push and pop without knowing of frame objects. A frame object is made on demand and
//! attached to its frame so that the same activation always gives the same object: a
//! function frame holds it in its `locals` field (unused in function frames, and copied
//! with the frame into and out of a generator); a module or class body frame, whose
//! `locals` is its namespace, is recognised by that namespace and its code
//! (`State::frame_objects`). So whether the frame is still running is found by looking for
//! it (`interp::trace::locate`), not told by the frame.

use gc_arena::Collect;

use crate::interp::generator::GenRef;
use crate::object::{Code, Dict};
use crate::value::{GcCell, Value};
use gc_arena::Gc;

#[derive(Collect)]
#[collect(no_drop)]
pub struct FrameObject<'gc> {
    pub code: Gc<'gc, Code<'gc>>,
    pub globals: GcCell<'gc, Dict<'gc>>,
    /// The namespace of a module or class body frame (what identifies it); None for a
    /// function frame, which holds this object in its `locals`.
    pub namespace: Option<GcCell<'gc, Dict<'gc>>>,
    /// The generator whose frame this is.
    pub generator: Option<GenRef<'gc>>,
    /// The frame object of the caller, for a frame that is not a generator's (whose caller
    /// changes): what `f_back` stays after the frame has finished.
    pub back: Option<GcCell<'gc, FrameObject<'gc>>>,
    /// `f_trace`: the local trace function (None).
    pub trace: Value<'gc>,
    /// `f_trace_lines`.
    pub trace_lines: bool,
    /// Where the frame was in the frame stack when last found (a hint for `locate`).
    #[collect(require_static)]
    pub index: usize,
    /// The instruction the frame executed last, while tracing (None before its first).
    #[collect(require_static)]
    pub prev_pc: Option<u32>,
    /// The line of the last executed instruction that has one: what a `line` event is
    /// compared with, and `f_lineno` after the frame has finished.
    #[collect(require_static)]
    pub last_line: Option<u32>,
    /// The dict `f_locals` gave for a function frame (refreshed at each access while the
    /// frame runs; what stays of its variables afterwards).
    pub locals: Option<GcCell<'gc, Dict<'gc>>>,
    /// `f_locals` was read during the current trace call: copy it back into the frame's
    /// variables when the trace function returns (CPython's `PyFrame_LocalsToFast`).
    #[collect(require_static)]
    pub locals_read: bool,
}

pub type FrameRef<'gc> = GcCell<'gc, FrameObject<'gc>>;
