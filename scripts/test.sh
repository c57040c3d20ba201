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

# A lean target/: a CI machine may have little disk (one run stopped after 96 s, its disk full).
# No incremental caches (each build here is from scratch anyway) and line tables as the only
# debug info (a panic's backtrace keeps its files and lines). Measured on a clean clone, the
# debug builds of every layer (clippy, native and browser tests): 2.8 GB, 5.6 GB before.
export CARGO_INCREMENTAL=0
export CARGO_PROFILE_DEV_DEBUG=line-tables-only CARGO_PROFILE_TEST_DEBUG=line-tables-only
step "disk"
df -h . | tail -1

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native and wasm32, warnings denied)"
cargo clippy --offline --all-targets -- -D warnings
cargo clippy --offline --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings
# The site's build: the lazily loaded parts (`split_point!`) as wasm_split makes them.
cargo clippy --offline --target wasm32-unknown-unknown --lib --bins --features split -- -D warnings

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
