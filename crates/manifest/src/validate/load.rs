//! `load`: `"eager"`, `"idle"`, `"visible"`, `"manual"` or `{"route": "/pattern"}`.

use super::object::{object, required};
use super::path::Path;
use super::scalar::checked;
use super::Ctx;
use crate::fields;
use crate::manifest::Load;
use crate::route::check_route;
use crate::value::Value;

const EXPECTED: &str =
    "must be \"eager\", \"idle\", \"visible\", \"manual\" or {\"route\": \"/path\"}";

/// The load policy at `path`; on a problem, the default ([`Load::Eager`]) so validation goes on.
pub(super) fn load(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) -> Load {
    match value {
        Value::String(s) => match s.as_str() {
            "eager" => return Load::Eager,
            "idle" => return Load::Idle,
            "visible" => return Load::Visible,
            "manual" => return Load::Manual,
            _ => {}
        },
        Value::Object(_) => {
            if let Some(pattern) = route(ctx, path, value) {
                return Load::Route(pattern.into());
            }
            return Load::Eager;
        }
        _ => {}
    }
    ctx.say_got(path, EXPECTED, value);
    Load::Eager
}

fn route<'v>(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    let entries = object(ctx, path, value, Some(fields::ROUTE_LOAD))?;
    let route = required(ctx, path, entries, "route")?;
    checked(ctx, &path.key("route"), route, check_route, true)
}
