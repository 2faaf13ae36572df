#!/usr/bin/env bash
# Writes the size-budget report for the demo manifest and the loader; exits 1 over budget.
# Builds first unless TESSERA_NO_BUILD=1. Extra arguments go to tessera-budget (e.g. --format markdown).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
[ "${TESSERA_NO_BUILD:-0}" = 1 ] || [ -f "$DIST/tessera.json" ] || bash scripts/build.sh
cargo run --quiet -p tessera-budget -- check "$DIST/tessera.json" --loader pkg "$@"
