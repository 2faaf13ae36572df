//! One entry of `components`: its fields, their defaults, and `kind`/`glue`.

use super::object::{get, object, required, Entries};
use super::path::Path;
use super::scalar::{checked, positive_int, short_string, text, url};
use super::{capabilities, load, props, Ctx};
use crate::fields;
use crate::integrity::check_integrity;
use crate::limits::{
    MAX_BUDGET_BYTES, MAX_FALLBACK_CHARS, MAX_MEMORY_PAGES, MAX_NAME_LEN, MAX_SLOT_CHARS,
    MAX_STRING_BYTES, MAX_TIMEOUT_MS,
};
use crate::manifest::{Budget, Component, Kind};
use crate::text::Msg;
use crate::value::Value;
use alloc::string::String;

/// Is `name` a valid component name: `[a-z0-9][a-z0-9_-]{0,63}`?
pub(super) fn valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    bytes.len() <= MAX_NAME_LEN
        && bytes.first().is_some_and(allowed)
        && bytes.iter().all(|b| allowed(b) || *b == b'-' || *b == b'_')
}

/// The component's name as written, when it is a valid one.
#[inline(never)]
pub(super) fn known_name(value: &Value) -> Option<&str> {
    value.get("name")?.as_str().filter(|n| valid_name(n))
}

/// Validates `components[i]` at `path`; problems inside it name the component when it has a
/// valid name.
pub(super) fn component<'v>(
    ctx: &mut Ctx<'v>,
    path: &Path<'_>,
    value: &'v Value,
) -> Option<Component> {
    ctx.component = known_name(value);
    let component = object(ctx, path, value, Some(fields::COMPONENT))
        .and_then(|entries| fields_of(ctx, path, entries));
    ctx.component = None;
    component
}

fn fields_of(ctx: &mut Ctx<'_>, path: &Path<'_>, entries: &Entries) -> Option<Component> {
    let field = |key| (get(entries, key), path.key(key));
    let name = required(ctx, path, entries, "name")
        .and_then(|v| checked(ctx, &path.key("name"), v, check_name, true));
    let module =
        required(ctx, path, entries, "module").and_then(|v| url(ctx, &path.key("module"), v));
    let slot = required(ctx, path, entries, "slot")
        .and_then(|v| text(ctx, &path.key("slot"), v, MAX_SLOT_CHARS, false));
    let (integrity, at) = field("integrity");
    let integrity = integrity.and_then(|v| {
        let s = short_string(ctx, &at, v, MAX_STRING_BYTES)?;
        checked(ctx, &at, v, check_integrity, false).map(|_| s)
    });
    let glue = kind(ctx, path, entries);
    let (budget_value, at) = field("budget");
    let budget = budget_value.map_or_else(Budget::default, |v| budget(ctx, &at, v));
    let (load_value, at) = field("load");
    let load = load_value.map_or_else(Default::default, |v| load::load(ctx, &at, v));
    let (props_value, at) = field("props");
    let props = props_value.map_or_else(Value::empty_object, |v| props::props(ctx, &at, v));
    let (capabilities_value, at) = field("capabilities");
    let capabilities = capabilities_value.map_or_else(Default::default, |v| {
        capabilities::capabilities(ctx, &at, v)
    });
    let (fallback, at) = field("fallback");
    let fallback = fallback.and_then(|v| text(ctx, &at, v, MAX_FALLBACK_CHARS, true));
    let (timeout, at) = field("timeoutMs");
    let timeout_ms = timeout.and_then(|v| positive_int(ctx, &at, v, MAX_TIMEOUT_MS.into()));
    Some(Component {
        name: name?.into(),
        module: module?.into(),
        slot: slot?.into(),
        integrity: integrity.map(String::from),
        kind: match glue? {
            Some(glue) => Kind::Bindgen { glue: glue.into() },
            None => Kind::Isolated,
        },
        budget,
        load,
        props,
        capabilities,
        fallback: fallback.map(String::from),
        timeout_ms: timeout_ms.map(|ms| ms as u32),
    })
}

fn check_name(name: &str) -> Result<(), Msg> {
    if valid_name(name) {
        return Ok(());
    }
    let message =
        "must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit";
    Err(Msg::new(message))
}

/// `kind` and `glue` together: bindgen requires glue, isolated forbids it. `Some(None)` is an
/// isolated component, `Some(Some(glue))` a bindgen one.
fn kind<'v>(ctx: &mut Ctx<'_>, path: &Path<'_>, entries: &'v Entries) -> Option<Option<&'v str>> {
    let glue = get(entries, "glue");
    let glue_path = path.key("glue");
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
                return None;
            }
        },
    };
    match (bindgen, glue) {
        (true, Some(g)) => url(ctx, &glue_path, g).map(Some),
        (false, None) => Some(None),
        (true, None) => {
            ctx.say(&glue_path, "missing required field (kind is \"bindgen\")");
            None
        }
        (false, Some(_)) => {
            let message =
                "only allowed when kind is \"bindgen\", this component's kind is \"isolated\"";
            ctx.say(&glue_path, message);
            None
        }
    }
}

fn budget(ctx: &mut Ctx<'_>, path: &Path<'_>, value: &Value) -> Budget {
    let mut budget = Budget::default();
    let Some(entries) = object(ctx, path, value, Some(fields::BUDGET)) else {
        return budget;
    };
    let mut pages = None;
    for (key, slot) in fields::BUDGET.iter().zip([
        &mut budget.max_bytes,
        &mut budget.max_gzip_bytes,
        &mut budget.max_brotli_bytes,
        &mut pages,
    ]) {
        let max = if *key == "maxMemoryPages" {
            MAX_MEMORY_PAGES.into()
        } else {
            MAX_BUDGET_BYTES
        };
        if let Some(v) = get(entries, key) {
            *slot = positive_int(ctx, &path.key(key), v, max);
        }
    }
    budget.max_memory_pages = pages.map(|p| p as u32);
    budget
}
