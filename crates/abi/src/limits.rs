//! Per-component limits (docs/abi.md, "DOM edits", "Host imports" and "Where the host decides").
//! Counts and byte lengths are `u32`, as on the wire.

/// Live nodes per component (the root not counted).
pub const MAX_NODES: u32 = 10_000;
/// Live listeners per component.
pub const MAX_LISTENERS: u32 = 1_000;
/// Bytes per `apply` batch (1 MiB).
pub const MAX_BATCH: u32 = 1 << 20;
/// Live timers per component.
pub const MAX_TIMERS: u32 = 64;
/// Bytes of a topic or subscribe pattern: 1 to this many, else `-2` malformed.
pub const MAX_TOPIC_BYTES: u32 = 128;
/// Live bus subscriptions (distinct patterns) per component.
pub const MAX_SUBSCRIPTIONS: u32 = 64;
/// Bytes of a published payload (64 KiB); a longer one is `-9` limit.
pub const MAX_PAYLOAD: u32 = 64 * 1024;
/// The memory cap in 64 KiB pages when the manifest sets no `budget.maxMemoryPages` (16 MiB): a
/// module's memory must declare a maximum no larger than its cap ([`crate::module::Scan`]).
pub const DEFAULT_MAX_MEMORY_PAGES: u32 = 256;
/// The bytes of text, attribute values and `value` properties a component may keep in its DOM
/// when the manifest sets no `budget.maxDomBytes` (1 MiB).
pub const DEFAULT_MAX_DOM_BYTES: u32 = 1 << 20;
/// The shortest `set_timer` delay in milliseconds the host honours: a timer set with a shorter
/// delay (or a repeating one with a shorter period) waits this long.
pub const MIN_TIMER_MS: u32 = 16;
/// How long a component in a worker (`"isolation": "worker"`) may take to answer one call, in
/// milliseconds, when neither its manifest (`budget.maxCallMs`) nor the loader's options
/// (`maxCallMs`) set it: past it, its worker is ended and it fails with `unresponsive`.
pub const DEFAULT_MAX_CALL_MS: u32 = 1_000;
