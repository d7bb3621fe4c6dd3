#!/usr/bin/env bash
# Installs, migrates, seeds demo data, builds and serves the whole marketplace (web + worker).
# With no settings it runs embedded: PGlite under .data/, in-process KV, worker loops inside the web
# process. With DATABASE_URL (and REDIS_URL) set, web and worker run as two processes.
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
export NEXT_TELEMETRY_DISABLED=1

log "migrating and seeding demo data"
seed_output=$(pnpm --silent db:seed)
echo "$seed_output"

log "building the web app (cached when nothing changed)"
pnpm exec turbo run build --filter=@pf/web --output-logs=errors-only

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait || true; }
trap cleanup EXIT INT TERM

if [ -n "${DATABASE_URL:-}" ]; then
  log "starting the worker process"
  pnpm --filter @pf/worker start &
  pids+=($!)
fi
log "starting the web app on port $PORT"
pnpm --filter @pf/web start -p "$PORT" &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "http://localhost:$PORT/api/ready" >/dev/null 2>&1 && break
  sleep 1
done

cat <<TXT

  PackFinderz is running at http://localhost:$PORT
  Mode: $([ -n "${DATABASE_URL:-}" ] && echo "PostgreSQL + Redis, separate web and worker processes" || echo "embedded (PGlite in $DATA_DIR, worker loops in the web process)")

  Demo logins (sign in at http://localhost:$PORT/sign-in; the admin at /sign-in/admin):
$(echo "$seed_output" | grep ' / ')

  Press Ctrl+C to stop.
TXT
wait -n "${pids[@]}"
