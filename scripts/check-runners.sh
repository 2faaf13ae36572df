#!/usr/bin/env bash
# Fails when a test is compiled only into a crate that no runner of scripts/test.sh executes: a
# `#[test]` in a crate the native run excludes, or a `#[wasm_bindgen_test]` in a crate wasm-pack
# does not test. scripts/test.sh passes the same lists it runs with, so they cannot drift.
# Usage: check-runners.sh "<crate dirs excluded from cargo test>" "<crate dirs run by wasm-pack test>"
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
read -r -a native_excluded <<< "$1"
read -r -a browser_tested <<< "$2"
found=0
# Every workspace crate's Rust sources: src/, tests/ and benches/.
for dir in crates/* www/components/*; do
  [[ -f "$dir/Cargo.toml" ]] || continue
  sources=$(find "$dir" -name '*.rs' -not -path '*/target/*' 2>/dev/null)
  [[ -n "$sources" ]] || continue
  native=$(grep -l '#\[test\]' $sources || true)
  browser=$(grep -l '#\[wasm_bindgen_test\]' $sources || true)
  if [[ -n "$native" && " ${native_excluded[*]} " == *" $dir "* ]]; then
    echo "error: #[test] in $dir, which the native tests exclude (it never runs):" >&2
    echo "$native" | sed 's/^/  /' >&2
    found=1
  fi
  if [[ -n "$browser" && " ${browser_tested[*]} " != *" $dir "* ]]; then
    echo "error: #[wasm_bindgen_test] in $dir, which wasm-pack does not test (it never runs):" >&2
    echo "$browser" | sed 's/^/  /' >&2
    found=1
  fi
done
[[ $found == 0 ]] && echo "every test is in a crate that a runner executes"
exit $found
