//! Names and slots are unique across components.

use super::component::known_name;
use super::path::Path;
use super::Ctx;
use crate::text::quoted;
use crate::value::Value;

/// Reports each component whose name or slot an earlier component already uses.
pub(super) fn names_and_slots(ctx: &mut Ctx, path: &Path<'_>, items: &[Value]) {
    for (i, item) in items.iter().enumerate() {
        let name = known_name(item);
        let at = path.index(i);
        for (key, this, of) in [
            ("name", name, known_name as fn(&Value) -> Option<&str>),
            ("slot", slot_of(item), slot_of),
        ] {
            let Some(this) = this else { continue };
            if let Some(first) = items
                .iter()
                .take(i)
                .position(|earlier| of(earlier) == Some(this))
            {
                let parts = [
                    "duplicate ",
                    key,
                    " ",
                    &quoted(this),
                    ", already used by ",
                    &path.index(first).render(),
                ];
                ctx.report_in(&at.key(key), name, &parts);
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
