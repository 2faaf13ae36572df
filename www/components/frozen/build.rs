//! Links the module for Tessera: a 64 KiB stack instead of Rust's default 1 MiB, so it starts
//! at 2 pages of memory instead of 17; and a memory maximum, without which the loader refuses it.

/// The memory maximum in bytes: `budget.maxMemoryPages` of the `frozen` entry in www/tessera.json
/// (4 pages of 64 KiB). `crates/budget/tests/component_builds.rs` fails when they drift.
const MAX_MEMORY: u32 = 4 * 65536;

fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg=-zstack-size=65536");
        println!("cargo::rustc-link-arg=--max-memory={MAX_MEMORY}");
    }
}
