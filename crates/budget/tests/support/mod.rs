//! Fixtures for the CLI tests: a demo site in a temp folder (manifest, component modules built from
//! WAT text, bindgen glue, a loader package), and a way to run the real binary in it.

#![allow(dead_code)] // each test file uses a different part of this module

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A small isolated component: ABI exports, one import, a name section and a producers section.
pub const COUNTER_WAT: &str = r#"(module
  (import "tessera/v1" "apply" (func $apply (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 4096))
  (func $alloc (export "tessera_alloc") (param $len i32) (result i32)
    (local $at i32)
    global.get $next
    local.set $at
    global.get $next
    local.get $len
    i32.add
    global.set $next
    local.get $at)
  (func $version (export "tessera_abi_version") (result i32) i32.const 1)
  (func $mount (export "tessera_mount") (param $ptr i32) (param $len i32)
    i32.const 16
    i32.const 22
    call $apply
    drop)
  (data (i32.const 16) "\01\00\00\00\01\00\00\00\06\00\00\00button tessera")
  (@custom "producers" "\01\08language\01\04Rust\041.95"))"#;

/// A bindgen component's module: exports `mount`.
pub const SHOP_WAT: &str = r#"(module
  (import "wbg" "__wbg_append" (func $append (param i32 i32)))
  (memory (export "memory") 17)
  (func $mount (export "mount") (param $el i32) local.get $el i32.const 0 call $append)
  (@custom "target_features" "\01\2b\0bbulk-memory"))"#;

/// A bindgen component's glue.
pub const SHOP_GLUE: &str = "let wasm;\nexport function mount(el) { wasm.mount(el); }\n\
export default async function init(url) {\n  const { instance } = await WebAssembly.instantiateStreaming(fetch(url), {});\n  wasm = instance.exports;\n}\n";

/// The loader's wasm.
pub const LOADER_WAT: &str = r#"(module
  (memory (export "memory") 17)
  (func $load (export "load") (param i32) (result i32) local.get 0 i32.const 1 i32.add)
  (@custom "producers" "\01\0cprocessed-by\01\0cwasm-bindgen\080.2.130"))"#;

/// The loader's JS glue.
pub const LOADER_JS: &str = "let wasm;export function load(u){return wasm.load(u)}\
export default async function init(m){const{instance:i}=await WebAssembly.instantiateStreaming(fetch(m),{});wasm=i.exports}\n";

/// The cart component: 18 initial pages, a large incompressible data segment and debug info,
/// so it is over its gzip, brotli and memory budgets.
pub fn cart_wat() -> String {
    let mut state: u32 = 0x1234_5678;
    let mut data = String::new();
    for _ in 0..3000 {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        data.push_str(&format!("\\{:02x}", state >> 24));
    }
    format!(
        r#"(module
  (import "tessera/v1" "apply" (func $apply (param i32 i32) (result i32)))
  (memory (export "memory") 18)
  (func $alloc (export "tessera_alloc") (param i32) (result i32) i32.const 65536)
  (func $version (export "tessera_abi_version") (result i32) i32.const 1)
  (func $mount (export "tessera_mount") (param i32 i32) i32.const 1024 i32.const 3000 call $apply drop)
  (data (i32.const 1024) "{data}")
  (@custom ".debug_info" "{debug}"))"#,
        debug = "tessera debug info ".repeat(16)
    )
}

/// The demo manifest: counter fits, cart is over budget and runs in a worker, shop is a bindgen
/// component with glue.
pub const MANIFEST: &str = r##"{
  "$schema": "../schema.json",
  "manifestVersion": 1,
  "budget": { "totalBytes": 65536, "totalBrotliBytes": 3072 },
  "components": [
    {
      "name": "counter",
      "module": "components/counter.wasm",
      "slot": "#counter",
      "budget": { "maxBytes": 4096, "maxGzipBytes": 1024, "maxMemoryPages": 17 }
    },
    {
      "name": "cart",
      "module": "components/cart.wasm",
      "slot": "#cart",
      "budget": { "maxBytes": 8192, "maxGzipBytes": 2048, "maxBrotliBytes": 2048, "maxMemoryPages": 17 },
      "load": "visible",
      "isolation": "worker"
    },
    {
      "name": "shop",
      "kind": "bindgen",
      "module": "bindgen/shop_bg.wasm",
      "glue": "bindgen/shop.js",
      "slot": "#shop",
      "budget": { "maxBrotliBytes": 1024 }
    }
  ]
}
"##;

/// A manifest whose only component fits.
pub const FITS: &str = r##"{
  "manifestVersion": 1,
  "budget": { "totalGzipBytes": 2048 },
  "components": [
    { "name": "counter", "module": "components/counter.wasm", "slot": "#counter",
      "budget": { "maxBytes": 4096, "maxGzipBytes": 1024, "maxBrotliBytes": 1024, "maxMemoryPages": 17 } }
  ]
}
"##;

/// A temp folder laid out like a built site.
pub struct Site {
    dir: tempfile::TempDir,
}

impl Site {
    /// `tessera.json`, `fits.json`, `components/{counter,cart}.wasm`, `bindgen/shop{_bg.wasm,.js}`
    /// and `pkg/` (loader wasm, JS and a `.d.ts` that must not be counted; `dev/`, the loader's
    /// development build).
    pub fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        site.write("tessera.json", MANIFEST.as_bytes());
        site.write("fits.json", FITS.as_bytes());
        site.write(
            "components/counter.wasm",
            &wat::parse_str(COUNTER_WAT).unwrap(),
        );
        site.write("components/cart.wasm", &wat::parse_str(cart_wat()).unwrap());
        site.write("bindgen/shop_bg.wasm", &wat::parse_str(SHOP_WAT).unwrap());
        site.write("bindgen/shop.js", SHOP_GLUE.as_bytes());
        site.write(
            "pkg/tessera_loader_bg.wasm",
            &wat::parse_str(LOADER_WAT).unwrap(),
        );
        site.write("pkg/tessera_loader.js", LOADER_JS.as_bytes());
        site.write(
            "pkg/tessera_loader.d.ts",
            b"export default function init(): Promise<void>;\n",
        );
        // The development build beside it (docs/builds.md): a second loader row.
        site.write(
            "pkg/dev/tessera_loader_bg.wasm",
            &wat::parse_str(LOADER_WAT).unwrap(),
        );
        let dev_js = [
            LOADER_JS,
            "// the development build explains every problem\n",
        ]
        .concat();
        site.write("pkg/dev/tessera_loader.js", dev_js.as_bytes());
        site
    }

    /// The site's root folder.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `bytes` to `relative`, creating folders.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        path
    }

    /// Reads `relative` as text.
    pub fn read(&self, relative: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(relative)).unwrap()
    }

    /// Runs `tessera-budget` with `args` in the site folder, without colour.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_tessera-budget"))
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("NO_COLOR")
            .output()
            .expect("run tessera-budget");
        Run::from(output)
    }
}

/// The outcome of one run.
#[derive(Debug)]
pub struct Run {
    /// The exit status (-1 when killed by a signal).
    pub status: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            status: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
        }
    }
}
