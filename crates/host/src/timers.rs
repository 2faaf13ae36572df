//! The guest's timers (`set_timer` / `clear_timer`): at most 64 live per component, each one a
//! browser `setTimeout` or `setInterval` (kept in the guest's table in `host.js`) whose callback
//! reaches the guest's dispatcher as (`TIMER`, id). All of them are cleared when the guest ends.

use super::codes::{Refusal, LIMIT};
use super::js::{self, Table};
use tessera_abi::limits::MAX_TIMERS;

/// Which of a table's counts are timers (see `js::count`).
const TIMERS: i32 = 2;

/// Hands out the guest's timer ids.
#[derive(Default)]
pub(super) struct Timers {
    last_id: u32,
}

impl Timers {
    /// Starts a timer firing after `ms` milliseconds (every `ms` when `repeat`); returns its id,
    /// which is `> 0` as an `i32`.
    pub fn set(&mut self, table: &Table, ms: i32, repeat: bool) -> Result<u32, Refusal> {
        if js::count(table, TIMERS) >= MAX_TIMERS {
            return Err(Refusal::new(LIMIT, &["set-timer: live timer limit 64"]));
        }
        let id = loop {
            self.last_id = if self.last_id >= i32::MAX as u32 {
                1
            } else {
                self.last_id + 1
            };
            if !js::has_timer(table, self.last_id as i32) {
                break self.last_id;
            }
        };
        js::start_timer(table, id as i32, ms.max(0), repeat);
        Ok(id)
    }
}

/// How many timers are live.
pub(super) fn live(table: &Table) -> u32 {
    js::count(table, TIMERS)
}
