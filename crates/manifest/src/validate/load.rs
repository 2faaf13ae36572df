//! `load`: `"eager"`, `"idle"`, `"visible"`, `"manual"` or `{"route": "/pattern"}`.

use super::path::Path;
use super::rules::{check_object, ROUTE_LOAD};
use super::Ctx;
use crate::fields;
use crate::value::Value;

const EXPECTED: &str =
    "must be \"eager\", \"idle\", \"visible\", \"manual\" or {\"route\": \"/path\"}";

/// Checks the load policy at `path`.
pub(super) fn load<'v>(ctx: &mut Ctx<'v>, path: &Path<'_>, value: &'v Value) {
    match value {
        Value::String(s) if fields::LOAD_POLICIES.contains(&s.as_str()) => {}
        Value::Object(_) => check_object(ctx, path, value, &ROUTE_LOAD),
        _ => ctx.say_got(path, EXPECTED, value),
    }
}
