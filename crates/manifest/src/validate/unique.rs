//! Names and slots are unique across components.

use super::component::known_name;
use super::path::{field, index};
use super::Ctx;
use crate::text::{cat, quoted};
use crate::value::Value;

/// Reports each component whose name or slot an earlier component already uses.
pub(super) fn names_and_slots(ctx: &mut Ctx, items: &[Value]) {
    for (i, item) in items.iter().enumerate() {
        let name = known_name(item);
        if let Some(n) = name {
            if let Some(first) = items[..i]
                .iter()
                .position(|earlier| known_name(earlier) == Some(n))
            {
                let message = cat(&[
                    "duplicate name ",
                    &quoted(n),
                    ", already used by ",
                    &index("components", first),
                ]);
                ctx.report_in(&field(&index("components", i), "name"), name, message);
            }
        }
        if let Some(slot) = slot_of(item) {
            if let Some(first) = items[..i]
                .iter()
                .position(|earlier| slot_of(earlier) == Some(slot))
            {
                let message = cat(&[
                    "duplicate slot ",
                    &quoted(slot),
                    ", already used by ",
                    &index("components", first),
                ]);
                ctx.report_in(&field(&index("components", i), "slot"), name, message);
            }
        }
    }
}

fn slot_of(item: &Value) -> Option<&str> {
    item.get("slot")?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}
