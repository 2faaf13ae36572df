#!/usr/bin/env bash
# Builds the loader package (pkg/) and the demo site (www/dist/): loader, components, manifest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TESSERA_NEED_BROWSERS=0 bash "$ROOT/scripts/setup.sh"
cd "$ROOT"

step "loader: cargo build (release, wasm32, no std, panics trap)"
cargo build --release --target "$WASM_TARGET" -p tessera-loader --features trap-panics
step "loader: wasm-bindgen + wasm-opt (short import/export names) + esbuild -> pkg/"
rm -rf pkg && mkdir -p pkg
BINDGEN="$TARGET_DIR/bindgen"
wasm-bindgen --target web --out-dir "$BINDGEN" --out-name tessera_loader \
  "$TARGET_DIR/$WASM_TARGET/release/tessera_loader.wasm"
# -Oz until it no longer shrinks the module; then one- and two-letter names for every import
# and export (the hashed binding names would otherwise ship twice, in the wasm and in the
# glue), a mapping the glue is rewritten with. The producers and target_features sections are
# only for tools, and wasm-bindgen has run already.
wasm-opt "${WASM_OPT_FLAGS[@]}" --converge -o "$BINDGEN/tessera_loader_opt.wasm" "$BINDGEN/tessera_loader_bg.wasm"
wasm-opt "${WASM_OPT_FLAGS[@]}" --minify-imports-and-exports-and-modules \
  --strip-producers --strip-target-features \
  -o pkg/tessera_loader_bg.wasm "$BINDGEN/tessera_loader_opt.wasm" > "$BINDGEN/names.json"
node scripts/shrink-loader.mjs "$BINDGEN/names.json" pkg/tessera_loader_bg.wasm \
  "$BINDGEN/tessera_loader.js" > "$BINDGEN/tessera_loader.short.js"
# --bundle inlines the loader's JS snippets (src/js/*.js): pkg/ holds one JS file.
esbuild --bundle --minify --format=esm --log-level=warning "$BINDGEN/tessera_loader.short.js" \
  > pkg/tessera_loader.js
# The public API's types (tessera_loader_bg.wasm.d.ts, the raw exports, no longer applies).
cp "$BINDGEN/tessera_loader.d.ts" pkg/

step "components: cargo build (release, wasm32) + wasm-opt"
mapfile -t names < <(component_names)
cargo build --release --target "$WASM_TARGET" $(printf -- '-p %s ' "${names[@]}")
rm -rf "$DIST" && mkdir -p "$DIST/components" "$DIST/loader"
for n in "${names[@]}"; do
  wasm-opt "${WASM_OPT_FLAGS[@]}" --strip-debug --strip-producers --strip-target-features \
    -o "$DIST/components/$n.wasm" "$TARGET_DIR/$WASM_TARGET/release/$n.wasm"
done

step "demo: static files, loader, manifest with fresh integrity"
cp www/index.html www/main.js www/style.css www/tessera.json "$DIST/"
cp pkg/tessera_loader.js pkg/tessera_loader_bg.wasm "$DIST/loader/"
cargo run --quiet -p tessera-budget -- integrity "$DIST/tessera.json"
step "built: pkg/ (npm package) and www/dist/ (demo site)"
