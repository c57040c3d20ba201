#!/usr/bin/env bash
# Installs what building (and, with --browser, testing) needs; each step is skipped when done.
# Works on a fresh Debian machine whose only network is the package registries: no tool here
# downloads a binary from anywhere else (Trunk runs offline with tools installed by this script).
set -euo pipefail
cd "$(dirname "$0")/.."

want_browser=0
[ "${1:-}" = "--browser" ] && want_browser=1

say() { printf '\n== %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

# The wasm-bindgen CLI must be exactly the version of the crate in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
for comp in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$comp"; then
    say "rustup component add $comp"
    rustup component add "$comp"
  fi
done

if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  say "cargo install trunk 0.21 (about 11 minutes on 2 cores, once)"
  cargo install trunk --version '^0.21' --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION\$"; then
  say "cargo install wasm-bindgen-cli $WB_VERSION (several minutes, once)"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "$WB_VERSION" --force
fi

# Cuts the lazily loaded parts out of the wasm before wasm-bindgen (scripts/bin/wasm-bindgen).
# Not --locked: its lock file is not published.
if ! command -v wasm-split-cli >/dev/null \
   || ! cargo install --list | grep -q '^wasm_split_cli_support v0\.2\.4:'; then
  say "cargo install wasm_split_cli_support 0.2.4 (a few minutes, once)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --force
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ ! -d node_modules/axe-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci (binaryen's wasm-opt, playwright-core, axe-core; no browser download)"
  npm ci --no-audit --no-fund
fi

if [ "$want_browser" = 1 ] && { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ] \
   || ! fc-list :lang=zh family 2>/dev/null | grep -q .; }; then
  say "apt-get install chromium chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  # A CJK font, so that screenshots taken here show Chinese (users have their own).
  apt-get install -y -q chromium chromium-driver fonts-wqy-microhei
fi

# Firefox ESR, geckodriver, WebKitGTK's WebKitWebDriver and Xvfb: the other two engines.
if [ "$want_browser" = 1 ]; then
  bash scripts/setup-engines.sh
fi

# Trunk's offline mode runs cargo offline too: fetch the crates first.
if ! cargo fetch --locked --offline >/dev/null 2>&1; then
  say "cargo fetch"
  cargo fetch --locked
fi
