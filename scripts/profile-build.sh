#!/usr/bin/env bash
# A release build that keeps the wasm function names, for scripts/profile.mjs: the same code and
# wasm-opt level as dist/, written to target/dist-profile/ (dist/ is left alone).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# Trunk resolves the page's links against the page's folder, so the copy sits beside index.html.
page=index-profile.html
trap 'rm -f "$page"' EXIT
sed 's/data-wasm-opt-params="/data-keep-debug data-wasm-opt-params="-g /' index.html > "$page"
grep -q data-keep-debug "$page"
trunk build --release --dist target/dist-profile "$page"
