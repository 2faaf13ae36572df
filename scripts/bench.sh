#!/usr/bin/env bash
# Benchmarks the loader against a hand-written JavaScript loader in headless Chromium.
# Builds first; writes bench/results.json and bench/RESULTS.md. BENCH_RUNS=n sets the runs per loader.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh"
cd "$ROOT"
node bench/run.mjs
node bench/manifest.mjs
