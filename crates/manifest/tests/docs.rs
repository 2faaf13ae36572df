//! `docs/manifest.md` stays true: its example manifest is valid, and the problem lines it shows
//! are the ones the parser prints.

use tessera_manifest::{from_json_str, Kind, Load};

fn doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/manifest.md");
    std::fs::read_to_string(path)
        .expect("docs/manifest.md")
        .replace("\r\n", "\n")
}

/// The fenced blocks whose opening fence names `language` (`""` for none), in order.
fn blocks(doc: &str, language: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<(bool, String)> = None;
    for line in doc.lines() {
        match (&mut current, line.strip_prefix("```")) {
            (None, Some(info)) => current = Some((info.trim() == language, String::new())),
            (Some(_), Some(_)) => {
                let (wanted, text) = current.take().unwrap_or_default();
                if wanted {
                    found.push(text);
                }
            }
            (Some((_, text)), None) => {
                text.push_str(line);
                text.push('\n');
            }
            (None, None) => {}
        }
    }
    found
}

#[test]
fn the_complete_example_is_valid() {
    let example = blocks(&doc(), "json")
        .into_iter()
        .next()
        .expect("an example manifest");
    let manifest = from_json_str(&example).unwrap_or_else(|problems| panic!("{problems}"));
    assert_eq!(manifest.components.len(), 3);
    assert_eq!(manifest.components[1].load, Load::Route("/cart/*".into()));
    assert!(matches!(manifest.components[2].kind, Kind::Bindgen { .. }));
}

#[test]
fn the_problem_lines_shown_are_real() {
    let doc = doc();
    let shown = blocks(&doc, "")
        .into_iter()
        .find(|b| b.contains("(component '"))
        .expect("problem lines");
    let manifest = r##"{"manifestVersion": 1, "components": [
        {"name": "shop", "module": "javascript:void(0)", "slot": "#shop", "budget": {"maxbytes": 1}},
        {"name": "cart", "module": "c.wasm", "slot": "#c"},
        {"name": "cart", "module": "c.wasm", "slot": "#c2", "budget": {"maxBytes": -5}},
        {"name": "cart", "module": "c.wasm", "slot": "#c3"}
    ]}"##;
    let problems = from_json_str(manifest).unwrap_err().to_string();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/invalid/syntax-error.json"
    );
    let syntax = from_json_str(&std::fs::read_to_string(fixture).unwrap())
        .unwrap_err()
        .to_string();
    for line in shown.lines() {
        assert!(
            problems.lines().chain(syntax.lines()).any(|p| p == line),
            "docs/manifest.md shows a problem line the parser does not print:\n{line}\nprinted:\n{problems}\n{syntax}"
        );
    }
}
