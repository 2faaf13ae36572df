//! The section breakdown of one core wasm module, and which custom sections stripping could remove.
//!
//! A module is first validated in full with `wasmparser` (so a truncated file, a bad magic number or
//! an invalid section is reported before anything is counted), then walked section by section.

use serde::{Deserialize, Serialize};
use wasmparser::{Encoding, Parser, Payload, Validator};

/// Custom sections a runtime or a later tool reads, so stripping must keep them. Every other custom
/// section (`name`, `producers`, `target_features`, `.debug_*`, `sourceMappingURL`, ...) only serves
/// debuggers and build tools, and a browser ignores it.
pub const KEEP_CUSTOM: &[&str] = &["dylink.0", "dylink", "metadata.code.branch_hint"];

/// Custom-section name prefixes that must be kept (component-model tooling reads these).
pub const KEEP_CUSTOM_PREFIXES: &[&str] = &["component-type"];

/// One section of a module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Section {
    /// `type`, `import`, `function`, `table`, `memory`, `tag`, `global`, `export`, `start`,
    /// `element`, `code`, `data`, `datacount`, or `custom`.
    pub kind: String,
    /// For a custom section, its name (`name`, `producers`, `.debug_info`, ...); otherwise `null`.
    pub name: Option<String>,
    /// Bytes the section takes in the file: id byte, size field and contents.
    pub bytes: u64,
    /// Whether a strip step may remove it without changing what the module does.
    pub strippable: bool,
}

impl Section {
    /// The label used in reports: the kind, or `custom "name"` for a custom section.
    pub fn label(&self) -> String {
        match &self.name {
            Some(name) => format!("custom \"{name}\""),
            None => self.kind.clone(),
        }
    }
}

/// What the report needs to know about one wasm module.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WasmInfo {
    /// Every section in file order.
    pub sections: Vec<Section>,
    /// Sum of the strippable sections' bytes: what `wasm-opt --strip-debug --strip-producers
    /// --strip-target-features` (or `wasm-tools strip`) would save.
    pub strippable_bytes: u64,
    /// The initial size of the module's own memory in 64 KiB pages; `null` when it has none.
    pub initial_memory_pages: Option<u64>,
}

/// Whether a custom section named `name` may be stripped.
pub fn is_strippable(name: &str) -> bool {
    !KEEP_CUSTOM.contains(&name) && !KEEP_CUSTOM_PREFIXES.iter().any(|p| name.starts_with(p))
}

/// Validates `bytes` as a core wasm module and lists its sections.
///
/// The error is the validator's message with its byte offset, e.g.
/// `unexpected end-of-file (at offset 0x1f)`.
pub fn inspect(bytes: &[u8]) -> Result<WasmInfo, String> {
    if bytes.is_empty() {
        return Err("the file is empty".to_string());
    }
    if !bytes.starts_with(b"\0asm") {
        let head: Vec<String> = bytes.iter().take(4).map(|b| format!("{b:02x}")).collect();
        return Err(format!(
            "magic header not detected: expected 00 61 73 6d, got {}",
            head.join(" ")
        ));
    }
    Validator::new()
        .validate_all(bytes)
        .map_err(|e| e.to_string())?;
    let mut sections = Vec::new();
    let mut initial_memory_pages = None;
    // Sections are contiguous: each one runs from the end of the previous one (the 8-byte header
    // first) to the end of its contents, which counts its id and size field exactly, padded or not.
    let mut cursor = 8;
    for payload in Parser::new(0).parse_all(bytes) {
        let payload = payload.map_err(|e| e.to_string())?;
        match &payload {
            Payload::Version {
                encoding: Encoding::Component,
                ..
            } => {
                return Err("a component-model component, not a core module".to_string());
            }
            Payload::MemorySection(reader) => {
                if let Some(memory) = reader.clone().into_iter().next() {
                    initial_memory_pages = Some(memory.map_err(|e| e.to_string())?.initial);
                }
            }
            _ => {}
        }
        if let Some((id, range)) = payload.as_section() {
            let bytes = range.end - cursor;
            cursor = range.end;
            let (kind, name) = match &payload {
                Payload::CustomSection(reader) => ("custom", Some(reader.name().to_string())),
                _ => (kind_name(id), None),
            };
            let strippable = name.as_deref().is_some_and(is_strippable);
            sections.push(Section {
                kind: kind.to_string(),
                name,
                bytes,
                strippable,
            });
        }
    }
    let strippable_bytes = sections
        .iter()
        .filter(|s| s.strippable)
        .map(|s| s.bytes)
        .sum();
    Ok(WasmInfo {
        sections,
        strippable_bytes,
        initial_memory_pages,
    })
}

fn kind_name(id: u8) -> &'static str {
    match id {
        0 => "custom",
        1 => "type",
        2 => "import",
        3 => "function",
        4 => "table",
        5 => "memory",
        6 => "global",
        7 => "export",
        8 => "start",
        9 => "element",
        10 => "code",
        11 => "data",
        12 => "datacount",
        13 => "tag",
        _ => "unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = r#"(module
        (memory (export "memory") 2)
        (func $answer (export "answer") (result i32) i32.const 42)
        (data (i32.const 8) "hello")
        (@custom "producers" "\00")
        (@custom ".debug_info" "0123456789"))"#;

    #[test]
    fn sections_add_up_to_the_file_size() {
        let bytes = wat::parse_str(MODULE).unwrap();
        let info = inspect(&bytes).unwrap();
        let total: u64 = info.sections.iter().map(|s| s.bytes).sum();
        assert_eq!(total + 8, bytes.len() as u64, "{info:#?}");
        assert_eq!(info.initial_memory_pages, Some(2));
        let labels: Vec<String> = info.sections.iter().map(Section::label).collect();
        for expected in [
            "type",
            "function",
            "memory",
            "export",
            "code",
            "data",
            "custom \"producers\"",
        ] {
            assert!(
                labels.iter().any(|l| l == expected),
                "{expected} missing from {labels:?}"
            );
        }
        let debug = info
            .sections
            .iter()
            .find(|s| s.label() == "custom \".debug_info\"")
            .unwrap();
        assert_eq!(debug.bytes, 1 + 1 + 1 + ".debug_info".len() as u64 + 10);
        assert!(info
            .sections
            .iter()
            .filter(|s| s.name.is_none())
            .all(|s| !s.strippable));
        assert!(info.strippable_bytes >= debug.bytes);
    }

    #[test]
    fn keeps_runtime_custom_sections() {
        assert!(is_strippable("name"));
        assert!(is_strippable("target_features"));
        assert!(is_strippable(".debug_line"));
        assert!(!is_strippable("dylink.0"));
        assert!(!is_strippable("component-type:world"));
    }

    #[test]
    fn rejects_bad_input_with_the_parsers_message() {
        assert!(inspect(b"\0asX\x01\0\0\0").unwrap_err().contains("magic"));
        let bytes = wat::parse_str(MODULE).unwrap();
        let cut = &bytes[..bytes.len() - 5];
        assert!(
            inspect(cut).unwrap_err().contains("offset"),
            "{:?}",
            inspect(cut)
        );
        assert_eq!(inspect(b"").unwrap_err(), "the file is empty");
        assert_eq!(
            inspect(b"hi\n").unwrap_err(),
            "magic header not detected: expected 00 61 73 6d, got 68 69 0a"
        );
    }
}
