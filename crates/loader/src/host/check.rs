//! Checks a compiled module's imports and exports against the ABI before any guest code runs
//! (docs/abi.md, "Versioning"), from `WebAssembly.Module.imports` / `.exports`.

use super::codes::cat;
use alloc::{string::String, vec::Vec};
use js_sys::{Reflect, WebAssembly::Module};
use tessera_abi::names::{EXPORTS, IMPORTS, IMPORT_MODULE};
use wasm_bindgen::JsValue;

/// Checks a compiled module's imports and exports against the ABI before instantiation.
/// `Err` lists every missing or unexpected item, e.g. `unexpected import env.alert (function)`.
pub(crate) fn check_module(module: &Module) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    for import in Module::imports(module).iter() {
        let (from, name) = (get_str(&import, "module"), get_str(&import, "name"));
        let kind = get_str(&import, "kind");
        if from != IMPORT_MODULE || kind != "function" || !IMPORTS.contains(&name.as_str()) {
            problems.push(cat(&[
                "unexpected import ",
                &from,
                ".",
                &name,
                " (",
                &kind,
                ")",
            ]));
        }
    }
    let exports = Module::exports(module);
    for (name, kind, required) in EXPORTS {
        let found = exports.iter().find(|e| get_str(e, "name") == name);
        match found.map(|e| get_str(&e, "kind")) {
            None if required => problems.push(cat(&["missing export ", name, " (", kind, ")"])),
            Some(found) if found != kind => problems.push(cat(&[
                "unexpected export ",
                name,
                " (",
                &found,
                "), expected ",
                kind,
            ])),
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// `descriptor[key]` as a string (empty when it is not one).
fn get_str(descriptor: &JsValue, key: &str) -> String {
    let value = Reflect::get(descriptor, &key.into()).unwrap_or_default();
    value.as_string().unwrap_or_default()
}
