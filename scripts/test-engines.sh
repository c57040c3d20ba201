#!/usr/bin/env bash
# The end-to-end tests in Firefox and WebKit (e2e-engines/, plain W3C WebDriver) against the
# release build: installs what is missing (scripts/setup-engines.sh), writes the model's figures
# (target/e2e-*.json, native), builds dist/ unless SKIP_BUILD=1, then runs the tests.
#   bash scripts/test-engines.sh                       # both engines
#   ENGINES=webkit SKIP_BUILD=1 bash scripts/test-engines.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
bash scripts/setup-engines.sh
source scripts/env.sh
step() { printf '\n== %s\n' "$*"; }

step "the model's figures for the browser tests (target/e2e-*.json)"
cargo test --offline --test expected

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  step "release build (trunk, wasm-opt)"
  trunk build --release
fi

step "end-to-end tests in ${ENGINES:-firefox webkit} (W3C WebDriver)"
node --test --test-concurrency=1 e2e-engines/
