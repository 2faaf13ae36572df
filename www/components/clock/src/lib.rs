//! A clock and a stopwatch.
//!
//! The clock shows wall time when the page passes it in props (`epochMs`: `Date.now()` when
//! the props were written, and optionally `utcOffsetMinutes`), since the ABI's `now()` is the
//! page's `performance.now()`, not a date. Without `epochMs` it shows the time since mount.
//! It ticks every second. The stopwatch runs a 100 ms timer only while it runs and measures
//! with `now()`, so it does not drift.
#![no_std]

use tessera_guest::prelude::*;

/// Milliseconds in a day.
const DAY_MS: i64 = 86_400_000;

/// The state.
pub struct Clock {
    label: String,
    /// Wall time (ms since 1970, local offset applied) at `now() == base`, if known.
    epoch: Option<f64>,
    /// `now()` when `epoch` was read (or at mount).
    base: f64,
    /// `now()` at the last tick.
    at: f64,
    /// The stopwatch: time banked before the current run, and when the current run started.
    banked: f64,
    run: Option<(f64, Timer)>,
    laps: Vec<f64>,
}

/// Timers and buttons.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Msg {
    /// A timer fired: look at the time again.
    Tick,
    /// Start or stop the stopwatch.
    Toggle,
    /// Record a lap.
    Lap,
    /// Stop and zero the stopwatch.
    Reset,
}

fn epoch_of(props: Json) -> Option<f64> {
    let ms = props.get("epochMs").as_f64()?;
    let offset = props.get("utcOffsetMinutes").as_f64().unwrap_or(0.0);
    Some(ms + offset * 60_000.0)
}

/// `h:mm:ss` of a duration, or `hh:mm:ss` of a time of day.
fn hms(ms: f64, pad_hours: bool) -> String {
    let s = (ms as i64).max(0) / 1000;
    let mut out = if pad_hours {
        padded((s / 3600) as u64, 2)
    } else {
        int(s / 3600)
    };
    out.push(':');
    out.push_str(&padded((s / 60 % 60) as u64, 2));
    out.push(':');
    out.push_str(&padded((s % 60) as u64, 2));
    out
}

/// `m:ss.t` of a stopwatch reading.
fn stopwatch(ms: f64) -> String {
    let t = (ms as i64).max(0) / 100;
    let mut out = int(t / 600);
    out.push(':');
    out.push_str(&padded((t / 10 % 60) as u64, 2));
    out.push('.');
    out.push_str(&int(t % 10));
    out
}

impl Clock {
    fn elapsed(&self) -> f64 {
        self.banked + self.run.map_or(0.0, |(start, _)| self.at - start)
    }
}

impl Component for Clock {
    type Msg = Msg;

    const STYLE: &'static str = css!(include_str!("clock.css"));

    fn mount(props: Json, cx: &mut Cx) -> Self {
        // A clock that cannot tick is still a correct (static) clock.
        let _ = cx.every(1000);
        let at = now();
        Clock {
            label: props
                .get("label")
                .as_str()
                .map_or("Clock".into(), |s| s.into_owned()),
            epoch: epoch_of(props),
            base: at,
            at,
            banked: 0.0,
            run: None,
            laps: Vec::new(),
        }
    }

    /// New props change the label and the wall time in place; timers and the stopwatch go on.
    fn props(&mut self, props: Json, _cx: &mut Cx) -> bool {
        if let Some(label) = props.get("label").as_str() {
            self.label = label.into_owned();
        }
        if let Some(e) = epoch_of(props) {
            self.epoch = Some(e);
            self.base = now();
        }
        true
    }

    fn update(&mut self, msg: Msg, cx: &mut Cx) {
        self.at = now();
        match msg {
            Msg::Tick => {}
            Msg::Toggle => match self.run.take() {
                Some((start, t)) => {
                    cx.cancel(t);
                    self.banked += self.at - start;
                }
                None => self.run = cx.every(100).ok().map(|t| (self.at, t)),
            },
            Msg::Lap => {
                if self.run.is_some() {
                    self.laps.insert(0, self.elapsed());
                    self.laps.truncate(5);
                }
            }
            Msg::Reset => {
                if let Some((_, t)) = self.run.take() {
                    cx.cancel(t);
                }
                self.banked = 0.0;
                self.laps.clear();
            }
        }
    }

    fn on_timer(&self, _: Timer) -> Option<Msg> {
        Some(Msg::Tick)
    }

    fn view(&self) -> Node<Msg> {
        let (time, caption) = match self.epoch {
            Some(e) => {
                let wall = e + (self.at - self.base);
                (
                    hms((wall as i64).rem_euclid(DAY_MS) as f64, true),
                    "local time",
                )
            }
            None => (hms(self.at - self.base, false), "since mount"),
        };
        let running = self.run.is_some();
        let laps = self.laps.iter().enumerate().map(|(i, &ms)| {
            li().child(span().class("n").text(int((self.laps.len() - i) as i64)))
                .child(time_el(stopwatch(ms)))
        });
        section()
            .class("clock")
            .child(
                header()
                    .child(h2().text(self.label.clone()))
                    .child(small().text(caption)),
            )
            .child(time_el(time).class("time"))
            .child(
                div()
                    .class(if running { "watch running" } else { "watch" })
                    .child(time_el(stopwatch(self.elapsed())).class("reading"))
                    .child(
                        div()
                            .class("buttons")
                            .child(
                                button()
                                    .class("toggle")
                                    .text(if running { "Stop" } else { "Start" })
                                    .on_click(Msg::Toggle),
                            )
                            .child(
                                button()
                                    .class("lap")
                                    .flag("disabled", !running)
                                    .text("Lap")
                                    .on_click(Msg::Lap),
                            )
                            .child(
                                button()
                                    .class("reset")
                                    .flag("disabled", running || self.elapsed() == 0.0)
                                    .text("Reset")
                                    .on_click(Msg::Reset),
                            ),
                    ),
            )
            .child(ol().class("laps").children(laps))
    }
}

fn time_el(text: String) -> Node<Msg> {
    time().text(text)
}

tessera_guest::component!(Clock);

#[cfg(test)]
mod tests;
