//! Message-bus topic patterns: a topic, or a prefix followed by a trailing `*`.

use crate::limits::MAX_TOPIC_BYTES;
use crate::scan::{any_char, inner_star};
use crate::text::{too_long, Msg};

/// Does `pattern` match the concrete `topic`? A pattern ending in `*` matches every topic that
/// starts with what comes before the `*` (`cart:*` matches `cart:add` and `cart:`); any other
/// pattern matches only itself.
///
/// ```
/// use tessera_manifest::topic_matches;
/// assert!(topic_matches("cart:*", "cart:add"));
/// assert!(topic_matches("cart:add", "cart:add"));
/// assert!(!topic_matches("cart:add", "cart:remove"));
/// assert!(!topic_matches("cart:*", "carts"));
/// ```
pub fn topic_matches(pattern: &str, topic: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => topic.starts_with(prefix),
        None => pattern == topic,
    }
}

/// Can a component granted the capability pattern `granted` subscribe with the pattern
/// `requested`? Yes when every topic `requested` matches is also matched by `granted`:
/// `cart:*` covers `cart:add`, `cart:item:*` and `cart:*`; `cart:add` covers only `cart:add`;
/// nothing but `*`-patterns cover a `*`-pattern.
///
/// ```
/// use tessera_manifest::pattern_covers;
/// assert!(pattern_covers("cart:*", "cart:item:*"));
/// assert!(pattern_covers("cart:add", "cart:add"));
/// assert!(!pattern_covers("cart:add", "cart:*"));
/// assert!(!pattern_covers("cart:*", "car*"));
/// ```
pub fn pattern_covers(granted: &str, requested: &str) -> bool {
    match granted.strip_suffix('*') {
        Some(prefix) => requested.starts_with(prefix),
        None => granted == requested,
    }
}

/// Checks one capability pattern; returns the message of its problem (without the value).
pub(crate) fn check_pattern(pattern: &str) -> Result<(), Msg> {
    let fixed = if pattern.is_empty() {
        "must not be empty"
    } else if pattern.len() > MAX_TOPIC_BYTES {
        return Err(too_long(MAX_TOPIC_BYTES, " bytes", pattern.len()));
    } else if any_char(pattern, char::is_control) {
        "must not contain control characters"
    } else if inner_star(pattern) {
        "may contain '*' only once, as its last character"
    } else {
        return Ok(());
    };
    Err(Msg::new(fixed))
}
