//! The refusal rules against docs/abi.md, "What the host refuses, and why".

use std::cell::RefCell;
use tessera_abi::code::{REFUSED_ATTRIBUTE, REFUSED_URL};
use tessera_abi::policy::{AnyOrigin, StaticOrigins, UrlPolicy};
use tessera_abi::rules::{allowed_attr, allowed_tag, check_attr, valid_name, ATTRIBUTES, TAGS};

const APP: StaticOrigins = StaticOrigins {
    base_origin: "https://app.example",
    allowed: &["https://app.example"],
};

/// Records every URL it is asked about, and answers like [`APP`].
#[derive(Default)]
struct Recorder(RefCell<Vec<String>>);

impl UrlPolicy for Recorder {
    fn allows(&self, url: &str) -> bool {
        self.0.borrow_mut().push(url.into());
        APP.allows(url)
    }
}

/// An element on which `name` is allowed.
fn home(name: &str) -> &'static str {
    match name {
        "href" => "a",
        "src" | "srcset" | "sizes" => "img",
        "cite" => "q",
        _ => "div",
    }
}

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
fn every_allowlisted_attribute_passes_where_it_belongs() {
    assert_eq!(ATTRIBUTES.len(), 60);
    for name in ATTRIBUTES {
        let value = if *name == "tabindex" { "0" } else { "x" };
        assert!(allowed_attr(name), "{name}");
        assert!(valid_name(name), "{name}");
        assert_eq!(check_attr(home(name), name, value, &APP), Ok(()), "{name}");
    }
    for name in [
        "aria-label",
        "aria-x",
        "data-x",
        "data-x_y",
        "data-1",
        "data--",
        "aria-hidden",
        "data-on-click",
        "data-href",
    ] {
        assert!(allowed_attr(name), "{name}");
        assert_eq!(
            check_attr("span", name, "javascript:x", &APP),
            Ok(()),
            "{name}"
        );
    }
}

#[test]
fn everything_else_is_refused() {
    for name in [
        "popover",
        "popovertarget",
        "popovertargetaction",
        "command",
        "commandfor",
        "interestfor",
        "autofocus",
        "accesskey",
        "target",
        "rel",
        "referrerpolicy",
        "ping",
        "download",
        "contenteditable",
        "is",
        "srcdoc",
        "formaction",
        "action",
        "http-equiv",
        "onclick",
        "on",
        "onerror",
        "onfocus",
        "nonce",
        "slot",
        "part",
        "exportparts",
        "inert",
        "form",
        "list",
        "poster",
        "background",
        "data",
        "xmlns",
        "aria-",
        "data-",
        "aria",
        "data",
        "CLASS",
        "Id",
        "class ",
        "dat-x",
    ] {
        assert!(!allowed_attr(name), "{name}");
        for tag in ["div", "a", "img", "input", "q"] {
            assert_eq!(
                check_attr(tag, name, "", &AnyOrigin),
                Err(REFUSED_ATTRIBUTE),
                "{name}"
            );
        }
    }
    for name in [
        "xlink:href",
        "a b",
        "",
        "é",
        "data-x=y",
        "data-é",
        "aria-a b",
        "x\0",
        ":href",
        "a/b",
        "data-a:b",
    ] {
        assert!(!allowed_attr(name), "{name:?}");
        assert_eq!(
            check_attr("div", name, "x", &AnyOrigin),
            Err(REFUSED_ATTRIBUTE),
            "{name:?}"
        );
        assert!(!valid_name(name) || name.is_empty(), "{name:?}");
    }
    assert!(valid_name("no-on") && valid_name("x_y") && !allowed_attr("no-on"));
}

#[test]
fn url_attributes_only_on_their_elements() {
    for (name, tags) in [
        ("href", &["a"][..]),
        ("src", &["img", "input"][..]),
        ("cite", &["blockquote", "del", "ins", "q"][..]),
        ("srcset", &["img"][..]),
        ("sizes", &["img"][..]),
    ] {
        for tag in TAGS {
            let want = if tags.contains(tag) {
                Ok(())
            } else {
                Err(REFUSED_ATTRIBUTE)
            };
            assert_eq!(
                check_attr(tag, name, "a.png", &APP),
                want,
                "{name} on {tag}"
            );
        }
    }
}

#[test]
fn tabindex_only_keeps_the_focus_order() {
    for ok in ["0", "-1"] {
        assert_eq!(check_attr("div", "tabindex", ok, &APP), Ok(()), "{ok:?}");
    }
    for refused in [
        "1", "2", "32767", "", " 0", "0 ", "+0", "00", "-2", "-0", "x", "1e3",
    ] {
        assert_eq!(
            check_attr("div", "tabindex", refused, &APP),
            Err(REFUSED_ATTRIBUTE),
            "{refused:?}"
        );
    }
}

#[test]
fn refused_schemes_everywhere() {
    for v in [
        "javascript:alert(1)",
        "  JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "\u{0}javascript:x",
        "java\nscript:x",
        "JAVASCRIPT:x",
        "vbscript:x",
        "VbScRiPt:x",
        "data:text/html,<script>",
        "DATA:image/png;base64,AA",
        "file:///etc/passwd",
        "blob:https://app.example/1",
        "intent://x#Intent;end",
        "view-source:https://app.example/",
        "ftp://app.example/",
        "about:blank",
        "foo:bar",
    ] {
        // In `srcset`, inner whitespace ends the URL: `java` and a descriptor (see below).
        let split = v.trim().contains(['\t', '\n']);
        for (tag, name) in [
            ("a", "href"),
            ("img", "src"),
            ("input", "src"),
            ("img", "srcset"),
            ("q", "cite"),
            ("blockquote", "cite"),
        ] {
            if split && name == "srcset" {
                continue;
            }
            let p = Recorder::default();
            assert_eq!(
                check_attr(tag, name, v, &p),
                Err(REFUSED_URL),
                "{name}={v:?}"
            );
            assert_eq!(check_attr(tag, name, v, &AnyOrigin), Err(REFUSED_URL));
            assert!(p.0.borrow().is_empty(), "{name}={v:?}");
        }
        let p = Recorder::default();
        let srcset = format!("a.png 1x, {v} 2x");
        let want = if split { Ok(()) } else { Err(REFUSED_URL) };
        assert_eq!(check_attr("img", "srcset", &srcset, &p), want, "{v:?}");
        assert_eq!(p.0.borrow()[0], "a.png");
        // CSS turns NUL into U+FFFD, which the URL parser keeps: a relative URL.
        let want = if v.contains('\0') {
            Ok(())
        } else {
            Err(REFUSED_URL)
        };
        let style = format!("background:url(\"{v}\")");
        assert_eq!(
            check_attr("div", "style", &style, &AnyOrigin),
            want,
            "{v:?}"
        );
    }
    // Not a URL attribute: the value is not checked.
    assert_eq!(check_attr("div", "title", "javascript:x", &APP), Ok(()));
    assert_eq!(check_attr("img", "alt", "javascript:x", &APP), Ok(()));
}

#[test]
fn mailto_and_tel_only_in_href() {
    let p = Recorder::default();
    for v in ["mailto:a@b", "MAILTO:a@b", "tel:+1", " tel:1"] {
        assert_eq!(check_attr("a", "href", v, &p), Ok(()), "{v:?}");
        assert_eq!(
            check_attr("img", "src", v, &AnyOrigin),
            Err(REFUSED_URL),
            "{v:?}"
        );
        assert_eq!(check_attr("img", "srcset", v, &AnyOrigin), Err(REFUSED_URL));
        assert_eq!(
            check_attr("q", "cite", v, &AnyOrigin),
            Err(REFUSED_URL),
            "{v:?}"
        );
    }
    assert!(p.0.borrow().is_empty(), "{:?}", p.0.borrow());
}

#[test]
fn the_policy_decides_network_urls() {
    let p = Recorder::default();
    for v in [
        "https://app.example/x",
        "/rel",
        "rel?q=javascript:",
        "//app.example/a",
    ] {
        for (tag, name) in [
            ("a", "href"),
            ("img", "src"),
            ("del", "cite"),
            ("img", "srcset"),
        ] {
            assert_eq!(check_attr(tag, name, v, &p), Ok(()), "{name}={v:?}");
        }
    }
    assert_eq!(p.0.borrow().len(), 16);
    p.0.borrow_mut().clear();
    for v in [
        "https://evil.example/",
        "//evil.example/x",
        "http://app.example/",
    ] {
        for (tag, name) in [
            ("a", "href"),
            ("input", "src"),
            ("ins", "cite"),
            ("img", "srcset"),
        ] {
            assert_eq!(
                check_attr(tag, name, v, &p),
                Err(REFUSED_URL),
                "{name}={v:?}"
            );
            assert_eq!(check_attr(tag, name, v, &AnyOrigin), Ok(()), "{name}={v:?}");
        }
    }
    assert_eq!(p.0.borrow().len(), 12);
    p.0.borrow_mut().clear();
    // Empty and fragment-only values do not ask.
    for v in ["", "#", "#top"] {
        assert_eq!(check_attr("a", "href", v, &p), Ok(()), "{v:?}");
        assert_eq!(check_attr("img", "src", v, &p), Ok(()), "{v:?}");
    }
    assert!(p.0.borrow().is_empty(), "{:?}", p.0.borrow());
}

#[test]
fn srcset_candidates_are_checked_one_by_one() {
    let p = Recorder::default();
    let set = "a.png 1x, /b.png 2x,c.png 100w , d(1).png (x, y) 3x,e.png,, f.png";
    assert_eq!(check_attr("img", "srcset", set, &p), Ok(()));
    assert_eq!(
        *p.0.borrow(),
        ["a.png", "/b.png", "c.png", "d(1).png", "e.png", "f.png"]
    );
    for refused in [
        "a.png 1x, https://evil.example/b.png 2x",
        "a.png 1x,javascript:x 2x",
        "a.png,, javascript:x",
        "a.png 1x (, ) , //evil.example/x",
        "a.png (x(y), //evil.example/x) 2x",
    ] {
        assert_eq!(
            check_attr("img", "srcset", refused, &APP),
            Err(REFUSED_URL),
            "{refused:?}"
        );
    }
    // A descriptor is not a URL (the browser requests `java`); inner commas belong to the URL.
    let p = Recorder::default();
    assert_eq!(check_attr("img", "srcset", "java\tscript:x", &p), Ok(()));
    assert_eq!(*p.0.borrow(), ["java"]);
    assert_eq!(
        check_attr("img", "srcset", "a.png javascript:x", &APP),
        Ok(())
    );
    assert_eq!(
        check_attr("img", "srcset", "a.png (, javascript:x)", &APP),
        Ok(())
    );
    assert_eq!(check_attr("img", "srcset", "a,javascript:x", &APP), Ok(()));
    assert_eq!(check_attr("img", "srcset", "", &APP), Ok(()));
    assert_eq!(check_attr("img", "srcset", " , ", &APP), Ok(()));
    // `sizes` is not a URL list.
    assert_eq!(check_attr("img", "sizes", "javascript:x", &APP), Ok(()));
}

#[test]
fn style_values_are_checked_as_css() {
    assert_eq!(
        check_attr("div", "style", "color:red;background:url(a.png)", &APP),
        Ok(())
    );
    assert_eq!(
        check_attr(
            "div",
            "style",
            "background:url(https://evil.example/a)",
            &APP
        ),
        Err(REFUSED_URL)
    );
    assert_eq!(
        check_attr("select", "style", "appearance:base-select", &AnyOrigin),
        Err(REFUSED_ATTRIBUTE)
    );
    assert_eq!(check_attr("div", "style", "", &APP), Ok(()));
}

#[test]
fn the_topic_limit_agrees_with_manifest_validation() {
    assert_eq!(
        tessera_abi::limits::MAX_TOPIC_BYTES as usize,
        tessera_manifest::limits::MAX_TOPIC_BYTES
    );
}
