#!/usr/bin/env bash
# Builds everything and serves the demo on 127.0.0.1 (PORT, default 8080).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bash "$ROOT/scripts/build.sh"
exec node "$ROOT/scripts/serve.mjs" "$DIST"
