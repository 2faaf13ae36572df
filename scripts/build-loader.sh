#!/usr/bin/env bash
# Builds the loader package into OUT (default pkg/): release wasm32 build without std, wasm-bindgen,
# wasm-opt, short import/export names, esbuild. Used by build.sh and by loader-probes.mjs.
# Usage: scripts/build-loader.sh [OUT] [production|development]   (honours CARGO_TARGET_DIR)
# The two builds differ in the loader's `development` feature (docs/builds.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
OUT="${1:-pkg}"
BUILD="${2:-production}"
case "$BUILD" in
  production) features=trap-panics ;;
  development) features=trap-panics,development ;;
  *) echo "build-loader.sh: the build is production or development, not '$BUILD'" >&2; exit 2 ;;
esac

step "loader ($BUILD): cargo build (release, wasm32, no std, panics trap)"
cargo build --release --target "$WASM_TARGET" -p tessera-loader --features "$features"
step "loader: wasm-bindgen + wasm-opt (short import/export names) + esbuild -> $OUT/"
rm -rf "$OUT" && mkdir -p "$OUT"
BINDGEN="$TARGET_DIR/bindgen-$BUILD"
wasm-bindgen --target web --out-dir "$BINDGEN" --out-name tessera_loader \
  "$TARGET_DIR/$WASM_TARGET/release/tessera_loader.wasm"
# -Oz until it no longer shrinks the module; then one- and two-letter names for every import
# and export (the hashed binding names would otherwise ship twice, in the wasm and in the
# glue), a mapping the glue is rewritten with. The producers and target_features sections are
# only for tools, and wasm-bindgen has run already.
wasm-opt "${WASM_OPT_FLAGS[@]}" --converge -o "$BINDGEN/tessera_loader_opt.wasm" "$BINDGEN/tessera_loader_bg.wasm"
wasm-opt "${WASM_OPT_FLAGS[@]}" --minify-imports-and-exports-and-modules \
  --strip-producers --strip-target-features \
  -o "$OUT/tessera_loader_bg.wasm" "$BINDGEN/tessera_loader_opt.wasm" > "$BINDGEN/names.json"
node scripts/shrink-loader.mjs "$BINDGEN/names.json" "$OUT/tessera_loader_bg.wasm" \
  "$BINDGEN/tessera_loader.js" > "$BINDGEN/tessera_loader.short.js"
# --bundle inlines the loader's JS snippets (src/js/*.js): the package holds one JS file.
esbuild --bundle --minify --format=esm --log-level=warning "$BINDGEN/tessera_loader.short.js" \
  > "$OUT/tessera_loader.js"
node scripts/bundler-hints.mjs "$OUT/tessera_loader.js"
# tessera-loader/slot, the <tessera-slot> element: minified on its own (it imports the loader).
esbuild --minify --format=esm --log-level=warning crates/loader/src/js/slot.js > "$OUT/tessera_slot.js"
# What is the same in both builds only the production build (the package's top level) has:
# tessera-loader/preload, the run-time preload hints (plain JS without the loader), and the
# public API's types (tessera_loader_bg.wasm.d.ts, the raw exports, no longer applies).
if [ "$BUILD" = production ]; then
  esbuild --minify --format=esm --log-level=warning crates/loader/src/js/preload.js > "$OUT/tessera_preload.js"
  cp "$BINDGEN/tessera_loader.d.ts" "$OUT/"
fi
