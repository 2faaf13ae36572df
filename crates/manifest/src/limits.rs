//! The limits validation enforces. The JSON Schema states the same numbers.

/// The most components one manifest may list.
pub const MAX_COMPONENTS: usize = 256;
/// The longest `name`, in bytes (names are ASCII).
pub const MAX_NAME_LEN: usize = 64;
/// The longest URL, integrity string, route pattern or `$schema`, in bytes.
pub const MAX_STRING_BYTES: usize = 2048;
/// The longest `slot` selector, in characters.
pub const MAX_SLOT_CHARS: usize = 256;
/// The longest `fallback` text, in characters.
pub const MAX_FALLBACK_CHARS: usize = 1024;
/// The deepest nesting of arrays and objects in `props` (`{}` is depth 1).
pub const MAX_PROPS_DEPTH: usize = 32;
/// The longest topic pattern, in bytes (the ABI's topic limit).
pub const MAX_TOPIC_BYTES: usize = 128;
/// The most patterns in `capabilities.publish` or `capabilities.subscribe`.
pub const MAX_PATTERNS: usize = 64;
/// The largest byte budget: 2^53 - 1, the largest integer every JSON reader represents exactly.
pub const MAX_BUDGET_BYTES: u64 = (1 << 53) - 1;
/// The largest `maxMemoryPages`: 65536 pages of 64 KiB, all of a 32-bit memory.
pub const MAX_MEMORY_PAGES: u32 = 65536;
/// The largest `maxDomBytes`: 64 MiB.
pub const MAX_DOM_BYTES: u32 = 1 << 26;
/// The most origins in `capabilities.origins`.
pub const MAX_ORIGINS: usize = 16;
/// The largest `timeoutMs`: ten minutes.
pub const MAX_TIMEOUT_MS: u32 = 600_000;
/// The most problems one validation lists; one more line then says how many were left out.
pub const MAX_PROBLEMS: usize = 100;
/// The longest manifest text, in bytes of UTF-8: 8 MiB. Longer text is refused before it is read.
pub const MAX_MANIFEST_BYTES: usize = 8 << 20;
/// The deepest nesting of arrays and objects anywhere in a manifest (the document's own object
/// is depth 1). Deeper text is refused before it is read, so no reader recurses further; props
/// have their own, smaller limit ([`MAX_PROPS_DEPTH`]) and a message that names them.
pub const MAX_DEPTH: usize = 64;
