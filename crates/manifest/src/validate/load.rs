//! `load`: `"eager"`, `"idle"`, `"visible"`, `"manual"` or `{"route": "/pattern"}`.


use super::object::{check_keys, entries};
use super::path::Path;
use super::root::required;
use super::scalar::string;
use super::Ctx;
use crate::fields;
use crate::manifest::Load;
use crate::route::check_route;
use crate::value::Value;

const EXPECTED: &str =
    "must be \"eager\", \"idle\", \"visible\", \"manual\" or {\"route\": \"/path\"}";

/// The load policy at `path`; on a problem, the default ([`Load::Eager`]) so validation goes on.
pub(super) fn load(ctx: &mut Ctx, path: &Path<'_>, value: &Value) -> Load {
    match value {
        Value::String(s) => match s.as_str() {
            "eager" => return Load::Eager,
            "idle" => return Load::Idle,
            "visible" => return Load::Visible,
            "manual" => return Load::Manual,
            _ => ctx.report_got(path, &[EXPECTED], value),
        },
        Value::Object(_) => {
            if let Some(pattern) = route(ctx, path, value) {
                return Load::Route(pattern.into());
            }
        }
        other => ctx.report_got(path, &[EXPECTED], other),
    }
    Load::Eager
}

fn route<'v>(ctx: &mut Ctx, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    let entries = entries(ctx, path, value)?;
    check_keys(ctx, path, entries, Some(fields::ROUTE_LOAD));
    let route = required(ctx, path, entries, "route")?;
    let route_path = path.key("route");
    let pattern = string(ctx, &route_path, route)?;
    match check_route(pattern) {
        Ok(()) => Some(pattern),
        Err(message) => {
            ctx.report_got(&route_path, &[&message], route);
            None
        }
    }
}
