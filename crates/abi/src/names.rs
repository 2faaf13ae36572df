//! The names the ABI's two sides agree on (docs/abi.md, "Guest exports" and "Host imports"):
//! the import module, its imports in the order the host numbers them, and the guest's exports.

/// The import module of ABI v1.
pub const IMPORT_MODULE: &str = "tessera/v1";

/// The imports of [`IMPORT_MODULE`], in the docs' order; the host numbers them by this index.
pub const IMPORTS: [&str; 8] = [
    "apply",
    "publish",
    "subscribe",
    "set_timer",
    "clear_timer",
    "now",
    "log",
    "fail",
];

/// [`IMPORTS`] joined with commas, for a JavaScript host that takes them as one string.
pub const IMPORTS_CSV: &str = "apply,publish,subscribe,set_timer,clear_timer,now,log,fail";

/// For each import of [`IMPORTS`], the positions of its arguments that start a
/// `(ptr, len)` pair: the guest bytes the host reads for it.
pub const IMPORT_BYTES: [&[usize]; 8] = [&[0], &[0, 2], &[0], &[], &[], &[], &[1], &[0]];

/// [`IMPORT_BYTES`] for a JavaScript host: one group per import, separated by `;`, each a
/// digit per pair (a worker-side host copies those ranges for the page, docs/abi.md).
pub const IMPORT_BYTES_CSV: &str = "0;02;0;;;;1;0";

/// The guest's exports, in the docs' order: name, `WebAssembly.Module.exports` kind, required.
pub const EXPORTS: [(&str, &str, bool); 9] = [
    ("memory", "memory", true),
    ("tessera_abi_version", "function", true),
    ("tessera_alloc", "function", true),
    ("tessera_mount", "function", true),
    ("tessera_unmount", "function", false),
    ("tessera_props", "function", false),
    ("tessera_event", "function", false),
    ("tessera_message", "function", false),
    ("tessera_timer", "function", false),
];

/// The function exports of [`EXPORTS`] (every one but `memory`) in its order, joined with
/// commas, for a JavaScript host that takes them as one string and numbers them by position.
pub const FUNCTION_EXPORTS_CSV: &str = "tessera_abi_version,tessera_alloc,tessera_mount,\
tessera_unmount,tessera_props,tessera_event,tessera_message,tessera_timer";

#[cfg(test)]
mod tests {
    extern crate std;
    use super::*;

    #[test]
    fn the_csv_is_the_import_list() {
        assert_eq!(IMPORTS.join(","), IMPORTS_CSV);
    }

    #[test]
    fn the_byte_ranges_csv_is_the_byte_ranges_list() {
        let groups: std::vec::Vec<std::string::String> = IMPORT_BYTES
            .iter()
            .map(|at| at.iter().map(|i| char::from(b'0' + *i as u8)).collect())
            .collect();
        assert_eq!(groups.join(";"), IMPORT_BYTES_CSV);
    }

    #[test]
    fn the_function_csv_is_the_export_list_without_memory() {
        let functions: std::vec::Vec<&str> = EXPORTS
            .iter()
            .filter(|e| e.1 == "function")
            .map(|e| e.0)
            .collect();
        assert_eq!(functions.join(","), FUNCTION_EXPORTS_CSV);
        assert_eq!(EXPORTS[0], ("memory", "memory", true));
    }
}
