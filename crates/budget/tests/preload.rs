//! The `preload` command: one `<link>` per line for the loader, the manifest and the eager
//! components, with URLs resolved as the page sees them.

mod support;

use support::Site;

/// A manifest with an eager, a lazy, an eager bindgen and a root-relative component.
const MANIFEST: &str = r##"{
  "manifestVersion": 1,
  "components": [
    { "name": "counter", "module": "components/counter.wasm", "slot": "#counter",
      "integrity": "sha256-hXG8xuAdwzmrEBQvN12cun+McdzC51wL9QI9lUJsBgk=" },
    { "name": "clock", "module": "components/clock.wasm", "slot": "#clock", "load": "idle" },
    { "name": "shop", "kind": "bindgen", "module": "bindgen/shop_bg.wasm", "glue": "bindgen/shop.js",
      "slot": "#shop" },
    { "name": "cart", "module": "/shared/cart.wasm?v=2&x=1", "slot": "#cart" },
    { "name": "later", "module": "later.wasm", "slot": "#later", "load": { "route": "/later/*" } }
  ]
}"##;

#[test]
fn hints_for_the_loader_the_manifest_and_every_eager_component() {
    let site = Site::new();
    site.write("hints.json", MANIFEST.as_bytes());
    let run = site.run(&[
        "preload",
        "hints.json",
        "--manifest-url",
        "/m/hints.json?build=7",
        "--loader-url",
        "/loader/",
    ]);
    assert_eq!(run.status, 0, "{run:?}");
    let wasm = r#" as="fetch" type="application/wasm" crossorigin>"#;
    let expected = [
        r#"<link rel="modulepreload" href="/loader/tessera_loader.js">"#.to_string(),
        format!(r#"<link rel="preload" href="/loader/tessera_loader_bg.wasm"{wasm}"#),
        r#"<link rel="preload" href="/m/hints.json?build=7" as="fetch" type="application/json" crossorigin>"#
            .to_string(),
        format!(r#"<link rel="preload" href="/m/components/counter.wasm"{wasm}"#),
        format!(r#"<link rel="preload" href="/m/bindgen/shop_bg.wasm"{wasm}"#),
        r#"<link rel="modulepreload" href="/m/bindgen/shop.js">"#.to_string(),
        format!(r#"<link rel="preload" href="/shared/cart.wasm?v=2&amp;x=1"{wasm}"#),
    ];
    assert_eq!(run.stdout.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn without_options_the_manifest_is_its_file_name_and_the_loader_gets_no_hint() {
    let site = Site::new();
    site.write("hints.json", MANIFEST.as_bytes());
    let run = site.run(&["preload", "hints.json"]);
    assert_eq!(run.status, 0, "{run:?}");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].contains(r#"href="hints.json""#), "{}", run.stdout);
    assert!(
        lines[1].contains(r#"href="components/counter.wasm""#),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("tessera_loader"), "{}", run.stdout);
}

#[test]
fn an_invalid_manifest_is_refused_with_its_problems() {
    let site = Site::new();
    site.write(
        "bad.json",
        br#"{ "manifestVersion": 1, "components": [{ "name": "Bad" }] }"#,
    );
    let run = site.run(&["preload", "bad.json"]);
    assert_eq!(run.status, 2, "{run:?}");
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("error[manifest-invalid]"),
        "{}",
        run.stderr
    );
}
