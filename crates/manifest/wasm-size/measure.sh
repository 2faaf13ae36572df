#!/usr/bin/env bash
# What `tessera_manifest::from_value` adds to a no_std wasm binary shaped like the loader:
# builds this cdylib with and without `--features validate`, runs binaryen's wasm-opt -Oz, and
# prints raw and brotli (q11) bytes of both and their difference. Also writes
# $CARGO_TARGET_DIR/wasm-size/{base,validate}.wasm (before wasm-opt) for `twiggy`.
# Usage: crates/manifest/wasm-size/measure.sh   (honours CARGO_TARGET_DIR, default `target`)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
out="$target/wasm-size"
wasm_opt="$root/node_modules/.bin/wasm-opt"
mkdir -p "$out"

build() { # name, cargo args...
  local name=$1
  shift
  cargo build --quiet --manifest-path "$here/Cargo.toml" --release \
    --target wasm32-unknown-unknown --target-dir "$target" "$@"
  cp "$target/wasm32-unknown-unknown/release/tessera_manifest_wasm_size.wasm" "$out/$name.wasm"
  "$wasm_opt" -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$out/$name.wasm" -o "$out/$name.opt.wasm"
}

build base
build validate --features validate

node - "$out/base.opt.wasm" "$out/validate.opt.wasm" <<'JS'
const fs = require("fs");
const zlib = require("zlib");
const size = (file) => {
  const bytes = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  });
  return { raw: bytes.length, br: br.length };
};
const [base, validate] = process.argv.slice(2).map(size);
const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log(`base      raw ${base.raw} B  brotli ${base.br} B`);
console.log(`validate  raw ${validate.raw} B  brotli ${validate.br} B`);
console.log(`from_value adds raw ${validate.raw - base.raw} B (${kb(validate.raw - base.raw)}), ` +
  `brotli ${validate.br - base.br} B (${kb(validate.br - base.br)})`);
JS
