//! The runtime around the renderer: timers, the bus, props, logging, and the generated exports
//! driven exactly as the host drives them.

use tessera_guest::prelude::*;
use tessera_guest::testing::{memory, with_host, Harness, Op};

/// Ticks every second once started; a one-shot "flash" after 500 ms; listens to `cart:*`.
struct Clock {
    ticks: i64,
    every: Option<Timer>,
    flash: Option<Timer>,
    heard: Vec<String>,
    label: String,
}

#[derive(Clone, Debug)]
enum Msg {
    Start,
    Stop,
    Tick,
    Flash,
    FlashDone,
    Heard(String),
    Publish,
}

impl Component for Clock {
    type Msg = Msg;

    fn mount(props: Json, cx: &mut Cx) -> Self {
        cx.subscribe("cart:*").expect("granted");
        cx.subscribe("cart:*").expect("again: no second host call");
        let label = props
            .get("label")
            .as_str()
            .map_or("clock".into(), |s| s.into_owned());
        Clock {
            ticks: 0,
            every: None,
            flash: None,
            heard: Vec::new(),
            label,
        }
    }

    fn update(&mut self, msg: Msg, cx: &mut Cx) {
        match msg {
            Msg::Start => self.every = cx.every(1000).ok(),
            Msg::Stop => {
                if let Some(t) = self.every.take() {
                    cx.cancel(t);
                }
            }
            Msg::Tick => self.ticks += 1,
            Msg::Flash => self.flash = cx.after(500).ok(),
            Msg::FlashDone => self.flash = None,
            Msg::Heard(s) => self.heard.push(s),
            Msg::Publish => {
                let payload = Object::new().int("ticks", self.ticks).finish();
                cx.publish("cart:add", payload.as_bytes()).expect("granted");
            }
        }
    }

    fn on_timer(&self, t: Timer) -> Option<Msg> {
        if Some(t) == self.every {
            Some(Msg::Tick)
        } else if Some(t) == self.flash {
            Some(Msg::FlashDone)
        } else {
            None
        }
    }

    fn on_message(&self, topic: &str, payload: &[u8]) -> Option<Msg> {
        let n = Json::parse_bytes(payload).get("n").as_i64()?;
        Some(Msg::Heard(format!("{topic} {n}")))
    }

    fn view(&self) -> Node<Msg> {
        div()
            .child(h1().text(self.label.clone()))
            .child(span().class("ticks").text(int(self.ticks)))
            .child(
                span()
                    .class("flash")
                    .text(if self.flash.is_some() { "!" } else { "" }),
            )
            .child(button().class("start").on_click(Msg::Start))
            .child(button().class("stop").on_click(Msg::Stop))
            .child(button().class("flash").on_click(Msg::Flash))
            .child(button().class("pub").on_click(Msg::Publish))
    }
}

#[test]
fn repeating_and_one_shot_timers_come_back_as_messages() {
    let mut h = Harness::<Clock>::mount("{}");
    h.click("button.start").advance(3500.0);
    assert_eq!(h.text(".ticks"), "3");
    h.click("button.flash");
    assert_eq!(h.text("span.flash"), "!");
    h.advance(499.0);
    assert_eq!(h.text("span.flash"), "!");
    h.advance(1.0);
    assert_eq!(h.text("span.flash"), "", "the one-shot fired");
    assert_eq!(h.text(".ticks"), "4", "and the interval kept going");
    h.click("button.stop").advance(10_000.0);
    assert_eq!(h.text(".ticks"), "4");
    h.host(|host| assert!(host.timers.is_empty(), "{:?}", host.timers));
}

#[test]
fn a_timer_past_the_host_limit_is_an_error() {
    let mut h = Harness::<Clock>::mount("{}");
    for _ in 0..64 {
        h.click("button.flash");
    }
    h.click("button.flash");
    assert!(
        h.state().flash.is_none(),
        "the 65th timer was refused (Limit)"
    );
}

#[test]
fn unknown_timers_are_ignored() {
    let mut h = Harness::<Clock>::mount("{}");
    h.click("button.start");
    h.take_batches();
    let mut app = tessera_guest::App::<Clock>::mount("{}");
    h.take_batches();
    app.timer(12345);
    assert_eq!(app.state().ticks, 0);
    assert!(h.take_batches().is_empty(), "no message, no render");
}

#[test]
fn subscriptions_deliver_messages_once_per_pattern() {
    let mut h = Harness::<Clock>::mount("{}");
    h.host(|host| assert_eq!(host.subscriptions, ["cart:*"]));
    h.deliver("cart:add", r#"{"n": 2}"#)
        .deliver("cart:clear", "{}")
        .deliver("other:x", r#"{"n":1}"#);
    assert_eq!(h.state().heard, ["cart:add 2"]);
}

#[test]
fn publishing_reaches_the_host_and_capabilities_are_enforced() {
    let mut h = Harness::<Clock>::mount("{}");
    h.click("button.pub");
    assert_eq!(
        h.published(),
        [("cart:add".to_string(), r#"{"ticks":0}"#.to_string())]
    );
    with_host(|host| host.grants = Some((vec!["cart:clear".into()], vec![])));
    assert_eq!(publish("cart:add", b"{}"), Err(Error::CapabilityDenied));
    assert_eq!(publish("cart:clear", b"{}"), Ok(()));
    let mut cx = Cx::default();
    assert_eq!(cx.subscribe("cart:*"), Err(Error::CapabilityDenied));
    with_host(|host| host.grants = Some((vec![], vec!["cart:*".into()])));
    assert_eq!(cx.subscribe("cart:add"), Ok(()), "covered by cart:*");
    assert!(tessera_guest::matches("cart:*", "cart:add"));
    assert!(!tessera_guest::matches("cart:*", "carts"));
    assert!(tessera_guest::matches("*", "anything"));
    assert!(!tessera_guest::matches("cart:add", "cart:addx"));
}

#[test]
fn new_props_remount_in_place_by_default() {
    let mut h = Harness::<Clock>::mount(r#"{"label": "one"}"#);
    h.click("button.start").advance(1000.0);
    h.take_batches();
    h.set_props(r#"{"label": "two"}"#);
    assert!(h.state().label == "two" && h.state().ticks == 0);
    let batches = h.take_batches();
    assert_eq!(batches.len(), 1);
    assert_eq!(
        batches[0].0,
        vec![
            Op::SetText {
                id: 3,
                text: "two".into()
            },
            Op::SetText {
                id: 5,
                text: "0".into()
            }
        ],
        "only what differs"
    );
    h.host(|host| assert_eq!(host.subscriptions.len(), 1, "no second subscription"));
}

#[test]
fn a_component_can_take_props_itself() {
    struct Live(i64);
    impl Component for Live {
        type Msg = ();
        fn mount(p: Json, _: &mut Cx) -> Self {
            Live(p.get("n").as_i64().unwrap_or(0))
        }
        fn update(&mut self, _: (), _: &mut Cx) {}
        fn props(&mut self, p: Json, _: &mut Cx) -> bool {
            self.0 += p.get("n").as_i64().unwrap_or(0);
            true
        }
        fn view(&self) -> Node<()> {
            p().text(int(self.0))
        }
    }
    let mut h = Harness::<Live>::mount(r#"{"n": 1}"#);
    h.set_props(r#"{"n": 10}"#).set_props(r#"{"n": 100}"#);
    assert_eq!(h.html(), "<p>111</p>");
}

#[test]
fn malformed_props_read_as_missing() {
    let h = Harness::<Clock>::mount(r#"{"label": "#);
    assert_eq!(h.state().label, "clock");
}

#[test]
fn logging_and_the_clock_go_through_the_host() {
    let mut h = Harness::<Clock>::mount("{}");
    log::info("hello");
    log::log(log::Level::Error, "bad");
    h.advance(250.0);
    assert_eq!(now(), 250.0);
    h.host(|host| {
        assert_eq!(
            host.logs,
            [(1, "hello".to_string()), (3, "bad".to_string())]
        )
    });
}

std::thread_local! {
    static UNMOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[test]
fn unmount_calls_the_component_last() {
    struct Bye;
    impl Component for Bye {
        type Msg = ();
        fn mount(_: Json, _: &mut Cx) -> Self {
            Bye
        }
        fn update(&mut self, _: (), _: &mut Cx) {}
        fn view(&self) -> Node<()> {
            p()
        }
        fn unmount(&mut self, _: &mut Cx) {
            UNMOUNTED.with(|u| u.set(true));
        }
    }
    let mut h = Harness::<Bye>::mount("{}");
    assert!(!UNMOUNTED.with(|u| u.get()));
    h.unmount();
    assert!(UNMOUNTED.with(|u| u.get()));
}

// The exports generated by `component!`, called like the host calls them.
tessera_guest::component!(Clock);

unsafe extern "C" {
    fn tessera_abi_version() -> i32;
    fn tessera_alloc(len: i32) -> i32;
    fn tessera_mount(ptr: i32, len: i32);
    fn tessera_props(ptr: i32, len: i32);
    fn tessera_event(listener: i32, ptr: i32, len: i32);
    fn tessera_message(tp: i32, tl: i32, pp: i32, pl: i32);
    fn tessera_timer(id: i32);
    fn tessera_unmount();
}

/// Host side: copies `text` into guest memory it allocates with `tessera_alloc`.
fn give(text: &str) -> (i32, i32) {
    let len = text.len() as i32;
    let ptr = unsafe { tessera_alloc(len) };
    assert!(ptr > 0, "allocation of {len} bytes");
    memory::write(ptr, text.as_bytes());
    (ptr, len)
}

#[test]
fn the_exports_run_a_component_like_the_host_does() {
    tessera_guest::testing::reset();
    assert_eq!(unsafe { tessera_abi_version() }, 1);
    let (p, l) = give(r#"{"label":"exported"}"#);
    unsafe { tessera_mount(p, l) };
    assert!(with_host(|h| h.dom.html()).contains("<h1>exported</h1>"));

    let start = with_host(|h| {
        let id = h.dom.select("button.start")[0];
        h.dom.tree().listeners_on(id).next().unwrap().0
    });
    let (p, l) = give("");
    unsafe { tessera_event(start as i32, p, l) };
    let timer = with_host(|h| h.timers[0].id);
    unsafe { tessera_timer(timer) };
    unsafe { tessera_timer(timer) };
    assert!(with_host(|h| h.dom.html()).contains(r#"<span class="ticks">2</span>"#));

    let (tp, tl) = give("cart:add");
    let (pp, pl) = give(r#"{"n":5}"#);
    unsafe { tessera_message(tp, tl, pp, pl) };
    let (p, l) = give(r#"{"label":"renamed"}"#);
    unsafe { tessera_props(p, l) };
    assert!(with_host(|h| h.dom.html()).contains("<h1>renamed</h1>"));
    unsafe { tessera_unmount() };
    // Events after unmount reach nothing.
    let (p, l) = give("");
    unsafe { tessera_event(start as i32, p, l) };
    assert_eq!(
        memory::live(),
        0,
        "the guest took back every buffer the host wrote"
    );
    assert_eq!(unsafe { tessera_alloc(-1) }, 0);
}
