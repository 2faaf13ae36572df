//! One load's abort switch: a single `AbortController` shared by the fetch (every attempt), the
//! byte gate and the timeout, and the reason the loader pulled it.
//!
//! The browser reports an abort as a bare `AbortError` (or a `TypeError` from the body stream);
//! the loader records *why* it aborted before aborting, and maps whatever the browser rejects
//! with back to that reason. The switch aborts itself when the timeout passes (`net.js`); an
//! abort the loader did not record is that timeout.

use crate::errors::Error;
use crate::sys::{self, Switch};
use alloc::rc::Rc;
use core::cell::Cell;
use tessera_abi::module::Refused;

/// Why the loader stopped a load.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// The timeout of this many milliseconds passed.
    Timeout(u32),
    /// The byte gate counted this many bytes, more than `maxBytes`.
    OverBudget { bytes: u64, max: u64 },
    /// The byte gate read something the sandbox refuses in the module's sections.
    Refused(Refused),
    /// The component was unloaded (or reloaded) meanwhile.
    Cancelled,
}

impl Stop {
    /// The error this stop means for the module at `url`.
    pub(crate) fn error(self, url: &str) -> Error {
        match self {
            Stop::Timeout(ms) => Error::Timeout {
                url: url.into(),
                ms,
            },
            Stop::OverBudget { bytes, max } => Error::OverBudget { bytes, max },
            Stop::Refused(refused) => Error::ModuleRefused(refused),
            Stop::Cancelled => Error::Cancelled,
        }
    }
}

/// The switch. Shared (`Rc`) by the pipeline and the gate.
pub(crate) struct Stopper {
    /// The JavaScript side: the `AbortController` and its timer.
    pub switch: Switch,
    timeout_ms: u32,
    why: Cell<Option<Stop>>,
}

impl Stopper {
    /// A fresh switch; with `timeout_ms > 0` it stops itself with [`Stop::Timeout`] after that long.
    pub(crate) fn new(timeout_ms: u32) -> Rc<Stopper> {
        Rc::new(Stopper {
            switch: sys::switch_for(timeout_ms),
            timeout_ms,
            why: Cell::new(None),
        })
    }

    /// Records `why` (the first reason wins, a passed timeout included) and aborts everything
    /// on the switch.
    pub(crate) fn stop(&self, why: Stop) {
        if self.why().is_none() {
            self.why.set(Some(why));
            sys::abort(&self.switch);
        }
    }

    /// Why this load was stopped, if it was.
    pub(crate) fn why(&self) -> Option<Stop> {
        let timed_out = || sys::aborted(&self.switch).then_some(Stop::Timeout(self.timeout_ms));
        self.why.get().or_else(timed_out)
    }

    /// The load is over (compiled or failed): the timeout no longer applies.
    pub(crate) fn finish(&self) {
        sys::finish(&self.switch);
    }
}
