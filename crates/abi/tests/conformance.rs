//! The conformance table (`tessera_abi::conformance`) against [`Tree`], and its encoder against
//! the decoder. Run with `--features conformance`.
#![cfg(feature = "conformance")]

use std::collections::BTreeSet;

use tessera_abi::conformance::{cases, encode, Case, POLICY};
use tessera_abi::tree::{Limits, Tree};
use tessera_abi::Decoder;

/// The code and `innerHTML` after running `case` on a fresh tree, decoding its wire bytes as a
/// host does.
fn run(case: &Case) -> (i32, String) {
    let mut tree = Tree::new(Limits::default());
    let bytes = encode(case.ops);
    for decoded in Decoder::new(&bytes) {
        let (_, op) = decoded.expect("the encoder writes well-formed batches");
        if let Err(r) = tree.edit(&op, &POLICY) {
            return (r.code, tree.html());
        }
    }
    (0, tree.html())
}

#[test]
fn every_case_passes_on_the_tree() {
    let mut failed = Vec::new();
    for case in cases() {
        let got = run(case);
        if got != (case.code, case.html.to_string()) {
            failed.push(format!(
                "{}: got {got:?}, want ({}, {:?})",
                case.name, case.code, case.html
            ));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_encoder_writes_what_the_decoder_reads() {
    for case in cases() {
        let bytes = encode(case.ops);
        let decoded: Vec<_> = Decoder::new(&bytes).map(|d| d.unwrap().1).collect();
        assert_eq!(decoded, case.ops, "{}", case.name);
    }
    // One operation by hand, as docs/abi.md's worked example spells it.
    let op = tessera_abi::Op::SetAttr {
        id: 1,
        name: "class",
        value: "hi",
    };
    assert_eq!(
        encode(&[op]),
        [3, 1, 0, 0, 0, 5, 0, 0, 0, b'c', b'l', b'a', b's', b's', 2, 0, 0, 0, b'h', b'i']
    );
}

#[test]
fn the_table_covers_every_opcode_and_code() {
    let all = cases();
    assert!(all.len() >= 50, "{} cases", all.len());
    let names: BTreeSet<_> = all.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), all.len(), "case names are unique");
    let mut seen = BTreeSet::new();
    for case in all {
        for decoded in Decoder::new(&encode(case.ops)) {
            seen.insert(decoded.unwrap().0);
        }
    }
    assert_eq!(seen, (1..=12).collect(), "every opcode appears");
    let codes: BTreeSet<i32> = all.iter().map(|c| c.code).collect();
    assert_eq!(
        codes,
        [0, -2, -3, -4, -5, -6, -7].into(),
        "every code of dom edits"
    );
}
