//! The guest's timers (`set_timer` / `clear_timer`): at most 64 live per component, each one a
//! browser `setTimeout` or `setInterval` whose callback is the guest's dispatcher bound to
//! (`TIMER`, id). All of them are cleared when the guest ends.

use super::codes::{Refusal, LIMIT};
use super::imports::TIMER;
use super::js;
use js_sys::{Array, Function, Map};
use wasm_bindgen::JsValue;

/// Live timers per component.
pub(super) const MAX_TIMERS: u32 = 64;

/// One guest's live timers: id -> `[browser handle, repeats]`.
pub(super) struct Timers {
    live: Map,
    last_id: u32,
}

impl Default for Timers {
    fn default() -> Self {
        Timers {
            live: Map::new(),
            last_id: 0,
        }
    }
}

impl Timers {
    /// Starts a timer firing after `ms` milliseconds (every `ms` when `repeat`); returns its id,
    /// which is `> 0` as an `i32`.
    pub fn set(&mut self, ms: i32, repeat: bool, dispatch: &Function) -> Result<u32, Refusal> {
        if self.live.size() >= MAX_TIMERS {
            return Err(Refusal::new(LIMIT, &["set-timer: live timer limit 64"]));
        }
        let id = loop {
            self.last_id = if self.last_id >= i32::MAX as u32 {
                1
            } else {
                self.last_id + 1
            };
            if !self.live.has(&self.last_id.into()) {
                break self.last_id;
            }
        };
        let start = if repeat { "setInterval" } else { "setTimeout" };
        let callback = js::bind2(dispatch, TIMER, id);
        let handle = js::call_global(start, &Array::of2(&callback, &ms.max(0).into()));
        self.live
            .set(&id.into(), &Array::of2(&handle, &repeat.into()));
        Ok(id)
    }

    /// Called when timer `id` fires: `true` when it is live (a one-shot timer is then released).
    pub fn fired(&mut self, id: u32) -> bool {
        let entry = self.live.get(&id.into());
        if entry.is_undefined() {
            return false;
        }
        if !Array::from(&entry).get(1).is_truthy() {
            self.live.delete(&id.into());
        }
        true
    }

    /// Stops timer `id`; unknown ids are ignored.
    pub fn clear(&mut self, id: u32) {
        let entry = self.live.get(&id.into());
        if !entry.is_undefined() {
            stop(&entry);
            self.live.delete(&id.into());
        }
    }

    /// Stops every timer.
    pub fn clear_all(&mut self) {
        for entry in Array::from(&self.live.values()).iter() {
            stop(&entry);
        }
        self.live.clear();
    }

    /// How many timers are live.
    #[cfg(test)]
    #[allow(dead_code)] // used by the browser tests (tests/host_*.rs), not the unit tests
    pub fn len(&self) -> u32 {
        self.live.size()
    }
}

/// `clearTimeout(handle)` for a `[handle, repeats]` entry (it clears intervals too).
fn stop(entry: &JsValue) {
    js::call_global("clearTimeout", &Array::of1(&Array::from(entry).get(0)));
}
