//! Message-bus topic matching (docs/abi.md, "Host imports"): the one implementation the host's
//! capability checks and the manifest's validation share.

/// Does `pattern` match the concrete `topic`? A pattern ending in `*` matches every topic that
/// starts with what comes before the `*` (`cart:*` matches `cart:add` and `cart:`); any other
/// pattern matches only itself.
///
/// ```
/// use tessera_abi::topic::topic_matches;
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
/// use tessera_abi::topic::pattern_covers;
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
