//! A component's slot in the page: finding it, mounting a host element into it, showing fallback
//! content, and giving the slot back.
//!
//! Until a component first shows something, the slot keeps its own light-DOM children: they are
//! the placeholder. Mounting replaces them with one `<div data-tessera="name">` holding a
//! **closed** shadow root (node `0` for the guest). Unmounting or unloading puts the original
//! children back. On failure the slot shows, in order of preference, a clone of its
//! `<template data-tessera-fallback>` child, the manifest's `fallback` text, or
//! `"<name> is unavailable"`. The slot always carries `data-tessera-state="<state>"` for CSS.
//! The DOM work is `page.js`; the rules are here.

use crate::errors::Error;
use crate::lifecycle::State;
use crate::sys::{self, Options, SlotRef};
use web_sys::{Element, ShadowRoot};

/// One component's slot element and the children it had before the loader took it over.
#[derive(Clone)]
pub(crate) struct Slot(pub SlotRef);

impl Slot {
    /// Finds the slot matching `selector` under `options.root`.
    pub(crate) fn find(options: &Options, selector: &str) -> Result<Slot, Error> {
        let missing = |invalid| Error::SlotMissing {
            selector: selector.into(),
            invalid,
        };
        match sys::find_slot(options, selector) {
            Ok(Some(slot)) => Ok(Slot(slot)),
            Ok(None) => Err(missing(false)),
            Err(_) => Err(missing(true)),
        }
    }

    /// Whether the slot element is still in the document.
    pub(crate) fn connected(&self) -> bool {
        sys::connected(&self.0)
    }

    /// Sets `data-tessera-state`.
    pub(crate) fn mark(&self, state: State) {
        sys::mark_slot(&self.0, state.id());
    }

    /// A detached `<div data-tessera="name">` (the host of a trusted bindgen component).
    pub(crate) fn host(&self, name: &str) -> Element {
        sys::host_for(&self.0, name)
    }

    /// A detached containment frame holding the host and its closed shadow root, node `0` of
    /// an isolated guest (`tessera_host::sandbox`); the frame is what the slot shows.
    pub(crate) fn shadow_host(&self, name: &str) -> (Element, ShadowRoot) {
        tessera_host::sandbox(&self.host(name))
    }

    /// Replaces what the slot shows with `node`, saving the original children the first time.
    pub(crate) fn show(&self, node: &Element) {
        sys::show(&self.0, node);
    }

    /// Shows fallback content for the failed component `name`.
    pub(crate) fn fallback(&self, name: &str, text: Option<&str>) {
        match text {
            Some(text) => sys::fallback(&self.0, text),
            None => sys::fallback(&self.0, &cat!(name, " is unavailable")),
        }
    }

    /// Puts the original children back.
    pub(crate) fn restore(&self) {
        sys::restore(&self.0);
    }

    /// Takes what the slot shows out of the page, kept for [`Slot::resume`], and puts the
    /// original children back.
    pub(crate) fn suspend(&self) {
        sys::suspend(&self.0);
    }

    /// Shows again what [`Slot::suspend`] kept.
    pub(crate) fn resume(&self) {
        sys::resume(&self.0);
    }
}
