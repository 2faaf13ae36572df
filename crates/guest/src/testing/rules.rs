//! The host's refusal rules and limits (docs/abi.md "What the host refuses"), as the fake DOM
//! applies them.

/// Live nodes per component.
pub const MAX_NODES: usize = 10_000;
/// Live listeners per component.
pub const MAX_LISTENERS: usize = 1_000;
/// Bytes per `apply` batch.
pub const MAX_BATCH: usize = 1 << 20;
/// Live timers per component.
pub const MAX_TIMERS: usize = 64;

const TAGS: &str = "a abbr article aside b blockquote br button caption code col colgroup dd \
    del details dfn div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header \
    hr i img input ins kbd label legend li main mark meter nav ol optgroup option output p pre \
    progress q s samp section select small span strong style sub summary sup table tbody td \
    textarea tfoot th thead time tr u ul var";

const URL_ATTRS: [&str; 8] = [
    "href",
    "src",
    "srcset",
    "poster",
    "cite",
    "background",
    "ping",
    "data",
];

/// `-3` unless `tag` is in the allowlist.
pub fn check_tag(tag: &str) -> Result<(), i32> {
    if TAGS.split_whitespace().any(|t| t == tag) {
        Ok(())
    } else {
        Err(-3)
    }
}

/// `-4` for a refused attribute name, `-5` for a refused URL.
pub fn check_attr(name: &str, value: &str) -> Result<(), i32> {
    let lower = name.to_ascii_lowercase();
    let bad_char = !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    let refused = ["srcdoc", "is", "formaction", "action", "http-equiv"];
    if name.is_empty() || bad_char || lower.starts_with("on") || refused.contains(&lower.as_str()) {
        return Err(-4);
    }
    if URL_ATTRS.contains(&lower.as_str()) {
        let cleaned: std::string::String = value
            .chars()
            .filter(|c| !c.is_whitespace() && !c.is_control())
            .collect::<std::string::String>()
            .to_ascii_lowercase();
        if ["javascript:", "vbscript:", "data:"]
            .iter()
            .any(|s| cleaned.starts_with(s))
        {
            return Err(-5);
        }
    }
    Ok(())
}

/// Elements without a closing tag in HTML.
pub fn is_void(tag: &str) -> bool {
    matches!(tag, "br" | "col" | "hr" | "img" | "input")
}
