#!/usr/bin/env bash
# Runs every test: formatting, lints, native tests, the browser tests of the sandbox and the loader
# in Chromium and Firefox, the end-to-end tests of the demo, the hostile suite (tests/hostile), and
# the size budgets. Installs what it needs first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# wasm-bindgen-test-runner gives one test binary 20 s by default; the lifecycle re-entry suite
# takes 10-19 s on a busy 2-core machine. A hang still fails, after 120 s.
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
bash "$ROOT/scripts/setup.sh"
cd "$ROOT"
started=$SECONDS
# Which crates each runner covers: the native run skips the loader (its tests need a browser),
# wasm-pack tests these two. check-runners.sh holds every test to these lists.
NATIVE_EXCLUDED=(crates/loader)
BROWSER_TESTED=(crates/host crates/loader)

step "rustfmt --check"
cargo fmt --all -- --check

step "clippy (native, warnings denied)"
cargo clippy --workspace --all-targets -- -D warnings
step "clippy (wasm32, warnings denied)"
mapfile -t names < <(component_names)
# One build per crate family, so that features do not unify across them (the CLI turns on the
# manifest crate's std; the loader must build without it). The loader's tests run in the browser.
cargo clippy --target "$WASM_TARGET" --all-targets -p tessera-loader -p tessera-host -- -D warnings
cargo clippy --target "$WASM_TARGET" --all-targets -p tessera-loader --features development -- -D warnings
cargo clippy --target "$WASM_TARGET" -p tessera-manifest --no-default-features -- -D warnings
cargo clippy --target "$WASM_TARGET" -p tessera-guest $(printf -- '-p %s ' "${names[@]}") -- -D warnings

step "every test is in a crate a runner executes"
bash scripts/check-runners.sh "${NATIVE_EXCLUDED[*]}" "${BROWSER_TESTED[*]}"

step "native tests"
excludes=()
for dir in "${NATIVE_EXCLUDED[@]}"; do
  excludes+=(--exclude "$(sed -n 's/^name = "\(.*\)"/\1/p' "$dir/Cargo.toml" | head -1)")
done
cargo test --workspace "${excludes[@]}"

# A short run of every fuzz target (scripts/fuzz.sh; FUZZ_SECONDS sets the seconds per target).
bash scripts/fuzz.sh

step "build the loader package and the demo"
bash scripts/build.sh

step "browser test fixtures"
cargo run --quiet -p tessera-fixtures -- crates/loader/tests/fixtures crates/host/tests/fixtures
mkdir -p crates/loader/tests/fixtures/components
cp "$DIST"/components/*.wasm crates/loader/tests/fixtures/components/
# The loader's tests load some of the host's fixtures too (the runner serves only this crate).
mkdir -p crates/loader/tests/fixtures/host
cp crates/host/tests/fixtures/host/*.wasm crates/loader/tests/fixtures/host/
# The CLI's manifest table, for the loader's agreement test (crates/loader/tests/manifest_reading.rs).
rm -rf crates/loader/tests/fixtures/manifest
cp -r crates/manifest/tests/fixtures crates/loader/tests/fixtures/manifest
(cd crates/loader/tests/fixtures/manifest && ls -- */*.json | sed 's/\.json$//' > index.txt)

for dir in "${BROWSER_TESTED[@]}"; do
  step "$dir browser tests: headless Chromium"
  (cd "$dir" && wasm-pack test --headless --chrome)
  step "$dir browser tests: headless Firefox"
  (cd "$dir" && wasm-pack test --headless --firefox)
done
# The loader's development build too (the runs above are its production build; docs/builds.md).
for browser in chrome firefox; do
  step "crates/loader browser tests, development build: headless $browser"
  (cd crates/loader && wasm-pack test --headless "--$browser" --features development)
done
# And with every component in a worker: the same tests hold in both isolation modes.
for browser in chrome firefox; do
  step "crates/loader browser tests, every component in a worker: headless $browser"
  (cd crates/loader && TESSERA_TEST_ISOLATION=worker wasm-pack test --headless "--$browser")
done

step "end-to-end tests of the demo (headless Chromium and Firefox)"
node --test --test-concurrency=1 tests/e2e/
step "end-to-end tests of the demo with every component in a worker (headless Chromium and Firefox)"
TESSERA_ISOLATION=worker node --test --test-concurrency=1 tests/e2e/demo.test.mjs tests/e2e/firefox.test.mjs

step "benchmark smoke run (BENCH_QUICK=1: it must run and every slot must show its content; no timing is checked)"
BENCH_QUICK=1 node bench/run.mjs

step "hostile components: the sandbox holds (headless Chromium and Firefox)"
node --test --test-concurrency=1 tests/hostile/

step "hostile components in workers: the sandbox holds there too (headless Chromium and Firefox)"
TESSERA_ISOLATION=worker node --test --test-concurrency=1 tests/hostile/

step "size budgets (components and loader)"
TESSERA_NO_BUILD=1 bash scripts/budget.sh

step "all tests passed in $((SECONDS - started)) s"
