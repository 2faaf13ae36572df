//! Route patterns for `"load": {"route": ...}`: an exact path, or a prefix ending in `*`.

use crate::limits::MAX_STRING_BYTES;
use crate::scan::{any_char, inner_star, is_space};
use crate::text::{too_long, Msg};

/// Does the route `pattern` match the page's `path` (its `location.pathname`: no query, no
/// fragment)? Matching is case-sensitive and works on the path as written (no decoding).
///
/// - A pattern without `*` matches exactly that path: `/cart` matches `/cart` only.
/// - A pattern ending in `*` matches every path that starts with what comes before the `*`:
///   `/cart/*` matches `/cart/` and `/cart/items/3`, `/*` matches every path.
/// - When that prefix ends in `/`, the prefix without its slash matches too: `/cart/*` also
///   matches `/cart`, so one pattern covers a section and its index page.
///
/// ```
/// use tessera_manifest::route_matches;
/// assert!(route_matches("/cart/*", "/cart/items/3"));
/// assert!(route_matches("/cart/*", "/cart"));
/// assert!(!route_matches("/cart/*", "/cartoons"));
/// assert!(route_matches("/about", "/about"));
/// assert!(!route_matches("/about", "/about/team"));
/// ```
pub fn route_matches(pattern: &str, path: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => {
            path.starts_with(prefix)
                || prefix
                    .strip_suffix('/')
                    .is_some_and(|section| !section.is_empty() && path == section)
        }
        None => pattern == path,
    }
}

/// Checks a route pattern; returns the message of its problem (without the value).
pub(crate) fn check_route(pattern: &str) -> Result<(), Msg> {
    let fixed = if !pattern.starts_with('/') {
        "must start with '/'"
    } else if pattern.len() > MAX_STRING_BYTES {
        return Err(too_long(MAX_STRING_BYTES, " bytes", pattern.len()));
    } else if any_char(pattern, |c| is_space(c) || c.is_control()) {
        "must not contain whitespace or control characters"
    } else if pattern.bytes().any(|b| b == b'?' || b == b'#') {
        "matches the path only and must not contain '?' or '#'"
    } else if inner_star(pattern) {
        "may contain '*' only as its last character"
    } else {
        return Ok(());
    };
    Err(Msg::new(fixed))
}
