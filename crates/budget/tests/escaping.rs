//! Names and paths reach HTML and Markdown escaped; percent-escaped references find their files.

mod support;

use support::{Site, COUNTER_WAT};

const MANIFEST: &str = r##"{"manifestVersion": 1, "components": [
  {"name": "odd_name", "module": "c/a&b%27x%20y*z.wasm", "slot": "#a", "budget": {"maxBytes": 100000}}
]}"##;

#[test]
fn html_and_markdown_escape_what_they_show() {
    let site = Site::new();
    site.write("odd.json", MANIFEST.as_bytes());
    site.write("c/a&b'x y*z.wasm", &wat::parse_str(COUNTER_WAT).unwrap());

    let html = site.run(&["odd.json", "--no-loader", "--format", "html"]);
    assert_eq!(html.status, 0, "{html:?}");
    assert!(
        html.stdout
            .contains("<code>c/a&amp;b&#39;x y*z.wasm</code>"),
        "{}",
        html.stdout
    );
    assert!(!html.stdout.contains("a&b"), "raw ampersand in HTML");
    assert!(
        !html.stdout.contains("<script") && !html.stdout.contains("http"),
        "no external assets"
    );

    let md = site.run(&["odd.json", "--no-loader", "--format", "markdown"]);
    assert!(
        md.stdout.contains("| odd\\_name | isolated |"),
        "{}",
        md.stdout
    );
    assert!(
        md.stdout.contains("**odd\\_name**: `c/a&b'x y*z.wasm`"),
        "{}",
        md.stdout
    );

    let json = site.run(&["odd.json", "--no-loader", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        report["components"][0]["files"][0]["path"],
        "c/a&b'x y*z.wasm"
    );
}
