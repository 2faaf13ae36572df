//! `props`: any JSON, nested at most 32 levels, without duplicate keys.

use super::object::check_keys;
use super::path::Path;
use super::Ctx;
use crate::limits::MAX_PROPS_DEPTH;
use crate::value::Value;

/// Checks the props at `path`: their depth, then (when that is bounded) duplicate keys.
pub(super) fn props(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) {
    if value.depth_up_to(MAX_PROPS_DEPTH) > MAX_PROPS_DEPTH {
        let message = "must not nest arrays and objects more than 32 levels deep";
        ctx.say(path, message);
    } else {
        duplicate_keys(ctx, path, value);
    }
}

/// Reports duplicate keys anywhere inside `value` (whose depth is already known to be bounded).
fn duplicate_keys(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) {
    match value {
        Value::Object(entries) => {
            check_keys(ctx, path, entries, None);
            for (key, child) in entries {
                duplicate_keys(ctx, &path.key(key), child);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                duplicate_keys(ctx, &path.index(i), child);
            }
        }
        _ => {}
    }
}
