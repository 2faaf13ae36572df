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
const [baseFile, validateFile] = process.argv.slice(2);

// Smoke test: the measured build really validates (see src/lib.rs for the encoding).
function encode(value, out = []) {
  const u32 = (n) => out.push(n & 255, (n >> 8) & 255, (n >> 16) & 255, n >>> 24);
  const str = (s) => { const b = Buffer.from(s, "utf8"); u32(b.length); out.push(...b); };
  if (value === null) out.push(0);
  else if (value === false) out.push(1);
  else if (value === true) out.push(2);
  else if (typeof value === "number") { const b = Buffer.alloc(8); b.writeDoubleLE(value); out.push(3, ...b); }
  else if (typeof value === "string") { out.push(4); str(value); }
  else if (Array.isArray(value)) { out.push(5); u32(value.length); value.forEach((v) => encode(v, out)); }
  else { const e = Object.entries(value); out.push(6); u32(e.length); e.forEach(([k, v]) => { str(k); encode(v, out); }); }
  return out;
}
function validate(manifest) {
  const lines = [];
  let memory;
  const text = (ptr, len) => Buffer.from(memory.buffer, ptr, len).toString("utf8");
  const host = { problem: (ptr, len) => lines.push(text(ptr, len)), keep: () => {} };
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(validateFile)), { host });
  memory = exports.memory;
  const bytes = encode(manifest);
  const ptr = exports.alloc(bytes.length);
  new Uint8Array(memory.buffer, ptr, bytes.length).set(bytes);
  return { count: exports.run(ptr, bytes.length), lines };
}
const valid = validate({ manifestVersion: 1, components: [{ name: "a", module: "a.wasm", slot: "#a" }] });
const invalid = validate({ manifestVersion: 1, components: [
  { name: "cart", module: "javascript:alert(1)", slot: "#cart", budget: { maxBytes: -5 } },
] });
const expected = [
  "components[0].module (component 'cart'): the \"javascript\" scheme is not allowed, got \"javascript:alert(1)\"",
  "components[0].budget.maxBytes (component 'cart'): must be a positive integer, got -5",
];
if (valid.count !== 0 || invalid.count !== 2 || invalid.lines.join("\n") !== expected.join("\n")) {
  console.error("the measured build does not validate as expected:", valid, invalid);
  process.exit(1);
}

const size = (file) => {
  const bytes = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  });
  return { raw: bytes.length, br: br.length };
};
const [base, validated] = [baseFile, validateFile].map(size);
const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log(`base      raw ${base.raw} B  brotli ${base.br} B`);
console.log(`validate  raw ${validated.raw} B  brotli ${validated.br} B`);
console.log(`from_value adds raw ${validated.raw - base.raw} B (${kb(validated.raw - base.raw)}), ` +
  `brotli ${validated.br - base.br} B (${kb(validated.br - base.br)})`);
JS
