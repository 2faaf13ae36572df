//! The raw `tessera/v1` host imports, exactly as docs/abi.md defines them.
//!
//! Everything else in this crate is built on these eight functions; a component rarely calls
//! them directly. Pointers and lengths are `i32` on the wire: on `wasm32` a `*const u8` and a
//! `usize` are both 32-bit, so the Rust signatures below compile to exactly the ABI's types.
//!
//! Ownership, for every import: the bytes a pointer designates stay the guest's. The host
//! copies what it needs before the call returns and never keeps the pointer, so the caller may
//! free or reuse the buffer right after. Strings are UTF-8.
//!
//! On other targets (native `cargo test`) the same functions are a recording fake host, see
//! [`crate::testing`], so the encoding and the SDK's logic are testable without a browser.

#[cfg(target_arch = "wasm32")]
#[link(wasm_import_module = "tessera/v1")]
unsafe extern "C" {
    /// Applies a batch of DOM edits (the "DOM edits" wire format) to this component's root.
    ///
    /// Returns `0`, or the negative code of the first operation the host could not apply
    /// (`-2` malformed, `-3` refused tag, `-4` refused attribute, `-5` refused URL, `-6` unknown
    /// node, `-7` id in use, `-9` limit); the operations before it stay applied. At most 1 MiB
    /// per call.
    ///
    /// # Safety
    /// `ops .. ops + len` must lie inside the guest's memory; otherwise the host returns `-1`
    /// and ends the component (`abi-violation`).
    pub fn apply(ops: *const u8, len: usize) -> i32;

    /// Publishes `payload` (opaque bytes, JSON by convention, at most 64 KiB) on `topic` (at
    /// most 128 bytes). Delivery to subscribers is asynchronous, after this call returns.
    ///
    /// Returns `0`, or `-8` when the manifest grants no `capabilities.publish` pattern
    /// matching `topic`.
    ///
    /// # Safety
    /// Both `(pointer, length)` pairs must lie inside the guest's memory.
    pub fn publish(
        topic: *const u8,
        topic_len: usize,
        payload: *const u8,
        payload_len: usize,
    ) -> i32;

    /// Subscribes to a topic pattern (a trailing `*` matches any suffix): messages then arrive
    /// through the `tessera_message` export.
    ///
    /// Returns `0`, or `-8` when no `capabilities.subscribe` pattern covers `pattern`.
    ///
    /// # Safety
    /// `pattern .. pattern + len` must lie inside the guest's memory.
    pub fn subscribe(pattern: *const u8, len: usize) -> i32;

    /// Starts a timer of `ms` milliseconds; `repeat != 0` fires it every `ms` until cleared.
    /// It fires through the `tessera_timer` export with the returned id.
    ///
    /// Returns an id `> 0`, or `-9` when 64 timers are already live.
    ///
    /// # Safety
    /// Always safe to call; `unsafe` only because it is a foreign function.
    pub fn set_timer(ms: i32, repeat: i32) -> i32;

    /// Stops a timer; an unknown or already finished id is ignored.
    ///
    /// # Safety
    /// Always safe to call; `unsafe` only because it is a foreign function.
    pub fn clear_timer(id: i32);

    /// `performance.now()` in the page: milliseconds since the page started, fractional.
    ///
    /// # Safety
    /// Always safe to call; `unsafe` only because it is a foreign function.
    pub fn now() -> f64;

    /// Writes a message to the console, prefixed with the component's name. `level`: `0`
    /// debug, `1` info, `2` warn, `3` error.
    ///
    /// # Safety
    /// `ptr .. ptr + len` must lie inside the guest's memory.
    pub fn log(level: i32, ptr: *const u8, len: usize);

    /// Records a panic message. The guest traps right after; the host reports the trap with
    /// this message and ends the component.
    ///
    /// # Safety
    /// `ptr .. ptr + len` must lie inside the guest's memory.
    pub fn fail(ptr: *const u8, len: usize);
}

#[cfg(not(target_arch = "wasm32"))]
pub use crate::testing::host::{apply, clear_timer, fail, log, now, publish, set_timer, subscribe};
