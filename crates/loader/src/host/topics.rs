//! Topic and pattern matching for the message bus (docs/abi.md, "Host imports").
//! A pattern may end in `*`, which matches any suffix; any other `*` is literal.
//! (Kept here until `tessera_manifest` exports the same two functions.)

/// Whether `topic` matches `pattern` (`cart:*` matches `cart:add`; `cart:add` only itself).
pub(super) fn topic_matches(pattern: &str, topic: &str) -> bool {
    match pattern.strip_suffix('*') {
        Some(prefix) => topic.starts_with(prefix),
        None => pattern == topic,
    }
}

/// Whether every topic that `pattern` matches is also matched by `grant`.
pub(super) fn pattern_covers(grant: &str, pattern: &str) -> bool {
    match grant.strip_suffix('*') {
        Some(prefix) => pattern.starts_with(prefix),
        None => grant == pattern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches() {
        assert!(topic_matches("cart:*", "cart:add"));
        assert!(topic_matches("cart:*", "cart:"));
        assert!(topic_matches("*", "anything"));
        assert!(topic_matches("cart:add", "cart:add"));
        assert!(!topic_matches("cart:add", "cart:addx"));
        assert!(!topic_matches("cart:*", "user:login"));
        assert!(!topic_matches("cart:*", "cart"));
    }

    #[test]
    fn covers() {
        assert!(pattern_covers("cart:*", "cart:*"));
        assert!(pattern_covers("cart:*", "cart:add"));
        assert!(pattern_covers("cart:*", "cart:items:*"));
        assert!(pattern_covers("*", "admin:*"));
        assert!(pattern_covers("cart:add", "cart:add"));
        assert!(!pattern_covers("cart:add", "cart:*"));
        assert!(!pattern_covers("cart:*", "car*"));
        assert!(!pattern_covers("cart:*", "*"));
        assert!(!pattern_covers("cart:*", "admin:*"));
    }
}
