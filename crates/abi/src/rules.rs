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

/// [`TAGS`] as one string, each tag followed by a space: what [`allowed_tag`] searches (one
/// string is smaller in the loader's wasm than a table of string slices).
const TAG_LIST: &str = "a abbr article aside b blockquote br button caption code col colgroup dd del details dfn div dl dt em fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr i img input ins kbd label legend li main mark meter nav ol optgroup option output p pre progress q s samp section select small span strong style sub summary sup table tbody td textarea tfoot th thead time tr u ul var ";

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
    word(TAG_LIST, tag)
}

/// `word` as it appears in `list` (words each followed by a space), or `None`.
#[inline]
fn word(list: &'static str, word: &str) -> Option<&'static str> {
    let mut start = 0;
    for (end, &b) in list.as_bytes().iter().enumerate() {
        if b == b' ' {
            let item = list.get(start..end)?;
            if item == word {
                return Some(item);
            }
            start = end + 1;
        }
    }
    None
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

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;
    use std::string::String;

    fn list(words: &[&str]) -> String {
        words.iter().map(|w| [w, " "].concat()).collect()
    }

    #[test]
    fn the_tag_list_is_the_table() {
        assert_eq!(list(TAGS), TAG_LIST);
    }

    #[test]
    fn word_finds_whole_words_only() {
        assert_eq!(word("ab c ", "ab"), Some("ab"));
        assert_eq!(word("ab c ", "c"), Some("c"));
        for absent in ["", "a", "b", "ab ", "c ", " c", "ab c", "abc"] {
            assert_eq!(word("ab c ", absent), None, "{absent:?}");
        }
    }
}
