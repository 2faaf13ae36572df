//! `capabilities`: lists of topic patterns for `publish` and `subscribe`.

use alloc::string::String;
use alloc::vec::Vec;

use super::object::{check_keys, entries, get};
use super::path::Path;
use super::scalar::string;
use super::Ctx;
use crate::fields;
use crate::limits::MAX_PATTERNS;
use crate::manifest::Capabilities;
use crate::text::{int, quoted};
use crate::topic::check_pattern;
use crate::value::Value;

/// The capabilities at `path`; lists with problems keep their valid patterns.
pub(super) fn capabilities(ctx: &mut Ctx, path: &Path<'_>, value: &Value) -> Capabilities {
    let mut capabilities = Capabilities::default();
    let Some(entries) = entries(ctx, path, value) else {
        return capabilities;
    };
    check_keys(ctx, path, entries, Some(fields::CAPABILITIES));
    for (key, list) in fields::CAPABILITIES
        .iter()
        .zip([&mut capabilities.publish, &mut capabilities.subscribe])
    {
        if let Some(v) = get(entries, key) {
            *list = patterns(ctx, &path.key(key), v);
        }
    }
    capabilities
}

fn patterns(ctx: &mut Ctx, path: &Path<'_>, value: &Value) -> Vec<String> {
    let Value::Array(items) = value else {
        ctx.report_got(path, &["must be an array of topic patterns"], value);
        return Vec::new();
    };
    if items.len() > MAX_PATTERNS {
        ctx.report(
            path,
            &[
                "must list at most 64 patterns, got ",
                &int(items.len() as i64),
            ],
        );
    }
    let mut valid: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let Some(pattern) = string(ctx, &item_path, item) else {
            continue;
        };
        if let Err(message) = check_pattern(pattern) {
            ctx.report_got(&item_path, &[&message], item);
        } else if let Some(first) = items
            .iter()
            .take(i)
            .position(|earlier| earlier.as_str() == Some(pattern))
        {
            let parts = [
                "duplicate pattern ",
                &quoted(pattern),
                ", already at ",
                &path.index(first).render(),
            ];
            ctx.report(&item_path, &parts);
        } else {
            valid.push(pattern.into());
        }
    }
    valid
}
