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
mod tests {
    extern crate std;

    use super::*;
    use tessera_guest::testing::{Harness, Op};

    #[test]
    fn starts_from_props_and_counts() {
        let mut h = Harness::<Counter>::mount(r#"{"start": 3}"#);
        assert_eq!(h.text("output"), "3");
        h.click("button.inc").click("button.inc");
        assert_eq!(h.text("output"), "5");
        h.click("button.dec");
        assert_eq!(h.text("output"), "4");
    }

    #[test]
    fn reset_is_enabled_only_away_from_the_start() {
        let mut h = Harness::<Counter>::mount(r#"{"start": 1}"#);
        assert_eq!(h.select("button.reset[disabled]").len(), 1);
        h.click("button.inc");
        assert!(h.select("button.reset[disabled]").is_empty());
        h.click("button.reset");
        assert_eq!(h.text("output"), "1");
        assert_eq!(h.select("button.reset[disabled]").len(), 1);
    }

    #[test]
    fn a_click_changes_only_the_number() {
        let mut h = Harness::<Counter>::mount("{}");
        h.click("button.inc");
        h.take_ops();
        h.click("button.inc");
        assert_eq!(
            h.take_ops(),
            std::vec![Op::SetText {
                id: 7,
                text: "2".into()
            }]
        );
    }

    #[test]
    fn negative_numbers_are_marked() {
        let mut h = Harness::<Counter>::mount(r#"{"start": 0}"#);
        h.click("button.dec");
        assert_eq!(h.select("output.negative").len(), 1);
        assert_eq!(h.text("output"), "-1");
    }

    #[test]
    fn missing_or_bad_props_start_at_zero() {
        for props in ["{}", r#"{"start": "3"}"#, r#"{"start": 1.5}"#, "not json"] {
            let h = Harness::<Counter>::mount(props);
            assert_eq!(h.text("output"), "0", "{props}");
        }
    }
}
