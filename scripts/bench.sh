#!/usr/bin/env bash
# Benchmarks the loader against a hand-written floor and vanilla JavaScript in headless Chromium
# (bench/run.mjs), then the manifest-reading bench (bench/manifest.mjs). Builds first; writes
# bench/results.json and docs/benchmarks.md. BENCH_RUNS=n sets the sample pairs per cell;
# BENCH_QUICK=1 is the short smoke run of `npm test` (output in a temporary folder, no build).
# BENCH_ONLY=name[,name] runs only those scenarios of bench/run.mjs (e.g. isolation; the list is in
# its header) and writes to a temporary folder, not bench/ or docs/; while developing one, run
# `BENCH_ONLY=isolation node bench/run.mjs` directly to skip the build and the manifest bench.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
if [ "${BENCH_QUICK:-}" = 1 ]; then
  node bench/run.mjs
  exit
fi
bash "$ROOT/scripts/setup.sh"
bash "$ROOT/scripts/build.sh"
node bench/run.mjs
node bench/manifest.mjs
