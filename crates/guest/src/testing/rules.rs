//! The host's refusal rules and limits (docs/abi.md "What the host refuses") as the fake DOM
//! applies them: `tessera_abi`'s, the very ones the browser host applies. The fake DOM itself
//! decides every edit with [`tessera_abi::tree::Tree`].

use tessera_abi::code::REFUSED_TAG;
pub use tessera_abi::css::check as check_css;
pub use tessera_abi::limits::{
    DEFAULT_MAX_DOM_BYTES, MAX_BATCH, MAX_LISTENERS, MAX_NODES, MAX_PAYLOAD, MAX_SUBSCRIPTIONS,
    MAX_TIMERS, MAX_TOPIC_BYTES,
};
pub use tessera_abi::rules::{allowed_attr, check_attr, valid_name};

/// `-3` unless `tag` is in the allowlist.
pub fn check_tag(tag: &str) -> Result<(), i32> {
    match tessera_abi::rules::allowed_tag(tag) {
        Some(_) => Ok(()),
        None => Err(REFUSED_TAG),
    }
}
