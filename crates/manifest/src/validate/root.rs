//! The top-level object: `$schema`, `manifestVersion`, `budget`, `components`.

use super::object::{get, object, required};
use super::path::Path;
use super::scalar::{positive_int, short_string};
use super::{component, unique, Ctx};
use crate::fields;
use crate::limits::{MAX_BUDGET_BYTES, MAX_COMPONENTS, MAX_STRING_BYTES};
use crate::manifest::{Component, Manifest, TotalBudget};
use crate::text::{is_integer, Msg};
use crate::value::Value;
use crate::MANIFEST_VERSION;
use alloc::vec::Vec;

/// Validates the whole document. Returns a manifest only when every required part was readable;
/// the caller still checks that no problem was reported.
pub(super) fn manifest<'v>(ctx: &mut Ctx<'v>, value: &'v Value) -> Option<Manifest> {
    let root = Path::Root;
    let entries = object(ctx, &root, value, Some(fields::MANIFEST))?;
    if let Some(schema) = get(entries, "$schema") {
        short_string(ctx, &root.key("$schema"), schema, MAX_STRING_BYTES);
    }
    let version =
        required(ctx, &root, entries, "manifestVersion").and_then(|v| manifest_version(ctx, v));
    let budget = get(entries, "budget").map_or_else(TotalBudget::default, |v| total_budget(ctx, v));
    let components = required(ctx, &root, entries, "components").and_then(|v| components(ctx, v));
    Some(Manifest {
        manifest_version: version?,
        budget,
        components: components?,
    })
}

fn manifest_version(ctx: &mut Ctx<'_>, value: &Value) -> Option<u32> {
    let root = Path::Root;
    let path = root.key("manifestVersion");
    match value {
        Value::Number(n) if *n == f64::from(MANIFEST_VERSION) => return Some(MANIFEST_VERSION),
        Value::Number(n) if is_integer(*n) => {
            let mut message = Msg::new("unsupported manifest version ");
            message
                .int(*n as i64)
                .s(", this reader supports version ")
                .int(MANIFEST_VERSION.into());
            ctx.report(&path, message);
        }
        other => {
            let mut message = Msg::new("must be the integer ");
            message.int(MANIFEST_VERSION.into());
            ctx.report_got(&path, message, other);
        }
    }
    None
}

fn total_budget(ctx: &mut Ctx<'_>, value: &Value) -> TotalBudget {
    let root = Path::Root;
    let path = root.key("budget");
    let mut budget = TotalBudget::default();
    let Some(entries) = object(ctx, &path, value, Some(fields::TOTAL_BUDGET)) else {
        return budget;
    };
    for (key, slot) in fields::TOTAL_BUDGET.iter().zip([
        &mut budget.total_bytes,
        &mut budget.total_gzip_bytes,
        &mut budget.total_brotli_bytes,
    ]) {
        if let Some(v) = get(entries, key) {
            *slot = positive_int(ctx, &path.key(key), v, MAX_BUDGET_BYTES);
        }
    }
    budget
}

fn components<'v>(ctx: &mut Ctx<'v>, value: &'v Value) -> Option<Vec<Component>> {
    let root = Path::Root;
    let path = root.key("components");
    let Value::Array(items) = value else {
        ctx.say_got(&path, "must be an array", value);
        return None;
    };
    if items.len() > MAX_COMPONENTS {
        let mut message = Msg::new("must list at most 256 components, got ");
        message.int(items.len() as i64);
        ctx.report(&path, message);
    }
    let mut valid = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(component) = component::component(ctx, &path.index(i), item) {
            valid.push(component);
        }
    }
    unique::names_and_slots(ctx, &path, items);
    Some(valid)
}
