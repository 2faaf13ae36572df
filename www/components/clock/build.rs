//! A 64 KiB stack instead of Rust's default 1 MiB: the module then starts at 2 pages of memory
//! instead of 17, well inside a manifest's `maxMemoryPages`.
fn main() {
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg=-zstack-size=65536");
    }
}
