//! A component's slot in the page: finding it, mounting a host element into it, showing fallback
//! content, and giving the slot back.
//!
//! Until a component first shows something, the slot keeps its own light-DOM children: they are
//! the placeholder. Mounting replaces them with one `<div data-tessera="name">` holding a
//! **closed** shadow root (node `0` for the guest). Unmounting or unloading puts the original
//! children back. On failure the slot shows, in order of preference, a clone of its
//! `<template data-tessera-fallback>` child, the manifest's `fallback` text, or
//! `"<name> is unavailable"`. The slot always carries `data-tessera-state="<state>"` for CSS.

use crate::errors::Error;
use crate::lifecycle::State;
use crate::sys::Root;
use core::cell::RefCell;
use js_sys::Array;
use wasm_bindgen::{JsCast, JsValue, UnwrapThrowExt};
use web_sys::{
    Document, Element, HtmlTemplateElement, Node, ShadowRoot, ShadowRootInit, ShadowRootMode,
};

/// One component's slot element and the children it had before the loader took it over.
pub(crate) struct Slot {
    /// The slot element.
    pub element: Element,
    /// The original children while the loader shows something else; `None` while they are shown.
    saved: RefCell<Option<Array>>,
}

impl Slot {
    /// Finds the slot matching `selector` in `root`.
    pub(crate) fn find(root: &Root, selector: &str) -> Result<Slot, Error> {
        let missing = |invalid| Error::SlotMissing {
            selector: selector.into(),
            invalid,
        };
        let element = root
            .query_selector(selector)
            .map_err(|_| missing(true))?
            .ok_or_else(|| missing(false))?;
        Ok(Slot {
            element,
            saved: RefCell::new(None),
        })
    }

    /// Sets `data-tessera-state`.
    pub(crate) fn mark(&self, state: State) {
        let _ = self.element.set_attribute("data-tessera-state", state.id());
    }

    /// A detached `<div data-tessera="name">` (the host of a trusted bindgen component).
    pub(crate) fn host(&self, name: &str) -> Result<Element, JsValue> {
        let host = self.document().create_element("div")?;
        host.set_attribute("data-tessera", name)?;
        Ok(host)
    }

    /// A detached host and its closed shadow root, node `0` of an isolated guest.
    pub(crate) fn shadow_host(&self, name: &str) -> Result<(Element, ShadowRoot), JsValue> {
        let host = self.host(name)?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
        Ok((host, root))
    }

    /// Replaces what the slot shows with `node`, saving the original children the first time.
    pub(crate) fn show(&self, node: &Node) {
        let mut saved = self.saved.borrow_mut();
        if saved.is_none() {
            *saved = Some(Array::from(&self.element.child_nodes()));
        }
        self.element.replace_children_with_node_1(node);
    }

    /// Shows fallback content for a failed component.
    pub(crate) fn fallback(&self, name: &str, text: Option<&str>) {
        let template = self
            .template()
            .and_then(|t| t.content().clone_node_with_deep(true).ok());
        let node = match template {
            Some(content) => content,
            None => {
                let text = match text {
                    Some(text) => text.into(),
                    None => cat!(name, " is unavailable"),
                };
                self.document().create_text_node(&text).into()
            }
        };
        self.show(&node);
    }

    /// Puts the original children back.
    pub(crate) fn restore(&self) {
        if let Some(children) = self.saved.borrow_mut().take() {
            self.element.replace_children_with_node(&children);
        }
    }

    fn document(&self) -> Document {
        self.element
            .owner_document()
            .expect_throw("an element has a document")
    }

    /// The slot's own `<template data-tessera-fallback>` child, shown or saved.
    fn template(&self) -> Option<HtmlTemplateElement> {
        let is_fallback = |node: &JsValue| {
            node.dyn_ref::<HtmlTemplateElement>()
                .is_some_and(|t| t.has_attribute("data-tessera-fallback"))
        };
        let found = match &*self.saved.borrow() {
            Some(children) => children.iter().find(is_fallback),
            None => Array::from(&self.element.child_nodes())
                .iter()
                .find(is_fallback),
        };
        found.map(JsCast::unchecked_into)
    }
}
