//! One entry of `components`: its fields, their defaults, and `kind`/`glue`.

use super::object::{check_keys, entries, get, Entries};
use super::path::Path;
use super::root::required;
use super::scalar::{positive_int, short_string, string, text, url};
use super::{capabilities, load, props, Ctx};
use crate::fields;
use crate::integrity::check_integrity;
use crate::limits::{
    MAX_BUDGET_BYTES, MAX_FALLBACK_CHARS, MAX_MEMORY_PAGES, MAX_NAME_LEN, MAX_SLOT_CHARS,
    MAX_STRING_BYTES, MAX_TIMEOUT_MS,
};
use crate::manifest::{Budget, Component, Kind};
use crate::text::quoted;
use crate::value::Value;

/// Is `name` a valid component name: `[a-z0-9][a-z0-9_-]{0,63}`?
pub(super) fn valid_name(name: &str) -> bool {
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

/// Validates `components[i]` at `path`; problems inside it name the component when it has a
/// valid name.
pub(super) fn component(ctx: &mut Ctx, path: &Path<'_>, value: &Value) -> Option<Component> {
    let entries = entries(ctx, path, value)?;
    ctx.component = known_name(value).map(Into::into);
    let component = fields_of(ctx, path, entries);
    ctx.component = None;
    component
}

fn fields_of(ctx: &mut Ctx, path: &Path<'_>, entries: &Entries) -> Option<Component> {
    check_keys(ctx, path, entries, Some(fields::COMPONENT));
    let name = required(ctx, path, entries, "name").and_then(|v| name(ctx, &path.key("name"), v));
    let module =
        required(ctx, path, entries, "module").and_then(|v| url(ctx, &path.key("module"), v));
    let slot = required(ctx, path, entries, "slot")
        .and_then(|v| text(ctx, &path.key("slot"), v, MAX_SLOT_CHARS, true));
    let integrity =
        get(entries, "integrity").and_then(|v| integrity(ctx, &path.key("integrity"), v));
    let kind = kind(ctx, path, entries);
    let budget = get(entries, "budget")
        .map_or_else(Budget::default, |v| budget(ctx, &path.key("budget"), v));
    let load = get(entries, "load")
        .map_or_else(Default::default, |v| load::load(ctx, &path.key("load"), v));
    let props = get(entries, "props").map_or_else(Value::empty_object, |v| {
        props::props(ctx, &path.key("props"), v)
    });
    let capabilities = get(entries, "capabilities").map_or_else(Default::default, |v| {
        capabilities::capabilities(ctx, &path.key("capabilities"), v)
    });
    let fallback = get(entries, "fallback")
        .and_then(|v| text(ctx, &path.key("fallback"), v, MAX_FALLBACK_CHARS, false))
        .map(Into::into);
    let timeout_ms = get(entries, "timeoutMs")
        .and_then(|v| positive_int(ctx, &path.key("timeoutMs"), v, MAX_TIMEOUT_MS.into()))
        .map(|ms| ms as u32);
    Some(Component {
        name: name?.into(),
        module: module?.into(),
        slot: slot?.into(),
        integrity: integrity.map(Into::into),
        kind: kind?,
        budget,
        load,
        props,
        capabilities,
        fallback,
        timeout_ms,
    })
}

fn name<'v>(ctx: &mut Ctx, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    let name = string(ctx, path, value)?;
    if valid_name(name) {
        return Some(name);
    }
    let message =
        "must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit";
    ctx.report_got(path, &[message], value);
    None
}

fn integrity<'v>(ctx: &mut Ctx, path: &Path<'_>, value: &'v Value) -> Option<&'v str> {
    let s = short_string(ctx, path, value, MAX_STRING_BYTES)?;
    match check_integrity(s) {
        Ok(()) => Some(s),
        Err(message) => {
            ctx.report(path, &[&message]);
            None
        }
    }
}

/// `kind` and `glue` together: bindgen requires glue, isolated forbids it.
fn kind(ctx: &mut Ctx, path: &Path<'_>, entries: &Entries) -> Option<Kind> {
    let glue = get(entries, "glue");
    let glue_path = path.key("glue");
    let kind = match get(entries, "kind") {
        None => "isolated",
        Some(v) => match v.as_str() {
            Some(k) if fields::KINDS.contains(&k) => k,
            _ => {
                ctx.report_got(
                    &path.key("kind"),
                    &["must be \"isolated\" or \"bindgen\""],
                    v,
                );
                if let Some(g) = glue {
                    url(ctx, &glue_path, g);
                }
                return None;
            }
        },
    };
    match (kind, glue) {
        ("bindgen", Some(g)) => Some(Kind::Bindgen {
            glue: url(ctx, &glue_path, g)?.into(),
        }),
        ("bindgen", None) => {
            ctx.report(
                &glue_path,
                &["missing required field (kind is \"bindgen\")"],
            );
            None
        }
        (_, Some(_)) => {
            let parts = [
                "only allowed when kind is \"bindgen\", this component's kind is ",
                &quoted(kind),
            ];
            ctx.report(&glue_path, &parts);
            None
        }
        (_, None) => Some(Kind::Isolated),
    }
}

fn budget(ctx: &mut Ctx, path: &Path<'_>, value: &Value) -> Budget {
    let mut budget = Budget::default();
    let Some(entries) = entries(ctx, path, value) else {
        return budget;
    };
    check_keys(ctx, path, entries, Some(fields::BUDGET));
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
