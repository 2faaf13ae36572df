//! The DOM-edit conformance table (`tessera_abi::conformance`) against the real host in the
//! browser: each case's batch reaches a fresh guest through the bus, which applies it; the
//! result code and the shadow root's real `innerHTML` must be the table's. The SDK's fake DOM
//! runs the same table natively (crates/guest/tests/conformance.rs), so the two agree.
#![allow(dead_code)] // the shared harness has more than this file uses

mod host_support;

use host_support::*;
use tessera_abi::conformance::{cases, encode};
use tessera_host::{Bus, GuestPolicy};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_case_gives_the_tables_code_and_tree() {
    let mut failures = Vec::new();
    for case in cases() {
        let policy = GuestPolicy {
            subscribe: vec!["case".into()],
            ..policy("conformance")
        };
        let bus = Bus::new();
        let (run, attached) = attach("conformance", policy, bus.clone()).await;
        assert_eq!(attached, Ok(()));
        assert_eq!(run.mount("{}"), Ok(()));
        bus.publish("case", &encode(case.ops));
        sleep(0).await;
        let (code, html) = (run.results(1)[0], run.html());
        if code != case.code || html != case.html {
            failures.push(format!(
                "{}: got {code} {html:?}, the table says {} {:?}",
                case.name, case.code, case.html
            ));
        }
        run.guest.unmount().unwrap();
        run.slot.remove();
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ:\n{}",
        failures.len(),
        cases().len(),
        failures.join("\n")
    );
}
