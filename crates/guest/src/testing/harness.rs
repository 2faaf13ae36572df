//! [`Harness`]: mount a component on the fake host and drive it like a user and a page would.

use std::string::String;
use std::vec::Vec;

use super::decode::Op;
use super::host::{reset, with_host, FakeHost};
use crate::app::App;
use crate::Component;

/// A component mounted on this thread's fresh fake host.
///
/// ```
/// # use tessera_guest::prelude::*;
/// # struct Counter { n: i64 }
/// # #[derive(Clone)] enum Msg { Inc }
/// # impl Component for Counter {
/// #     type Msg = Msg;
/// #     fn mount(p: Json, _: &mut Cx) -> Self { Counter { n: p.get("start").as_i64().unwrap_or(0) } }
/// #     fn update(&mut self, _: Msg, _: &mut Cx) { self.n += 1 }
/// #     fn view(&self) -> Node<Msg> { button().text(int(self.n)).on_click(Msg::Inc) }
/// # }
/// use tessera_guest::testing::Harness;
/// let mut h = Harness::<Counter>::mount(r#"{"start": 3}"#);
/// assert_eq!(h.html(), "<button>3</button>");
/// h.click("button");
/// assert_eq!(h.html(), "<button>4</button>");
/// ```
pub struct Harness<C: Component> {
    app: Option<App<C>>,
    seen: usize,
}

impl<C: Component> Harness<C> {
    /// Resets the fake host and mounts with `props` (JSON text).
    pub fn mount(props: &str) -> Harness<C> {
        reset();
        Harness::mount_here(props)
    }

    /// Mounts with `props` on the fake host as it is (set grants or the clock first).
    pub fn mount_here(props: &str) -> Harness<C> {
        let app = App::mount(props);
        Harness {
            app: Some(app),
            seen: 0,
        }
    }

    fn app(&mut self) -> &mut App<C> {
        self.app.as_mut().expect("the component was unmounted")
    }

    /// The component's state.
    pub fn state(&self) -> &C {
        self.app
            .as_ref()
            .expect("the component was unmounted")
            .state()
    }

    /// Reads the fake host.
    pub fn host<R>(&self, f: impl FnOnce(&mut FakeHost) -> R) -> R {
        with_host(f)
    }

    /// The markup under the root, without `<style>`.
    pub fn html(&self) -> String {
        with_host(|h| h.dom.html())
    }

    /// The ids of the elements matching `selector`, in document order.
    ///
    /// Every method that takes a selector uses this grammar ([`super::GRAMMAR`]): a tag or `*`,
    /// then `.class`, `#id`, `[attr]`, `[attr=value]` with no space between them; compounds
    /// joined by spaces (descendants) or `>` (children): `ul > li.done button[type=button]`.
    ///
    /// # Panics
    /// On a selector outside the grammar (`li:first-child`, `a, b`, `a + b`, `[href^=x]`), with
    /// a message that names the selector, the part not supported and the grammar.
    #[track_caller]
    pub fn select(&self, selector: &str) -> Vec<u32> {
        match with_host(|h| h.dom.try_select(selector)) {
            Ok(found) => found,
            Err(e) => panic!("{e}"),
        }
    }

    /// The text content of the first element matching `selector`.
    #[track_caller]
    pub fn text(&self, selector: &str) -> String {
        let id = self.one(selector, 0);
        with_host(|h| h.dom.text(id))
    }

    /// The `value` property of the first element matching `selector`.
    #[track_caller]
    pub fn value(&self, selector: &str) -> String {
        let id = self.one(selector, 0);
        with_host(|h| h.dom.value(id))
    }

    #[track_caller]
    fn one(&self, selector: &str, nth: usize) -> u32 {
        let all = self.select(selector);
        match all.get(nth) {
            Some(&id) => id,
            None => panic!("no element #{nth} matches `{selector}` in {}", self.html()),
        }
    }

    /// Dispatches `event` with `data` to element `nth` matching `selector`, as the host would:
    /// to each of its listeners for `event`, in the order they were added.
    ///
    /// # Panics
    /// When no such element, or it has no listener for `event`, or the selector is not
    /// supported (see [`Harness::select`]); the message points at the calling test's line.
    #[track_caller]
    pub fn dispatch_nth(
        &mut self,
        selector: &str,
        nth: usize,
        event: &str,
        data: &str,
    ) -> &mut Self {
        let id = self.one(selector, nth);
        let listeners: Vec<u32> = with_host(|h| {
            if matches!(event, "input" | "change") {
                h.dom.user_input(id, data);
            }
            h.dom.listeners_on(id, event)
        });
        if listeners.is_empty() {
            panic!("`{selector}` #{nth} has no `{event}` listener");
        }
        for l in listeners {
            // A listener removed by an earlier one's render is not called.
            if with_host(|h| h.dom.listening(l)) {
                self.app().event(l, data);
            }
        }
        self
    }

    /// [`Harness::dispatch_nth`] on the first match.
    #[track_caller]
    pub fn dispatch(&mut self, selector: &str, event: &str, data: &str) -> &mut Self {
        self.dispatch_nth(selector, 0, event, data)
    }

    /// A click on the first element matching `selector`.
    #[track_caller]
    pub fn click(&mut self, selector: &str) -> &mut Self {
        self.dispatch(selector, "click", "")
    }

    /// A click on element `nth` matching `selector`.
    #[track_caller]
    pub fn click_nth(&mut self, selector: &str, nth: usize) -> &mut Self {
        self.dispatch_nth(selector, nth, "click", "")
    }

    /// Typing: sets the value and dispatches `input`.
    #[track_caller]
    pub fn input(&mut self, selector: &str, value: &str) -> &mut Self {
        self.dispatch(selector, "input", value)
    }

    /// A `keydown` of `key`.
    #[track_caller]
    pub fn keydown(&mut self, selector: &str, key: &str) -> &mut Self {
        self.dispatch(selector, "keydown", key)
    }

    /// A `submit` of a form.
    #[track_caller]
    pub fn submit(&mut self, selector: &str) -> &mut Self {
        self.dispatch(selector, "submit", "")
    }

    /// Delivers a bus message as the host would (only if the component subscribed to a
    /// pattern matching `topic`).
    pub fn deliver(&mut self, topic: &str, payload: &str) -> &mut Self {
        let subscribed = with_host(|h| h.subscriptions.iter().any(|p| crate::matches(p, topic)));
        if subscribed {
            self.app().message(topic, payload.as_bytes());
        }
        self
    }

    /// Moves the fake clock forward by `ms`, firing due timers in order (repeating ones as
    /// often as they fall due).
    pub fn advance(&mut self, ms: f64) -> &mut Self {
        let end = with_host(|h| h.clock) + ms;
        loop {
            let next = with_host(|h| {
                let t = h
                    .timers
                    .iter()
                    .filter(|t| t.due <= end)
                    .min_by(|a, b| a.due.total_cmp(&b.due))?
                    .clone();
                h.clock = t.due;
                if t.repeat {
                    let timer = h
                        .timers
                        .iter_mut()
                        .find(|x| x.id == t.id)
                        .expect("live timer");
                    timer.due += (t.ms as f64).max(1.0);
                } else {
                    h.timers.retain(|x| x.id != t.id);
                }
                Some(t.id)
            });
            match next {
                Some(id) => self.app().timer(id),
                None => break,
            }
        }
        with_host(|h| h.clock = end);
        self
    }

    /// Handles `msg` directly (update, then render), as if a listener had sent it.
    pub fn send(&mut self, msg: C::Msg) -> &mut Self {
        self.app().send(msg);
        self
    }

    /// New props, as `tessera_props`.
    pub fn set_props(&mut self, props: &str) -> &mut Self {
        self.app().props(props);
        self
    }

    /// Unmounts (`tessera_unmount`).
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.unmount();
        }
    }

    /// The `apply` calls since the last call of this method, as (operations, result code).
    pub fn take_batches(&mut self) -> Vec<(Vec<Op>, i32)> {
        let all = with_host(|h| h.batches.clone());
        let new = all[self.seen..].to_vec();
        self.seen = all.len();
        new
    }

    /// The operations applied since the last [`Harness::take_batches`]/`take_ops`, all batches
    /// together.
    pub fn take_ops(&mut self) -> Vec<Op> {
        self.take_batches()
            .into_iter()
            .flat_map(|(ops, _)| ops)
            .collect()
    }

    /// Every accepted `publish`, payloads as text.
    pub fn published(&self) -> Vec<(String, String)> {
        with_host(|h| {
            h.published
                .iter()
                .map(|(t, p)| (t.clone(), String::from_utf8_lossy(p).into_owned()))
                .collect()
        })
    }
}
