//! The top-level object: `$schema`, `manifestVersion`, `budget`, `components`.

use alloc::string::String;
use alloc::vec::Vec;

use super::object::{check_keys, entries, get};
use super::path::Path;
use super::scalar::{positive_int, short_string};
use super::{component, unique, Ctx};
use crate::fields;
use crate::limits::{MAX_BUDGET_BYTES, MAX_COMPONENTS, MAX_STRING_BYTES};
use crate::manifest::{Component, Manifest, TotalBudget};
use crate::text::int;
use crate::value::Value;
use crate::MANIFEST_VERSION;

/// Validates the whole document. Returns a manifest only when every required part was readable;
/// the caller still checks that no problem was reported.
pub(super) fn manifest(ctx: &mut Ctx, value: &Value) -> Option<Manifest> {
    let root = Path::Root;
    let entries = entries(ctx, &root, value)?;
    check_keys(ctx, &root, entries, Some(fields::MANIFEST));
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

/// The field `key`, or a "missing required field" problem.
pub(super) fn required<'v>(
    ctx: &mut Ctx,
    path: &Path<'_>,
    entries: &'v [(String, Value)],
    key: &str,
) -> Option<&'v Value> {
    let value = get(entries, key);
    if value.is_none() {
        ctx.report(&path.key(key), &["missing required field"]);
    }
    value
}

fn manifest_version(ctx: &mut Ctx, value: &Value) -> Option<u32> {
    let path = Path::Root;
    let path = path.key("manifestVersion");
    let supported = int(i64::from(MANIFEST_VERSION));
    match value {
        Value::Number(n) if *n == f64::from(MANIFEST_VERSION) => return Some(MANIFEST_VERSION),
        Value::Number(n) if crate::text::is_integer(*n) => {
            let parts = [
                "unsupported manifest version ",
                &int(*n as i64),
                ", this reader supports version ",
                &supported,
            ];
            ctx.report(&path, &parts);
        }
        other => ctx.report_got(&path, &["must be the integer ", &supported], other),
    }
    None
}

fn total_budget(ctx: &mut Ctx, value: &Value) -> TotalBudget {
    let root = Path::Root;
    let path = root.key("budget");
    let mut budget = TotalBudget::default();
    let Some(entries) = entries(ctx, &path, value) else {
        return budget;
    };
    check_keys(ctx, &path, entries, Some(fields::TOTAL_BUDGET));
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

fn components(ctx: &mut Ctx, value: &Value) -> Option<Vec<Component>> {
    let root = Path::Root;
    let path = root.key("components");
    let Value::Array(items) = value else {
        ctx.report_got(&path, &["must be an array"], value);
        return None;
    };
    if items.len() > MAX_COMPONENTS {
        ctx.report(
            &path,
            &[
                "must list at most 256 components, got ",
                &int(items.len() as i64),
            ],
        );
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
