//! Checks a compiled module's imports and exports against the ABI before any guest code runs
//! (docs/abi.md, "Versioning"), from `WebAssembly.Module.imports` / `.exports` (read through
//! `host.js`, which only looks the descriptors' fields up, one at a time).

use super::codes::cat;
use super::js;
use alloc::{string::String, vec::Vec};
use js_sys::WebAssembly::Module;
use tessera_abi::names::{EXPORTS, IMPORTS, IMPORT_MODULE};

/// Checks a compiled module's imports and exports against the ABI before instantiation.
/// `Err` lists every missing or unexpected item, e.g. `unexpected import env.alert (function)`.
pub fn check_module(module: &Module) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut i = 0;
    while let Some(from) = js::import_field(module, i, "module") {
        let name = js::import_field(module, i, "name").unwrap_or_default();
        let kind = js::import_field(module, i, "kind").unwrap_or_default();
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
        i += 1;
    }
    for (name, kind, required) in EXPORTS.iter() {
        match js::export_kind(module, name) {
            None if *required => problems.push(cat(&["missing export ", name, " (", kind, ")"])),
            Some(found) if found != *kind => problems.push(cat(&[
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
