//! The top-level object: `$schema`, `manifestVersion`, `budget`, `components`.

use super::object::{check_keys, entries, get};
use super::path::{field, index};
use super::scalar::{positive_int, short_string};
use super::{component, unique, Ctx};
use crate::fields;
use crate::limits::{MAX_BUDGET_BYTES, MAX_COMPONENTS, MAX_STRING_BYTES};
use crate::manifest::{Manifest, TotalBudget};
use crate::text::{cat, got, int, push_value};
use crate::value::Value;
use crate::MANIFEST_VERSION;

/// Validates the whole document. Returns a manifest only when every required part was readable;
/// the caller still checks that no problem was reported.
pub(super) fn manifest(ctx: &mut Ctx, value: &Value) -> Option<Manifest> {
    let root = entries(ctx, "", value)?;
    check_keys(ctx, "", root, fields::MANIFEST);
    if let Some(schema) = get(root, "$schema") {
        short_string(ctx, "$schema", schema, MAX_STRING_BYTES);
    }
    let version = match get(root, "manifestVersion") {
        Some(v) => manifest_version(ctx, v),
        None => {
            ctx.report("manifestVersion", "missing required field".into());
            None
        }
    };
    let budget = match get(root, "budget") {
        Some(v) => total_budget(ctx, v),
        None => TotalBudget::default(),
    };
    let components = match get(root, "components") {
        Some(v) => components(ctx, v),
        None => {
            ctx.report("components", "missing required field".into());
            None
        }
    };
    Some(Manifest {
        manifest_version: version?,
        budget,
        components: components?,
    })
}

fn manifest_version(ctx: &mut Ctx, value: &Value) -> Option<u32> {
    let message = match value {
        Value::Number(n) if *n == f64::from(MANIFEST_VERSION) => return Some(MANIFEST_VERSION),
        Value::Number(n) if n.is_finite() && n.fract() == 0.0 => {
            let mut m = String::from("unsupported manifest version ");
            push_value(&mut m, value);
            m.push_str(", this reader supports version ");
            m.push_str(&int(i64::from(MANIFEST_VERSION)));
            m
        }
        other => got(
            &cat(&["must be the integer ", &int(i64::from(MANIFEST_VERSION))]),
            other,
        ),
    };
    ctx.report("manifestVersion", message);
    None
}

fn total_budget(ctx: &mut Ctx, value: &Value) -> TotalBudget {
    let mut budget = TotalBudget::default();
    let Some(entries) = entries(ctx, "budget", value) else {
        return budget;
    };
    check_keys(ctx, "budget", entries, fields::TOTAL_BUDGET);
    for (key, slot) in [
        ("totalBytes", &mut budget.total_bytes),
        ("totalGzipBytes", &mut budget.total_gzip_bytes),
        ("totalBrotliBytes", &mut budget.total_brotli_bytes),
    ] {
        if let Some(v) = get(entries, key) {
            *slot = positive_int(ctx, &field("budget", key), v, MAX_BUDGET_BYTES);
        }
    }
    budget
}

fn components(ctx: &mut Ctx, value: &Value) -> Option<Vec<crate::Component>> {
    let Value::Array(items) = value else {
        ctx.report("components", got("must be an array", value));
        return None;
    };
    if items.len() > MAX_COMPONENTS {
        let message = cat(&[
            "must list at most 256 components, got ",
            &int(items.len() as i64),
        ]);
        ctx.report("components", message);
    }
    let mut valid = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        if let Some(component) = component::component(ctx, &index("components", i), item) {
            valid.push(component);
        }
    }
    unique::names_and_slots(ctx, items);
    Some(valid)
}
