//! A component that freezes on purpose: it counts down from `props.seconds` (default 5), then
//! loops forever in its timer handler; its "Loop now" button does the same at once. The demo runs
//! it with `"isolation": "worker"`, so the loop runs in its own worker: the watchdog ends it
//! after `budget.maxCallMs` with the error code `unresponsive`, its tile shows the fallback, and
//! the rest of the page keeps working. On the main thread it would freeze the page.
#![no_std]

use tessera_guest::prelude::*;

/// The state: the seconds left before it loops.
pub struct Frozen {
    left: i64,
}

/// The countdown's timer and the button.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Msg {
    /// A second went by.
    Tick,
    /// Loop forever now.
    Freeze,
}

/// Never returns: the loop the worker's watchdog is there for.
fn spin() -> ! {
    loop {
        core::hint::spin_loop();
    }
}

impl Component for Frozen {
    type Msg = Msg;

    const STYLE: &'static str = css!(include_str!("frozen.css"));

    fn mount(props: Json, cx: &mut Cx) -> Self {
        let left = props.get("seconds").as_i64().unwrap_or(5).clamp(0, 3600);
        // Without a timer it still freezes when its button is clicked.
        let _ = cx.every(1000);
        Frozen { left }
    }

    fn update(&mut self, msg: Msg, _cx: &mut Cx) {
        match msg {
            Msg::Tick if self.left > 1 => self.left -= 1,
            Msg::Tick | Msg::Freeze => spin(),
        }
    }

    fn on_timer(&self, _: Timer) -> Option<Msg> {
        Some(Msg::Tick)
    }

    fn view(&self) -> Node<Msg> {
        div()
            .class("frozen")
            .child(
                p().text("Loops forever in ")
                    .child(output().text(int(self.left)))
                    .text(" s"),
            )
            .child(button().text("Loop now").on_click(Msg::Freeze))
    }
}

tessera_guest::component!(Frozen);

#[cfg(test)]
mod tests;
