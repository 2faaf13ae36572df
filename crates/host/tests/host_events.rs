//! Host browser tests: DOM events reaching the guest (data per event type, submit always
//! prevented), listeners removed on unmount, and a trap inside an event handler.
#![allow(dead_code)]

mod host_support;

use host_support::*;
use tessera_host::Fault;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn bubbles() -> [(&'static str, JsValue); 2] {
    [("bubbles", true.into()), ("cancelable", true.into())]
}

#[wasm_bindgen_test]
async fn listener_ids_with_the_top_bit_set_come_back_unchanged() {
    let run = mounted("listener_ids", policy("listener_ids")).await;
    run.find("button")
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    assert_eq!(run.global("last") as u32, 0x8000_0001);
}

#[wasm_bindgen_test]
async fn events_carry_their_data_and_stop_after_unmount() {
    let run = mounted("events", policy("events")).await;
    let last_data = |run: &Run| run.memory_text(4096, run.global("last_len") as u32);

    let button = run.find("button");
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(
        (run.global("events"), run.global("last"), last_data(&run)),
        (1, 7, String::new())
    );
    assert_eq!(
        button.text_content().unwrap(),
        "clicked",
        "the handler applied an edit"
    );

    let input = run.find("input:not([type])");
    js_sys::Reflect::set(&input, &"value".into(), &"typed text".into()).unwrap();
    fire(&input, "Event", "input", &bubbles());
    assert_eq!(
        (run.global("last"), last_data(&run)),
        (8, "typed text".into())
    );
    fire(
        &input,
        "KeyboardEvent",
        "keydown",
        &[("key", "Enter".into())],
    );
    assert_eq!((run.global("last"), last_data(&run)), (10, "Enter".into()));

    js_sys::Reflect::set(&input, &"value".into(), &"stop".into()).unwrap();
    fire(&input, "Event", "input", &bubbles());
    assert_eq!(
        (run.global("events"), last_data(&run)),
        (4, "stop".into()),
        "the guest unlistens 8"
    );
    fire(&input, "Event", "input", &bubbles());
    assert_eq!(
        run.global("events"),
        4,
        "UNLISTEN removed the input listener"
    );
    fire(&input, "KeyboardEvent", "keyup", &[("key", "a".into())]);
    assert_eq!(run.global("events"), 4, "no listener for keyup");

    let checkbox = run.find("input[type=checkbox]");
    checkbox.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!((run.global("last"), last_data(&run)), (11, "true".into()));

    let submit = fire(&run.find("form"), "Event", "submit", &bubbles());
    assert_eq!(run.global("last"), 9);
    assert!(
        submit.unchecked_ref::<web_sys::Event>().default_prevented(),
        "submit is prevented"
    );
    assert_eq!(run.global("events"), 6);

    assert_eq!(run.guest.counts().listeners, 4);
    assert_eq!(run.guest.unmount(), Ok(()));
    run.assert_torn_down();
    // The nodes still exist in the test's hands; no listener may reach the guest any more.
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    fire(&input, "Event", "input", &bubbles());
    assert_eq!(run.global("events"), 6, "no guest call after unmount");
    assert!(run.faults.borrow().is_empty());
}

#[wasm_bindgen_test]
async fn a_form_without_a_submit_listener_never_navigates() {
    let run = updated("refused_attrs", policy("refused_attrs")).await;
    // refused_attrs has no form; submit events fired at the root itself are prevented too.
    let event = fire(&run.root, "Event", "submit", &bubbles());
    assert!(event.unchecked_ref::<web_sys::Event>().default_prevented());
}

#[wasm_bindgen_test]
async fn trap_in_an_event_handler_is_reported_once_and_ends_the_guest() {
    let run = mounted("trap_event", policy("trap_event")).await;
    assert!(
        until(500, || run.global("ticks") > 0).await,
        "the timer runs while the guest lives"
    );
    let button = run.find("button");
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    assert_eq!(
        *run.faults.borrow(),
        [Fault::Trap("boom in handler".into())]
    );
    run.assert_torn_down();
    let ticks = run.global("ticks");
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    sleep(30).await;
    assert_eq!(run.global("events"), 1, "a dead guest receives no event");
    assert_eq!(run.global("ticks"), ticks, "its timer was cleared");
    assert_eq!(
        run.faults.borrow().len(),
        1,
        "on_fault is called exactly once"
    );
}
