//! The manifest's shape as data: for each object, its fields (the lists in [`crate::fields`]),
//! which are required, and the rule each field's value follows; and the one walk that applies
//! them. A table instead of code per field keeps the loader's wasm small.

use super::object::{get, object};
use super::path::Path;
use super::scalar::{checked, positive_int, CheckStr};
use super::{component, load, patterns, props, version, Ctx};
use crate::fields;
use crate::limits::{MAX_BUDGET_BYTES, MAX_DOM_BYTES, MAX_MEMORY_PAGES, MAX_TIMEOUT_MS};
use crate::value::Value;

/// How a field's value is checked.
#[derive(Clone, Copy)]
pub(super) enum Rule {
    /// The top-level `budget` object.
    TotalBudget,
    /// A component's `budget` object.
    Budget,
    /// A component's `capabilities` object.
    Capabilities,
    /// A string that `CheckStr` accepts.
    Str(CheckStr),
    /// A byte budget: an integer from 1 to [`MAX_BUDGET_BYTES`].
    Bytes,
    /// `maxMemoryPages`: an integer from 1 to [`MAX_MEMORY_PAGES`].
    Pages,
    /// `maxDomBytes`: an integer from 1 to [`MAX_DOM_BYTES`].
    DomBytes,
    /// `timeoutMs` and `maxCallMs`: an integer from 1 to [`MAX_TIMEOUT_MS`].
    Timeout,
    /// `manifestVersion`.
    Version,
    /// The `components` array.
    Components,
    /// `kind`, with `glue`: checked even when absent, since `glue` depends on it.
    Kind,
    /// Checked by another field's rule (`glue` and `isolation`, by `kind`).
    Elsewhere,
    /// `load`: a policy name or a route object.
    Load,
    /// `props`: any JSON within limits.
    Props,
    /// A list of topic patterns.
    Patterns,
    /// A list of origins.
    Origins,
}

/// An object's fields: `names[i]` follows `rules[i]`, and is required when bit `i` of
/// `required` is set.
pub(super) struct Shape {
    pub names: &'static [&'static str],
    pub rules: &'static [Rule],
    pub required: u16,
}

/// The top-level object.
pub(super) const MANIFEST: Shape = Shape {
    names: fields::MANIFEST,
    rules: &[
        Rule::Str(CheckStr::Bytes),
        Rule::Version,
        Rule::TotalBudget,
        Rule::Components,
    ],
    required: 0b1010,
};

const TOTAL_BUDGET: Shape = Shape {
    names: fields::TOTAL_BUDGET,
    rules: &[Rule::Bytes, Rule::Bytes, Rule::Bytes],
    required: 0,
};

/// One entry of `components`.
pub(super) const COMPONENT: Shape = Shape {
    names: fields::COMPONENT,
    rules: &[
        Rule::Str(CheckStr::Name),
        Rule::Str(CheckStr::Url),
        Rule::Str(CheckStr::Slot),
        Rule::Str(CheckStr::Integrity),
        Rule::Kind,
        Rule::Elsewhere,
        Rule::Budget,
        Rule::Load,
        Rule::Props,
        Rule::Capabilities,
        Rule::Str(CheckStr::Fallback),
        Rule::Timeout,
        Rule::Elsewhere,
    ],
    required: 0b111,
};

const BUDGET: Shape = Shape {
    names: fields::BUDGET,
    rules: &[
        Rule::Bytes,
        Rule::Bytes,
        Rule::Bytes,
        Rule::Pages,
        Rule::DomBytes,
        Rule::Timeout,
    ],
    required: 0,
};

/// The object form of `load`.
pub(super) const ROUTE_LOAD: Shape = Shape {
    names: fields::ROUTE_LOAD,
    rules: &[Rule::Str(CheckStr::Route)],
    required: 1,
};

const CAPABILITIES: Shape = Shape {
    names: fields::CAPABILITIES,
    rules: &[Rule::Patterns, Rule::Patterns, Rule::Origins],
    required: 0,
};

/// Checks the object at `path` against `shape`: its keys, then each field in order.
pub(super) fn check_object<'v>(
    ctx: &mut Ctx<'v>,
    path: &Path<'_>,
    value: &'v Value,
    shape: &Shape,
) {
    let Some(entries) = object(ctx, path, value, Some(shape.names)) else {
        return;
    };
    for (i, (name, rule)) in shape.names.iter().zip(shape.rules).enumerate() {
        let at = path.key(name);
        match (get(entries, name), rule) {
            (_, Rule::Kind) => component::kind(ctx, path, entries),
            (Some(v), rule) => check(ctx, &at, v, *rule),
            (None, _) if shape.required & (1 << i) != 0 => {
                ctx.say(&at, "missing required field");
            }
            (None, _) => {}
        }
    }
}

/// Checks `value` at `path` against `rule`.
fn check<'v>(ctx: &mut Ctx<'v>, path: &Path<'_>, value: &'v Value, rule: Rule) {
    match rule {
        Rule::TotalBudget => check_object(ctx, path, value, &TOTAL_BUDGET),
        Rule::Budget => check_object(ctx, path, value, &BUDGET),
        Rule::Capabilities => check_object(ctx, path, value, &CAPABILITIES),
        Rule::Str(kind) => {
            checked(ctx, path, value, kind);
        }
        Rule::Bytes => {
            positive_int(ctx, path, value, MAX_BUDGET_BYTES);
        }
        Rule::Pages => {
            positive_int(ctx, path, value, MAX_MEMORY_PAGES.into());
        }
        Rule::DomBytes => {
            positive_int(ctx, path, value, MAX_DOM_BYTES.into());
        }
        Rule::Timeout => {
            positive_int(ctx, path, value, MAX_TIMEOUT_MS.into());
        }
        Rule::Version => version::version(ctx, path, value),
        Rule::Components => component::components(ctx, path, value),
        Rule::Load => load::load(ctx, path, value),
        Rule::Props => props::props(ctx, path, value),
        Rule::Patterns => patterns::list(ctx, path, value, &patterns::PATTERNS),
        Rule::Origins => patterns::list(ctx, path, value, &patterns::ORIGINS),
        Rule::Kind | Rule::Elsewhere => {}
    }
}
