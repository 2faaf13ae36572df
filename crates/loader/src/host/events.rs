//! The data a DOM event carries to `tessera_event` (docs/abi.md, "Event data").

use super::js::{get, get_str};
use alloc::string::String;
use wasm_bindgen::{JsCast, JsValue};

/// The UTF-8 text passed with `event`: the target's `value` (or `"true"`/`"false"` for checkboxes
/// and radios) for `input` and `change`, `KeyboardEvent.key` for `keydown` and `keyup`, empty for
/// everything else. A `submit` is always prevented so a component never navigates the page.
pub(super) fn event_data(event: &JsValue) -> String {
    match get_str(event, "type").as_str() {
        "input" | "change" => {
            let target = get(event, "target");
            match get_str(&target, "type").as_str() {
                "checkbox" | "radio" => if get(&target, "checked").is_truthy() {
                    "true"
                } else {
                    "false"
                }
                .into(),
                _ => get_str(&target, "value"),
            }
        }
        "keydown" | "keyup" => get_str(event, "key"),
        "submit" => {
            prevent_default(event);
            String::new()
        }
        _ => String::new(),
    }
}

/// `event.preventDefault()`.
pub(super) fn prevent_default(event: &JsValue) {
    if let Some(event) = event.dyn_ref::<web_sys::Event>() {
        event.prevent_default();
    }
}
