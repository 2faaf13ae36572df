//! Host browser tests: the guest lifecycle (check, attach, mount, props, unmount) and the faults
//! that end it (traps, wrong ABI version, memory past the cap, imports during instantiation).
#![allow(dead_code)]

mod host_support;

use host_support::*;
use tessera_host::{check_module, Bus, Counts, Fault, GuestPolicy};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn good_component_mounts_updates_and_unmounts() {
    let run = mounted("good", policy("good")).await;
    assert_eq!(run.html(), "<p>{}</p>");
    assert_eq!(
        run.guest.counts(),
        Counts {
            nodes: 2,
            listeners: 0,
            timers: 0,
            subscriptions: 0
        }
    );
    assert_eq!(run.guest.set_props(r#"{"n":1,"s":"héllo <b>"}"#), Ok(true));
    assert_eq!(
        run.html(),
        r#"<p>{"n":1,"s":"héllo &lt;b&gt;"}</p>"#,
        "props arrive as text, never as markup"
    );
    assert_eq!(run.global("props"), 1);
    assert_eq!(run.guest.unmount(), Ok(()));
    assert_eq!(run.global("unmounts"), 1);
    run.assert_torn_down();
    assert!(run.faults.borrow().is_empty() && run.violations.borrow().is_empty());
    // A dead guest receives no further calls.
    assert_eq!(run.guest.unmount(), Ok(()));
    assert_eq!(run.global("unmounts"), 1);
    assert!(run.mount("{}").is_err());
    assert!(run.guest.set_props("{}").is_err());
}

/// A guest attached but never mounted (the page unloaded it meanwhile) ends without its
/// `tessera_unmount`: every unmount answers a mount.
#[wasm_bindgen_test]
async fn an_instance_never_mounted_is_not_unmounted() {
    let (run, attached) = attach("good", policy("good"), Bus::new()).await;
    assert_eq!(attached, Ok(()));
    assert_eq!(run.guest.unmount(), Ok(()));
    assert_eq!(run.global("unmounts"), 0);
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn set_props_without_the_export_asks_for_a_remount() {
    let run = mounted("trap_event", policy("trap_event")).await;
    assert_eq!(run.guest.set_props("{}"), Ok(false));
    assert!(run.guest.is_live());
    assert_eq!(run.guest.unmount(), Ok(()));
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn trap_in_mount_reports_the_panic_text_and_clears_the_root() {
    let (run, attached) = attach("trap_mount", policy("trap_mount"), Bus::new()).await;
    assert_eq!(attached, Ok(()));
    assert_eq!(run.mount("{}"), Err(Fault::Trap("mount exploded".into())));
    run.assert_torn_down();
    assert!(
        run.faults.borrow().is_empty(),
        "a direct call's fault is returned, not reported"
    );
}

#[wasm_bindgen_test]
async fn trap_without_fail_carries_the_engine_message() {
    let (run, _) = attach("trap_bare", policy("trap_bare"), Bus::new()).await;
    match run.mount("{}") {
        Err(Fault::Trap(message)) => assert!(message.contains("unreachable"), "{message}"),
        other => panic!("expected a trap, got {other:?}"),
    }
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn wrong_abi_version_is_refused_at_attach() {
    let (run, attached) = attach("wrong_version", policy("wrong_version"), Bus::new()).await;
    assert_eq!(
        attached,
        Err(Fault::AbiViolation(
            "tessera_abi_version() returned 2, expected 1".into()
        ))
    );
    assert!(!run.guest.is_live());
    assert!(run.mount("{}").is_err(), "never mounted");
}

#[wasm_bindgen_test]
async fn memory_past_the_cap_ends_the_guest() {
    let capped = GuestPolicy {
        max_memory_pages: Some(2),
        ..policy("grow_memory")
    };
    let (run, attached) = attach("grow_memory", capped, Bus::new()).await;
    assert_eq!(attached, Ok(()), "one page is under the cap");
    assert_eq!(
        run.mount("{}"),
        Err(Fault::MemoryLimit { pages: 5, max: 2 })
    );
    run.assert_torn_down();

    let uncapped = mounted("grow_memory", policy("grow_memory")).await;
    assert!(
        uncapped.guest.is_live(),
        "without a cap the same growth is fine"
    );
}

#[wasm_bindgen_test]
async fn imports_called_during_instantiation_are_a_violation() {
    let (run, attached) = attach("start_import", policy("start_import"), Bus::new()).await;
    assert_eq!(run.global("early"), -1);
    assert_eq!(
        attached,
        Err(Fault::AbiViolation(
            "import apply called during instantiation".into()
        ))
    );
    assert!(!run.guest.is_live());
}

#[wasm_bindgen_test]
async fn alloc_returning_a_pointer_out_of_bounds_is_a_violation() {
    let (run, attached) = attach("oob_alloc", policy("oob_alloc"), Bus::new()).await;
    assert_eq!(attached, Ok(()));
    assert_eq!(
        run.mount("{}"),
        Err(Fault::AbiViolation(
            "tessera_alloc(2) returned 16776960, out of bounds".into()
        ))
    );
    assert_eq!(run.global("mounted"), 0, "tessera_mount never ran");
    run.assert_torn_down();
}

#[wasm_bindgen_test]
async fn check_module_lists_every_missing_or_unexpected_item() {
    assert_eq!(check_module(&module("good").await), Ok(()));
    assert_eq!(
        check_module(&module("missing_exports").await),
        Err(vec![
            "missing export tessera_alloc (function)".to_string(),
            "missing export tessera_mount (function)".into(),
            "unexpected export tessera_event (global), expected function".into(),
        ])
    );
    assert_eq!(
        check_module(&module("bad_imports").await),
        Err(vec![
            "unexpected import env.alert (function)".to_string(),
            "unexpected import env.memory (memory)".into(),
            "unexpected import tessera/v1.eval (function)".into(),
            "unexpected import tessera/v1.table (table)".into(),
            "missing export memory (memory)".into(),
        ])
    );
}
