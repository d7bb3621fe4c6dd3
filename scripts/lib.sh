#!/usr/bin/env bash
# Shared helpers for scripts/start.sh, scripts/test.sh and .ci/run: install what a fresh machine lacks.
PNPM_VERSION=12.4.2
# No telemetry notices or update checks from the build tools.
export TURBO_TELEMETRY_DISABLED=1 TURBO_NO_UPDATE_NOTIFIER=1 NEXT_TELEMETRY_DISABLED=1

log() { printf '\033[1;32m==>\033[0m %s\n' "$*"; }

ensure_node() {
  command -v node >/dev/null || { echo "Node.js 20.19+ is required (https://nodejs.org)"; exit 1; }
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || { echo "Node.js 20.19+ is required, found $(node -v)"; exit 1; }
}

ensure_pnpm() {
  if ! command -v pnpm >/dev/null || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION"
    npm install -g "pnpm@$PNPM_VERSION" >/dev/null 2>&1 || {
      # No global write access: use a user prefix instead.
      npm install -g --prefix "$HOME/.local" "pnpm@$PNPM_VERSION" >/dev/null
      export PATH="$HOME/.local/bin:$PATH"
    }
  fi
}

install_dependencies() {
  # argon2 is compiled from source: its prebuilt binary crashes on some machines, and node-gyp must use
  # the local Node headers because nothing may be downloaded.
  [ -d /usr/include/node ] && export npm_config_nodedir=/usr
  log "installing dependencies"
  pnpm install --frozen-lockfile --reporter=append-only | tail -n 5
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

ensure_postgres() {
  if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    log "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  fi
}

ensure_redis() {
  if ! (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; then
    log "starting Redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    for _ in $(seq 1 30); do (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null && break; sleep 0.5; done
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's Chromium for the browser tests"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium fonts-liberation >/dev/null
  fi
}

# Builds the web app (turbo replays an unchanged build from its cache in seconds). Shows Next.js's steps as they
# happen and a line every 30 s through the long compile; the whole log only if the build fails.
build_web() {
  local build_log started=$SECONDS ticker status=0
  build_log=$(mktemp "${TMPDIR:-/tmp}/pf-build-XXXXXX")
  # Checks once a second, so it never outlives this script by more than a second.
  (
    n=0
    while kill -0 $$ 2>/dev/null && sleep 1; do
      n=$((n + 1))
      [ $((n % 30)) -ne 0 ] || printf '    still building (%s s)\n' "$n"
    done
  ) &
  ticker=$!
  pnpm exec turbo run build --filter=@pf/web --output-logs=new-only --log-prefix=none 2>&1 | tee "$build_log" |
    awk '/Creating an optimized|Compiled|Finished TypeScript|Collecting page data|Generating static pages.* in |Finalizing/ {
      sub(/^ +/, ""); print "    " $0; fflush() }' || status=$?
  kill "$ticker" 2>/dev/null || true
  wait "$ticker" 2>/dev/null || true
  if [ "$status" -ne 0 ]; then
    cat "$build_log"
    rm -f "$build_log"
    echo "the web build failed" >&2
    return "$status"
  fi
  if grep -q 'cache hit' "$build_log"; then echo "    up to date (cached build)"; else echo "    built in $((SECONDS - started)) s"; fi
  rm -f "$build_log"
}

# The long-running processes are started without pnpm in between (the web one through server/main.mjs, which
# adds the socket address for TRUSTED_PROXY_HOPS), so a stop signal reaches the node process
# itself (pnpm would die first, print a failure and leave the server running). Call them in the background.
run_web() { cd apps/web && exec node server/main.mjs -p "$PORT"; }
run_worker() { cd apps/worker && exec node --import tsx src/main.ts "$@"; }

CHILD_PIDS=()
start_child() {
  "$@" &
  CHILD_PIDS+=("$!")
}

# TERM to every child, then up to 20 s for them to finish their current work, then KILL what is left.
stop_children() {
  local pid alive
  [ "${#CHILD_PIDS[@]}" -gt 0 ] || return 0
  for pid in "${CHILD_PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 100); do
    alive=0
    for pid in "${CHILD_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 1 ] || break
    sleep 0.2
  done
  for pid in "${CHILD_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait "${CHILD_PIDS[@]}" 2>/dev/null || true
  CHILD_PIDS=()
}

# Waits until a child exits, then stops the others. Ctrl+C reaches the children too (the terminal signals its
# whole process group) and bash then lets them finish rather than run its INT trap, so a child that ends on
# INT or TERM counts as a stop; any other exit is a failure.
wait_for_children() {
  local status=0
  wait -n "${CHILD_PIDS[@]}" || status=$?
  stop_children
  case "$status" in 130 | 143) return 0 ;; esac
  echo "a process exited on its own (exit status $status)" >&2
  return 1
}

# Waits until the web app answers /api/ready (up to 120 s); fails early if a child has already exited.
wait_until_ready() {
  local pid
  for _ in $(seq 1 240); do
    curl -fsS "http://localhost:$PORT/api/ready" >/dev/null 2>&1 && return 0
    for pid in "${CHILD_PIDS[@]}"; do kill -0 "$pid" 2>/dev/null || { echo "a process exited during start-up" >&2; return 1; }; done
    sleep 0.5
  done
  echo "the web app was not ready after 120 s" >&2
  return 1
}
