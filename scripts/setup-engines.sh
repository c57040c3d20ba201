#!/usr/bin/env bash
# Installs what the end-to-end tests in Firefox and WebKit need (e2e-engines/); each step is
# skipped when already done. Plain W3C WebDriver, no browser downloads: Debian's firefox-esr,
# WebKitGTK's WebKitWebDriver (+ MiniBrowser), xvfb-run (WebKitGTK's MiniBrowser needs a display),
# and geckodriver built from crates.io (about 4 minutes on 2 cores, once).
#
#   bash scripts/setup-engines.sh
#   node --test --test-concurrency=1 e2e-engines/      # after a release build (dist/)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '\n== %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if [ ! -x /usr/bin/firefox-esr ] || [ ! -x /usr/bin/WebKitWebDriver ] || [ ! -x /usr/bin/xvfb-run ] \
   || ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  say "apt-get install firefox-esr webkit2gtk-driver xvfb"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  # xauth: xvfb-run needs it; a CJK font so that screenshots show Chinese.
  $SUDO apt-get install -y -q firefox-esr webkit2gtk-driver xvfb xauth fonts-wqy-microhei
fi

if ! command -v geckodriver >/dev/null 2>&1; then
  say "cargo install geckodriver (about 4 minutes on 2 cores, once)"
  cargo install geckodriver --locked
fi

MINIBROWSER=$(ls /usr/lib/*-linux-gnu/webkit2gtk-4.1/MiniBrowser /usr/lib/*-linux-gnu/webkit2gtk-4.0/MiniBrowser 2>/dev/null | head -n 1 || true)
say "engines"
/usr/bin/firefox-esr --version 2>/dev/null || echo "firefox-esr: missing"
printf 'geckodriver: %s\n' "$(geckodriver --version 2>/dev/null | head -n 1)"
printf 'WebKitGTK: %s\n' "$(dpkg-query -W -f='${Version}' libwebkit2gtk-4.1-0 2>/dev/null || echo missing)"
printf 'MiniBrowser: %s\n' "${MINIBROWSER:-missing}"
