#!/usr/bin/env bash
# Installs, migrates, seeds demo data, builds and serves the whole marketplace (web + worker).
# With no settings it runs embedded: PGlite under .data/, in-process KV, worker loops inside the web
# process. With DATABASE_URL (and REDIS_URL) set, web and worker run as two processes.
# Ctrl+C (or TERM) stops every process it started.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_node
ensure_pnpm
install_dependencies

export DATA_DIR="${DATA_DIR:-$PWD/.data}"
export APP_ENV="${APP_ENV:-development}"
export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
# Origin of the signed upload/download URLs the web app serves with local storage.
export APP_URL="${APP_URL:-http://localhost:$PORT}"

trap stop_children EXIT
trap 'echo; log "stopping"; stop_children; exit 0' INT TERM

log "migrating and seeding demo data"
# Only the seed's own summary: its start-up log lines would repeat what the app logs anyway.
seed_output=$(LOG_LEVEL=warn pnpm --silent --filter @pf/api seed)
echo "$seed_output" | grep -v ' / ' | sed 's/^/    /'

log "building the web app (cached when nothing changed; a first build takes a few minutes)"
build_web

if [ -n "${DATABASE_URL:-}" ]; then
  log "starting the worker process"
  start_child run_worker
fi
log "starting the web app on port $PORT"
start_child run_web
wait_until_ready

cat <<TXT

  PackFinderz is running at http://localhost:$PORT
  Mode: $([ -n "${DATABASE_URL:-}" ] && echo "PostgreSQL + Redis, separate web and worker processes" || echo "embedded (PGlite in $DATA_DIR, worker loops in the web process)")

  Demo logins (sign in at http://localhost:$PORT/sign-in; the admin at /sign-in/admin):
$(echo "$seed_output" | grep ' / ')

  Press Ctrl+C to stop. The app's log follows.

TXT
wait_for_children
log "stopped"
