#!/usr/bin/env bash
# Shared helpers for scripts/start.sh, scripts/test.sh and .ci/run: install what a fresh machine lacks.
PNPM_VERSION=12.4.2

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
