#!/usr/bin/env bash
# A release build that keeps the wasm function names, for scripts/profile.mjs and
# `scripts/wasm-size.mjs --by-module`: the same code and wasm-opt level as dist/, written to
# target/dist-profile/ (dist/ is left alone). Its names are Rust's v0 mangling, which keeps the
# type arguments: a generic function of Leptos is named with the component closure it runs
# (`tachys::…::build::<reform_explorer::ui::sources::__component_lineage_panel::{closure#9}>`),
# so a profile and a size report say which of the app's views the time or the bytes belong to.
# It compiles in its own target folder (target/profile-v0), so the ordinary build's cache stays.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
# RUSTFLAGS replaces the wasm target's flags in .cargo/config.toml: the same type erasure, plus
# the mangling.
grep -q '"--cfg", "erase_components", "-C", "link-args=--emit-relocs"' .cargo/config.toml
export RUSTFLAGS="--cfg erase_components -C link-args=--emit-relocs -C symbol-mangling-version=v0"
export CARGO_TARGET_DIR=target/profile-v0
# Trunk resolves the page's links against the page's folder, so the copy sits beside index.html.
page=index-profile.html
trap 'rm -f "$page"' EXIT
sed 's/data-wasm-opt-params="/data-keep-debug data-wasm-opt-params="-g /' index.html > "$page"
grep -q data-keep-debug "$page"
trunk build --release --dist target/dist-profile "$page"
