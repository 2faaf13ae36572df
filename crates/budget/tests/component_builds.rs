//! The example components' builds declare the memory maximum their manifest entry allows: each
//! `www/components/<name>/build.rs` links with `--max-memory` equal to `budget.maxMemoryPages`
//! of the `<name>` entry in `www/tessera.json`, in bytes. The loader refuses a module whose
//! memory has no maximum or a larger one, so a drift here breaks the demo page.

use std::path::Path;

const PAGE: u32 = 65536;

fn www() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www"))
}

/// The `N` of `const MAX_MEMORY: u32 = N * 65536;` in a build script.
fn declared_pages(build_rs: &str) -> Result<u32, String> {
    let line = build_rs
        .lines()
        .find_map(|l| l.strip_prefix("const MAX_MEMORY: u32 = "))
        .ok_or("no `const MAX_MEMORY: u32 = N * 65536;` line")?;
    let pages = line
        .strip_suffix(" * 65536;")
        .ok_or_else(|| format!("MAX_MEMORY is not `N * 65536`: {line}"))?;
    pages
        .parse()
        .map_err(|e| format!("MAX_MEMORY pages {pages:?}: {e}"))
}

#[test]
fn every_component_build_declares_its_manifest_memory_cap() {
    let text = std::fs::read_to_string(www().join("tessera.json")).expect("www/tessera.json");
    let manifest = tessera_manifest::from_json_str(&text).unwrap_or_else(|p| panic!("{p}"));
    let mut folders: Vec<String> = std::fs::read_dir(www().join("components"))
        .expect("www/components")
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    folders.sort();
    let mut named: Vec<String> = manifest.components.iter().map(|c| c.name.clone()).collect();
    named.sort();
    assert_eq!(
        folders, named,
        "www/components/* and www/tessera.json list different components"
    );

    let mut failures = Vec::new();
    for component in &manifest.components {
        let name = &component.name;
        let path = www().join("components").join(name).join("build.rs");
        let build = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        let Some(cap) = component.budget.max_memory_pages else {
            failures.push(format!(
                "{name}: the manifest entry sets no budget.maxMemoryPages"
            ));
            continue;
        };
        match declared_pages(&build) {
            Ok(pages) if pages == cap => {}
            Ok(pages) => failures.push(format!(
                "{name}: build.rs declares {pages} pages ({} bytes), maxMemoryPages is {cap}",
                u64::from(pages) * u64::from(PAGE)
            )),
            Err(why) => failures.push(format!("{name}: build.rs: {why}")),
        }
        if !build.contains(r#"println!("cargo::rustc-link-arg=--max-memory={MAX_MEMORY}");"#) {
            failures.push(format!(
                "{name}: build.rs does not pass --max-memory={{MAX_MEMORY}}"
            ));
        }
        if !build.contains(&format!("of the `{name}` entry in www/tessera.json")) {
            failures.push(format!("{name}: build.rs does not name its manifest entry"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn declared_pages_reads_only_the_expected_form() {
    assert_eq!(
        declared_pages("x\nconst MAX_MEMORY: u32 = 8 * 65536;\n"),
        Ok(8)
    );
    assert!(declared_pages("const MAX_MEMORY: u32 = 524288;").is_err());
    assert!(declared_pages("const MAX_MEMORY: u32 = x * 65536;").is_err());
    assert!(declared_pages("").is_err());
}
