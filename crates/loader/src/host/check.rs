//! Checks a compiled module's imports and exports against the ABI before any guest code runs
//! (docs/abi.md, "Versioning"), from `WebAssembly.Module.imports` / `.exports`.

use super::codes::cat;
use super::imports::NAMES;
use super::js::get_str;
use js_sys::WebAssembly::Module;

/// The import module of ABI v1.
pub(super) const IMPORT_MODULE: &str = "tessera/v1";

/// Exports every component must have, with their kinds.
const REQUIRED: [(&str, &str); 4] = [
    ("memory", "memory"),
    ("tessera_abi_version", "function"),
    ("tessera_alloc", "function"),
    ("tessera_mount", "function"),
];

/// Exports a component may have; they must be functions.
const OPTIONAL: [&str; 5] = [
    "tessera_unmount",
    "tessera_props",
    "tessera_event",
    "tessera_message",
    "tessera_timer",
];

/// Checks a compiled module's imports and exports against the ABI before instantiation.
/// `Err` lists every missing or unexpected item, e.g. `unexpected import env.alert (function)`.
pub(crate) fn check_module(module: &Module) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    for import in Module::imports(module).iter() {
        let (module, name, kind) = (
            get_str(&import, "module"),
            get_str(&import, "name"),
            get_str(&import, "kind"),
        );
        if module != IMPORT_MODULE || kind != "function" || !NAMES.contains(&name.as_str()) {
            problems.push(cat(&[
                "unexpected import ",
                &module,
                ".",
                &name,
                " (",
                &kind,
                ")",
            ]));
        }
    }
    let exports: Vec<(String, String)> = Module::exports(module)
        .iter()
        .map(|e| (get_str(&e, "name"), get_str(&e, "kind")))
        .collect();
    let kind_of = |name: &str| exports.iter().find(|e| e.0 == name).map(|e| e.1.as_str());
    for (name, kind) in REQUIRED {
        match kind_of(name) {
            None => problems.push(cat(&["missing export ", name, " (", kind, ")"])),
            Some(found) if found != kind => problems.push(wrong_kind(name, found, kind)),
            Some(_) => {}
        }
    }
    for name in OPTIONAL {
        match kind_of(name) {
            Some(found) if found != "function" => {
                problems.push(wrong_kind(name, found, "function"))
            }
            _ => {}
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn wrong_kind(name: &str, found: &str, expected: &str) -> String {
    cat(&[
        "unexpected export ",
        name,
        " (",
        found,
        "), expected ",
        expected,
    ])
}
