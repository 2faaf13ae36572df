//! `props`: any JSON, nested at most 32 levels, without duplicate keys.

use super::object::check_keys;
use super::path::Path;
use super::Ctx;
use crate::limits::MAX_PROPS_DEPTH;
use crate::value::Value;

/// Checks the props at `path`: their depth, then (when that is bounded) duplicate keys. One walk
/// does both: it stops at the first array or object nested too deep, and then the duplicate keys
/// it reported on the way are taken back, since a value that is too deep gets only that problem.
pub(super) fn props(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) {
    let (reported, more) = (ctx.problems.len(), ctx.more);
    if !duplicate_keys(ctx, path, value, MAX_PROPS_DEPTH) {
        ctx.problems.truncate(reported);
        ctx.more = more;
        let message = "must not nest arrays and objects more than 32 levels deep";
        ctx.say(path, message);
    }
}

/// Reports duplicate keys anywhere inside `value`, unless an array or object is nested more than
/// `levels` deep in it (then returns `false`, possibly after reporting some).
fn duplicate_keys(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value, levels: usize) -> bool {
    match value {
        Value::Object(_) | Value::Array(_) if levels == 0 => false,
        Value::Object(entries) => {
            check_keys(ctx, path, entries, None);
            (entries.iter())
                .all(|(key, child)| duplicate_keys(ctx, &path.key(key), child, levels - 1))
        }
        Value::Array(items) => (items.iter().enumerate())
            .all(|(i, child)| duplicate_keys(ctx, &path.index(i), child, levels - 1)),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::{props, Ctx, Path};
    use crate::value::Value;
    use alloc::string::String;
    use alloc::vec;
    use alloc::vec::Vec;

    /// `{"a": 1, "a": 2}` inside `levels - 1` arrays inside an object with its own duplicate.
    fn nested(levels: usize) -> Value {
        let mut value = Value::Object(vec![
            ("a".into(), Value::Number(1.0)),
            ("a".into(), Value::Number(2.0)),
        ]);
        for _ in 1..levels - 1 {
            value = Value::Array(vec![value]);
        }
        Value::Object(vec![("b".into(), value), ("b".into(), Value::Null)])
    }

    /// The problem lines of `value` as the props at `props`.
    fn messages(value: &Value) -> Vec<String> {
        let mut ctx = Ctx {
            problems: Vec::new(),
            more: 0,
            component: None,
        };
        props(&mut ctx, &Path::Root.key("props"), value);
        ctx.problems.iter().map(|p| p.to_line()).collect()
    }

    #[test]
    fn duplicates_count_only_within_the_depth_limit() {
        assert_eq!(nested(32).depth_up_to(40), 32);
        let within = messages(&nested(32));
        let innermost = ["props.b", &"[0]".repeat(30), ".a: duplicate key \"a\""].concat();
        assert_eq!(within, ["props.b: duplicate key \"b\"", innermost.as_str()]);

        assert_eq!(nested(33).depth_up_to(40), 33);
        let too_deep = messages(&nested(33));
        let depth = "props: must not nest arrays and objects more than 32 levels deep";
        assert_eq!(too_deep, [depth]);
    }
}
