//! A counter: `−` and `+` buttons around a number that starts at `props.start` (default 0),
//! and a reset button, enabled once the count left its start.
#![no_std]

use tessera_guest::prelude::*;

/// The state: where it started, the count.
pub struct Counter {
    start: i64,
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
        Counter { start, n: start }
    }

    fn update(&mut self, msg: Msg, _cx: &mut Cx) {
        self.n = match msg {
            Msg::Inc => self.n.saturating_add(1),
            Msg::Dec => self.n.saturating_sub(1),
            Msg::Reset => self.start,
        };
    }

    fn view(&self) -> Node<Msg> {
        div()
            .class("counter")
            .child(button().class("dec").text("−").on_click(Msg::Dec))
            .child(
                output()
                    .class(if self.n < 0 {
                        "value negative"
                    } else {
                        "value"
                    })
                    .text(int(self.n)),
            )
            .child(button().class("inc").text("+").on_click(Msg::Inc))
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

#[cfg(test)]
mod tests;
