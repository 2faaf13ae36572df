//! A counter: `-` and `+` buttons around a number that starts at `props.start` and moves by
//! `props.step` (default 1), with a reset button when it left its start.
#![no_std]

use tessera_guest::prelude::*;

/// The state: where it started, the step, the count.
pub struct Counter {
    start: i64,
    step: i64,
    n: i64,
}

/// What the buttons send.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Msg {
    /// `+`.
    Inc,
    /// `-`.
    Dec,
    /// Back to the start.
    Reset,
}

impl Component for Counter {
    type Msg = Msg;

    const STYLE: &'static str = tessera_guest::css!(include_str!("counter.css"));

    fn mount(props: Json, _cx: &mut Cx) -> Self {
        let start = props.get("start").as_i64().unwrap_or(0);
        let step = props.get("step").as_i64().filter(|s| *s > 0).unwrap_or(1);
        Counter { start, step, n: start }
    }

    fn update(&mut self, msg: Msg, _cx: &mut Cx) {
        self.n = match msg {
            Msg::Inc => self.n.saturating_add(self.step),
            Msg::Dec => self.n.saturating_sub(self.step),
            Msg::Reset => self.start,
        };
    }

    fn view(&self) -> Node<Msg> {
        div()
            .class("counter")
            .child(button().class("dec").attr("aria-label", "decrement").text("−").on_click(Msg::Dec))
            .child(output().class(if self.n < 0 { "value negative" } else { "value" }).text(int(self.n)))
            .child(button().class("inc").attr("aria-label", "increment").text("+").on_click(Msg::Inc))
            .child(
                button()
                    .class("reset")
                    .flag("disabled", self.n == self.start)
                    .text("reset")
                    .on_click(Msg::Reset),
            )
    }
}

tessera_guest::component!(Counter);
