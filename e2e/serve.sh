#!/usr/bin/env bash
# Serves the built web app for the browser tests on E2E_PORT (default 3200), demo data seeded, in one of two
# modes (E2E_MODE):
#   embedded (default): PGlite in a fresh data folder, worker loops in the web process;
#   services: a PostgreSQL database created for this run (E2E_POSTGRES_URL names the server, default
#     postgres://postgres@127.0.0.1:5432/postgres) and Redis keys under a prefix of this run (E2E_REDIS_URL,
#     default redis://127.0.0.1:6379), web and worker as two processes.
# Playwright stops it with TERM: every process stops, and the run's data folder, database and keys are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

export APP_ENV=development LOG_LEVEL=warn
export PORT="${E2E_PORT:-3200}"
export NEXTAUTH_URL="http://localhost:$PORT"
# Signed storage URLs (local adapter) must point at this server.
export APP_URL="http://localhost:$PORT"
run_id="pf_e2e_${PORT}_$$"
export DATA_DIR="${E2E_DATA_DIR:-$(mktemp -d "/tmp/$run_id-XXXXXX")}"
mode="${E2E_MODE:-embedded}"
postgres_url="${E2E_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

remove_run_data() {
  stop_children
  if [ "$mode" = services ]; then
    psql "$postgres_url" -qXc "DROP DATABASE IF EXISTS $run_id WITH (FORCE)" >/dev/null || true
    # Without redis-cli (e.g. Redis in a container) the keys stay behind under their unique prefix.
    if command -v redis-cli >/dev/null; then
      redis-cli -u "$REDIS_URL" --scan --pattern "$REDIS_KEY_PREFIX*" | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null || true
    fi
  fi
  [ -n "${E2E_DATA_DIR:-}" ] || rm -rf "$DATA_DIR"
}
trap remove_run_data EXIT
trap 'exit 0' INT TERM

case "$mode" in
  embedded) ;;
  services)
    psql "$postgres_url" -qXc "CREATE DATABASE $run_id" >/dev/null
    export DATABASE_URL="${postgres_url%/*}/$run_id"
    export REDIS_URL="${E2E_REDIS_URL:-redis://127.0.0.1:6379}" REDIS_KEY_PREFIX="$run_id:"
    AUTH_SECRET=$(node -p "require('node:crypto').randomBytes(32).toString('base64url')")
    export AUTH_SECRET
    ;;
  *)
    echo "E2E_MODE must be embedded or services, not $mode" >&2
    exit 1
    ;;
esac

pnpm --silent --filter @pf/api seed >/dev/null
[ "$mode" = embedded ] || start_child run_worker
start_child run_web
wait_for_children
