//! Worker isolation (`"isolation": "worker"`): the component's instance runs in a dedicated
//! worker; its edits, bus calls, timers and logs reach the page as messages and go through the
//! same checks. A component that stops answering (in mount, in a click handler, in a timer) is
//! ended as `unresponsive` while the page keeps running: a page interval keeps ticking and a
//! neighbour keeps answering real clicks. One that runs out of memory ends alone too, and reloads.
//! Fixtures: `tests/fixtures/worker/*.wat`.
mod pipeline_support;

use js_sys::{Function, Reflect};
use pipeline_support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The demo's counter in slot `#name`, starting at 3, with `rest` (JSON members) added.
fn counter(name: &str, rest: &str) -> String {
    let rest = [
        r#""module":"components/counter.wasm","props":{"start":3},"load":"manual""#,
        rest,
    ]
    .concat();
    component(name, &rest)
}

/// The counter's number, as it shows it (empty before it mounted).
fn count(slot: &Element) -> String {
    let Some(root) = shadow_root(slot) else {
        return String::new();
    };
    root.query_selector("output")
        .unwrap()
        .map(|o| o.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// Clicks the first element matching `selector` in the component's shadow root, as a user does.
fn click(slot: &Element, selector: &str) {
    let root = shadow_root(slot).expect("mounted");
    let target = root.query_selector(selector).unwrap().expect(selector);
    target.unchecked_into::<HtmlElement>().click();
}

/// A page `setInterval` counting its ticks every 10 ms in `globalThis[name]`; returns its id.
fn ticking(name: &str) -> JsValue {
    let start = Function::new_no_args(
        &[
            "globalThis['",
            name,
            "'] = 0; return setInterval(() => globalThis['",
            name,
            "']++, 10);",
        ]
        .concat(),
    );
    start.call0(&JsValue::NULL).unwrap()
}

/// The ticks counted so far by [`ticking`]`(name)`.
fn ticks(name: &str) -> u32 {
    Reflect::get(&js_sys::global(), &name.into())
        .unwrap()
        .as_f64()
        .unwrap_or(0.0) as u32
}

fn stop_ticking(id: &JsValue) {
    let clear: Function = Reflect::get(&js_sys::global(), &"clearInterval".into())
        .unwrap()
        .unchecked_into();
    clear.call1(&JsValue::NULL, id).unwrap();
}

/// Awaits a mount (or reload) that must succeed; the failure's message otherwise.
async fn mounted(promise: js_sys::Promise) {
    if let Err(error) = settle(promise).await {
        panic!("{}: {}", text(&error, "code"), text(&error, "message"));
    }
}

#[wasm_bindgen_test]
async fn a_worker_component_mounts_answers_clicks_takes_props_and_unmounts() {
    watch_shadow_roots();
    let s = slot("w-counter");
    let events = Events::record(&["loading", "mounting", "mounted", "unmounting", "not-loaded"]);
    let t = tessera(&counter("w-counter", r#","isolation":"worker""#), object());
    mounted(t.mount("w-counter")).await;
    assert_eq!(t.state("w-counter").unwrap(), "mounted");
    assert_eq!(
        count(&s),
        "3",
        "its first render is in the page when mount resolves"
    );
    click(&s, "button.inc");
    click(&s, "button.inc");
    assert!(
        until(1000, || count(&s) == "5").await,
        "two clicks reach the worker and its edits come back: {}",
        count(&s)
    );
    let props = js_sys::JSON::parse(r#"{"start":10}"#).unwrap();
    settle(t.set_props("w-counter", props)).await.unwrap();
    assert!(
        until(1000, || count(&s) == "10").await,
        "new props reach the worker: {}",
        count(&s)
    );
    t.unmount("w-counter").unwrap();
    dispatched().await;
    assert_eq!(
        events.states("w-counter"),
        ["loading", "mounting", "mounted", "unmounting"],
        "the same lifecycle as on the page's thread"
    );
    assert!(shadow_root(&s).is_none(), "its DOM left the page");
    // Mounted again from the kept module, in a new worker.
    mounted(t.mount("w-counter")).await;
    assert_eq!(count(&s), "10", "with the props it was given last");
    t.dispose();
    remove_slots(&["w-counter"]);
}

/// Where a fixture spins.
#[derive(PartialEq)]
enum Spin {
    /// In `tessera_mount`.
    Mount,
    /// In `tessera_event`, after a click on its button.
    Click,
    /// In `tessera_timer`, 20 ms after it mounted.
    Timer,
}

/// Mounts `module` (a fixture under `worker/`, isolated in a worker with a 300 ms watchdog)
/// beside a main-thread counter, lets it spin, and checks that the page keeps running and the
/// spinner alone ends as `unresponsive`, with its fallback; then that reload starts it again.
async fn spins_alone(name: &str, module: &str, spin: Spin) {
    watch_shadow_roots();
    let neighbour = [name, "-n"].concat();
    let (s, n) = (slot(name), slot(&neighbour));
    let events = Events::record(&["error"]);
    let spinner = component(
        name,
        &[
            r#""module":"worker/"#,
            module,
            r#".wasm","isolation":"worker","budget":{"maxCallMs":300},"fallback":"frozen","load":"manual""#,
        ]
        .concat(),
    );
    let main = r#","isolation":"main""#;
    let t = tessera(&[spinner, counter(&neighbour, main)].join(","), object());
    mounted(t.mount(&neighbour)).await;
    let interval = ticking(name);
    let mounting = t.mount(name);
    if spin != Spin::Mount {
        mounted(mounting.clone()).await;
        assert_eq!(t.state(name).unwrap(), "mounted");
    }
    if spin == Spin::Click {
        click(&s, "button");
    }
    let before = ticks(name);
    sleep(150).await;
    assert!(
        ticks(name) >= before + 5,
        "the page's interval keeps ticking while {name} spins: {} ticks in 150 ms",
        ticks(name) - before
    );
    click(&n, "button.inc");
    assert_eq!(count(&n), "4", "the neighbour answers a real click at once");
    if spin == Spin::Mount {
        let error = settle(mounting).await.unwrap_err();
        assert_eq!(text(&error, "code"), "unresponsive");
    }
    assert!(until(2000, || t.state(name).unwrap() == "error").await);
    let detail = events.error(name).expect("an error event");
    assert_eq!(text(&detail, "code"), "unresponsive");
    let message = text(&detail, "message");
    assert!(
        message.starts_with(&["component '", name, "' failed while "].concat())
            && message.contains(": unresponsive: no answer in "),
        "{message}"
    );
    assert_eq!(
        s.text_content().unwrap(),
        "frozen",
        "the slot shows the fallback"
    );
    click(&n, "button.inc");
    assert_eq!(count(&n), "5", "the neighbour still works");
    assert_eq!(t.state(&neighbour).unwrap(), "mounted");
    // Reload fetches, compiles and mounts it again, in a new worker.
    let reloaded = settle(t.reload(name)).await;
    if spin == Spin::Mount {
        let error = reloaded.unwrap_err();
        assert_eq!(
            text(&error, "code"),
            "unresponsive",
            "its mount spins again"
        );
    } else {
        reloaded.unwrap();
        assert_eq!(t.state(name).unwrap(), "mounted", "reload works");
    }
    stop_ticking(&interval);
    t.dispose();
    remove_slots(&[name, &neighbour]);
}

#[wasm_bindgen_test]
async fn a_component_spinning_in_mount_ends_unresponsive_while_the_page_runs() {
    spins_alone("spin-mount", "spin_mount", Spin::Mount).await;
}

#[wasm_bindgen_test]
async fn a_component_spinning_in_a_click_handler_ends_unresponsive_while_the_page_runs() {
    spins_alone("spin-click", "spin_click", Spin::Click).await;
}

#[wasm_bindgen_test]
async fn a_component_spinning_in_a_timer_ends_unresponsive_while_the_page_runs() {
    spins_alone("spin-timer", "spin_timer", Spin::Timer).await;
}

#[wasm_bindgen_test]
async fn a_worker_component_that_runs_out_of_memory_ends_alone_and_reloads() {
    watch_shadow_roots();
    let (s, n) = (slot("greedy"), slot("greedy-n"));
    let events = Events::record(&["error"]);
    let greedy = component(
        "greedy",
        r#""module":"worker/greedy.wasm","isolation":"worker","fallback":"gone","load":"manual""#,
    );
    let t = tessera(
        &[greedy, counter("greedy-n", r#","isolation":"main""#)].join(","),
        object(),
    );
    mounted(t.mount("greedy-n")).await;
    mounted(t.mount("greedy")).await;
    // One click: it grows its memory to the cap (256 pages, 16 MiB), which the engine refuses
    // past, and panics.
    click(&s, "button");
    assert!(until(2000, || t.state("greedy").unwrap() == "error").await);
    let detail = events.error("greedy").expect("an error event");
    assert_eq!(text(&detail, "code"), "trap");
    let message = text(&detail, "message");
    assert!(message.contains("out of memory"), "{message}");
    assert_eq!(
        s.text_content().unwrap(),
        "gone",
        "the slot shows the fallback"
    );
    click(&n, "button.inc");
    assert_eq!(
        count(&n),
        "4",
        "the neighbour on the page's thread still works"
    );
    // Reload starts it again in a fresh worker, with a fresh memory.
    mounted(t.reload("greedy")).await;
    assert_eq!(t.state("greedy").unwrap(), "mounted");
    click(&s, "button");
    assert!(
        until(2000, || t.state("greedy").unwrap() == "error").await,
        "and it runs out again, alone"
    );
    assert_eq!(t.state("greedy-n").unwrap(), "mounted");
    t.dispose();
    remove_slots(&["greedy", "greedy-n"]);
}

/// Types `value` into `input` as a user does: the value changes, then an `input` event bubbles.
fn type_into(input: &Element, value: &str) {
    let typing = Function::new_with_args(
        "input, value",
        "input.value = value; input.dispatchEvent(new Event('input', { bubbles: true }));",
    );
    typing.call2(&JsValue::NULL, input, &value.into()).unwrap();
}

/// What `input` holds.
fn value_of(input: &Element) -> String {
    Reflect::get(input, &"value".into())
        .unwrap()
        .as_string()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn in_a_worker_what_the_user_types_is_not_overwritten_by_an_older_value() {
    watch_shadow_roots();
    let s = slot("echo");
    let echo = component(
        "echo",
        r#""module":"worker/echo_input.wasm","isolation":"worker","load":"manual""#,
    );
    let t = tessera(&echo, object());
    mounted(t.mount("echo")).await;
    let input = shadow_root(&s)
        .unwrap()
        .query_selector("input")
        .unwrap()
        .unwrap();
    // Every value the page sets, recorded by a setter of the element's own.
    let record = Function::new_with_args(
        "input",
        "const { get, set } = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value'); \
         input.sets = []; \
         Object.defineProperty(input, 'value', { configurable: true, get() { return get.call(this); }, \
           set(v) { input.sets.push(v); set.call(this, v); } });",
    );
    record.call1(&JsValue::NULL, &input).unwrap();
    // Two keystrokes before the worker answers the first: its answer ("a!") is older than what
    // the input holds ("ab") and is not applied; the second one's is.
    type_into(&input, "a");
    type_into(&input, "ab");
    assert!(
        until(2000, || value_of(&input) == "ab!").await,
        "the last answer applies: {}",
        value_of(&input)
    );
    sleep(50).await;
    let sets = Reflect::get(&input, &"sets".into()).unwrap();
    let sets: Vec<String> = js_sys::Array::from(&sets)
        .iter()
        .filter_map(|v| v.as_string())
        .filter(|v| v.ends_with('!'))
        .collect();
    assert_eq!(
        sets,
        ["ab!"],
        "the page set only the answer to the latest input"
    );
    // One keystroke at a time: each answer applies.
    type_into(&input, "abc");
    assert!(until(2000, || value_of(&input) == "abc!").await);
    t.dispose();
    remove_slots(&["echo"]);
}
