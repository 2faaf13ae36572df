//! Host browser tests: timers (limit, clear, cleared on unmount) and the message bus
//! (capabilities, asynchronous delivery between the page and a guest).
#![allow(dead_code)]

mod host_support;

use host_support::*;
use js_sys::Uint8Array;
use std::cell::RefCell;
use std::rc::Rc;
use tessera_host::{codes::*, Bus, GuestPolicy};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A message the page received: topic and payload.
type Message = (String, Vec<u8>);

#[wasm_bindgen_test]
async fn timers_repeat_respect_the_limit_and_stop_on_unmount() {
    let run = mounted("timers", policy("timers")).await;
    assert!(run.global("rep") > 0 && run.global("cleared") > 0);
    assert_eq!(run.global("over"), LIMIT);
    assert_eq!(run.violation_codes(), [LIMIT]);
    assert_eq!(run.guest.counts().timers, 64);
    assert!(
        until(500, || run.global("ticks") >= 2).await,
        "the 10 ms timer repeats: {}",
        run.global("ticks")
    );
    assert_eq!(run.global("bad"), 0, "a cleared timer never fires");
    assert_eq!(run.guest.unmount(), Ok(()));
    run.assert_torn_down();
    let ticks = run.global("ticks");
    sleep(60).await;
    assert_eq!(run.global("ticks"), ticks, "no tick after unmount");
}

#[wasm_bindgen_test]
async fn bus_enforces_capabilities_and_delivers_asynchronously() {
    let bus = Bus::new();
    let seen: Rc<RefCell<Vec<Message>>> = Rc::default();
    let log = seen.clone();
    let page = Closure::<dyn Fn(String, Uint8Array)>::new(move |topic, payload: Uint8Array| {
        log.borrow_mut().push((topic, payload.to_vec()));
    });
    let page_fn: js_sys::Function = page.as_ref().clone().unchecked_into();
    let throwing = js_sys::Function::new_with_args("", "throw new Error('page subscriber failed')");
    bus.subscribe("user:*", throwing);
    let sub_user = bus.subscribe("user:*", page_fn.clone());
    bus.subscribe("cart:*", page_fn);

    let caps = GuestPolicy {
        publish: vec!["user:*".into()],
        subscribe: vec!["cart:*".into()],
        ..policy("bus_caps")
    };
    let (run, attached) = attach("bus_caps", caps, bus.clone()).await;
    assert_eq!(attached, Ok(()));
    assert_eq!(run.mount("{}"), Ok(()));
    assert_eq!(
        run.results(5),
        [CAPABILITY_DENIED, CAPABILITY_DENIED, OK, OK, MALFORMED]
    );
    assert_eq!(
        run.violation_codes(),
        [CAPABILITY_DENIED, CAPABILITY_DENIED, MALFORMED]
    );
    assert_eq!(
        run.violations.borrow()[0].0,
        "publish: no capability for cart:add"
    );
    assert!(seen.borrow().is_empty(), "delivery is asynchronous");
    sleep(0).await;
    assert_eq!(
        *seen.borrow(),
        [("user:login".to_string(), b"hi".to_vec())],
        "cart:add was never published"
    );
    assert_eq!(
        run.global("messages"),
        0,
        "the guest only hears what it subscribed to"
    );

    bus.publish("cart:add", b"{\"sku\":7}");
    bus.publish("admin:reset", b"x");
    assert_eq!(run.global("messages"), 0);
    sleep(0).await;
    assert_eq!(run.global("messages"), 1);
    assert_eq!(
        run.memory_text(4096, run.global("topic_len") as u32),
        "cart:add"
    );
    assert_eq!(
        run.memory_text(4352, run.global("payload_len") as u32),
        "{\"sku\":7}"
    );
    assert_eq!(
        seen.borrow().len(),
        2,
        "the page's cart:* subscription heard it too"
    );

    bus.unsubscribe(sub_user);
    assert_eq!(run.guest.unmount(), Ok(()));
    run.assert_torn_down();
    bus.publish("cart:add", b"late");
    sleep(0).await;
    assert_eq!(run.global("messages"), 1, "no message after unmount");
    assert_eq!(seen.borrow().len(), 3);
}

#[wasm_bindgen_test]
async fn bus_limits_bound_subscriptions_and_queued_messages() {
    let bus = Bus::new();
    let count = Rc::new(RefCell::new(0));
    let counter = count.clone();
    let page = Closure::<dyn Fn(String, Uint8Array)>::new(move |_, _| *counter.borrow_mut() += 1);
    bus.subscribe("user:*", page.as_ref().clone().unchecked_into());
    let caps = GuestPolicy {
        publish: vec!["user:*".into()],
        subscribe: vec!["cart:*".into()],
        ..policy("bus_limits")
    };
    let (run, _) = attach("bus_limits", caps, bus).await;
    assert_eq!(run.mount("{}"), Ok(()));
    assert_eq!(run.results(2), [LIMIT, LIMIT]);
    assert_eq!(run.guest.counts().subscriptions, 64);
    assert_eq!(
        run.violation_details(),
        [
            "subscribe: live subscription limit 64",
            "publish: 1024 messages already queued"
        ]
    );
    sleep(0).await;
    assert_eq!(*count.borrow(), 1024);
    assert_eq!(run.guest.unmount(), Ok(()));
    run.assert_torn_down();
}
