//! The [`Component`] trait: state, messages, a view.

use crate::json::Json;
use crate::node::Node;
use crate::{Cx, Timer};

/// A component: its state is `Self`; events, timers and bus messages become `Self::Msg`s;
/// after each turn the SDK calls [`Component::view`] and patches the DOM with what changed.
///
/// ```
/// use tessera_guest::prelude::*;
///
/// struct Counter { n: i64 }
///
/// #[derive(Clone)]
/// enum Msg { Inc, Dec }
///
/// impl Component for Counter {
///     type Msg = Msg;
///     const STYLE: &'static str = "button { font-size: 1.5rem }";
///
///     fn mount(props: Json, _cx: &mut Cx) -> Self {
///         Counter { n: props.get("start").as_i64().unwrap_or(0) }
///     }
///     fn update(&mut self, msg: Msg, _cx: &mut Cx) {
///         match msg { Msg::Inc => self.n += 1, Msg::Dec => self.n -= 1 }
///     }
///     fn view(&self) -> Node<Msg> {
///         div()
///             .child(button().text("-").on_click(Msg::Dec))
///             .child(span().text(int(self.n)))
///             .child(button().text("+").on_click(Msg::Inc))
///     }
/// }
///
/// tessera_guest::component!(Counter);
/// ```
pub trait Component: Sized + 'static {
    /// What listeners, timers and subscriptions send to [`Component::update`].
    type Msg: Clone + 'static;

    /// CSS for the component, put in a `<style>` element first in its shadow root (so it
    /// applies to this component only; `:host` styles the slot element).
    const STYLE: &'static str = "";

    /// Creates the state from the manifest's `props` (`{}` when it has none). May start
    /// timers and subscribe (keep the [`Timer`]s to recognize them in `on_timer`).
    fn mount(props: Json<'_>, cx: &mut Cx) -> Self;

    /// Handles one message.
    fn update(&mut self, msg: Self::Msg, cx: &mut Cx);

    /// The view of the current state; called after `mount` and after every turn that handled
    /// a message.
    fn view(&self) -> Node<Self::Msg>;

    /// A timer started with [`Cx::after`] or [`Cx::every`] fired: the message it means, if any.
    fn on_timer(&self, _timer: Timer) -> Option<Self::Msg> {
        None
    }

    /// A bus message on a topic the component subscribed to ([`Cx::subscribe`]): the message
    /// it means, if any. Read JSON payloads with [`Json::parse_bytes`].
    fn on_message(&self, _topic: &str, _payload: &[u8]) -> Option<Self::Msg> {
        None
    }

    /// New props while mounted: return `true` once handled. The default returns `false`,
    /// and the SDK then remounts the component in place: `unmount`, `mount` from the new
    /// props, render (only the DOM that differs changes). Subscriptions stay; timers too, so
    /// a component with repeating timers cancels them in `unmount` or handles `props` itself.
    fn props(&mut self, _props: Json<'_>, _cx: &mut Cx) -> bool {
        false
    }

    /// Called before the host drops the instance (it removes the DOM, listeners and timers
    /// itself), and before a remount from new props (see [`Component::props`]).
    fn unmount(&mut self, _cx: &mut Cx) {}
}
