//! `props`: any JSON, nested at most 32 levels, without duplicate keys.

use super::object::check_duplicates;
use super::path::{field, index};
use super::Ctx;
use crate::limits::MAX_PROPS_DEPTH;
use crate::text::{cat, int};
use crate::value::Value;

/// The props at `path`, or an empty object when they nest too deep.
pub(super) fn props(ctx: &mut Ctx, path: &str, value: &Value) -> Value {
    if value.depth_up_to(MAX_PROPS_DEPTH) > MAX_PROPS_DEPTH {
        let message = cat(&[
            "must not nest arrays and objects more than ",
            &int(MAX_PROPS_DEPTH as i64),
            " levels deep",
        ]);
        ctx.report(path, message);
        return Value::empty_object();
    }
    duplicate_keys(ctx, path, value);
    value.clone()
}

/// Reports duplicate keys anywhere inside `value` (whose depth is already known to be bounded).
fn duplicate_keys(ctx: &mut Ctx, path: &str, value: &Value) {
    match value {
        Value::Object(entries) => {
            check_duplicates(ctx, path, entries);
            for (key, child) in entries {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    duplicate_keys(ctx, &field(path, key), child);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    duplicate_keys(ctx, &index(path, i), child);
                }
            }
        }
        _ => {}
    }
}
