//! Console logging (prefixed with the component's name by the host) and the clock.

use crate::abi;

/// A console level, as the `log` import numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum Level {
    /// `console.debug`.
    Debug = 0,
    /// `console.info`.
    Info = 1,
    /// `console.warn`.
    Warn = 2,
    /// `console.error`.
    Error = 3,
}

/// Writes `msg` to the console at `level`.
pub fn log(level: Level, msg: &str) {
    // SAFETY: a live borrowed string.
    unsafe { abi::log(level as i32, msg.as_ptr(), msg.len()) }
}

/// Writes `msg` at debug level.
pub fn debug(msg: &str) {
    log(Level::Debug, msg)
}

/// Writes `msg` at info level.
pub fn info(msg: &str) {
    log(Level::Info, msg)
}

/// Writes `msg` at warn level.
pub fn warn(msg: &str) {
    log(Level::Warn, msg)
}

/// Writes `msg` at error level.
pub fn error(msg: &str) {
    log(Level::Error, msg)
}

/// `performance.now()` of the page: milliseconds since it started, fractional. Not wall-clock
/// time: use it for durations.
pub fn now() -> f64 {
    // SAFETY: no pointers.
    unsafe { abi::now() }
}
