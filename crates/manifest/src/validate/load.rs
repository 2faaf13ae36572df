//! `load`: `"eager"`, `"idle"`, `"visible"`, `"manual"` or `{"route": "/pattern"}`.

use super::object::{check_keys, get};
use super::path::field;
use super::scalar::string;
use super::Ctx;
use crate::fields;
use crate::manifest::Load;
use crate::route::check_route;
use crate::text::got;
use crate::value::Value;

const EXPECTED: &str =
    "must be \"eager\", \"idle\", \"visible\", \"manual\" or {\"route\": \"/path\"}";

/// The load policy at `path`; on a problem, the default ([`Load::Eager`]) so validation goes on.
pub(super) fn load(ctx: &mut Ctx, path: &str, value: &Value) -> Load {
    match value {
        Value::String(s) => match s.as_str() {
            "eager" => Load::Eager,
            "idle" => Load::Idle,
            "visible" => Load::Visible,
            "manual" => Load::Manual,
            _ => {
                ctx.report(path, got(EXPECTED, value));
                Load::Eager
            }
        },
        Value::Object(entries) => {
            check_keys(ctx, path, entries, fields::ROUTE_LOAD);
            let route_path = field(path, "route");
            let Some(route) = get(entries, "route") else {
                ctx.report(&route_path, "missing required field".into());
                return Load::Eager;
            };
            let Some(pattern) = string(ctx, &route_path, route) else {
                return Load::Eager;
            };
            match check_route(pattern) {
                Ok(()) => Load::Route(pattern.into()),
                Err(message) => {
                    ctx.report(&route_path, got(&message, route));
                    Load::Eager
                }
            }
        }
        other => {
            ctx.report(path, got(EXPECTED, other));
            Load::Eager
        }
    }
}
