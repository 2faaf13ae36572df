//! What the host refuses (docs/abi.md, "What the host refuses, and why"): the tag allowlist,
//! refused attribute names and refused URL schemes. Each check is a few byte comparisons, no
//! allocation and no formatting: the loader ships them.

use crate::code::{REFUSED_ATTRIBUTE, REFUSED_URL};

/// The inert HTML elements a component may create. Everything else is refused.
pub const TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "blockquote",
    "br",
    "button",
    "caption",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "main",
    "mark",
    "meter",
    "nav",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "pre",
    "progress",
    "q",
    "s",
    "samp",
    "section",
    "select",
    "small",
    "span",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
];

/// Attribute names refused besides every `on*` name.
pub const REFUSED_NAMES: [&str; 5] = ["srcdoc", "is", "formaction", "action", "http-equiv"];

/// Attributes whose value is a URL (or, for `srcset` and `ping`, a list of URLs).
pub const URL_NAMES: [&str; 8] = [
    "href",
    "src",
    "srcset",
    "poster",
    "cite",
    "background",
    "ping",
    "data",
];

/// Schemes refused in URL attributes.
pub const REFUSED_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// The allowlisted spelling of `tag`, or `None` when the tag is refused. Matching is exact:
/// tags are lowercase, so `SCRIPT` is refused like `script`.
#[inline]
pub fn allowed_tag(tag: &str) -> Option<&'static str> {
    TAGS.iter().copied().find(|t| *t == tag)
}

/// Checks one attribute; `name` must already be ASCII-lowercased (as HTML does).
/// Returns the refusal code: `refused-attribute` or `refused-url`.
#[inline]
pub fn check_attr(name: &str, value: &str) -> Result<(), i32> {
    if !valid_name(name) || name.starts_with("on") || REFUSED_NAMES.contains(&name) {
        return Err(REFUSED_ATTRIBUTE);
    }
    if URL_NAMES.contains(&name) && refused_url(value, name == "srcset" || name == "ping") {
        return Err(REFUSED_URL);
    }
    Ok(())
}

/// A name made only of ASCII letters, digits, `-` and `_`, and not empty.
#[inline]
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether a URL value must be refused. `list` values (`srcset`, `ping`) are also checked item
/// by item, split at commas and whitespace.
#[inline]
pub fn refused_url(value: &str, list: bool) -> bool {
    refused_scheme(value)
        || (list
            && value
                .split(|c: char| c == ',' || c.is_ascii_whitespace())
                .any(refused_scheme))
}

/// The scheme test: whitespace and control characters removed anywhere, case-insensitive.
#[inline]
pub fn refused_scheme(url: &str) -> bool {
    let mut head = [0u8; 11];
    let kept = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control());
    for (slot, c) in head.iter_mut().zip(kept) {
        *slot = if c.is_ascii() {
            (c as u8).to_ascii_lowercase()
        } else {
            0xff
        };
    }
    REFUSED_SCHEMES
        .iter()
        .any(|scheme| head.starts_with(scheme.as_bytes()))
}
