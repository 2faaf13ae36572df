#!/usr/bin/env bash
# Builds the loader package (pkg/) and the demo site (www/dist/): loader, components, manifest.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TESSERA_NEED_BROWSERS=0 bash "$ROOT/scripts/setup.sh"
cd "$ROOT"

# The production build at the package's top level, the development build in pkg/dev/ (the
# `development` export condition picks it; docs/builds.md).
bash scripts/build-loader.sh pkg production
bash scripts/build-loader.sh pkg/dev development
node scripts/package.mjs pkg

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
mkdir -p "$DIST/loader/dev"
cp pkg/tessera_loader.js pkg/tessera_loader_bg.wasm pkg/tessera_slot.js pkg/tessera_preload.js "$DIST/loader/"
cp pkg/dev/tessera_loader.js pkg/dev/tessera_loader_bg.wasm pkg/dev/tessera_slot.js "$DIST/loader/dev/"
cargo run --quiet -p tessera-budget -- integrity "$DIST/tessera.json"
# The page's preload hints, from the built manifest (docs/using-tessera.md, "Preload hints").
HINTS="$(cargo run --quiet -p tessera-budget -- preload "$DIST/tessera.json" --loader-url loader/)" \
  node -e 'const fs = require("fs"), f = process.argv[1], html = fs.readFileSync(f, "utf8");
    if (!html.includes("<!-- tessera:preload -->")) throw new Error(f + " has no <!-- tessera:preload --> mark");
    fs.writeFileSync(f, html.replace("<!-- tessera:preload -->", process.env.HINTS.trim().split("\n").join("\n  ")));' "$DIST/index.html"
step "built: pkg/ (npm package) and www/dist/ (demo site)"
