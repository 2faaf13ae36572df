//! The lists of `capabilities`: `publish` and `subscribe` (topic patterns) and `origins`.

use super::path::Path;
use super::scalar::{checked, CheckStr};
use super::Ctx;
use crate::limits::{MAX_ORIGINS, MAX_PATTERNS};
use crate::text::{text, Msg};
use crate::value::Value;

/// What a list holds, and its messages.
pub(super) struct List {
    /// How each item is checked.
    item: CheckStr,
    /// The most items.
    max: usize,
    /// The problem when the value is not an array.
    not_array: &'static str,
    /// The problem past `max` items, before the count.
    too_many: &'static str,
    /// The problem for a repeated item, before it.
    duplicate: &'static str,
}

/// `publish` and `subscribe`: at most [`MAX_PATTERNS`] topic patterns.
pub(super) const PATTERNS: List = List {
    item: CheckStr::Pattern,
    max: MAX_PATTERNS,
    not_array: text("must be an array of topic patterns"),
    too_many: text("must list at most 64 patterns, got "),
    duplicate: text("duplicate pattern "),
};

/// `origins`: at most [`MAX_ORIGINS`] origins.
pub(super) const ORIGINS: List = List {
    item: CheckStr::Origin,
    max: MAX_ORIGINS,
    not_array: text("must be an array of origins"),
    too_many: text("must list at most 16 origins, got "),
    duplicate: text("duplicate origin "),
};

/// Checks a list: at most `list.max` items, each valid, none repeated.
pub(super) fn list(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value, list: &List) {
    let Value::Array(items) = value else {
        ctx.say_got(path, list.not_array, value);
        return;
    };
    if items.len() > list.max {
        let mut message = Msg::new(list.too_many);
        message.int(items.len() as i64);
        ctx.report(path, message);
    }
    for (i, item) in items.iter().enumerate() {
        let item_path = path.index(i);
        let Some(text) = checked(ctx, &item_path, item, list.item) else {
            continue;
        };
        let first = items
            .iter()
            .position(|earlier| earlier.as_str() == Some(text));
        if let Some(first) = first.filter(|&first| first < i) {
            let mut message = Msg::new(list.duplicate);
            message
                .quoted(text)
                .s(", already at ")
                .s(&path.index(first).render());
            ctx.report(&item_path, message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{ORIGINS, PATTERNS};
    use crate::limits::{MAX_ORIGINS, MAX_PATTERNS};

    /// The counts in the messages are the limits.
    #[test]
    fn messages_state_the_limits() {
        assert!(PATTERNS
            .too_many
            .ends_with(&alloc::format!(" {MAX_PATTERNS} patterns, got ")));
        assert!(ORIGINS
            .too_many
            .ends_with(&alloc::format!(" {MAX_ORIGINS} origins, got ")));
    }
}
