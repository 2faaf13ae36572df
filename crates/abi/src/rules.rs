//! What the host refuses (docs/abi.md, "What the host refuses, and why"): the tag and attribute
//! allowlists, URL attributes (schemes by [`crate::url`], origins by a [`UrlPolicy`]) and `style`
//! values (by [`crate::css`]). No formatting: the loader ships them.

use crate::code::REFUSED_ATTRIBUTE;
use crate::policy::UrlPolicy;
use crate::{css, url};

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

/// The inert attributes a component may set, besides every `aria-*` and `data-*` name. Everything
/// else is refused, in particular `on*`, `popover*`, `command*`, `target`, `rel`, `srcdoc`.
pub const ATTRIBUTES: &[&str] = &[
    "abbr",
    "accept",
    "alt",
    "autocomplete",
    "checked",
    "cite",
    "class",
    "cols",
    "colspan",
    "datetime",
    "decoding",
    "dir",
    "disabled",
    "enterkeyhint",
    "for",
    "headers",
    "height",
    "hidden",
    "high",
    "href",
    "id",
    "inputmode",
    "label",
    "lang",
    "loading",
    "low",
    "max",
    "maxlength",
    "min",
    "minlength",
    "multiple",
    "name",
    "open",
    "optimum",
    "pattern",
    "placeholder",
    "readonly",
    "required",
    "reversed",
    "role",
    "rows",
    "rowspan",
    "scope",
    "selected",
    "size",
    "sizes",
    "span",
    "spellcheck",
    "src",
    "srcset",
    "start",
    "step",
    "style",
    "tabindex",
    "title",
    "translate",
    "type",
    "value",
    "width",
    "wrap",
];

/// [`ATTRIBUTES`] as one string, each name followed by a space: what [`allowed_attr`] searches.
const ATTRIBUTE_LIST: &str = "abbr accept alt autocomplete checked cite class cols colspan datetime decoding dir disabled enterkeyhint for headers height hidden high href id inputmode label lang loading low max maxlength min minlength multiple name open optimum pattern placeholder readonly required reversed role rows rowspan scope selected size sizes span spellcheck src srcset start step style tabindex title translate type value width wrap ";

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

/// Whether `name` (ASCII-lowercased) is in [`ATTRIBUTES`] or is `aria-*` or `data-*` with at
/// least one more character, all of them ASCII letters, digits, `-` or `_`.
#[inline]
pub fn allowed_attr(name: &str) -> bool {
    word(ATTRIBUTE_LIST, name).is_some()
        || ((name.starts_with("aria-") || name.starts_with("data-"))
            && name.len() > 5
            && valid_name(name))
}

/// Checks one attribute of an element whose allowlisted tag is `tag`; `name` must already be
/// ASCII-lowercased (as HTML does). `refused-attribute`: a name outside [`allowed_attr`], a URL
/// attribute on another element than its own (`href` on `a`; `src` on `img`, `input`; `cite` on
/// `blockquote`, `del`, `ins`, `q`; `srcset`, `sizes` on `img`), a `tabindex` other than `0` or
/// `-1`, or a refused identifier in `style`. `refused-url`: a URL in `href`, `src`, `cite`,
/// `srcset` or `style` that [`url::check`] refuses (`mailto:` and `tel:` only in `href`).
#[inline]
pub fn check_attr(tag: &str, name: &str, value: &str, urls: &impl UrlPolicy) -> Result<(), i32> {
    let only_on = match name {
        "href" => "a ",
        "src" => "img input ",
        "cite" => "blockquote del ins q ",
        "srcset" | "sizes" => "img ",
        _ => "",
    };
    if !allowed_attr(name) || (!only_on.is_empty() && word(only_on, tag).is_none()) {
        return Err(REFUSED_ATTRIBUTE);
    }
    match name {
        "tabindex" if value != "0" && value != "-1" => Err(REFUSED_ATTRIBUTE),
        "style" => css::check(value, urls),
        "href" => url::check(value, true, urls),
        "src" | "cite" => url::check(value, false, urls),
        "srcset" => url::srcset_urls(value).try_for_each(|u| url::check(u, false, urls)),
        _ => Ok(()),
    }
}

/// A name made only of ASCII letters, digits, `-` and `_`, and not empty.
#[inline]
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
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
    fn the_attribute_list_is_the_table() {
        assert_eq!(list(ATTRIBUTES), ATTRIBUTE_LIST);
        let mut sorted = ATTRIBUTES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, ATTRIBUTES);
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
