//! The guest's timers (`set_timer` / `clear_timer`): at most 64 live per component, at least
//! `MIN_TIMER_MS` apart, each one a
//! browser `setTimeout` or `setInterval` (kept in the guest's table in `host.js`) whose callback
//! reaches the guest's dispatcher as (`TIMER`, id). All of them are cleared when the guest ends.

use super::codes::{Refusal, LIMIT, MALFORMED};
use super::js::{self, Table};
use tessera_abi::limits::{MAX_TIMERS, MIN_TIMER_MS};

/// Hands out the guest's timer ids.
#[derive(Default)]
pub(super) struct Timers {
    last_id: u32,
}

impl Timers {
    /// Starts a timer firing after `ms` milliseconds (every `ms` when `repeat`), at least
    /// [`MIN_TIMER_MS`]; returns its id, which is `> 0` as an `i32`. The browser timer is armed
    /// when the guest's call has returned.
    /// A guest in a worker has chosen the id already (`given`): its worker counts ids up the
    /// same way, without knowing which of them the page still holds.
    pub fn set(
        &mut self,
        table: &Table,
        ms: i32,
        repeat: bool,
        given: Option<u32>,
    ) -> Result<u32, Refusal> {
        if js::timer_count(table) >= MAX_TIMERS {
            return Err(Refusal::new(LIMIT, &["set-timer: live timer limit 64"]));
        }
        let id = match given {
            Some(id) if js::has_timer(table, id as i32) || id == 0 => {
                return Err(Refusal::new(MALFORMED, &["set-timer: id in use"]));
            }
            Some(id) => id,
            None => loop {
                self.last_id = if self.last_id >= i32::MAX as u32 {
                    1
                } else {
                    self.last_id + 1
                };
                if !js::has_timer(table, self.last_id as i32) {
                    break self.last_id;
                }
            },
        };
        js::start_timer(table, id as i32, ms.max(MIN_TIMER_MS as i32), repeat);
        Ok(id)
    }
}

/// How many timers are live.
pub(super) fn live(table: &Table) -> u32 {
    js::timer_count(table)
}
