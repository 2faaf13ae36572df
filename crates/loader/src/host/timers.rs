//! The guest's timers (`set_timer` / `clear_timer`): at most 64 live per component, each one a
//! browser `setTimeout` or `setInterval` whose callback is the guest's dispatcher bound to
//! (`TIMER`, id). All of them are cleared when the guest ends.

use super::codes::{Refusal, LIMIT};
use super::imports::TIMER;
use super::js;
use js_sys::Function;
use wasm_bindgen::JsValue;

/// Live timers per component.
pub(super) const MAX_TIMERS: usize = 64;

struct Timer {
    id: u32,
    handle: JsValue,
    repeat: bool,
}

/// One guest's live timers.
#[derive(Default)]
pub(super) struct Timers {
    live: Vec<Timer>,
    last_id: u32,
}

impl Timers {
    /// Starts a timer firing after `ms` milliseconds (every `ms` when `repeat`); returns its id,
    /// which is `> 0` as an `i32`.
    pub fn set(&mut self, ms: i32, repeat: bool, dispatch: &Function) -> Result<u32, Refusal> {
        if self.live.len() >= MAX_TIMERS {
            return Err(Refusal::new(LIMIT, &["set-timer: live timer limit 64"]));
        }
        let id = loop {
            self.last_id = if self.last_id >= i32::MAX as u32 {
                1
            } else {
                self.last_id + 1
            };
            if !self.live.iter().any(|t| t.id == self.last_id) {
                break self.last_id;
            }
        };
        let start = if repeat { "setInterval" } else { "setTimeout" };
        let callback = js::bind2(dispatch, TIMER, id);
        let handle = js::call_global(start, &[callback.into(), ms.max(0).into()]);
        self.live.push(Timer { id, handle, repeat });
        Ok(id)
    }

    /// Called when timer `id` fires: `true` when it is live (a one-shot timer is then released).
    pub fn fired(&mut self, id: u32) -> bool {
        match self.live.iter().position(|t| t.id == id) {
            Some(i) => {
                if !self.live[i].repeat {
                    self.live.remove(i);
                }
                true
            }
            None => false,
        }
    }

    /// Stops timer `id`; unknown ids are ignored.
    pub fn clear(&mut self, id: u32) {
        if let Some(i) = self.live.iter().position(|t| t.id == id) {
            let timer = self.live.remove(i);
            js::call_global("clearTimeout", &[timer.handle]);
        }
    }

    /// Stops every timer.
    pub fn clear_all(&mut self) {
        for timer in self.live.drain(..) {
            js::call_global("clearTimeout", &[timer.handle]);
        }
    }

    /// How many timers are live.
    pub fn len(&self) -> usize {
        self.live.len()
    }
}
