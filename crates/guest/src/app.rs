//! The runtime of one mounted component: one turn per host call, one `apply` per turn.

use crate::json::Json;
use crate::node::Node;
use crate::render::{find_listener, Renderer};
use crate::{Component, Cx, Timer};

/// A mounted component: its state, context, and the rendered tree (a child of root `0`).
pub struct App<C: Component> {
    state: C,
    cx: Cx,
    dom: Renderer,
    tree: Node<C::Msg>,
}

impl<C: Component> App<C> {
    /// `tessera_mount`: creates the state from `props` (JSON text) and renders it.
    pub fn mount(props: &str) -> App<C> {
        let mut cx = Cx::new();
        let state: C = new_state(props, &mut cx);
        let mut dom = Renderer::default();
        if !C::STYLE.is_empty() {
            let (style, css) = (dom.node_id(), dom.node_id());
            dom.ops.create_element(style, "style");
            dom.ops.create_text(css, C::STYLE);
            dom.ops.append(style, css);
            dom.ops.append(0, style);
        }
        let mut tree = state.view();
        dom.patch(0, None, &mut tree.0);
        let mut app = App {
            state,
            cx,
            dom,
            tree,
        };
        app.flush();
        app
    }

    /// `tessera_event`: the listener's message, if its handler makes one, then a render.
    pub fn event(&mut self, listener: u32, data: &str) {
        let Some((node, i)) = find_listener(&mut self.tree.0, listener) else {
            return;
        };
        let Some(l) = node.on.get(i) else {
            return;
        };
        let msg = l.handler.message(data);
        // The user changed the DOM's value: the next patch must not trust the rendered one.
        if matches!(l.event, "input" | "change") {
            self.dom.typed = node.id;
        }
        self.run(msg);
    }

    /// `tessera_message`: [`Component::on_message`], then a render if it made a message.
    pub fn message(&mut self, topic: &str, payload: &[u8]) {
        let msg = self.state.on_message(topic, payload);
        self.run(msg);
    }

    /// `tessera_timer`: [`Component::on_timer`], then a render if it made a message.
    pub fn timer(&mut self, id: i32) {
        let msg = self.state.on_timer(Timer(id));
        self.run(msg);
    }

    /// `tessera_props`: hands the new props to [`Component::props`], or remounts in place
    /// when it does not handle them; then renders.
    pub fn props(&mut self, props: &str) {
        if !self.state.props(Json::parse(props), &mut self.cx) {
            self.state.unmount(&mut self.cx);
            self.state = new_state(props, &mut self.cx);
        }
        self.render();
    }

    /// `tessera_unmount`: [`Component::unmount`]. The app is then forgotten, not dropped:
    /// the host drops the whole instance, memory included.
    pub fn unmount(mut self) {
        self.state.unmount(&mut self.cx);
        core::mem::forget(self);
    }

    /// Handles `msg` as if a listener had sent it, then renders (for tests and hosts that
    /// drive a component directly).
    pub fn send(&mut self, msg: C::Msg) {
        self.run(Some(msg));
    }

    /// The component's state (for tests).
    pub fn state(&self) -> &C {
        &self.state
    }

    fn run(&mut self, msg: Option<C::Msg>) {
        if let Some(m) = msg {
            self.state.update(m, &mut self.cx);
            self.render();
        }
    }

    fn render(&mut self) {
        let mut new = self.state.view();
        self.dom.patch(0, Some(&self.tree.0), &mut new.0);
        self.dom.typed = 0;
        self.tree = new;
        self.flush();
    }

    /// Sends the turn's edits. A refusal is not logged here: the host already reports every
    /// refused edit as a `tessera:violation` event naming the operation and the code.
    fn flush(&mut self) {
        let _ = self.dom.ops.flush();
    }
}

/// [`Component::mount`], kept out of line so that mount and remount share one copy.
#[inline(never)]
fn new_state<C: Component>(props: &str, cx: &mut Cx) -> C {
    C::mount(Json::parse(props), cx)
}
