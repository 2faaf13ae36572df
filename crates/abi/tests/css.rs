//! The CSS checker: every URL the browser's tokenizer would find, escapes and comments included,
//! and the refused identifiers.

use std::cell::RefCell;
use std::time::{Duration, Instant};
use tessera_abi::code::{REFUSED_ATTRIBUTE, REFUSED_URL};
use tessera_abi::css::{check, REFUSED_IDENTS};
use tessera_abi::policy::{AnyOrigin, StaticOrigins, UrlPolicy};

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

/// The check's result and the URLs the policy was asked about.
fn run(css: &str) -> (Result<(), i32>, Vec<String>) {
    let p = Recorder::default();
    let r = check(css, &p);
    (r, p.0.into_inner())
}

#[test]
fn urls_the_browser_would_fetch_are_checked() {
    for (css, asked) in [
        (
            "a{background:url(https://evil.example/x)}",
            "https://evil.example/x",
        ),
        ("u\\72l(https://evil.example/x)", "https://evil.example/x"),
        ("url( \"https://evil.example\" )", "https://evil.example"),
        ("URL(https://evil)", "https://evil"),
        ("\\75 rl(//evil.example)", "//evil.example"),
        ("\\000075rl(//evil.example)", "//evil.example"),
        ("\\75\r\nrl(//evil.example)", "//evil.example"),
        ("url(\\68ttps://evil.example)", "https://evil.example"),
        ("\\url(https://evil.example)", "https://evil.example"),
        ("url('\\68ttps://evil.example')", "https://evil.example"),
        ("url(  https://evil.example  )", "https://evil.example"),
        ("url(https://evil.example", "https://evil.example"),
        ("url(\"https://evil.example", "https://evil.example"),
        (
            "@import \"https://evil.example/a.css\";",
            "https://evil.example/a.css",
        ),
        (
            "@import 'https://evil.example/a.css' layer(x);",
            "https://evil.example/a.css",
        ),
        ("@import/**/\"//evil.example\";", "//evil.example"),
        ("@IMPORT url(https://evil)", "https://evil"),
        ("@\\69mport \"//evil.example\"", "//evil.example"),
        (
            "@import \"https://ev\\\nil.example/\"",
            "https://evil.example/",
        ),
        (
            "@import \"https://ev\\\r\nil.example/\"",
            "https://evil.example/",
        ),
        (
            "@namespace url(\"https://evil.example/ns\");",
            "https://evil.example/ns",
        ),
        (
            "a{b:image-set(\"https://evil.example/a.png\" 1x)}",
            "https://evil.example/a.png",
        ),
        (
            "b:Image-Set(\"a.png\" 1x, 'https://evil.example/b.png' 2x)",
            "https://evil.example/b.png",
        ),
        (
            "b:-webkit-image-set(url(x) 1x, \"https://evil.example/b.png\" 2x)",
            "https://evil.example/b.png",
        ),
        (
            "b:image(ltr 'https://evil.example/i.png')",
            "https://evil.example/i.png",
        ),
        (
            "b:cross-fade('https://evil.example/c.png' 50%, red)",
            "https://evil.example/c.png",
        ),
        (
            "b:-webkit-cross-fade('https://evil.example/c.png', url(a), 50%)",
            "https://evil.example/c.png",
        ),
        (
            "b:image-set(linear-gradient(red, blue) 1x, \"https://evil.example/d.png\" 2x)",
            "https://evil.example/d.png",
        ),
        (
            "b:image-set([)] \"https://evil.example/e.png\")",
            "https://evil.example/e.png",
        ),
        (
            "b:image-set({)} \"https://evil.example/e.png\")",
            "https://evil.example/e.png",
        ),
        (
            "b:image-set(type(\"image/avif\") 'https://evil.example/f')",
            "https://evil.example/f",
        ),
        (
            "@font-face{font-family:x;src: url(\"https://evil.example/f.woff\") format(\"woff\")}",
            "https://evil.example/f.woff",
        ),
        (
            "b:src(\"https://evil.example/s.png\")",
            "https://evil.example/s.png",
        ),
        (
            "a{cursor:url(https://evil.example/c.cur),auto}",
            "https://evil.example/c.cur",
        ),
        ("--x: url(https://evil.example)", "https://evil.example"),
        ("--x:{url(https://evil.example)}", "https://evil.example"),
        ("<!--url(https://evil.example)-->", "https://evil.example"),
        (
            "a{b:url(https://evil\0.example)}",
            "https://evil\u{fffd}.example",
        ),
        (
            "filter:url(https://evil.example/f.svg#x)",
            "https://evil.example/f.svg#x",
        ),
        (
            "content:\"x\" url(https://evil.example)",
            "https://evil.example",
        ),
    ] {
        let (r, urls) = run(css);
        assert_eq!(r, Err(REFUSED_URL), "{css:?}");
        assert_eq!(
            urls.last().map(|u| u.as_str()),
            Some(asked),
            "{css:?}: {urls:?}"
        );
        assert_eq!(check(css, &AnyOrigin), Ok(()), "{css:?}");
    }
}

#[test]
fn refused_schemes_and_malformed_urls_are_refused() {
    for css in [
        "a{b:url(javascript:alert(1))}",
        "a{b:url(data:image/png;base64,AA)}",
        "a{b:url(\"data:image/png;base64,AA\")}",
        "a{b:url(d\\61ta:x)}",
        "a{b:url(java\\9script:x)}",
        "a{b:url(blob:https://app.example/1)}",
        "a{b:url(mailto:a@b)}",
        "a{b:url(tel:1)}",
        "@import 'file:///etc/passwd';",
        "b:image-set('data:image/png,x' 1x)",
        // Bad URL tokens: whitespace inside, a quote, a parenthesis, a bad escape, a control.
        "a{b:url(https://app.example/a b)}",
        "a{b:url(a\"b)}",
        "a{b:url(a'b)}",
        "a{b:url(a(b)}",
        "a{b:url(a\\\nb)}",
        "a{b:url(a\u{1}b)}",
        "a{b:url(a\u{7f}b)}",
        // url()/src() with anything but one string.
        "a{b:url(\"a.png\" x)}",
        "a{b:url(\"a.png\" \"b.png\")}",
        "a{b:url(\"a.png\"x)}",
        "a{b:src(var(--u))}",
        "a{b:src()}",
        "a{b:src(a.png)}",
        "a{b:url(\"a\nb\")}",
        // A bad string where a URL is expected.
        "@import \"a\nb\";",
        "b:image-set(\"a\nb\" 1x)",
        // Substitutions inside an image function could supply a URL string.
        "b:image-set(var(--u) 1x)",
        "b:image-set(\"a.png\" 1x, env(x) 2x)",
        "b:image-set(attr(data-u) 1x)",
        "b:image-set(--f() 1x)",
        "b:image-set(-\\2d f() 1x)",
        "b:image-set(linear-gradient(var(--c), red) 1x)",
        "b:-webkit-image-set(if(style(--x:1): \"a\") 1x)",
    ] {
        let (r, urls) = run(css);
        assert_eq!(r, Err(REFUSED_URL), "{css:?}");
        // The policy only ever sees the URLs that came before the refused one.
        assert!(urls.iter().all(|u| u == "a.png"), "{css:?}: {urls:?}");
        assert_eq!(check(css, &AnyOrigin), Err(REFUSED_URL), "{css:?}");
    }
}

#[test]
fn comments_in_url_tokens_are_part_of_the_url() {
    let (r, urls) = run("a{background:url(/*x*/https://evil.example)}");
    // A relative URL: https://app.example/*x*/https://evil.example.
    assert_eq!(r, Ok(()));
    assert_eq!(urls, ["/*x*/https://evil.example"]);
    // Outside URL tokens comments vanish, and separate tokens.
    let (r, urls) = run("a{b:/**/url(/**/x.png)/**/}");
    assert_eq!((r, urls), (Ok(()), vec!["/**/x.png".to_string()]));
    assert_eq!(run("url/**/(https://evil.example)"), (Ok(()), vec![]));
    assert_eq!(run("u/**/rl(https://evil.example)"), (Ok(()), vec![]));
    assert_eq!(run("/* url(https://evil.example) */"), (Ok(()), vec![]));
    assert_eq!(run("/* url(https://evil.example)"), (Ok(()), vec![]));
    assert_eq!(
        run("/**/ @import /* x */ 'https://evil.example';").0,
        Err(REFUSED_URL)
    );
}

#[test]
fn text_that_is_not_a_url_passes() {
    for css in [
        "a{background:url(a.png)}",
        "a{background:url(\"/img/a.png\")}",
        "a{filter:url(#f)}",
        "a{b:url()}",
        "a{b:url( )}",
        "a{b:url('')}",
        "a{b:url(\"#f\")}",
        "a{b:url(https://app.example/a.png)}",
        "a{b:url(//app.example/a.png)}",
        "a{content:\"url(https://evil)\"}",
        "a{content:'https://evil.example/'}",
        "a{content:\"Tip: javascript:x\"}",
        "a{font: 12px/1.2 serif}",
        "a{font-family:\"Helvetica Neue\", sans-serif}",
        "b:image-set(\"a.png\" 1x) \"https://evil.example\"",
        "b:image-set(url(a.png) 1x, \"b.png\" type(\"image/avif\") 2x)",
        "a{content:attr(title)}",
        "a{content:attr(data-x, \"none\")}",
        "a{width:calc(100% - var(--w))}",
        "a{b:var(--x, \"https://evil.example\")}",
        // Not URL tokens as the browser tokenizes them.
        "#url(https://evil.example)",
        "1url(https://evil.example)",
        "-url(https://evil.example)",
        "urlx(https://evil.example)",
        "@url(https://evil.example)",
        "@import-x 'https://evil.example';",
        "@import; 'https://evil.example'",
        "@media print{a{color:red}}",
        ".a-base-selectx{appearance:auto}",
        "a{view-transition:none}",
        "",
        "\u{0}\u{fffd}é",
    ] {
        assert_eq!(check(css, &APP), Ok(()), "{css:?}");
    }
}

#[test]
fn refused_identifiers() {
    for css in [
        "select{appearance: base-select}",
        "select{appearance:BASE-SELECT}",
        "select{appearance: b\\61se-select}",
        "select{appearance: \\62 ase-select}",
        "select{--a: base-select; appearance: var(--a)}",
        "a{view-transition-name: x}",
        "a{view-transition-n\\61me: x}",
        "a{view-transition-class: x}",
        ".base-select{}",
        "select{appearance:attr(data-a type(<custom-ident>))}",
        "select{appearance:attr(data-a ident)}",
        "select{appearance:attr(var(--n))}",
        "select{appearance:attr()}",
        "select{appearance:ident(\"base-select\")}",
        "a{view-transition-name:ident(\"x\" attr(id))}",
    ] {
        assert_eq!(check(css, &APP), Err(REFUSED_ATTRIBUTE), "{css:?}");
        assert_eq!(check(css, &AnyOrigin), Err(REFUSED_ATTRIBUTE), "{css:?}");
    }
    for ident in REFUSED_IDENTS {
        assert_eq!(check(ident, &AnyOrigin), Err(REFUSED_ATTRIBUTE), "{ident}");
        assert_eq!(
            check(&ident.to_uppercase(), &AnyOrigin),
            Err(REFUSED_ATTRIBUTE)
        );
        assert_eq!(check(&format!("{ident}x"), &AnyOrigin), Ok(()), "{ident}");
        assert_eq!(check(&format!("x{ident}"), &AnyOrigin), Ok(()), "{ident}");
        assert_eq!(
            check(&format!("\"{ident}\""), &AnyOrigin),
            Ok(()),
            "{ident}"
        );
    }
}

#[test]
fn escapes_decode_as_the_spec_says() {
    // Hex escapes: at most six digits, one whitespace after, zero and surrogates are U+FFFD.
    assert_eq!(run("url(\\0000075rl)").1, ["\u{7}5rl"]);
    assert_eq!(run("url(\\41  )").1, ["A"]);
    assert_eq!(run("url(a\\0b)").1, ["a\u{b}"]);
    assert_eq!(run("url(a\\0 b)").1, ["a\u{fffd}b"]);
    assert_eq!(run("url(a\\d800 b)").1, ["a\u{fffd}b"]);
    assert_eq!(run("url(a\\110000 b)").1, ["a\u{fffd}b"]);
    assert_eq!(run("url(a\\)b)").1, ["a)b"]);
    assert_eq!(run("url(a\\é)").1, ["aé"]);
    assert_eq!(run("url(a\\").1, ["a\u{fffd}"]);
    assert_eq!(run("@import 'a\\").1, ["a"]);
    assert_eq!(run("@import 'a\\'b'").1, ["a'b"]);
    assert_eq!(run("@import 'a\\\u{c}b'").1, ["ab"]);
    assert_eq!(run("@import 'a\\\rb'").1, ["ab"]);
    assert_eq!(run("@import 'a\0b'").1, ["a\u{fffd}b"]);
    assert_eq!(run("@import 'a\"b'").1, ["a\"b"]);
    assert_eq!(run("@import \"\"").1, Vec::<String>::new());
    assert_eq!(run("@import\"x\"").1, ["x"]);
}

/// A deterministic xorshift generator: the tests' random inputs are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const PIECES: &[&str] = &[
    "url(",
    "URL(",
    "u\\72l(",
    "src(",
    "image-set(",
    "-webkit-image-set(",
    "var(",
    "attr(",
    "ident(",
    "@import",
    "@\\69mport",
    "\"",
    "'",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ";",
    ":",
    "/*",
    "*/",
    "\\",
    "\\75 ",
    "\\\n",
    "\n",
    "\r\n",
    "\u{c}",
    " ",
    "\t",
    "\0",
    "\u{1}",
    "\u{7f}",
    "https://evil.example/",
    "//evil.example",
    "a.png",
    "#f",
    "javascript:",
    "base-select",
    "b\\61se-select",
    "1x",
    "-",
    "--x",
    "+.5e-3",
    "<!--",
    "-->",
    "#",
    "@",
    "é",
    "\u{fffd}",
    "\\d800",
    "\\110000",
];

#[test]
fn random_inputs_never_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut refused = [0usize; 3];
    for _ in 0..20_000 {
        let mut css = String::new();
        for _ in 0..rng.below(24) {
            css.push_str(PIECES[rng.below(PIECES.len())]);
        }
        let r = check(&css, &APP);
        match r {
            Ok(()) => refused[0] += 1,
            Err(REFUSED_URL) => refused[1] += 1,
            Err(REFUSED_ATTRIBUTE) => refused[2] += 1,
            Err(other) => panic!("{other} for {css:?}"),
        }
    }
    // Every outcome happens: the generator exercises the checker.
    assert!(refused.iter().all(|&n| n > 1000), "{refused:?}");
    for _ in 0..5_000 {
        let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let css = String::from_utf8_lossy(&bytes);
        let r = check(&css, &AnyOrigin);
        assert!(matches!(
            r,
            Ok(()) | Err(REFUSED_URL) | Err(REFUSED_ATTRIBUTE)
        ));
    }
}

#[test]
fn a_mebibyte_checks_in_linear_time() {
    let budget = if cfg!(debug_assertions) {
        Duration::from_secs(3)
    } else {
        Duration::from_millis(100)
    };
    let mut worst = Duration::ZERO;
    for (piece, want) in [
        ("(", Ok(())),
        ("image-set(", Ok(())),
        ("image-set([", Ok(())),
        ("/*", Ok(())),
        ("*/", Ok(())),
        ("\\", Ok(())),
        ("\\75 rl", Ok(())),
        ("a", Ok(())),
        ("url(a.png)", Ok(())),
        ("u\\72l(a.png)", Ok(())),
        ("'a\\'", Ok(())),
        ("@import ", Ok(())),
        ("1e+2", Ok(())),
        ("image-set(\"a.png\"", Ok(())),
        ("url(a", Err(REFUSED_URL)),
        ("url(\\", Err(REFUSED_URL)),
        ("url(a b", Err(REFUSED_URL)),
        ("<!-- --> ", Ok(())),
    ] {
        let css = piece.repeat((1 << 20) / piece.len());
        let start = Instant::now();
        assert_eq!(check(&css, &APP), want, "{piece:?}");
        let took = start.elapsed();
        worst = worst.max(took);
        assert!(took < budget, "{piece:?}: {took:?}");
    }
    eprintln!("worst 1 MiB check: {worst:?}");
}
