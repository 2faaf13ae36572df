//! Names and slots are unique across components.

use super::component::known_name;
use super::path::Path;
use super::Ctx;
use crate::scan::trim;
use crate::text::Msg;
use crate::value::Value;

/// Reports each component whose name or slot an earlier component already uses.
pub(super) fn names_and_slots<'v>(ctx: &mut Ctx<'v>, path: &Path<'_>, items: &'v [Value]) {
    for (i, item) in items.iter().enumerate() {
        let at = path.index(i);
        ctx.component = known_name(item);
        for (key, of) in [
            ("name", known_name as fn(&Value) -> Option<&str>),
            ("slot", slot_of),
        ] {
            let Some(this) = of(item) else { continue };
            if let Some(first) = items.iter().position(|earlier| of(earlier) == Some(this)) {
                if first < i {
                    let mut message = Msg::new("duplicate ");
                    message
                        .s(key)
                        .s(" ")
                        .quoted(this)
                        .s(", already used by ")
                        .s(&path.index(first).render());
                    ctx.report(&at.key(key), message);
                }
            }
        }
    }
    ctx.component = None;
}

fn slot_of(item: &Value) -> Option<&str> {
    Some(trim(item.get("slot")?.as_str()?)).filter(|s| !s.is_empty())
}
