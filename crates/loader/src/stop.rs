//! One load's abort switch: a single `AbortController` shared by the fetch (every attempt), the
//! byte gate and the timeout, and the reason the loader pulled it.
//!
//! The browser reports an abort as a bare `AbortError` (or a `TypeError` from the body stream);
//! the loader records *why* it aborted before aborting, and maps whatever the browser rejects
//! with back to that reason.

use crate::errors::Error;
use crate::sys::{clear_timeout, set_timeout};
use alloc::rc::Rc;
use core::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

/// Why the loader stopped a load.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Stop {
    /// The timeout of this many milliseconds passed.
    Timeout(u32),
    /// The byte gate counted this many bytes, more than `maxBytes`.
    OverBudget { bytes: u64, max: u64 },
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
            Stop::OverBudget { bytes, max } => Error::OverBudget {
                bytes,
                max,
                announced: false,
            },
            Stop::Cancelled => Error::Cancelled,
        }
    }
}

/// The switch. Shared (`Rc`) by the pipeline, the gate's transform and the timer.
pub(crate) struct Stopper {
    controller: AbortController,
    why: Cell<Option<Stop>>,
    timer: RefCell<JsValue>,
}

impl Stopper {
    /// A fresh switch; with `timeout_ms > 0` it stops itself with [`Stop::Timeout`] after that long.
    pub(crate) fn new(timeout_ms: u32) -> Rc<Stopper> {
        let controller = AbortController::new().expect_throw("AbortController");
        let stopper = Rc::new(Stopper {
            controller,
            why: Cell::new(None),
            timer: RefCell::default(),
        });
        if timeout_ms > 0 {
            let weak = Rc::downgrade(&stopper);
            let fire = Closure::<dyn FnMut(JsValue)>::new(move |_| {
                if let Some(s) = weak.upgrade() {
                    s.stop(Stop::Timeout(timeout_ms));
                }
            });
            *stopper.timer.borrow_mut() = set_timeout(&fire.into_js_value(), timeout_ms as f64);
        }
        stopper
    }

    /// Records `why` (the first reason wins) and aborts everything using [`Stopper::signal`].
    pub(crate) fn stop(&self, why: Stop) {
        if self.why.get().is_none() {
            self.why.set(Some(why));
            self.controller.abort();
        }
    }

    /// Why the loader stopped this load, if it did.
    pub(crate) fn why(&self) -> Option<Stop> {
        self.why.get()
    }

    /// The signal every request of this load carries.
    pub(crate) fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// The load is over (compiled or failed): the timeout no longer applies.
    pub(crate) fn finish(&self) {
        clear_timeout(&self.timer.borrow());
    }
}
