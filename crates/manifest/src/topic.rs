//! Message-bus topic patterns: a topic, or a prefix followed by a trailing `*`. Matching is
//! `tessera_abi::topic`'s, re-exported by the crate root.

use crate::limits::MAX_TOPIC_BYTES;
use crate::scan::{any_char, inner_star};
use crate::text::{too_long, Msg};

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
