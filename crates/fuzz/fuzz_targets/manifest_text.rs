//! Manifest text through the CLI's path: `check_text` (the gate the loader also runs) and
//! `from_json_str`. Neither panics; after the gate passes, serde_json reads the text (the gate's
//! promise that every conforming parser does); when the gate refuses, `from_json_str` says the
//! same; and the gate calls nothing "invalid json" that serde_json reads, except the numbers
//! from 1e308 up it refuses on purpose.
#![no_main]
use libfuzzer_sys::fuzz_target;
use tessera_manifest::{check_text, from_json_str, parse_json};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let gate = check_text(text);
    let serde = parse_json(text);
    match &gate {
        Ok(()) => {
            if let Err(problem) = &serde {
                panic!(
                    "the gate passed what serde_json refuses: {}",
                    problem.message
                );
            }
        }
        Err(problems) => {
            let first = &problems.0[0].message;
            let on_purpose = first.contains("below 1e308") || first.contains("levels deep");
            if first.starts_with("invalid json") && serde.is_ok() && !on_purpose {
                panic!("the gate refused what serde_json reads: {first}");
            }
        }
    }
    match (gate, from_json_str(text)) {
        (Err(gate), Err(read)) => assert_eq!(gate, read),
        (Err(gate), Ok(_)) => panic!("from_json_str accepted what the gate refused: {gate}"),
        _ => {}
    }
});
