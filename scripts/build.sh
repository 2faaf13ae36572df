#!/usr/bin/env bash
# Builds the loader package (pkg/) and the demo site (www/dist/): loader, components, manifest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TESSERA_NEED_BROWSERS=0 bash "$ROOT/scripts/setup.sh"
cd "$ROOT"

step "loader: cargo build (release, wasm32, no std, panics trap)"
cargo build --release --target "$WASM_TARGET" -p tessera-loader --features trap-panics
step "loader: wasm-bindgen + wasm-opt + esbuild -> pkg/"
rm -rf pkg && mkdir -p pkg
wasm-bindgen --target web --out-dir "$TARGET_DIR/bindgen" --out-name tessera_loader \
  "$TARGET_DIR/$WASM_TARGET/release/tessera_loader.wasm"
wasm-opt "${WASM_OPT_FLAGS[@]}" -o pkg/tessera_loader_bg.wasm "$TARGET_DIR/bindgen/tessera_loader_bg.wasm"
# --bundle inlines the loader's JS snippets (src/js/*.js); wasm-bindgen's import object names
# a snippet once per import, which esbuild reports as duplicate keys: harmless, so errors only.
esbuild --bundle --minify --format=esm --log-level=error "$TARGET_DIR/bindgen/tessera_loader.js" > pkg/tessera_loader.js
cp "$TARGET_DIR/bindgen/tessera_loader.d.ts" "$TARGET_DIR/bindgen/tessera_loader_bg.wasm.d.ts" pkg/

step "components: cargo build (release, wasm32) + wasm-opt"
mapfile -t names < <(component_names)
cargo build --release --target "$WASM_TARGET" $(printf -- '-p %s ' "${names[@]}")
rm -rf "$DIST" && mkdir -p "$DIST/components" "$DIST/loader"
for n in "${names[@]}"; do
  wasm-opt "${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers \
    -o "$DIST/components/$n.wasm" "$TARGET_DIR/$WASM_TARGET/release/$n.wasm"
done

step "demo: static files, loader, manifest with fresh integrity"
cp www/index.html www/main.js www/style.css www/tessera.json "$DIST/"
cp pkg/tessera_loader.js pkg/tessera_loader_bg.wasm "$DIST/loader/"
cargo run --quiet -p tessera-budget -- integrity "$DIST/tessera.json"
step "built: pkg/ (npm package) and www/dist/ (demo site)"
