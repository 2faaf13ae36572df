//! Schemes as the WHATWG URL parser finds them, URL checks, and `srcset` candidates as HTML's
//! `srcset` parser extracts them.

use std::cell::RefCell;
use tessera_abi::code::REFUSED_URL;
use tessera_abi::policy::{AnyOrigin, StaticOrigins, UrlPolicy};
use tessera_abi::url::{check, scheme, srcset_urls, Scheme};

#[test]
fn schemes_as_the_url_parser_finds_them() {
    for (url, want) in [
        ("", Scheme::Relative),
        ("a.png", Scheme::Relative),
        ("/a:b", Scheme::Relative),
        ("./foo:bar", Scheme::Relative),
        ("?q=javascript:x", Scheme::Relative),
        ("#javascript:x", Scheme::Relative),
        ("//evil.example/x", Scheme::Relative),
        (":x", Scheme::Relative),
        ("1http:x", Scheme::Relative),
        ("jávascript:x", Scheme::Relative),
        ("\u{a0}javascript:x", Scheme::Relative),
        ("\u{7f}javascript:x", Scheme::Relative),
        ("java script:x", Scheme::Relative),
        ("java\u{b}script:x", Scheme::Relative),
        ("javascript", Scheme::Relative),
        ("http://x", Scheme::Http),
        ("HTTP://x", Scheme::Http),
        ("https://x", Scheme::Https),
        (" \u{1}HtTpS:x", Scheme::Https),
        ("ht\ttp\ns\r:", Scheme::Https),
        ("mailto:a@b", Scheme::Mailto),
        ("MAILTO:a@b", Scheme::Mailto),
        ("tel:1", Scheme::Tel),
        ("http:", Scheme::Http),
        ("httpss:x", Scheme::Other),
        ("mailtox:x", Scheme::Other),
        ("java\tscript:x", Scheme::Other),
        (" JAVASCRIPT:x", Scheme::Other),
        ("\u{0}\u{1f} javascript:x", Scheme::Other),
        ("java\nscript:x", Scheme::Other),
        ("data:text/html,x", Scheme::Other),
        ("blob:https://x/1", Scheme::Other),
        ("file:///etc", Scheme::Other),
        ("intent://x#Intent;end", Scheme::Other),
        ("view-source:https://x", Scheme::Other),
        ("ftp://x", Scheme::Other),
        ("about:blank", Scheme::Other),
        ("vbscript:x", Scheme::Other),
        ("foo:bar", Scheme::Other),
        ("c:/windows", Scheme::Other),
        ("a+b-c.d:x", Scheme::Other),
        ("web+app:x", Scheme::Other),
    ] {
        assert_eq!(scheme(url), want, "{url:?}");
    }
}

/// Records what it was asked, and answers like `StaticOrigins` for `https://app.example`.
struct Recorder(RefCell<Vec<String>>);

impl UrlPolicy for Recorder {
    fn allows(&self, url: &str) -> bool {
        self.0.borrow_mut().push(url.into());
        StaticOrigins {
            base_origin: "https://app.example",
            allowed: &["https://app.example"],
        }
        .allows(url)
    }
}

#[test]
fn check_asks_the_policy_for_network_urls_only() {
    let p = Recorder(RefCell::new(Vec::new()));
    for ok in ["", "#x", "#", "mailto:a@b", "tel:+1"] {
        assert_eq!(check(ok, true, &p), Ok(()), "{ok:?}");
    }
    assert!(p.0.borrow().is_empty(), "{:?}", p.0.borrow());
    for ok in ["a.png", "/x", "https://app.example/x", " //app.example/x"] {
        assert_eq!(check(ok, true, &p), Ok(()), "{ok:?}");
        assert_eq!(check(ok, false, &p), Ok(()), "{ok:?}");
    }
    assert_eq!(p.0.borrow().len(), 8);
    p.0.borrow_mut().clear();
    for refused in ["javascript:x", "data:x", "blob:x", "about:blank", "foo:bar"] {
        assert_eq!(check(refused, true, &p), Err(REFUSED_URL), "{refused:?}");
        assert_eq!(
            check(refused, false, &AnyOrigin),
            Err(REFUSED_URL),
            "{refused:?}"
        );
    }
    assert!(p.0.borrow().is_empty(), "{:?}", p.0.borrow());
    for refused in ["mailto:a@b", "tel:1"] {
        assert_eq!(
            check(refused, false, &AnyOrigin),
            Err(REFUSED_URL),
            "{refused:?}"
        );
    }
    for refused in [
        "https://evil.example/",
        "//evil.example",
        "http://app.example/",
    ] {
        assert_eq!(check(refused, true, &p), Err(REFUSED_URL), "{refused:?}");
        assert_eq!(check(refused, true, &AnyOrigin), Ok(()), "{refused:?}");
    }
    assert_eq!(p.0.borrow().len(), 3);
}

fn urls(value: &str) -> Vec<&str> {
    srcset_urls(value).collect()
}

#[test]
fn srcset_candidates_as_html_parses_them() {
    assert_eq!(urls(""), Vec::<&str>::new());
    assert_eq!(urls(" ,, \t\n"), Vec::<&str>::new());
    assert_eq!(urls("a.png"), ["a.png"]);
    assert_eq!(urls("a.png 1x, b.png 2x"), ["a.png", "b.png"]);
    assert_eq!(urls("a.png 100w,b.png 200w"), ["a.png", "b.png"]);
    // The URL runs to whitespace; trailing commas end the candidate: what follows is the next
    // URL, not a descriptor. Inner commas belong to the URL.
    assert_eq!(
        urls("a.png, b.png,c.png,, d.png 1x"),
        ["a.png", "b.png,c.png", "d.png"]
    );
    assert_eq!(urls("a.png,, javascript:x"), ["a.png", "javascript:x"]);
    assert_eq!(urls("a.png,javascript:x"), ["a.png,javascript:x"]);
    assert_eq!(urls(",a,b, c"), ["a,b", "c"]);
    // Descriptors run to a comma outside parentheses; the parentheses do not nest.
    assert_eq!(urls("a.png x(1, 2) y, b.png"), ["a.png", "b.png"]);
    assert_eq!(urls("a (x(y), b.png) c, d"), ["a", "b.png)", "d"]);
    assert_eq!(urls("a (x(y)), b.png"), ["a", "b.png"]);
    assert_eq!(urls("a (, b.png"), ["a"]);
    assert_eq!(urls("a 1x 2x 3x"), ["a"]);
    assert_eq!(urls("a\u{c}1x,\rb\u{a0}c 2x"), ["a", "b\u{a0}c"]);
    assert_eq!(urls("é.png 1x,ü.png"), ["é.png", "ü.png"]);
}
