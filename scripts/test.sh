#!/usr/bin/env bash
# Installs what is missing and runs every test layer: format and lint, native tests, browser
# (wasm-bindgen-test) tests in headless Chromium and Firefox, a release build, the whole
# end-to-end suite against the built dist/ in headless Chromium, and the engines' suite
# (e2e-engines/: every case and step, parameters, bad input, the diagram, links, downloads,
# saved scenarios, the embed page, the offline file) in Firefox and WebKit through W3C
# WebDriver. .ci/run runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
source scripts/env.sh
step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native and wasm32, warnings denied)"
cargo clippy --offline --all-targets -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

step "native tests: model, layout, decoders"
cargo test --offline

step "browser tests: components in headless Chromium (wasm-bindgen-test)"
cargo test --offline --target wasm32-unknown-unknown --test web --test web_rebuild

step "browser tests: the same in headless Firefox"
env -u CHROMEDRIVER GECKODRIVER="$(command -v geckodriver)" \
  cargo test --offline --target wasm32-unknown-unknown --test web --test web_rebuild

step "release build (trunk, wasm-opt)"
trunk build --release

step "end-to-end tests: the built dist/ in headless Chromium"
node --test --test-concurrency=1 e2e/

step "end-to-end tests: Firefox and WebKit (W3C WebDriver)"
node --test --test-concurrency=1 e2e-engines/
