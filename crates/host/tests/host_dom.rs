//! Host browser tests: the DOM-edit applier under hostile input. Every refused edit returns the
//! ABI's code, is reported as a violation, and leaves nothing behind outside what the guest may
//! own; out-of-bounds ranges end the guest.
#![allow(dead_code)]

mod host_support;

use host_support::*;
use tessera_host::{codes::*, Bus, Counts, Fault};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_opcode_applies() {
    let run = mounted("edits", policy("edits")).await;
    assert_eq!(run.results(1), [OK]);
    assert_eq!(
        run.html(),
        r#"<p title="t">two</p><input><input type="checkbox"><style>p{color:red}</style>"#
    );
    let value = js_sys::Reflect::get(&run.find("input"), &"value".into()).unwrap();
    assert_eq!(
        value.as_string().unwrap(),
        "hello",
        "SET_VALUE sets the property"
    );
    let checked =
        js_sys::Reflect::get(&run.find("input[type=checkbox]"), &"checked".into()).unwrap();
    assert_eq!(
        checked.as_bool(),
        Some(true),
        "SET_CHECKED sets the property"
    );
    // Nodes 1 to 5 live, span 6 released; the listener was removed again.
    assert_eq!(
        run.guest.counts(),
        Counts {
            nodes: 5,
            listeners: 0,
            timers: 0,
            subscriptions: 0
        }
    );
    assert!(run.violations.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn malformed_batches_return_malformed_and_keep_earlier_edits() {
    let run = updated("malformed", policy("malformed")).await;
    assert_eq!(run.results(4), [MALFORMED, MALFORMED, MALFORMED, OK]);
    assert_eq!(
        run.html(),
        "<p></p>",
        "edits before the truncated one stay applied"
    );
    assert!(
        run.guest.is_live(),
        "a malformed batch does not end the component"
    );
    let details = run.violation_details();
    assert_eq!(
        details,
        [
            "append at byte 19: truncated operation",
            "opcode 99 at byte 0: unknown opcode",
            "create-text at byte 0: text is not utf-8",
            "log: text is not utf-8",
        ]
    );
    assert_eq!(run.violation_codes(), [MALFORMED; 4]);
}

#[wasm_bindgen_test]
async fn refused_tags_create_nothing_anywhere() {
    let scripts = count("script");
    let run = updated("refused_tags", policy("refused_tags")).await;
    assert_eq!(
        run.results(6),
        [
            REFUSED_TAG,
            REFUSED_TAG,
            REFUSED_TAG,
            REFUSED_TAG,
            REFUSED_TAG,
            OK
        ]
    );
    assert_eq!(run.html(), "<div></div>");
    assert!(run
        .root
        .query_selector("script, iframe, svg, object")
        .unwrap()
        .is_none());
    assert_eq!(
        count("script"),
        scripts,
        "no script element in the document"
    );
    assert_eq!(count("iframe, object, svg"), 0);
    assert_eq!(
        run.violations.borrow()[0],
        ("create-element: refused tag script".into(), REFUSED_TAG)
    );
    assert_eq!(body_html(), run.body_before);
}

#[wasm_bindgen_test]
async fn refused_attributes_and_urls_are_never_set() {
    let run = updated("refused_attrs", policy("refused_attrs")).await;
    let a = REFUSED_ATTRIBUTE;
    let u = REFUSED_URL;
    assert_eq!(run.results(9), [a, a, a, a, u, u, u, a, OK]);
    assert_eq!(
        run.html(),
        r#"<a href="/docs/abi/index.html">link</a><img><button></button>"#,
        "only the same-origin link was set"
    );
    let details = run.violation_details();
    assert_eq!(details[1], "set-attr: refused attribute ONCLICK");
    assert_eq!(details[4], "set-attr: refused url in href");
}

#[wasm_bindgen_test]
async fn node_ids_are_checked_and_released_with_their_subtree() {
    let run = updated("node_ids", policy("node_ids")).await;
    assert_eq!(
        run.results(12),
        [
            ID_IN_USE,
            ID_IN_USE,
            UNKNOWN_NODE,
            UNKNOWN_NODE,
            UNKNOWN_NODE,
            OK,
            UNKNOWN_NODE,
            OK,
            MALFORMED,
            MALFORMED,
            UNKNOWN_NODE,
            MALFORMED
        ]
    );
    assert_eq!(
        run.html(),
        "again",
        "the removed subtree is gone, the reused id 3 is in the root"
    );
    // Live: 3 ("again") and 4 (the div that refused to contain itself).
    assert_eq!(
        run.guest.counts(),
        Counts {
            nodes: 2,
            listeners: 0,
            timers: 0,
            subscriptions: 0
        }
    );
    assert!(run.guest.is_live());
}

#[wasm_bindgen_test]
async fn per_component_limits_hold() {
    let run = updated("limits", policy("limits")).await;
    assert_eq!(run.results(3), [LIMIT, LIMIT, LIMIT]);
    assert_eq!(
        run.guest.counts(),
        Counts {
            nodes: 10_000,
            listeners: 1_000,
            timers: 0,
            subscriptions: 0
        }
    );
    assert_eq!(
        run.violation_details(),
        [
            "create-element: live node limit reached",
            "apply: 1148587 bytes of edits in one call, over 1 MiB",
            "listen: live listener limit reached"
        ]
    );
    assert_eq!(run.guest.unmount(), Ok(()));
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn out_of_bounds_batch_ends_the_component() {
    let (run, _) = attach("oob_apply", policy("oob_apply"), Bus::new()).await;
    assert_eq!(
        run.mount("{}"),
        Err(Fault::AbiViolation(
            "apply: bytes 65532+8 outside memory of 65536".into()
        ))
    );
    assert_eq!(
        run.results(2),
        [OUT_OF_BOUNDS, OUT_OF_BOUNDS],
        "after the violation no import works"
    );
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn wrapping_pointer_plus_length_is_out_of_bounds() {
    let (run, _) = attach("oob_overflow", policy("oob_overflow"), Bus::new()).await;
    assert!(matches!(run.mount("{}"), Err(Fault::AbiViolation(_))));
    assert_eq!(run.results(1), [OUT_OF_BOUNDS]);
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn a_mount_with_refused_edits_fails() {
    let (run, attached) = attach("mount_refused", policy("mount_refused"), Bus::new()).await;
    assert_eq!(attached, Ok(()));
    assert_eq!(
        run.mount("{}"),
        Err(Fault::AbiViolation(
            "tessera_mount: the host refused its edits (see the violations)".into()
        ))
    );
    assert_eq!(
        run.violations.borrow().as_slice(),
        [("create-element: refused tag script".into(), REFUSED_TAG)],
        "the refusal is reported first"
    );
    run.assert_torn_down();
}
