//! `capabilities`: lists of topic patterns for `publish` and `subscribe`.

use super::object::{get, object};
use super::path::Path;
use super::scalar::checked;
use super::Ctx;
use crate::fields;
use crate::limits::MAX_PATTERNS;
use crate::manifest::Capabilities;
use crate::text::Msg;
use crate::topic::check_pattern;
use crate::value::Value;
use alloc::string::String;
use alloc::vec::Vec;

/// The capabilities at `path`; lists with problems keep their valid patterns.
pub(super) fn capabilities(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) -> Capabilities {
    let mut capabilities = Capabilities::default();
    let Some(entries) = object(ctx, path, value, Some(fields::CAPABILITIES)) else {
        return capabilities;
    };
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

fn patterns(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) -> Vec<String> {
    let Value::Array(items) = value else {
        ctx.say_got(path, "must be an array of topic patterns", value);
        return Vec::new();
    };
    if items.len() > MAX_PATTERNS {
        let mut message = Msg::new("must list at most 64 patterns, got ");
        message.int(items.len() as i64);
        ctx.report(path, message);
    }
    let mut valid: Vec<String> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let Some(pattern) = checked(ctx, &item_path, item, check_pattern, true) else {
            continue;
        };
        match items
            .iter()
            .position(|earlier| earlier.as_str() == Some(pattern))
        {
            Some(first) if first < i => {
                let mut message = Msg::new("duplicate pattern ");
                message
                    .quoted(pattern)
                    .s(", already at ")
                    .s(&path.index(first).render());
                ctx.report(&item_path, message);
            }
            _ => valid.push(pattern.into()),
        }
    }
    valid
}
