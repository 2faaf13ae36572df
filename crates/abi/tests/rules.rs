//! The refusal rules against docs/abi.md, "What the host refuses, and why".

use tessera_abi::code::{REFUSED_ATTRIBUTE, REFUSED_URL};
use tessera_abi::rules::{allowed_tag, check_attr, refused_url, valid_name, TAGS};

#[test]
fn the_allowlist_is_exact() {
    assert_eq!(allowed_tag("p"), Some("p"));
    assert_eq!(allowed_tag("style"), Some("style"));
    for tag in TAGS {
        assert_eq!(allowed_tag(tag), Some(*tag));
    }
    assert_eq!(TAGS.len(), 76);
    for refused in [
        "script", "SCRIPT", "iframe", "frame", "frameset", "object", "embed", "base", "meta",
        "link", "template", "slot", "portal", "svg", "math", "P", "", "p ", " p", "dialog", "Div",
        "scrip", "scripts",
    ] {
        assert_eq!(allowed_tag(refused), None, "{refused:?}");
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
    for name in [
        "xlink:href",
        "a b",
        "",
        "é",
        "data-x=y",
        "x\0",
        ":href",
        "a/b",
    ] {
        assert_eq!(check_attr(name, "x"), Err(REFUSED_ATTRIBUTE), "{name:?}");
        assert!(!valid_name(name), "{name:?}");
    }
    for name in [
        "class",
        "id",
        "style",
        "data-x",
        "aria-label",
        "value",
        "no-on",
        "x_y",
    ] {
        assert_eq!(check_attr(name, "x"), Ok(()), "{name}");
        assert!(valid_name(name), "{name}");
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
        "j\u{7f}avascript:x",
        "\u{a0}javascript:x",
        "\u{2028}javascript:x",
        "JAVASCRIPT:x",
        "vbscript:x",
        "VbScRiPt:x",
        "data:text/html,<script>",
        "DATA:image/png;base64,AA",
        "d a t a :x",
    ] {
        for attr in [
            "href",
            "src",
            "srcset",
            "poster",
            "cite",
            "background",
            "ping",
            "data",
        ] {
            assert_eq!(check_attr(attr, v), Err(REFUSED_URL), "{attr}={v:?}");
        }
    }
    for v in [
        "https://example.com/",
        "http://x",
        "mailto:a@b",
        "tel:1",
        "/rel",
        "rel?q=javascript:",
        "javascrip:x",
        "jávascript:x",
        "",
    ] {
        assert_eq!(check_attr("href", v), Ok(()), "{v:?}");
    }
    // Not a URL attribute: the value is not checked.
    assert_eq!(check_attr("title", "javascript:x"), Ok(()));
}

#[test]
fn url_lists_are_checked_item_by_item() {
    assert_eq!(
        check_attr("srcset", "a.png 1x, data:image/png;base64,AA 2x"),
        Err(REFUSED_URL)
    );
    assert_eq!(
        check_attr("srcset", "a.png 1x,javascript:x 2x"),
        Err(REFUSED_URL)
    );
    assert_eq!(check_attr("ping", "/a javascript:x"), Err(REFUSED_URL));
    assert_eq!(check_attr("srcset", "a.png 1x, b.png 2x"), Ok(()));
    // Only list attributes are split: in `href` the scheme is the value's start.
    assert_eq!(check_attr("href", "/a javascript:x"), Ok(()));
    assert!(refused_url("/a,vbscript:x", true));
    assert!(!refused_url("/a,vbscript:x", false));
}

#[test]
fn the_topic_limit_agrees_with_manifest_validation() {
    assert_eq!(
        tessera_abi::limits::MAX_TOPIC_BYTES as usize,
        tessera_manifest::limits::MAX_TOPIC_BYTES
    );
}
