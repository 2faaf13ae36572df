//! Names and slots are unique across components.

use super::component::known_name;
use super::object::earlier_equal;
use super::path::Path;
use super::Ctx;
use crate::scan::trim;
use crate::text::Msg;
use crate::value::Value;

/// Reports each component whose name or slot an earlier component already uses (in linear
/// time: a manifest with too many components never gets here, but a long list stays cheap).
pub(super) fn names_and_slots<'v>(ctx: &mut Ctx<'v>, path: &Path<'_>, items: &'v [Value]) {
    type Of = fn(&Value) -> Option<&str>;
    let (names, slots): (Of, Of) = (known_name, slot_of);
    let name_repeats = earlier_equal(items.len(), &|i| items.get(i).and_then(names));
    let slot_repeats = earlier_equal(items.len(), &|i| items.get(i).and_then(slots));
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        ctx.component = known_name(item);
        for (key, of, repeats) in [
            ("name", names, &name_repeats),
            ("slot", slots, &slot_repeats),
        ] {
            let (Some(this), Some(Some(first))) = (of(item), repeats.get(i)) else {
                continue;
            };
            let mut message = Msg::new("duplicate ");
            message
                .s(key)
                .s(" ")
                .quoted(this)
                .s(", already used by ")
                .s(&path.index(*first).render());
            ctx.report(&at.key(key), message);
        }
    }
    ctx.component = None;
}

fn slot_of(item: &Value) -> Option<&str> {
    Some(trim(item.get("slot")?.as_str()?)).filter(|s| !s.is_empty())
}
