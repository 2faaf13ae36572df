//! One entry of `components`: its fields, their defaults, and `kind`/`glue`.

use super::object::{check_keys, entries, get, Entries};
use super::path::field;
use super::scalar::{positive_int, short_string, string, text, url};
use super::{capabilities, load, props, Ctx};
use crate::fields;
use crate::integrity::check_integrity;
use crate::limits::{
    MAX_BUDGET_BYTES, MAX_FALLBACK_CHARS, MAX_MEMORY_PAGES, MAX_NAME_LEN, MAX_SLOT_CHARS,
    MAX_STRING_BYTES, MAX_TIMEOUT_MS,
};
use crate::manifest::{Budget, Component, Kind};
use crate::text::{cat, got, quoted};
use crate::value::Value;

/// Is `name` a valid component name: `[a-z0-9][a-z0-9_-]{0,63}`?
pub(super) fn valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let allowed = |b: &u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    !bytes.is_empty()
        && bytes.len() <= MAX_NAME_LEN
        && allowed(&bytes[0])
        && bytes.iter().all(|b| allowed(b) || *b == b'-' || *b == b'_')
}

/// The component's name as written, when it is a valid one.
pub(super) fn known_name(value: &Value) -> Option<&str> {
    match value {
        Value::Object(entries) => get(entries, "name")?.as_str().filter(|n| valid_name(n)),
        _ => None,
    }
}

/// Validates `components[i]` at `path`; problems inside it name the component when it has a
/// valid name.
pub(super) fn component(ctx: &mut Ctx, path: &str, value: &Value) -> Option<Component> {
    let entries = entries(ctx, path, value)?;
    ctx.component = known_name(value).map(Into::into);
    let component = fields_of(ctx, path, entries);
    ctx.component = None;
    component
}

fn fields_of(ctx: &mut Ctx, path: &str, entries: &Entries) -> Option<Component> {
    check_keys(ctx, path, entries, fields::COMPONENT);
    let at = |key: &str| field(path, key);
    let name = required(ctx, path, entries, "name").and_then(|v| name(ctx, &at("name"), v));
    let module = required(ctx, path, entries, "module").and_then(|v| url(ctx, &at("module"), v));
    let slot = required(ctx, path, entries, "slot")
        .and_then(|v| text(ctx, &at("slot"), v, MAX_SLOT_CHARS, true));
    let integrity = get(entries, "integrity").and_then(|v| integrity(ctx, &at("integrity"), v));
    let kind = kind(ctx, path, entries);
    let budget =
        get(entries, "budget").map_or_else(Budget::default, |v| budget(ctx, &at("budget"), v));
    let load =
        get(entries, "load").map_or_else(Default::default, |v| load::load(ctx, &at("load"), v));
    let props = get(entries, "props")
        .map_or_else(Value::empty_object, |v| props::props(ctx, &at("props"), v));
    let capabilities = get(entries, "capabilities").map_or_else(Default::default, |v| {
        capabilities::capabilities(ctx, &at("capabilities"), v)
    });
    let fallback = get(entries, "fallback")
        .and_then(|v| text(ctx, &at("fallback"), v, MAX_FALLBACK_CHARS, false))
        .map(Into::into);
    let timeout_ms = get(entries, "timeoutMs")
        .and_then(|v| positive_int(ctx, &at("timeoutMs"), v, MAX_TIMEOUT_MS.into()))
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

fn required<'v>(ctx: &mut Ctx, path: &str, entries: &'v Entries, key: &str) -> Option<&'v Value> {
    let value = get(entries, key);
    if value.is_none() {
        ctx.report(&field(path, key), "missing required field".into());
    }
    value
}

fn name<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    let name = string(ctx, path, value)?;
    if valid_name(name) {
        return Some(name);
    }
    let message =
        "must be 1 to 64 lowercase letters, digits, '-' or '_', starting with a letter or digit";
    ctx.report(path, got(message, value));
    None
}

fn integrity<'v>(ctx: &mut Ctx, path: &str, value: &'v Value) -> Option<&'v str> {
    let s = short_string(ctx, path, value, MAX_STRING_BYTES)?;
    match check_integrity(s) {
        Ok(()) => Some(s),
        Err(message) => {
            ctx.report(path, message);
            None
        }
    }
}

/// `kind` and `glue` together: bindgen requires glue, isolated forbids it.
fn kind(ctx: &mut Ctx, path: &str, entries: &Entries) -> Option<Kind> {
    let glue = get(entries, "glue");
    let kind = match get(entries, "kind") {
        None => "isolated",
        Some(v) => match v.as_str() {
            Some(k) if fields::KINDS.contains(&k) => k,
            _ => {
                ctx.report(
                    &field(path, "kind"),
                    got("must be \"isolated\" or \"bindgen\"", v),
                );
                if let Some(g) = glue {
                    url(ctx, &field(path, "glue"), g);
                }
                return None;
            }
        },
    };
    let glue_path = field(path, "glue");
    match (kind, glue) {
        ("bindgen", Some(g)) => Some(Kind::Bindgen {
            glue: url(ctx, &glue_path, g)?.into(),
        }),
        ("bindgen", None) => {
            ctx.report(
                &glue_path,
                "missing required field (kind is \"bindgen\")".into(),
            );
            None
        }
        (_, Some(_)) => {
            let message = cat(&[
                "only allowed when kind is \"bindgen\", this component's kind is ",
                &quoted(kind),
            ]);
            ctx.report(&glue_path, message);
            None
        }
        (_, None) => Some(Kind::Isolated),
    }
}

fn budget(ctx: &mut Ctx, path: &str, value: &Value) -> Budget {
    let mut budget = Budget::default();
    let Some(entries) = entries(ctx, path, value) else {
        return budget;
    };
    check_keys(ctx, path, entries, fields::BUDGET);
    for (key, slot) in [
        ("maxBytes", &mut budget.max_bytes),
        ("maxGzipBytes", &mut budget.max_gzip_bytes),
        ("maxBrotliBytes", &mut budget.max_brotli_bytes),
    ] {
        if let Some(v) = get(entries, key) {
            *slot = positive_int(ctx, &field(path, key), v, MAX_BUDGET_BYTES);
        }
    }
    if let Some(v) = get(entries, "maxMemoryPages") {
        budget.max_memory_pages = positive_int(
            ctx,
            &field(path, "maxMemoryPages"),
            v,
            MAX_MEMORY_PAGES.into(),
        )
        .map(|pages| pages as u32);
    }
    budget
}
