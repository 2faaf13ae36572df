//! Calls into a guest and their aftermath. Every call is wrapped: a JS exception (a trap)
//! becomes [`Fault::Trap`] with the message the guest sent through `fail`, an ABI violation
//! recorded by an import becomes [`Fault::AbiViolation`], and memory past the manifest's cap
//! becomes [`Fault::MemoryLimit`]. A fault tears the guest down at once; faults in callbacks
//! from the browser (events, timers, messages) are reported through `on_fault`, once.

use super::codes::{cat, dec, Refusal, MALFORMED, OUT_OF_BOUNDS};
use super::guest::{
    not_running, Inner, State, ALLOC, MEMORY, MOUNT, ON_EVENT, ON_MESSAGE, ON_TIMER, UNMOUNT,
};
use super::Fault;
use super::{js, memory};
use alloc::string::String;
use alloc::vec::Vec;
use tessera_abi::limits::MIN_TIMER_MS;
use tessera_abi::tree::Tree;

/// Why a call into the guest did not return a value.
pub(super) enum Stop {
    /// The guest faulted; it has been torn down.
    Fault(Fault),
    /// The guest is not running (never attached, already dead, unmounted during the call, or
    /// busy with another call): nothing was called, or the result does not matter.
    Ended,
    /// The call was posted to the guest's worker: its answer settles it later (`on_reply`).
    Posted,
}

impl From<Stop> for Fault {
    fn from(stop: Stop) -> Fault {
        match stop {
            Stop::Fault(fault) => fault,
            Stop::Ended | Stop::Posted => not_running(),
        }
    }
}

/// The fault of a buffer `tessera_alloc(len)` could not take: it returned `0` (out of memory)
/// or a pointer `ptr` whose range is outside memory.
fn alloc_fault(len: u32, ptr: u32) -> Fault {
    if ptr == 0 && len > 0 {
        let why = cat(&["out of memory: tessera_alloc(", &dec(len), ") returned 0"]);
        return Fault::Trap(why);
    }
    let why = [
        "tessera_alloc(",
        &dec(len),
        ") returned ",
        &dec(ptr),
        ", out of bounds",
    ];
    Fault::AbiViolation(cat(&why))
}

impl Inner {
    /// Whether export `k` (or [`MEMORY`]) is bound: attached, not torn down, and exported.
    pub(super) fn has(&self, k: u32) -> bool {
        self.exports.get() & 1 << k != 0
    }

    /// Calls export `f(...lead, ptr0, len0, ptr1, len1)` after copying each buffer into memory the
    /// guest allocated with `tessera_alloc` (at most four arguments in all).
    /// A guest in a worker gets the call as a message instead, and allocates there.
    pub(super) fn call_with(&self, f: u32, lead: &[u32], buffers: &[&[u8]]) -> Result<f64, Stop> {
        if self.policy.worker.is_some() {
            return self.post(f, lead, buffers);
        }
        let mut args = [0u32; 4];
        let mut at = 0;
        for &n in lead {
            args[at] = n;
            at += 1;
        }
        for bytes in buffers {
            let (ptr, len) = self.pass(bytes)?;
            args[at] = ptr;
            args[at + 1] = len;
            at += 2;
        }
        self.invoke(f, args)
    }

    /// Copies `bytes` into a fresh guest allocation; returns `(ptr, len)`.
    fn pass(&self, bytes: &[u8]) -> Result<(u32, u32), Stop> {
        if !self.has(ALLOC) {
            return Err(Stop::Ended);
        }
        let len = bytes.len() as u32;
        let ptr = self.invoke(ALLOC, [len, 0, 0, 0])? as i32 as u32;
        let written = ptr != 0 || len == 0;
        if !(written && self.has(MEMORY) && memory::write(&self.table, ptr, bytes)) {
            return Err(Stop::Fault(self.kill(alloc_fault(len, ptr))));
        }
        Ok((ptr, len))
    }

    /// Calls export `f(...args)` in the guest, then settles what happened during the call.
    pub(super) fn invoke(&self, f: u32, [a, b, c, d]: [u32; 4]) -> Result<f64, Stop> {
        if self.state.get() != State::Live || self.busy.get() {
            return Err(Stop::Ended);
        }
        let started = self.enter();
        let result = js::call(
            &self.table,
            f as i32,
            a as i32,
            b as i32,
            c as i32,
            d as i32,
        );
        self.settle(result, started)
    }

    /// Posts call `f(...lead, buffers)` to the guest's worker; its answer settles it.
    fn post(&self, f: u32, lead: &[u32], buffers: &[&[u8]]) -> Result<f64, Stop> {
        if self.state.get() != State::Live || self.closing.borrow().is_some() {
            return Err(Stop::Ended);
        }
        let (a, b) = match buffers {
            [a, b, ..] => (*a, *b),
            [a] => (*a, &[][..]),
            [] => (&[][..], &[][..]),
        };
        let n = buffers.len() as u32;
        js::post(&self.table, f as i32, lead.first().copied(), n, a, b);
        self.calls.borrow_mut().push_back(f);
        Err(Stop::Posted)
    }

    /// Settles the worker's staged answer to the oldest posted call as [`Inner::invoke`]
    /// settles a call on the page: its imports replayed through the same checks, then the same
    /// aftermath. Also the version check's answer, which comes with the start.
    pub(super) fn settle_answer(&self) -> Result<f64, Stop> {
        if self.state.get() != State::Live || self.busy.get() {
            return Err(Stop::Ended);
        }
        if let Some(len) = js::bad_alloc(&self.table, 0) {
            let ptr = js::bad_alloc(&self.table, 1).unwrap_or(0);
            return Err(Stop::Fault(self.kill(alloc_fault(len, ptr))));
        }
        let started = self.enter();
        let result = js::replay(&self.table, false);
        self.settle(result, started)
    }

    /// The start of a call: no panic text, no edit bytes yet, busy. Returns the time.
    fn enter(&self) -> f64 {
        self.panic.take();
        self.turn_bytes.set(0);
        self.busy.set(true);
        js::now()
    }

    /// The end of a call that started at `started`: applies what it queued, reports its
    /// refusals, and turns a violation, a trap or memory past the cap into a fault.
    fn settle(
        &self,
        result: Result<f64, wasm_bindgen::JsValue>,
        started: f64,
    ) -> Result<f64, Stop> {
        self.busy.set(false);
        // What the call queued reaches the page now that no guest code is on the stack; a call
        // that ends the guest leaves nothing behind (teardown drops the queue).
        if result.is_ok() && self.violation.borrow().is_none() && self.state.get() == State::Live {
            if let Some(text) = js::flush(&self.table) {
                self.refuse(Refusal::new(
                    MALFORMED,
                    &["the dom refused an edit: ", &text],
                ));
            }
        }
        let ended = js::now();
        self.bus.spend(ended, ended - started);
        for r in self.reports.take() {
            (self.on_violation)(&r.detail, r.code);
        }
        let fault = if let Some(violation) = self.violation.take() {
            Fault::AbiViolation(violation)
        } else if self.state.get() == State::Dead {
            // Unmounted by page code while the guest ran (whatever the guest did after that,
            // e.g. trapping on the -1 its imports then returned, is not a fault).
            self.teardown();
            return Err(Stop::Ended);
        } else if let Err(e) = &result {
            Fault::Trap(self.panic.take().unwrap_or_else(|| js::error_text(e)))
        } else if let Some(over) = self.over_cap() {
            over
        } else {
            return result.map_err(|_| Stop::Ended);
        };
        Err(Stop::Fault(self.kill(fault)))
    }

    /// The worker answered the oldest posted call (staged in the table).
    pub(super) fn on_reply(&self) {
        let Some(f) = self.calls.borrow_mut().pop_front() else {
            return;
        };
        let result = self.settle_answer();
        match f {
            MOUNT => self.mount_done(result.map(drop).map_err(Fault::from)),
            // The page unmounted it before: a fault now is nobody's to report.
            UNMOUNT => self.teardown(),
            _ => self.background(result),
        }
    }

    /// The worker has not answered a call for `ms` milliseconds: it is ended, and the guest
    /// with it.
    pub(super) fn on_hung(&self, ms: u32) {
        if self.state.get() != State::Live {
            return;
        }
        let fault = Fault::Unresponsive { ms };
        let mounting = self.calls.borrow().contains(&MOUNT);
        if mounting {
            self.mount_done(Err(fault.clone()));
        }
        // An unmount the page has moved on from is nobody's to report either.
        let closing = self.closing.borrow().is_some();
        let fault = self.kill(fault);
        if !mounting && !closing {
            (self.on_fault)(fault);
        }
    }

    fn over_cap(&self) -> Option<Fault> {
        let max = self.policy.max_memory_pages?;
        if !self.has(MEMORY) {
            return None;
        }
        let pages = memory::pages(&self.table);
        (pages > max).then_some(Fault::MemoryLimit { pages, max })
    }

    /// Ends the guest for `fault` and hands the fault back.
    pub(super) fn kill(&self, fault: Fault) -> Fault {
        self.teardown();
        fault
    }

    /// Marks the guest dead and removes everything it left: listeners, timers, subscriptions,
    /// its DOM. Deferred to the end of the running call when the guest is busy.
    pub(super) fn teardown(&self) {
        self.state.set(State::Dead);
        if self.busy.get() {
            return;
        }
        js::clear(&self.table);
        if self.policy.worker.is_some() {
            js::end(&self.table);
            self.calls.borrow_mut().clear();
            self.closing.take();
        }
        self.tree
            .replace(Tree::new(super::guest::limits(&self.policy)));
        for (id, _) in self.subs.take() {
            self.bus.unsubscribe(id);
        }
        self.exports.set(0);
    }

    /// Reports a fault from a browser callback; a dead guest is never reported twice because
    /// it is never called again.
    fn background(&self, result: Result<f64, Stop>) {
        if let Err(Stop::Fault(fault)) = result {
            (self.on_fault)(fault);
        }
    }

    /// A DOM event with `data` reached listener `listener`.
    pub(super) fn on_event(&self, listener: u32, data: &str) {
        if self.state.get() != State::Live || self.busy.get() {
            return;
        }
        if self.has(ON_EVENT) {
            self.background(self.call_with(ON_EVENT, &[listener], &[data.as_bytes()]));
        }
    }

    /// Timer `id` fired. While the guest is busy, or while the guests on this bus have used
    /// their share of the current window, a one-shot timer waits and a repeating one skips
    /// this tick, so that a component's timers cannot starve the page.
    pub(super) fn on_timer(&self, id: u32) {
        if self.state.get() != State::Live {
            return;
        }
        let wait = if self.busy.get() {
            Some(0.0)
        } else if js::waiting(&self.table) > 0 {
            // A guest in a worker that has not answered its last call: not another call yet.
            Some(MIN_TIMER_MS as f64)
        } else {
            self.bus.throttled(js::now())
        };
        if let Some(ms) = wait {
            js::postpone(&self.table, id as i32, ms as i32 + 1);
            return;
        }
        if !js::timer_fired(&self.table, id as i32) {
            return;
        }
        if self.has(ON_TIMER) {
            self.background(self.call_with(ON_TIMER, &[id], &[]));
        }
    }

    /// A message on a topic the guest subscribed to.
    pub(super) fn on_message(&self, topic: &str, payload: &[u8]) {
        if self.state.get() != State::Live || self.busy.get() {
            return;
        }
        if self.has(ON_MESSAGE) {
            self.background(self.call_with(ON_MESSAGE, &[], &[topic.as_bytes(), payload]));
        }
    }

    /// Records an ABI violation: the guest ends when the running call returns.
    pub(super) fn violate(&self, why: String) {
        let mut violation = self.violation.borrow_mut();
        if violation.is_none() {
            *violation = Some(why);
        }
        self.state.set(State::Dead);
    }

    /// Queues a refusal for the page and returns its code for the guest.
    pub(super) fn refuse(&self, refusal: Refusal) -> i32 {
        let code = refusal.code;
        self.reports.borrow_mut().push(refusal);
        code
    }

    /// Whether `ptr..ptr+len` lies in the guest's memory; if not, records the violation.
    pub(super) fn in_bounds(&self, ptr: u32, len: u32, what: &str) -> bool {
        let size = if self.has(MEMORY) {
            memory::byte_len(&self.table)
        } else {
            0
        };
        let ok = ptr as u64 + len as u64 <= size;
        if !ok {
            let size = dec(size.min(u32::MAX as u64) as u32);
            self.violate(cat(&[
                what,
                ": bytes ",
                &dec(ptr),
                "+",
                &dec(len),
                " outside memory of ",
                &size,
            ]));
        }
        ok
    }

    /// A bounds-checked copy of guest bytes; `None` (violation recorded) when out of bounds.
    pub(super) fn read(&self, ptr: u32, len: u32, what: &str) -> Option<Vec<u8>> {
        if !self.in_bounds(ptr, len, what) || !self.has(MEMORY) {
            return None;
        }
        memory::read(&self.table, ptr, len)
    }

    /// A bounds-checked UTF-8 string; `Err` is the code for the guest (`-1` or `-2`).
    pub(super) fn read_str(&self, ptr: u32, len: u32, what: &str) -> Result<String, i32> {
        let bytes = self.read(ptr, len, what).ok_or(OUT_OF_BOUNDS)?;
        String::from_utf8(bytes)
            .map_err(|_| self.refuse(Refusal::new(MALFORMED, &[what, ": text is not utf-8"])))
    }
}
