#!/usr/bin/env bash
# Serves the built web app for the browser tests: embedded mode on a fresh data folder, demo data seeded.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATA_DIR="${E2E_DATA_DIR:-$(mktemp -d /tmp/pf-e2e-XXXXXX)}"
export APP_ENV=development LOG_LEVEL=warn NEXT_TELEMETRY_DISABLED=1
export PORT="${E2E_PORT:-3200}"
export NEXTAUTH_URL="http://localhost:$PORT"
# Signed storage URLs (local adapter) must point at this server.
export APP_URL="http://localhost:$PORT"
pnpm --silent db:seed >/dev/null
exec pnpm --filter @pf/web start -p "$PORT"
