#!/usr/bin/env bash
# Builds the npm package (pkg/: the loader, its types, README and licences) and packs it into
# tessera-loader-<version>.tgz in PACK_DESTINATION (default: the repository root). Prints the
# tarball's path last. The root package.json is the development workspace and is never packed
# (scripts/refuse-root-pack.mjs).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
[ "${TESSERA_NO_BUILD:-0}" = 1 ] || bash scripts/build.sh
dest="${PACK_DESTINATION:-$ROOT}"
mkdir -p "$dest"
step "npm pack ./pkg -> $dest"
name="$(npm pack ./pkg --pack-destination "$dest" --silent | tail -1)"
echo "$dest/$name"
