//! The DOM-edit conformance table (`tessera_abi::conformance`) through the fake host's `apply`,
//! as a component's `apply` call reaches it: wire bytes in, the code and the fake DOM out. The
//! browser host runs the same table, so the fake and the host agree on every case.

use tessera_abi::conformance::{cases, encode};
use tessera_guest::testing::{host, reset, with_host};

#[test]
fn every_case_gives_the_same_code_and_html_on_the_fake_host() {
    let mut failed = Vec::new();
    for case in cases() {
        reset();
        let bytes = encode(case.ops);
        // SAFETY: a live slice.
        let code = unsafe { host::apply(bytes.as_ptr(), bytes.len()) };
        let html = with_host(|h| h.dom.tree().html());
        if (code, html.as_str()) != (case.code, case.html) {
            failed.push(format!(
                "{}: got ({code}, {html:?}), want ({}, {:?})",
                case.name, case.code, case.html
            ));
        }
        with_host(|h| assert_eq!(h.batches.last().map(|b| b.1), Some(code), "recorded"));
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn the_fake_doms_html_leaves_the_roots_style_out_and_escapes_like_a_browser() {
    reset();
    let ops = [
        tessera_abi::Op::CreateElement {
            id: 1,
            tag: "style",
        },
        tessera_abi::Op::SetText {
            id: 1,
            text: "p { color: red }",
        },
        tessera_abi::Op::Append {
            parent: 0,
            child: 1,
        },
        tessera_abi::Op::CreateElement { id: 2, tag: "p" },
        tessera_abi::Op::Append {
            parent: 0,
            child: 2,
        },
        tessera_abi::Op::SetText {
            id: 2,
            text: "a < b & c",
        },
    ];
    let bytes = encode(&ops);
    // SAFETY: a live slice.
    assert_eq!(unsafe { host::apply(bytes.as_ptr(), bytes.len()) }, 0);
    with_host(|h| {
        assert_eq!(h.dom.html(), "<p>a &lt; b &amp; c</p>");
        assert_eq!(
            h.dom.tree().html(),
            "<style>p { color: red }</style><p>a &lt; b &amp; c</p>"
        );
        assert_eq!(h.dom.text(0), "p { color: red }a < b & c");
        assert_eq!(h.dom.text(2), "a < b & c");
    });
}
