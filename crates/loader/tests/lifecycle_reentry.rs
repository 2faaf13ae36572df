//! Page code calling back into the loader from its own event listeners: every API method from
//! inside every `tessera:*` listener. Whatever the page does, each component walks edges of the
//! lifecycle table only (each event's `from` is the state the previous one entered), every
//! instance whose mount ran gets its `tessera_unmount`, and every error is a `TesseraError`.
mod pipeline_support;

use js_sys::{Array, Function, Reflect};
use pipeline_support::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// The lifecycle table of docs/architecture.md, by state id: `from -> to`.
const EDGES: &[(&str, &[&str])] = &[
    ("not-loaded", &["loading"]),
    ("loading", &["compiled", "error", "not-loaded"]),
    ("compiled", &["mounting", "not-loaded"]),
    ("mounting", &["mounted", "error", "not-loaded"]),
    ("mounted", &["unmounting", "suspended", "error"]),
    ("suspended", &["mounted", "unmounting", "error"]),
    ("unmounting", &["compiled", "error"]),
    ("error", &["loading", "mounting", "not-loaded"]),
];

/// Every `tessera:<state>` event.
const STATES: [&str; 8] = [
    "not-loaded",
    "loading",
    "compiled",
    "mounting",
    "mounted",
    "suspended",
    "unmounting",
    "error",
];

/// Every method of the API, as a listener calls it for the component the event is about.
const METHODS: [&str; 17] = [
    "mount",
    "unmount",
    "suspend",
    "resume",
    "remount",
    "reload",
    "unload",
    "setProps",
    "state",
    "states",
    "start",
    "publish",
    "subscribe",
    "unsubscribe",
    "navigate",
    "stats",
    "dispose",
];

/// Installs, on `document`, a recorder of every lifecycle event into `log` (`[name, from,
/// state]`) and a listener that, the first time `tessera:<on>` fires, calls `t[method]` for the
/// event's component. Errors that are not `TesseraError`s (thrown or rejected) go to `bad`.
/// Returns the function that removes both.
fn install(t: &JsValue, on: &str, method: &str, log: &Array, bad: &Array) -> Function {
    let make = Function::new_with_args(
        "t, on, method, states, log, bad",
        r#"
        const check = (e) => { if (!e || e.name !== "TesseraError") bad.push(String(e)); };
        const args = {
          setProps: (n) => [n, { n: 1 }], publish: () => ["re:topic", { x: 1 }],
          subscribe: () => ["re:*", () => {}], unsubscribe: () => [t.subscribe("other:*", () => {})], navigate: () => [location.pathname],
          states: () => [], stats: () => [], start: () => [], dispose: () => [],
        };
        let fired = false;
        const listener = (e) => {
          log.push([e.detail.name, e.detail.from, e.detail.state]);
          if (e.type !== "tessera:" + on || fired) return;
          fired = true;
          try {
            const r = t[method](...(args[method] || ((n) => [n]))(e.detail.name));
            if (r && typeof r.then === "function") r.catch(check);
          } catch (err) {
            check(err);
          }
        };
        for (const s of states) document.addEventListener("tessera:" + s, listener);
        return () => { for (const s of states) document.removeEventListener("tessera:" + s, listener); };
        "#,
    );
    let states: Array = STATES.iter().map(|s| JsValue::from_str(s)).collect();
    let args: Array = [t, &on.into(), &method.into(), &states.into(), log, bad]
        .into_iter()
        .collect();
    Reflect::apply(&make, &JsValue::NULL, &args)
        .unwrap()
        .unchecked_into()
}

/// A page subscriber on `t` that counts the `counted` fixture's `count:mounted` and
/// `count:unmounted` messages into `counts[0]` and `counts[1]`.
fn count_mounts(t: &JsValue, counts: &Array) {
    let make = Function::new_with_args(
        "t, counts",
        r#"
        if (counts.length == 0) counts.push(0, 0);
        t.subscribe("count:*", (topic) => { counts[topic == "count:mounted" ? 0 : 1]++; });
        "#,
    );
    make.call2(&JsValue::NULL, t, counts).unwrap();
}

/// `t[method](...args)`, awaited when it returns a promise; a refusal must be a
/// `TesseraError` (else it goes to `bad`).
async fn call(t: &JsValue, method: &str, args: &[JsValue], bad: &Array) -> Option<JsValue> {
    let f: Function = get(t, method).unchecked_into();
    let list: Array = args.iter().cloned().collect();
    let outcome = match Reflect::apply(&f, t, &list) {
        Ok(value) if value.is_instance_of::<js_sys::Promise>() => {
            settle(value.unchecked_into()).await
        }
        other => other,
    };
    match outcome {
        Ok(value) => Some(value),
        Err(e) => {
            if text(&e, "name") != "TesseraError" {
                bad.push(&format!("{method}: {e:?}").into());
            }
            None
        }
    }
}

#[wasm_bindgen_test]
async fn every_method_from_every_listener_keeps_the_lifecycle_consistent() {
    let (counts, bad) = (Array::new(), Array::new());
    let mut failures = Vec::new();
    let (re, re_bad) = (JsValue::from("re"), JsValue::from("re-bad"));
    for on in STATES {
        for method in METHODS {
            let (ok, broken) = (slot("re"), slot("re-bad"));
            let t: JsValue = tessera(
                &[
                    component(
                        "re",
                        r#""module":"pipeline/counted.wasm","load":"manual","capabilities":{"publish":["count:*"]}"#,
                    ),
                    component("re-bad", r#""module":"pipeline/missing.wasm","load":"manual""#),
                ]
                .join(","),
                options(r#"{"retries":0}"#),
            )
            .into();
            let before = (get(&counts, "0").as_f64(), get(&counts, "1").as_f64());
            count_mounts(&t, &counts);
            let log = Array::new();
            let uninstall = install(&t, on, method, &log, &bad);
            // A full round: mount, suspend and resume, unmount, remount, new props and a
            // reload while suspended, and a failing load.
            let props = object();
            for (step, args) in [
                ("mount", vec![re.clone()]),
                ("suspend", vec![re.clone()]),
                ("resume", vec![re.clone()]),
                ("unmount", vec![re.clone()]),
                ("remount", vec![re.clone()]),
                ("suspend", vec![re.clone()]),
                ("setProps", vec![re.clone(), props]),
                ("reload", vec![re.clone()]),
                ("mount", vec![re_bad.clone()]),
                ("reload", vec![re_bad.clone()]),
            ] {
                call(&t, step, &args, &bad).await;
            }
            sleep(20).await; // what listeners started settles
            call(&t, "dispose", &[], &bad).await;
            dispatched().await;
            sleep(20).await;
            uninstall.call0(&JsValue::NULL).unwrap();
            for name in ["re", "re-bad"] {
                if let Err(why) = walks_the_table(&log, name) {
                    failures.push(format!("{method} on tessera:{on}, {name}: {why}"));
                }
                let state = call(&t, "state", &[name.into()], &bad).await;
                let state = state.and_then(|s| s.as_string());
                if state.as_deref() != Some("not-loaded") {
                    failures.push(format!("{method} on tessera:{on}: {name} ends {state:?}"));
                }
            }
            let placeholder = "<span class=\"placeholder\">loading</span>";
            if ok.inner_html() != placeholder || broken.inner_html() != placeholder {
                failures.push(format!(
                    "{method} on tessera:{on}: a slot was not given back"
                ));
            }
            let after = (get(&counts, "0").as_f64(), get(&counts, "1").as_f64());
            if after.0.unwrap_or(0.0) - before.0.unwrap_or(0.0)
                != after.1.unwrap_or(0.0) - before.1.unwrap_or(0.0)
            {
                failures.push(format!(
                    "{method} on tessera:{on}: mounts {before:?} -> {after:?}"
                ));
            }
            ok.remove();
            broken.remove();
        }
    }
    let (mounted, unmounted) = (get(&counts, "0"), get(&counts, "1"));
    assert!(
        mounted.as_f64().unwrap() >= 91.0,
        "the guest mounted: {mounted:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(mounted, unmounted, "every mounted instance was unmounted");
    assert_eq!(
        bad.length(),
        0,
        "errors that are not TesseraErrors: {bad:?}"
    );
}

/// Whether the events of `name` in `log` form one walk over edges of the table from
/// `not-loaded`: each event's `from` is the state the previous one entered.
fn walks_the_table(log: &Array, name: &str) -> Result<(), String> {
    let mut at = String::from("not-loaded");
    for entry in log.iter() {
        let entry: Array = entry.unchecked_into();
        if entry.get(0).as_string().as_deref() != Some(name) {
            continue;
        }
        let from = entry.get(1).as_string().unwrap_or_default();
        let to = entry.get(2).as_string().unwrap_or_default();
        if from != at {
            return Err(format!("{from} -> {to} while in {at}"));
        }
        let allowed = EDGES.iter().find(|(f, _)| *f == from).map(|(_, to)| *to);
        if !allowed.unwrap_or_default().contains(&to.as_str()) {
            return Err(format!("forbidden edge {from} -> {to}"));
        }
        at = to;
    }
    Ok(())
}
