#!/usr/bin/env bash
# The full test suite: install, lint, typecheck, unit + integration tests (real PostgreSQL and Redis),
# then build the app once and run the browser tests in Debian's Chromium against it twice: embedded
# (PGlite, worker loops in the web process) and services (a fresh PostgreSQL database and Redis key prefix,
# web and worker as two processes). E2E_PORT (default 3200) picks the port, so runs can coexist.
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

log "build the web app"; build_web
log "client JavaScript per page"; pnpm --silent bundle:report
ensure_chromium
log "browser tests, embedded mode (Playwright, Debian Chromium; screenshots in e2e/artifacts/screenshots)"
started=$SECONDS
E2E_MODE=embedded pnpm test:e2e
log "browser tests, embedded mode: $((SECONDS - started)) s"
log "browser tests, services mode (PostgreSQL + Redis, separate worker)"
started=$SECONDS
E2E_MODE=services pnpm test:e2e
log "browser tests, services mode: $((SECONDS - started)) s"
log "all tests passed"
