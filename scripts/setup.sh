#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already there.
# Pinned versions live at the top of this file; wasm-bindgen-cli follows Cargo.lock.
set -euo pipefail

WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
# The fuzz targets (crates/fuzz, run by scripts/fuzz.sh) need libFuzzer, hence a nightly: pinned.
FUZZ_NIGHTLY=nightly-2026-05-19
CARGO_FUZZ_VERSION=0.13.2
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NEED_BROWSERS="${TESSERA_NEED_BROWSERS:-1}"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen version the lock file holds: the CLI must match it exactly.
bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

missing=()
have cargo || missing+=("Rust (rustup, https://rustup.rs)")
have node || missing+=("Node.js 20+ and npm")
if ((${#missing[@]})); then
  say "missing: ${missing[*]}. Install them first, then run this again."
  exit 1
fi

# --- Rust pieces (work anywhere rustup and cargo do) ------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

if [ ! -f "$ROOT/Cargo.lock" ]; then
  (cd "$ROOT" && cargo generate-lockfile)
fi
WB="$(bindgen_version)"
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  say "installing wasm-bindgen-cli $WB (matches Cargo.lock; about 2 minutes)"
  cargo install wasm-bindgen-cli --version "=$WB" --force
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (about 2 minutes)"
  cargo install wasm-pack --version "=$WASM_PACK_VERSION" --locked --force
fi

if ! rustup toolchain list | grep -q "^$FUZZ_NIGHTLY"; then
  say "installing the fuzzing toolchain $FUZZ_NIGHTLY (about 20 seconds)"
  rustup toolchain install "$FUZZ_NIGHTLY" --profile minimal
fi
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (about 2 minutes)"
  cargo install cargo-fuzz --version "=$CARGO_FUZZ_VERSION" --locked --force
fi

# --- npm packages (binaryen's wasm-opt, playwright-core, esbuild) -----------
if [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ] || [ ! -d "$ROOT/node_modules/playwright-core" ] \
   || [ "$ROOT/package-lock.json" -nt "$ROOT/node_modules/.package-lock.json" ]; then
  say "installing npm packages (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund)
fi

[ "$NEED_BROWSERS" = 1 ] || exit 0

# --- browsers and their drivers ---------------------------------------------
apt_missing=()
have chromium || apt_missing+=(chromium)
have chromedriver || apt_missing+=(chromium-driver)
have firefox-esr || have firefox || apt_missing+=(firefox-esr)
if ((${#apt_missing[@]})); then
  if [ -f /etc/debian_version ] && [ "$(id -u)" = 0 ]; then
    say "installing ${apt_missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" fonts-dejavu-core >/dev/null
  else
    say "cannot install browsers here (this needs Debian and root)."
    say "install these yourself, then run again: ${apt_missing[*]}"
    say "  (Chromium and its matching ChromeDriver, and Firefox ESR, on PATH as chromium, chromedriver, firefox-esr or firefox)"
    exit 1
  fi
fi
if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
  say "installing geckodriver $GECKODRIVER_VERSION (about 2 minutes)"
  cargo install geckodriver --version "=$GECKODRIVER_VERSION" --locked --force
fi
say "toolchain ready"
