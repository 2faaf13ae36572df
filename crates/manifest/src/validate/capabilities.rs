//! `capabilities`: lists of topic patterns for `publish` and `subscribe`.

use super::object::{check_keys, entries, get};
use super::path::{field, index};
use super::scalar::string;
use super::Ctx;
use crate::fields;
use crate::limits::MAX_PATTERNS;
use crate::manifest::Capabilities;
use crate::text::{cat, got, int, quoted};
use crate::topic::check_pattern;
use crate::value::Value;

/// The capabilities at `path`; lists with problems keep their valid patterns.
pub(super) fn capabilities(ctx: &mut Ctx, path: &str, value: &Value) -> Capabilities {
    let mut capabilities = Capabilities::default();
    let Some(entries) = entries(ctx, path, value) else {
        return capabilities;
    };
    check_keys(ctx, path, entries, fields::CAPABILITIES);
    if let Some(v) = get(entries, "publish") {
        capabilities.publish = patterns(ctx, &field(path, "publish"), v);
    }
    if let Some(v) = get(entries, "subscribe") {
        capabilities.subscribe = patterns(ctx, &field(path, "subscribe"), v);
    }
    capabilities
}

fn patterns(ctx: &mut Ctx, path: &str, value: &Value) -> Vec<String> {
    let Value::Array(items) = value else {
        ctx.report(path, got("must be an array of topic patterns", value));
        return Vec::new();
    };
    if items.len() > MAX_PATTERNS {
        ctx.report(
            path,
            cat(&[
                "must list at most 64 patterns, got ",
                &int(items.len() as i64),
            ]),
        );
    }
    let mut valid: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = index(path, i);
        let Some(pattern) = string(ctx, &item_path, item) else {
            continue;
        };
        if let Err(message) = check_pattern(pattern) {
            ctx.report(&item_path, got(&message, item));
        } else if let Some(first) = items[..i]
            .iter()
            .position(|earlier| earlier.as_str() == Some(pattern))
        {
            let message = cat(&[
                "duplicate pattern ",
                &quoted(pattern),
                ", already at ",
                &index(path, first),
            ]);
            ctx.report(&item_path, message);
        } else {
            valid.push(pattern.into());
        }
    }
    valid
}
