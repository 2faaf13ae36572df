//! The props/payload JSON reader and writer.

use tessera_guest::json::{Json, Kind, Object};

#[test]
fn reads_scalars() {
    assert_eq!(Json::parse("42").as_i64(), Some(42));
    assert_eq!(Json::parse(" -7 ").as_i64(), Some(-7));
    assert_eq!(Json::parse("-9223372036854775808").as_i64(), Some(i64::MIN));
    assert_eq!(Json::parse("9223372036854775808").as_i64(), None);
    assert_eq!(Json::parse("4.5").as_i64(), None);
    assert_eq!(Json::parse("4.5").as_f64(), Some(4.5));
    assert_eq!(Json::parse("19.99").as_f64(), Some(19.99));
    assert_eq!(Json::parse("-0.001").as_f64(), Some(-0.001));
    assert_eq!(Json::parse("1e3").as_f64(), Some(1000.0));
    assert_eq!(Json::parse("2.5E-3").as_f64(), Some(0.0025));
    assert_eq!(Json::parse("1e400").as_f64(), Some(f64::INFINITY));
    assert_eq!(Json::parse("0").as_f64(), Some(0.0));
    assert_eq!(Json::parse("true").as_bool(), Some(true));
    assert_eq!(Json::parse("false").as_bool(), Some(false));
    assert!(Json::parse("null").is_null());
    assert_eq!(Json::parse(r#""hi""#).as_str().as_deref(), Some("hi"));
    assert_eq!(Json::parse("12").as_str(), None);
    assert_eq!(Json::parse(r#""12""#).as_i64(), None);
}

#[test]
fn decimals_agree_with_the_standard_parser() {
    for s in [
        "0.1",
        "0.3",
        "123.456",
        "1e-7",
        "6.02214076e23",
        "-2.5",
        "1234567890123",
        "3.14159265358979",
    ] {
        let ours = Json::parse(s).as_f64().unwrap();
        let std: f64 = s.parse().unwrap();
        assert!(
            (ours - std).abs() <= std.abs() * 4.0 * f64::EPSILON,
            "{s}: {ours} vs {std}"
        );
    }
}

#[test]
fn rejects_numbers_outside_the_grammar() {
    for s in [
        "01", "1.", ".5", "+1", "1e", "1e+", "--1", "1.2.3", "0x10", "-", "1_000", "Infinity",
        "NaN",
    ] {
        assert_eq!(Json::parse(s).as_f64(), None, "{s}");
    }
}

#[test]
fn reads_strings_with_escapes() {
    let s = Json::parse(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#);
    assert_eq!(s.as_str().as_deref(), Some("a\"b\\c/d\n\té😀"));
    assert!(matches!(
        Json::parse(r#""plain""#).as_str(),
        Some(std::borrow::Cow::Borrowed(_))
    ));
    for bad in [
        r#""\x""#,
        r#""\u12""#,
        r#""\ud83d""#,
        r#""\ud83dx""#,
        r#""\udc00""#,
        "\"a\nb\"",
        r#""open"#,
    ] {
        assert_eq!(Json::parse(bad).as_str(), None, "{bad}");
    }
}

#[test]
fn walks_objects_and_arrays() {
    let v = Json::parse(
        r#" { "start": 3, "name": "Ada", "tags": ["a", "b", {"deep": [1, 2]}],
              "nested": {"start": 99}, "empty": {}, "none": [] , "n": null } "#,
    );
    assert_eq!(v.kind(), Kind::Object);
    assert_eq!(v.get("start").as_i64(), Some(3));
    assert_eq!(v.get("name").as_str().as_deref(), Some("Ada"));
    assert_eq!(v.get("tags").at(1).as_str().as_deref(), Some("b"));
    assert_eq!(v.get("tags").at(2).get("deep").at(1).as_i64(), Some(2));
    assert_eq!(v.get("tags").items().count(), 3);
    assert_eq!(v.get("nested").get("start").as_i64(), Some(99));
    assert_eq!(v.get("empty").entries().count(), 0);
    assert_eq!(v.get("none").items().count(), 0);
    assert!(v.get("n").is_null() && v.get("n").exists());
    assert!(!v.get("missing").exists());
    assert_eq!(v.get("missing").kind(), Kind::Missing);
    assert_eq!(v.get("tags").at(9).kind(), Kind::Missing);
    assert_eq!(
        v.get("tags").get("a").kind(),
        Kind::Missing,
        "arrays have no keys"
    );
    assert_eq!(v.at(0).kind(), Kind::Missing, "objects have no indexes");
    let keys: Vec<String> = v
        .entries()
        .map(|(k, _)| k.as_str().unwrap().into_owned())
        .collect();
    assert_eq!(
        keys,
        ["start", "name", "tags", "nested", "empty", "none", "n"]
    );
    assert_eq!(v.get("tags").text(), r#"["a", "b", {"deep": [1, 2]}]"#);
}

#[test]
fn repeated_keys_read_the_first() {
    assert_eq!(Json::parse(r#"{"a":1,"a":2}"#).get("a").as_i64(), Some(1));
}

#[test]
fn malformed_documents_read_as_missing() {
    let cases = [
        "",
        " ",
        "{",
        "}",
        "[",
        "[1,",
        "[1,]",
        "[,1]",
        "{\"a\"}",
        "{\"a\":}",
        "{\"a\" 1}",
        "{a:1}",
        "[1 2]",
        "[}",
        "{]",
        "\"",
        "{\"a\":[1}",
        "[[[[",
        "]]]]",
    ];
    for c in cases {
        let v = Json::parse(c);
        assert_eq!(v.get("a").as_i64(), None, "{c:?}");
        assert!(v.items().all(|x| x.as_i64() != Some(2)), "{c:?}");
    }
    // Lenient: what precedes a malformed member is still read.
    assert_eq!(Json::parse("[1, 2, ]").items().count(), 2);
    assert_eq!(Json::parse(r#"{"a":1,}"#).get("a").as_i64(), Some(1));
    assert_eq!(
        Json::parse("1 2").kind(),
        Kind::Missing,
        "nothing may follow the value"
    );
    assert_eq!(Json::parse(r#"{"a": 1, "b" 2}"#).get("a").as_i64(), Some(1));
}

#[test]
fn deep_nesting_is_refused_without_recursion() {
    let deep = "[".repeat(65) + &"]".repeat(65);
    assert_eq!(Json::parse(&deep).kind(), Kind::Missing);
    let ok = "[".repeat(64) + &"]".repeat(64);
    assert_eq!(Json::parse(&ok).kind(), Kind::Array);
    let huge = "[".repeat(1_000_000);
    assert_eq!(Json::parse(&huge).at(0).kind(), Kind::Missing);
}

#[test]
fn parse_bytes_refuses_invalid_utf8() {
    assert_eq!(
        Json::parse_bytes(br#"{"id":"tea"}"#)
            .get("id")
            .as_str()
            .as_deref(),
        Some("tea")
    );
    assert_eq!(
        Json::parse_bytes(b"{\"id\":\"\xff\"}").kind(),
        Kind::Missing
    );
}

/// A tiny deterministic generator (xorshift), so the fuzz cases are the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Reads everything a component could read from `v`, recursively.
fn read_all(v: Json, depth: usize) -> usize {
    let _ = (
        v.kind(),
        v.as_i64(),
        v.as_f64(),
        v.as_bool(),
        v.as_str(),
        v.is_null(),
        v.text(),
    );
    if depth > 70 || !v.exists() {
        return 0;
    }
    let mut n = 1;
    for x in v.items() {
        n += read_all(x, depth + 1);
    }
    for (k, x) in v.entries() {
        let _ = k.as_str();
        n += read_all(x, depth + 1);
    }
    let (a, one) = (v.get("a"), v.at(1));
    let _ = (a.as_i64(), a.as_str(), one.as_f64(), one.kind());
    n
}

#[test]
fn random_and_mutated_input_never_panics() {
    let alphabet: &[u8] = br#"{}[],:"\ ax0123456789.-+eEtruefalsnul/bnrtu"#;
    let seeds = [
        r#"{"start": 3, "items": [{"id": "a", "price": 1.5}, true, null], "s": "x\"y\u00e9"}"#,
        r#"[1, [2, [3, {"a": [4]}]], "\\", -0.5e-3]"#,
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for round in 0..20_000 {
        let mut bytes: Vec<u8> = if round % 2 == 0 {
            let seed = seeds[round % seeds.len()].as_bytes().to_vec();
            let mut b = seed;
            for _ in 0..1 + rng.next() % 4 {
                let i = (rng.next() as usize) % b.len().max(1);
                match rng.next() % 3 {
                    0 if !b.is_empty() => {
                        b.remove(i);
                    }
                    1 => b.insert(
                        i.min(b.len()),
                        alphabet[rng.next() as usize % alphabet.len()],
                    ),
                    _ if !b.is_empty() => b[i] = alphabet[rng.next() as usize % alphabet.len()],
                    _ => {}
                }
            }
            b
        } else {
            (0..rng.next() % 40)
                .map(|_| alphabet[rng.next() as usize % alphabet.len()])
                .collect()
        };
        if rng.next() % 50 == 0 {
            bytes.push(0xC3); // a cut character: parse_bytes must refuse it
        }
        read_all(Json::parse_bytes(&bytes), 0);
        if let Ok(s) = std::str::from_utf8(&bytes) {
            read_all(Json::parse(s), 0);
        }
    }
}

#[test]
fn writes_objects_that_read_back() {
    let text = Object::new()
        .str("id", "tea \"green\"\n")
        .int("price", -450)
        .bool("gift", true)
        .raw("tags", r#"["a"]"#)
        .finish();
    assert_eq!(
        text,
        r#"{"id":"tea \"green\"\n","price":-450,"gift":true,"tags":["a"]}"#
    );
    let v = Json::parse(&text);
    assert_eq!(v.get("id").as_str().as_deref(), Some("tea \"green\"\n"));
    assert_eq!(v.get("price").as_i64(), Some(-450));
    assert_eq!(Object::new().finish(), "{}");
    let mut ctl = String::new();
    tessera_guest::json::quote(&mut ctl, "\u{1}\u{1f}é");
    assert_eq!(ctl, "\"\\u0001\\u001fé\"");
    assert_eq!(Json::parse(&ctl).as_str().as_deref(), Some("\u{1}\u{1f}é"));
}
