//! What the host refuses (docs/abi.md, "What the host refuses, and why"): the tag allowlist,
//! refused attribute names and refused URL schemes. Pure logic, no browser calls.

use super::codes::{REFUSED_ATTRIBUTE, REFUSED_URL};

/// The inert HTML elements a component may create. Everything else is refused.
const TAGS: &[&str] = &[
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
const REFUSED_NAMES: [&str; 5] = ["srcdoc", "is", "formaction", "action", "http-equiv"];

/// Attributes whose value is a URL (or, for `srcset` and `ping`, a list of URLs).
const URL_NAMES: [&str; 8] = [
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
const REFUSED_SCHEMES: [&str; 3] = ["javascript:", "vbscript:", "data:"];

/// The allowlisted spelling of `tag`, or `None` when the tag is refused. Matching is exact:
/// tags are lowercase, so `SCRIPT` is refused like `script`.
pub(super) fn allowed_tag(tag: &str) -> Option<&'static str> {
    TAGS.iter().copied().find(|t| *t == tag)
}

/// Checks one attribute; `name` must already be ASCII-lowercased (as HTML does).
/// Returns the refusal code: `refused-attribute` or `refused-url`.
pub(super) fn check_attr(name: &str, value: &str) -> Result<(), i32> {
    if !valid_name(name) || name.starts_with("on") || REFUSED_NAMES.contains(&name) {
        return Err(REFUSED_ATTRIBUTE);
    }
    if URL_NAMES.contains(&name) && refused_url(value, name == "srcset" || name == "ping") {
        return Err(REFUSED_URL);
    }
    Ok(())
}

/// A name made only of ASCII letters, digits, `-` and `_`, and not empty.
pub(super) fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether a URL value must be refused. `list` values (`srcset`, `ping`) are also checked item
/// by item, split at commas and whitespace.
fn refused_url(value: &str, list: bool) -> bool {
    refused_scheme(value)
        || (list
            && value
                .split(|c: char| c == ',' || c.is_ascii_whitespace())
                .any(refused_scheme))
}

/// The scheme test: whitespace and control characters removed anywhere, case-insensitive.
fn refused_scheme(url: &str) -> bool {
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
    use super::*;

    #[test]
    fn allowlist_is_exact() {
        assert_eq!(allowed_tag("p"), Some("p"));
        assert_eq!(allowed_tag("style"), Some("style"));
        for refused in [
            "script", "SCRIPT", "iframe", "frame", "frameset", "object", "embed", "base", "meta",
            "link", "template", "slot", "portal", "svg", "math", "P", "", "p ", "dialog",
        ] {
            assert_eq!(allowed_tag(refused), None, "{refused}");
        }
    }

    #[test]
    fn refused_attribute_names() {
        for name in [
            "onclick",
            "on",
            "onerror",
            "srcdoc",
            "is",
            "formaction",
            "action",
            "http-equiv",
        ] {
            assert_eq!(check_attr(name, "x"), Err(REFUSED_ATTRIBUTE), "{name}");
        }
        for name in ["xlink:href", "a b", "", "é", "data-x=y", "x\0"] {
            assert_eq!(check_attr(name, "x"), Err(REFUSED_ATTRIBUTE), "{name:?}");
        }
        for name in [
            "class",
            "id",
            "style",
            "data-x",
            "aria-label",
            "value",
            "no-on",
        ] {
            assert_eq!(check_attr(name, "x"), Ok(()), "{name}");
        }
    }

    #[test]
    fn refused_url_schemes() {
        for v in [
            "javascript:alert(1)",
            "  JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "\u{0}javascript:x",
            "java\nscript:x",
            "vbscript:x",
            "data:text/html,<script>",
            "DATA:image/png;base64,AA",
        ] {
            assert_eq!(check_attr("href", v), Err(REFUSED_URL), "{v:?}");
            assert_eq!(check_attr("src", v), Err(REFUSED_URL), "{v:?}");
        }
        assert_eq!(
            check_attr("srcset", "a.png 1x, data:image/png;base64,AA 2x"),
            Err(REFUSED_URL)
        );
        assert_eq!(check_attr("ping", "/a javascript:x"), Err(REFUSED_URL));
        for v in [
            "https://example.com/",
            "http://x",
            "mailto:a@b",
            "tel:1",
            "/rel",
            "rel?q=javascript:",
        ] {
            assert_eq!(check_attr("href", v), Ok(()), "{v}");
        }
        // Not a URL attribute: the value is not checked.
        assert_eq!(check_attr("title", "javascript:x"), Ok(()));
    }
}
