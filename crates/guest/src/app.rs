//! The runtime of one mounted component: one turn per host call, one `apply` per turn.

use crate::json::Json;
use alloc::string::String;

use crate::node::{el, Node, CHECKED, VALUE};
use crate::render::{find_listener, Renderer};
use crate::panic::Report;
use crate::{log, Component, Cx, Timer};

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
            let mut style: Node<C::Msg> = el("style").text(C::STYLE);
            dom.create(&mut style.0);
            dom.ops.append(0, style.0.id);
        }
        let mut tree = state.view();
        dom.create(&mut tree.0);
        dom.ops.append(0, tree.0.id);
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
        let Some((node, i)) = find_listener(&mut self.tree, listener) else {
            return;
        };
        let Some(l) = node.on.get(i) else {
            return;
        };
        let msg = l.handler.message(data);
        // The DOM now holds what the user typed: remember it, so that the next view's `value`
        // (or `checked`) is compared with the truth.
        if matches!(l.event, "input" | "change") {
            for (name, v) in &mut node.attrs {
                match *name {
                    VALUE => *v = String::from(data).into(),
                    CHECKED => *v = (if data == "true" { "1" } else { "" }).into(),
                    _ => {}
                }
            }
        }
        self.run(msg);
    }

    /// `tessera_message`: [`Component::on_message`], then a render if it made a message.
    pub fn message(&mut self, topic: &str, payload: &[u8]) {
        let msg = self.state.on_message(topic, payload);
        self.run(msg);
    }

    /// `tessera_timer`: [`Component::on_timer`] for a timer the component started.
    pub fn timer(&mut self, id: i32) {
        let t = Timer(id);
        self.cx.fired(t);
        let msg = self.state.on_timer(t);
        self.run(msg);
    }

    /// `tessera_props`: hands the new props to [`Component::props`], or remounts in place
    /// when it does not handle them; then renders.
    pub fn props(&mut self, props: &str) {
        if !self.state.props(Json::parse(props), &mut self.cx) {
            self.state.unmount(&mut self.cx);
            self.cx.cancel_all();
            self.state = new_state(props, &mut self.cx);
        }
        self.render();
    }

    /// `tessera_unmount`.
    pub fn unmount(mut self) {
        self.state.unmount(&mut self.cx);
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
        self.dom.patch(0, &self.tree, &mut new);
        self.tree = new;
        self.flush();
    }

    fn flush(&mut self) {
        if let Err(e) = self.dom.ops.flush() {
            let mut r = Report::new();
            r.push("render refused by the host: ");
            r.push(e.name());
            log::error(r.text());
        }
    }
}

/// [`Component::mount`], kept out of line so that mount and remount share one copy.
#[inline(never)]
fn new_state<C: Component>(props: &str, cx: &mut Cx) -> C {
    C::mount(Json::parse(props), cx)
}
