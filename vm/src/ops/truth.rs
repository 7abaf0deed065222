//! Truth testing (`bool(x)`).

use crate::ctx::{Ctx, PyResult};
use crate::value::Value;

pub fn truthy<'gc>(ctx: &mut Ctx<'gc, '_>, v: Value<'gc>) -> PyResult<'gc, bool> {
    Ok(match v {
        Value::Undef | Value::None => false,
        Value::Bool(b) => b,
        Value::Int(i) => i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => f != 0.0,
        Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::Bytes(b) => !b.is_empty(),
        Value::Tuple(t) => !t.0.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Dict(d) => !d.borrow().is_empty(),
        Value::Set(s) => !s.borrow().is_empty(),
        Value::FrozenSet(s) => !s.is_empty(),
        Value::Range(r) => !r.is_empty(),
        Value::DictView(v) => !v.dict.borrow().is_empty(),
        Value::Instance(_) => {
            if let Some(b) = crate::ops::attr::special_method(ctx, v, crate::dunder!("__bool__"))? {
                let r = crate::interp::call_value(ctx, b, &[], &[])?;
                return match r {
                    Value::Bool(b) => Ok(b),
                    _ => {
                        let msg = format!("__bool__ should return bool, returned {}", ctx.type_name(r));
                        ctx.type_error(msg)
                    }
                };
            }
            if let Some(l) = crate::ops::attr::special_method(ctx, v, crate::dunder!("__len__"))? {
                let r = crate::interp::call_value(ctx, l, &[], &[])?;
                return Ok(!matches!(r, Value::Int(0)));
            }
            true
        }
        _ => true,
    })
}
