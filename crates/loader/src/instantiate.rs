//! Instantiating an isolated component: check the module against the ABI, then instantiate it
//! with imports bound to its own slot, then let the host bind to its exports.
//!
//! The check runs on `WebAssembly.Module.imports/exports` before any guest code runs, so a module
//! that imports something the ABI does not list never starts. Once instantiated, the host checks
//! `tessera_abi_version()`; a failure there is an `abi-mismatch` too (docs/abi.md, Versioning).

use crate::errors::Error;
use crate::promise::Settled;
use crate::text::{error_name, join, js_message};
use js_sys::Promise;
use js_sys::WebAssembly::{Instance, Module};
use tessera_host::{check_module, Fault, Guest};
use wasm_bindgen::JsCast;

/// Checks `module` and starts instantiating it with `guest`'s imports; settle the promise with
/// [`attach`].
pub(crate) fn start(module: &Module, guest: &Guest) -> Result<Promise, Error> {
    check_module(module).map_err(|items| Error::AbiMismatch(join(&items)))?;
    Ok(guest.instantiate(module))
}

/// Binds `guest` to the instance the promise of [`start`] settled with. A trap in the start
/// function is a `trap`; a link error an `abi-mismatch` (the check should have caught it);
/// anything else `instantiate-failed`.
pub(crate) fn attach(outcome: Settled, guest: &Guest) -> Result<(), Error> {
    let instance = outcome.map_err(|error| match error_name(&error).as_deref() {
        Some("RuntimeError") => Error::trap(&error),
        Some("LinkError") => Error::AbiMismatch(js_message(&error)),
        _ => Error::InstantiateFailed(error),
    })?;
    guest
        .attach(instance.unchecked_ref::<Instance>())
        .map_err(|fault| match fault {
            Fault::AbiViolation(text) => Error::AbiMismatch(text),
            other => other.into(),
        })
}
