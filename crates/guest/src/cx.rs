//! [`Cx`]: what a component may do besides rendering: timers and the message bus.
//!
//! Timers and bus messages come back through [`Component::on_timer`](crate::Component::on_timer)
//! and [`Component::on_message`](crate::Component::on_message), which turn them into the
//! component's messages. A component that uses neither pays no bytes for them.

use alloc::string::String;
use alloc::vec::Vec;

use crate::{abi, Error};

/// A live timer, as returned by [`Cx::after`] and [`Cx::every`]; compare it with the one
/// [`Component::on_timer`](crate::Component::on_timer) receives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timer(pub i32);

/// The component's context, passed to `mount`, `update`, `props` and `unmount`: starts and
/// stops timers, subscribes and publishes. It keeps the subscribed patterns, so that
/// subscribing twice (a remount) is harmless.
#[derive(Default)]
pub struct Cx {
    subs: Vec<String>,
}

impl Cx {
    pub(crate) const fn new() -> Cx {
        Cx { subs: Vec::new() }
    }

    fn set_timer(ms: u32, repeat: bool) -> Result<Timer, Error> {
        let ms = ms.min(i32::MAX as u32) as i32;
        // SAFETY: no pointers.
        Ok(Timer(Error::check(unsafe {
            abi::set_timer(ms, repeat as i32)
        })?))
    }

    /// Fires once, `ms` milliseconds from now. Fails with [`Error::Limit`] past 64 live timers.
    pub fn after(&mut self, ms: u32) -> Result<Timer, Error> {
        Cx::set_timer(ms, false)
    }

    /// Fires every `ms` milliseconds until [`Cx::cancel`]led.
    pub fn every(&mut self, ms: u32) -> Result<Timer, Error> {
        Cx::set_timer(ms, true)
    }

    /// Stops a timer; a finished or unknown timer is ignored.
    pub fn cancel(&mut self, t: Timer) {
        // SAFETY: no pointers.
        unsafe { abi::clear_timer(t.0) }
    }

    /// Subscribes to `pattern` (a trailing `*` matches any suffix): matching messages reach
    /// [`Component::on_message`](crate::Component::on_message). Subscribing again to the same
    /// pattern does nothing. Fails with [`Error::CapabilityDenied`] when the manifest does not
    /// grant the pattern.
    pub fn subscribe(&mut self, pattern: &str) -> Result<(), Error> {
        if self.subs.iter().any(|p| p == pattern) {
            return Ok(());
        }
        // SAFETY: a live borrowed string.
        Error::check(unsafe { abi::subscribe(pattern.as_ptr(), pattern.len()) })?;
        self.subs.push(String::from(pattern));
        Ok(())
    }

    /// Publishes `payload` on `topic`, see [`publish`].
    pub fn publish(&mut self, topic: &str, payload: &[u8]) -> Result<(), Error> {
        publish(topic, payload)
    }
}

/// Publishes `payload` (JSON text by convention, at most 64 KiB) on `topic` (at most 128
/// bytes). Delivery is asynchronous. Fails with [`Error::CapabilityDenied`] when the manifest
/// does not grant it.
pub fn publish(topic: &str, payload: &[u8]) -> Result<(), Error> {
    // SAFETY: live borrowed slices.
    let code =
        unsafe { abi::publish(topic.as_ptr(), topic.len(), payload.as_ptr(), payload.len()) };
    Error::check(code).map(drop)
}

/// Whether a topic pattern matches a topic: equal, or a prefix followed by `*`.
pub fn matches(pattern: &str, topic: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => topic.starts_with(prefix),
        None => pattern == topic,
    }
}
