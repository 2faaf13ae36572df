//! Names and slots are unique across components.

use super::component::known_name;
use super::object::earlier_equal;
use super::path::Path;
use super::Ctx;
use crate::scan::trim;
use crate::text::Msg;
use crate::value::Value;
use alloc::vec::Vec;

/// Reports each component whose name or slot an earlier component already uses (in linear
/// time: a manifest with too many components never gets here, but a long list stays cheap).
pub(super) fn names_and_slots<'v>(ctx: &mut Ctx<'v>, path: &Path<'_>, items: &'v [Value]) {
    let names: Vec<Option<&str>> = items.iter().map(known_name).collect();
    let slots: Vec<Option<&str>> = items.iter().map(slot_of).collect();
    let (names_first, slots_first) = (earlier_equal(&names), earlier_equal(&slots));
    for (i, name) in names.iter().enumerate() {
        let at = path.index(i);
        ctx.component = *name;
        for (key, values, firsts) in [
            ("name", &names, &names_first),
            ("slot", &slots, &slots_first),
        ] {
            let (Some(Some(this)), Some(Some(first))) = (values.get(i), firsts.get(i)) else {
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
