//! The ABI's result codes (docs/abi.md, "Error codes"): what `apply`, `publish`, `subscribe` and
//! `set_timer` return.

/// `0`: the call succeeded.
pub const OK: i32 = 0;
/// `-1`: a pointer or length outside the guest's memory; also ends the component.
pub const OUT_OF_BOUNDS: i32 = -1;
/// `-2`: a truncated operation, an unknown opcode, text that is not UTF-8, or an edit the DOM
/// itself rejects (a node moved into its own subtree, `before` not a child of `parent`, the root
/// used as a child).
pub const MALFORMED: i32 = -2;
/// `-3`: a tag outside the allowlist.
pub const REFUSED_TAG: i32 = -3;
/// `-4`: an attribute the host refuses.
pub const REFUSED_ATTRIBUTE: i32 = -4;
/// `-5`: a URL attribute with a refused scheme.
pub const REFUSED_URL: i32 = -5;
/// `-6`: a node id or listener id that does not exist (or is not an element where one is needed).
pub const UNKNOWN_NODE: i32 = -6;
/// `-7`: `CREATE_*` or `LISTEN` with an id that is already live, or node id `0`.
pub const ID_IN_USE: i32 = -7;
/// `-8`: the manifest does not grant this topic.
pub const CAPABILITY_DENIED: i32 = -8;
/// `-9`: a per-component limit was reached.
pub const LIMIT: i32 = -9;
