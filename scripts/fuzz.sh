#!/usr/bin/env bash
# Runs every fuzz target in crates/fuzz (cargo-fuzz, libFuzzer, the nightly pinned in setup.sh) for
# FUZZ_SECONDS each: 15 by default, the short run `npm test` makes. `FUZZ_SECONDS=600 bash
# scripts/fuzz.sh` is the longer run docs/architecture.md ("Fuzzing") records. Corpora grow in the
# cargo target folder, seeded with the project's own fixtures; a crash stops the run and leaves its
# input in crates/fuzz/artifacts/<target>/, to become a regression test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
NIGHTLY="$(sed -n 's/^FUZZ_NIGHTLY=//p' scripts/setup.sh)"
EACH="${FUZZ_SECONDS:-15}"
FUZZ=(cargo "+$NIGHTLY" fuzz)
OPTS=(--fuzz-dir crates/fuzz -O --target-dir "$TARGET_DIR/fuzz")

# Seeds: manifests for the manifest targets, modules for the wasm targets, batches from the ABI's
# conformance table for the batch target (the fixtures' .wasm files hold real ones too).
seeds() {
  case "$1" in
    manifest_text) echo crates/manifest/tests/fixtures/valid crates/manifest/tests/fixtures/invalid ;;
    module_scan | budget_wasm) echo crates/host/tests/fixtures/host ;;
    *) ;;
  esac
}

step "fuzz: build every target ($NIGHTLY)"
"${FUZZ[@]}" build "${OPTS[@]}"
for target in manifest_text manifest_value abi_batch module_scan budget_wasm; do
  step "fuzz: $target for $EACH s"
  corpus="$TARGET_DIR/fuzz/corpus/$target"
  mkdir -p "$corpus"
  log="$TARGET_DIR/fuzz/$target.log"
  set +e
  # shellcheck disable=SC2046 # the seed folders are plain paths
  "${FUZZ[@]}" run "${OPTS[@]}" "$target" "$corpus" $(seeds "$target") -- \
    -max_total_time="$EACH" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 > "$log" 2>&1
  status=$?
  set -e
  grep -E '^(Done|stat::number_of_executed_units|stat::peak_rss_mb)' "$log" || true
  if [ "$status" != 0 ]; then
    tail -40 "$log" >&2
    echo "fuzz target $target failed; its input is in crates/fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
