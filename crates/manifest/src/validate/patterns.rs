//! `capabilities.publish` and `capabilities.subscribe`: lists of topic patterns.

use super::path::Path;
use super::scalar::{checked, CheckStr};
use super::Ctx;
use crate::limits::MAX_PATTERNS;
use crate::text::Msg;
use crate::value::Value;

/// Checks a list of topic patterns: at most 64, each valid, none repeated.
pub(super) fn patterns(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) {
    let Value::Array(items) = value else {
        ctx.say_got(path, "must be an array of topic patterns", value);
        return;
    };
    if items.len() > MAX_PATTERNS {
        let mut message = Msg::new("must list at most 64 patterns, got ");
        message.int(items.len() as i64);
        ctx.report(path, message);
    }
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let Some(pattern) = checked(ctx, &item_path, item, CheckStr::Pattern) else {
            continue;
        };
        let first = items
            .iter()
            .position(|earlier| earlier.as_str() == Some(pattern));
        if let Some(first) = first.filter(|&first| first < i) {
            let mut message = Msg::new("duplicate pattern ");
            message
                .quoted(pattern)
                .s(", already at ")
                .s(&path.index(first).render());
            ctx.report(&item_path, message);
        }
    }
}
