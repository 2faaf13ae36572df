//! `tessera-budget new`: the crate it writes builds outside this repository's workspace.
//!
//! The main test scaffolds a component into a temporary folder (outside the repository), then
//! runs the "Test, build, shrink, check" block of the README it wrote, verbatim, with `sh`:
//! `cargo test` (the native test on the SDK's harness), `cargo build --release --target
//! wasm32-unknown-unknown`, `wasm-opt` and `tessera-budget check`. It needs the wasm32 target
//! and `node_modules/.bin/wasm-opt` (`npm ci` at the repository root); it takes a few seconds.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_tessera-budget");

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn new(args: &[&str], cwd: &Path) -> Output {
    Command::new(BIN)
        .arg("new")
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run tessera-budget")
}

/// The first ```sh block after `heading` in a Markdown text.
fn sh_block<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let after = &markdown[markdown.find(heading).expect("heading")..];
    let start = after.find("```sh\n").expect("a sh block") + "```sh\n".len();
    let len = after[start..].find("```").expect("the block's end");
    &after[start..start + len]
}

/// A `PATH` with binaryen's `wasm-opt` and this `tessera-budget` first.
fn tool_path() -> String {
    let node_bin = repo().join("node_modules/.bin");
    assert!(
        node_bin.join("wasm-opt").exists(),
        "{}: no wasm-opt; run `npm ci` at the repository root (binaryen 132)",
        node_bin.display()
    );
    let bin_dir = Path::new(BIN).parent().expect("the binary's folder");
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{}:{old}", node_bin.display(), bin_dir.display())
}

#[test]
fn a_new_component_tests_builds_and_fits_its_budget_outside_the_workspace() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = std::fs::canonicalize(repo()).unwrap();
    assert!(
        !tmp.path().starts_with(&root),
        "the temp dir must be outside the repository"
    );
    let out = new(&["demo-widget"], tmp.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("created demo-widget/ with tessera-guest from "),
        "{stdout}"
    );
    let dir = tmp.path().join("demo-widget");
    let toml = std::fs::read_to_string(dir.join("Cargo.toml")).unwrap();
    let sdk = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .join("guest");
    assert!(
        toml.contains(&format!(
            "tessera-guest = {{ path = \"{}\" }}",
            sdk.display()
        )),
        "the default SDK is the one next to the CLI's source:\n{toml}"
    );

    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    let script = sh_block(&readme, "## Test, build, shrink, check");
    assert!(script.contains("--strip-target-features"), "{script}");
    let run = Command::new("sh")
        .arg("-ec")
        .arg(script)
        .current_dir(&dir)
        .env("PATH", tool_path())
        .env("CARGO_NET_OFFLINE", "true")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .output()
        .expect("run sh");
    let (stdout, stderr) = (text(&run.stdout), text(&run.stderr));
    assert!(
        run.status.success(),
        "the README's commands failed:\n{script}\nstdout:\n{stdout}\nstderr:\n{stderr}"
    );
    assert!(stdout.contains("test result: ok. 2 passed"), "{stdout}");
    assert!(stdout.contains("result: ok, every budget fits"), "{stdout}");

    // What the loader checks before any guest code runs.
    let wasm = std::fs::read(dir.join("dist/demo-widget.wasm")).expect("the shrunk module");
    let (mut imports, mut exports, mut memory) = (Vec::new(), Vec::new(), None);
    for payload in wasmparser::Parser::new(0).parse_all(&wasm) {
        match payload.expect("valid wasm") {
            wasmparser::Payload::ImportSection(section) => {
                for import in section.into_imports() {
                    imports.push(import.expect("import").module.to_string());
                }
            }
            wasmparser::Payload::ExportSection(section) => {
                for export in section {
                    exports.push(export.expect("export").name.to_string());
                }
            }
            wasmparser::Payload::MemorySection(section) => {
                memory = section.into_iter().next().map(|m| m.expect("memory"));
            }
            wasmparser::Payload::CustomSection(section) => {
                assert_ne!(section.name(), "target_features", "not stripped");
            }
            _ => {}
        }
    }
    assert!(!imports.is_empty());
    assert!(imports.iter().all(|m| m == "tessera/v1"), "{imports:?}");
    for name in [
        "memory",
        "tessera_abi_version",
        "tessera_alloc",
        "tessera_mount",
    ] {
        assert!(
            exports.iter().any(|e| e == name),
            "{name} not in {exports:?}"
        );
    }
    let memory = memory.expect("a memory");
    assert_eq!(
        (memory.initial, memory.maximum),
        (2, Some(4)),
        "2 pages at start, at most maxMemoryPages"
    );
}

#[test]
fn a_new_component_is_its_own_workspace_inside_another_one() {
    let tmp = tempfile::tempdir().expect("temp dir");
    std::fs::write(tmp.path().join("Cargo.toml"), "[workspace]\nmembers = []\n").unwrap();
    let out = new(&["inner", "--path", "components/inner"], tmp.path());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let dir = tmp.path().join("components/inner");
    let metadata = Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
        ])
        .current_dir(&dir)
        .output()
        .expect("cargo metadata");
    assert!(metadata.status.success(), "{}", text(&metadata.stderr));
    let json: serde_json::Value = serde_json::from_slice(&metadata.stdout).unwrap();
    assert_eq!(
        Path::new(json["workspace_root"].as_str().unwrap()),
        std::fs::canonicalize(&dir).unwrap()
    );
}

#[test]
fn new_refuses_bad_names_full_folders_and_a_missing_sdk() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let refused = |args: &[&str], code: &str, words: &str| {
        let out = new(args, tmp.path());
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.starts_with(&format!("error[{code}]: ")) && stderr.contains(words),
            "{args:?}: {stderr}"
        );
    };
    refused(
        &["My-Widget"],
        "invalid-name",
        "start with a lowercase letter",
    );
    refused(
        &["my widget"],
        "invalid-name",
        "only lowercase letters, digits",
    );
    refused(&["fn"], "invalid-name", "Rust keyword");
    refused(
        &["w", "--sdk", "/nonexistent/guest"],
        "sdk-not-found",
        "/nonexistent/guest: no tessera-guest crate there; pass --sdk PATH",
    );
    std::fs::create_dir(tmp.path().join("full")).unwrap();
    std::fs::write(tmp.path().join("full/keep.txt"), "mine").unwrap();
    refused(&["full"], "folder-not-empty", "full: the folder exists");
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("full/keep.txt")).unwrap(),
        "mine"
    );
    assert!(!tmp.path().join("w").exists(), "nothing written on refusal");

    // An empty folder is fine, and `--sdk` takes a path relative to the working directory.
    std::fs::create_dir(tmp.path().join("empty")).unwrap();
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let target = tmp.path().join("empty");
    let out = Command::new(BIN)
        .args(["new", "empty", "--sdk", "guest", "--path"])
        .arg(&target)
        .current_dir(crates)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let toml = std::fs::read_to_string(target.join("Cargo.toml")).unwrap();
    let sdk = crates.join("guest");
    assert!(
        toml.contains(&format!(
            "tessera-guest = {{ path = \"{}\" }}",
            sdk.display()
        )),
        "{toml}"
    );
    assert!(target.join("src/lib.rs").exists());
}
