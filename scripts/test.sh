#!/usr/bin/env bash
# The full test suite: install, lint, typecheck, unit + integration tests (real PostgreSQL and Redis),
# then build the app and run the browser tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node
ensure_pnpm
install_dependencies
ensure_postgres
ensure_redis

log "lint";        pnpm lint
log "typecheck";   pnpm typecheck
log "unit + integration tests"; pnpm test

log "build the web app"; pnpm exec turbo run build --filter=@pf/web --output-logs=errors-only
log "client JavaScript per page"; pnpm --silent bundle:report
ensure_chromium
log "browser tests (Playwright, Debian Chromium; screenshots in e2e/artifacts/screenshots)"
pnpm test:e2e
log "all tests passed"
