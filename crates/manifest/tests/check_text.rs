//! `check_text`: what the text gate refuses before any parser reads a manifest, and that after
//! it passes serde_json reads the text (so the CLI and the loader see the same value).

use tessera_manifest::limits::{MAX_DEPTH, MAX_MANIFEST_BYTES, MAX_PROBLEMS};
use tessera_manifest::{check_text, parse_json};

/// The problem lines `check_text` gives for `text` (empty when it passes).
fn lines(text: &str) -> Vec<String> {
    match check_text(text) {
        Ok(()) => Vec::new(),
        Err(problems) => problems.0.iter().map(|p| p.to_line()).collect(),
    }
}

#[test]
fn well_formed_json_passes_and_serde_reads_it() {
    for text in [
        "{}",
        " [ ] ",
        "0",
        "-0.5e+3",
        "1E9",
        r#""\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00""#,
        r#"{"a": [1, {"b": null}], "c": true, "d": false, "é": "ü"}"#,
        "\t\r\n{\"a\"\n:\n1}\n",
    ] {
        assert_eq!(lines(text), Vec::<String>::new(), "{text}");
        parse_json(text).unwrap_or_else(|p| panic!("{text}: {}", p.message));
    }
}

#[test]
fn syntax_errors_are_one_problem_with_line_and_column() {
    for (text, expected) in [
        (
            "",
            "unexpected end of text, expected a value at line 1 column 1",
        ),
        ("{", "expected a key in double quotes at line 1 column 2"),
        ("[1,]", "trailing comma at line 1 column 4"),
        ("{\"a\":1,\n  }", "trailing comma at line 2 column 3"),
        ("{\"a\" 1}", "expected ':' after a key at line 1 column 6"),
        (
            "{\"a\":1 \"b\":2}",
            "expected ',' or '}' after a field at line 1 column 8",
        ),
        (
            "[1 2]",
            "expected ',' or ']' after an item at line 1 column 4",
        ),
        ("01", "trailing characters at line 1 column 2"),
        ("1.", "expected a digit after '.' at line 1 column 3"),
        ("1e", "expected a digit in the exponent at line 1 column 3"),
        ("-", "expected a digit at line 1 column 2"),
        ("tru", "expected a value at line 1 column 1"),
        ("NaN", "expected a value at line 1 column 1"),
        (
            "\"é\n\"",
            "control character in a string at line 1 column 3",
        ),
        ("\"\\x\"", "invalid escape in a string at line 1 column 3"),
        (
            "\"\\u12\"",
            "expected four hex digits after \\u at line 1 column 6",
        ),
        ("\"abc", "unterminated string at line 1 column 5"),
        ("{} {}", "trailing characters at line 1 column 4"),
        ("\u{feff}{}", "expected a value at line 1 column 1"),
    ] {
        assert_eq!(
            lines(text),
            [format!("(root): invalid json: {expected}")],
            "{text:?}"
        );
        assert!(parse_json(text).is_err(), "serde_json accepts {text:?}");
    }
}

/// Numbers from 1e308 up are refused (serde_json refuses past `f64::MAX`, `JSON.parse` makes
/// them `Infinity`); everything below reads as the same finite number in both.
#[test]
fn numbers_are_below_1e308() {
    for ok in [
        "9.99e307",
        "-9.99e307",
        "0e999999",
        "0.0e400",
        "1e-400",
        "99e306",
        "0.001e310",
        "123",
    ] {
        assert_eq!(lines(ok), Vec::<String>::new(), "{ok}");
        let n = parse_json(ok).unwrap().as_f64().unwrap();
        assert!(n.is_finite(), "{ok}");
    }
    for big in [
        "1e308",
        "-1E+308",
        "10e307",
        "0.01e310",
        "1e99999999999999999999",
        "1797693134862315708145274237317043567981e269",
    ] {
        assert_eq!(
            lines(&format!("[{big}]")),
            ["(root): invalid json: a number must be below 1e308 in magnitude at line 1 column 2"],
            "{big}"
        );
    }
}

#[test]
fn lone_surrogates_are_refused_where_they_are() {
    let text =
        r#"{"a": "\ud800", "b": ["\udc00x"], "\udbffk": "\ud800\u0041", "ok": "\ud800\udc00"}"#;
    assert_eq!(
        lines(text),
        [
            r"a: must not contain a lone surrogate, got \ud800",
            r"b[0]: must not contain a lone surrogate, got \udc00",
            r"(root): must not contain a lone surrogate, got \udbff",
            "[\"\u{fffd}k\"]: must not contain a lone surrogate, got \\ud800",
        ]
    );
}

#[test]
fn repeated_keys_are_refused_in_source_order_with_the_component() {
    let text = r##"{"components": [
        {"props": {"x": 1, "x": 2}, "name": "cart", "name": "other", "slot": "#a"},
        {"name": "Bad Name", "a": 1, "a": 2},
        {"\u0061": 1, "a": 2}
    ], "components": []}"##;
    assert_eq!(
        lines(text),
        [
            "components[0].props.x (component 'cart'): duplicate key \"x\"",
            "components[0].name (component 'cart'): duplicate key \"name\"",
            "components[1].a: duplicate key \"a\"",
            "components[2].a: duplicate key \"a\"",
            "components: duplicate key \"components\"",
        ]
    );
}

#[test]
fn nesting_is_limited_before_it_is_read() {
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    assert_eq!(lines(&nested(MAX_DEPTH)), Vec::<String>::new());
    let too_deep =
        format!("(root): must not nest arrays and objects more than {MAX_DEPTH} levels deep");
    assert_eq!(lines(&nested(MAX_DEPTH + 1)), [too_deep.as_str()]);
    // Far deeper than any stack: refused after reading MAX_DEPTH levels.
    assert_eq!(lines(&"{\"a\":[".repeat(1_000_000)), [too_deep.as_str()]);
}

#[test]
fn size_is_limited_before_it_is_read() {
    let mut text = String::from("\"");
    text.push_str(&"x".repeat(MAX_MANIFEST_BYTES - 2));
    text.push('"');
    assert_eq!(lines(&text), Vec::<String>::new());
    text.insert(1, 'y');
    assert_eq!(
        lines(&text),
        [format!(
            "(root): the manifest must be at most {MAX_MANIFEST_BYTES} bytes long (is {})",
            MAX_MANIFEST_BYTES + 1
        )]
    );
}

#[test]
fn problems_are_capped_and_counted() {
    let keys = vec!["\"k\": 1"; 100_000].join(",");
    let found = lines(&format!("{{{keys}}}"));
    assert_eq!(found.len(), MAX_PROBLEMS + 1);
    assert!(found[..MAX_PROBLEMS]
        .iter()
        .all(|l| l == "k: duplicate key \"k\""));
    assert_eq!(
        found[MAX_PROBLEMS],
        format!("(root): and {} more problems", 99_999 - MAX_PROBLEMS)
    );
}
