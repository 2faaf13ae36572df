# Shared settings for the project's scripts. Source it; do not run it.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
WASM_TARGET=wasm32-unknown-unknown
DIST="$ROOT/www/dist"
# Rust 1.95 emits these features; naming any --enable-* drops binaryen's defaults, so name them all.
WASM_OPT_FLAGS=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

step() { printf '\n\033[1;36m==> %s\033[0m\n' "$*"; }
# The example components: every crate folder under www/components.
component_names() {
  for d in "$ROOT"/www/components/*/Cargo.toml; do basename "$(dirname "$d")"; done
}
