#!/usr/bin/env bash
# Writes the size-budget report for a manifest and the loader; exits 1 over budget. Extra
# arguments go to tessera-budget check (e.g. --format markdown).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Where the command was typed (npm runs scripts from the package root and says so in INIT_CWD).
here="${INIT_CWD:-$PWD}"
cd "$ROOT"
# The loader's budget is tessera-budget's default, LOADER_BROTLI_BUDGET in
# crates/budget/src/report.rs: the one place it is set, lowered whenever the loader gets smaller
# (docs/budget.md, "The loader's own size", has the history).
#
# `npm run budget` checks the demo's manifest (building first unless TESSERA_NO_BUILD=1);
# `npm run budget -- PATH [OPTIONS]` checks the manifest at PATH instead, without building, with
# the loader in pkg/ when it is there.
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  case "$1" in /*) manifest="$1" ;; *) manifest="$here/$1" ;; esac
  shift
  exec cargo run --quiet -p tessera-budget -- check "$manifest" "$@"
fi
[ "${TESSERA_NO_BUILD:-0}" = 1 ] || bash scripts/build.sh
cargo run --quiet -p tessera-budget -- check "$DIST/tessera.json" --loader pkg "$@"
