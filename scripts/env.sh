# Sourced by the scripts: tools on PATH and the browser for tests.
# scripts/bin first: its wasm-bindgen cuts the wasm's lazily loaded parts out before running the
# real one (Trunk calls it).
export PATH="$PWD/scripts/bin:$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
