//! `components`: each entry against [`COMPONENT`], `kind` with `glue`, unique names and slots.

use super::object::{get, Entries};
use super::path::Path;
use super::rules::{check_object, COMPONENT};
use super::scalar::url;
use super::{unique, Ctx};
use crate::limits::{MAX_COMPONENTS, MAX_NAME_LEN};
use crate::text::Msg;
use crate::value::Value;

/// Is `name` a valid component name: `[a-z0-9][a-z0-9_-]{0,63}`?
pub(crate) fn valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    bytes.len() <= MAX_NAME_LEN
        && bytes.first().is_some_and(allowed)
        && bytes.iter().all(|b| allowed(b) || *b == b'-' || *b == b'_')
}

/// The component's name as written, when it is a valid one.
pub(super) fn known_name(value: &Value) -> Option<&str> {
    value.get("name")?.as_str().filter(|n| valid_name(n))
}

/// Checks the `components` array: its length, each entry (whose problems name the component
/// when it has a valid name), then that names and slots are unique. A list longer than
/// [`MAX_COMPONENTS`] gets only that problem: its entries are not checked one by one.
pub(super) fn components<'v>(ctx: &mut Ctx<'v>, path: &Path<'_>, value: &'v Value) {
    let Value::Array(items) = value else {
        ctx.say_got(path, "must be an array", value);
        return;
    };
    if items.len() > MAX_COMPONENTS {
        let mut message = Msg::new("must list at most 256 components, got ");
        message.int(items.len() as i64);
        ctx.report(path, message);
        return;
    }
    for (i, item) in items.iter().enumerate() {
        ctx.component = known_name(item);
        check_object(ctx, &path.index(i), item, &COMPONENT);
    }
    unique::names_and_slots(ctx, path, items);
}

/// `kind` and `glue` of the component at `path`: bindgen requires glue, isolated forbids it.
/// `isolation`: `"main"` or `"worker"`, and `"worker"` only for an isolated component (a
/// bindgen component's glue is page code, which cannot move to a worker).
fn isolation(ctx: &mut Ctx<'_>, path: &Path<'_>, entries: &Entries) {
    let Some(v) = get(entries, "isolation") else {
        return;
    };
    let at = path.key("isolation");
    match v.as_str() {
        Some("main") => {}
        Some("worker") if get(entries, "kind").and_then(|k| k.as_str()) == Some("bindgen") => {
            ctx.say(
                &at,
                "\"worker\" is only for kind \"isolated\", this component's kind is \"bindgen\"",
            );
        }
        Some("worker") => {}
        _ => ctx.say_got(&at, "must be \"main\" or \"worker\"", v),
    }
}

pub(super) fn kind(ctx: &mut Ctx<'_>, path: &Path<'_>, entries: &Entries) {
    let glue = get(entries, "glue");
    let glue_path = path.key("glue");
    isolation(ctx, path, entries);
    let bindgen = match get(entries, "kind") {
        None => false,
        Some(v) => match v.as_str() {
            Some("isolated") => false,
            Some("bindgen") => true,
            _ => {
                let expected = "must be \"isolated\" or \"bindgen\"";
                ctx.say_got(&path.key("kind"), expected, v);
                if let Some(g) = glue {
                    url(ctx, &glue_path, g);
                }
                return;
            }
        },
    };
    match (bindgen, glue) {
        (true, Some(g)) => {
            url(ctx, &glue_path, g);
        }
        (true, None) => ctx.say(&glue_path, "missing required field (kind is \"bindgen\")"),
        (false, Some(_)) => ctx.say(
            &glue_path,
            "only allowed when kind is \"bindgen\", this component's kind is \"isolated\"",
        ),
        (false, None) => {}
    }
}
