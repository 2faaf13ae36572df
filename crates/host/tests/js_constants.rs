//! `src/js/host.js` and the Rust side agree on every number they share: the opcodes its
//! `flush` switches on are `tessera_abi::op`'s. (Import and export indices cross as the
//! comma-separated lists of `tessera_abi::names`, and the callback kinds are passed to
//! `table()` at run time, so those cannot drift.)

use tessera_abi::op;

/// `const NAME = N` pairs of the file (several per line allowed: `const A = 1, B = 2;`).
fn js_constants(js: &str) -> Vec<(String, i64)> {
    let mut found = Vec::new();
    for line in js.lines().filter(|l| l.starts_with("const ")) {
        for part in line["const ".len()..].trim_end_matches(';').split(',') {
            if let Some((name, value)) = part.split_once('=') {
                if let Ok(n) = value.trim().parse() {
                    found.push((name.trim().to_string(), n));
                }
            }
        }
    }
    found
}

#[test]
fn host_js_opcodes_are_the_abi_opcodes() {
    let js =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/js/host.js")).unwrap();
    let constants = js_constants(&js);
    for (opcode, name) in op::NAMES.iter().enumerate().skip(1) {
        let js_name = name.to_ascii_uppercase().replace('-', "_");
        let value = constants.iter().find(|(n, _)| *n == js_name);
        assert_eq!(
            value.map(|v| v.1),
            Some(opcode as i64),
            "host.js const {js_name} must be {opcode} (tessera_abi::op)"
        );
    }
    // The queue's own entries must not collide with an opcode.
    for name in ["START_TIMER", "LOG"] {
        let (_, v) = constants.iter().find(|(n, _)| n == name).expect(name);
        assert!(
            op::name((*v).try_into().unwrap_or(0)).is_none(),
            "{name} = {v} is an opcode"
        );
    }
}

#[test]
fn the_parser_sees_a_drift() {
    let drifted = "const CREATE_ELEMENT = 1, CREATE_TEXT = 3;\n";
    assert_eq!(
        js_constants(drifted),
        [
            ("CREATE_ELEMENT".to_string(), 1),
            ("CREATE_TEXT".to_string(), 3)
        ]
    );
}
