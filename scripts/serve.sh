#!/usr/bin/env bash
# Installs what is missing, builds, and serves the app on http://127.0.0.1:8080/ (PORT=… to change).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
PORT="${PORT:-8080}"
echo "Serving Reform Explorer at http://127.0.0.1:$PORT/"
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "$PORT"
