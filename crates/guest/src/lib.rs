#![doc = include_str!("../README.md")]
#![cfg_attr(all(target_arch = "wasm32", not(feature = "std"), not(test)), no_std)]
#![deny(missing_docs)]

extern crate alloc;

pub mod abi;
mod app;
pub mod cat;
mod component;
pub mod css;
mod cx;
mod error;
mod export;
mod handler;
// Used by the wasm global allocator and panic handler; natively only by their tests.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod heap;
pub mod html;
pub mod json;
pub mod log;
mod node;
pub mod num;
pub mod ops;
#[cfg_attr(not(any(target_arch = "wasm32", feature = "std")), allow(dead_code))]
mod panic;
mod render;
mod slot;
#[cfg(not(target_arch = "wasm32"))]
pub mod testing;
mod utf8;

pub use app::App;
pub use component::Component;
pub use cx::{matches, publish, Cx, Timer};
pub use error::Error;
pub use json::Json;
pub use log::now;
pub use node::{Node, Str};

/// Everything a component usually needs: `use tessera_guest::prelude::*;`.
pub mod prelude {
    pub use crate::html::*;
    pub use crate::json::{Json, Kind, Object};
    pub use crate::num::{fixed, int, padded};
    pub use crate::{cat, component, css, log, now, publish, Component, Cx, Error, Timer};
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    /// `alloc::format!`. Its first use links `core::fmt` (several KB of wasm, see
    /// docs/writing-components.md); [`cat!`](crate::cat!) joins strings and integers without it.
    pub use alloc::format;
    pub use alloc::string::String;
    pub use alloc::vec;
    pub use alloc::vec::Vec;
}

/// Used by [`component!`]; not a public API.
#[doc(hidden)]
pub mod __rt {
    pub use crate::export::{alloc, take, take_str, ABI_VERSION};
    pub use crate::slot::Slot;
    pub use alloc::string::String;
    #[cfg(not(target_arch = "wasm32"))]
    pub use std::thread_local;
}
