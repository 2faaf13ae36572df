//! The JSON field names the parser accepts, per object. The JSON Schema must list exactly these
//! (a test checks it), and a change to any list changes the wire format.

/// Fields of the top-level object.
pub const MANIFEST: &[&str] = &["$schema", "manifestVersion", "budget", "components"];

/// Fields of the top-level `budget`.
pub const TOTAL_BUDGET: &[&str] = &["totalBytes", "totalGzipBytes", "totalBrotliBytes"];

/// Fields of each entry of `components`.
pub const COMPONENT: &[&str] = &[
    "name",
    "module",
    "slot",
    "integrity",
    "kind",
    "glue",
    "budget",
    "load",
    "props",
    "capabilities",
    "fallback",
    "timeoutMs",
    "isolation",
];

/// Fields of a component's `budget`.
pub const BUDGET: &[&str] = &[
    "maxBytes",
    "maxGzipBytes",
    "maxBrotliBytes",
    "maxMemoryPages",
    "maxDomBytes",
    "maxCallMs",
];

/// Fields of the object form of `load`.
pub const ROUTE_LOAD: &[&str] = &["route"];

/// Fields of a component's `capabilities`.
pub const CAPABILITIES: &[&str] = &["publish", "subscribe", "origins"];

/// The values `kind` accepts.
pub const KINDS: &[&str] = &["isolated", "bindgen"];

/// The values `isolation` accepts.
pub const ISOLATIONS: &[&str] = &["main", "worker"];

/// The string values `load` accepts (besides the `{"route": ...}` object).
pub const LOAD_POLICIES: &[&str] = &["eager", "idle", "visible", "manual"];
