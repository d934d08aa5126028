#!/usr/bin/env bash
# Runs every test: unit, integration (SQLite + real PostgreSQL, real Redis, SMTP over a socket)
# and end-to-end browser tests (Debian's Chromium, driven by Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
log() { printf '\033[36m[autocase test]\033[0m %s\n' "$*" >&2; }

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  log "PostgreSQL is down: starting it"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && return; sleep 1; done
  log "PostgreSQL did not come up on 127.0.0.1:5432"; exit 1
}
ensure_redis() {
  if redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then return; fi
  log "Redis is down: starting it"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && return; sleep 1; done
  log "Redis did not come up on 127.0.0.1:6379"; exit 1
}
# Debian packages the tests drive for real: Chromium (browser tests) and Dovecot (IMAP tests).
ensure_system_packages() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/sbin/dovecot ] || missing+=(dovecot-imapd)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing Debian packages for the tests: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_postgres
ensure_redis
ensure_system_packages
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export TEST_REDIS_URL="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"

log "build, typecheck and unit tests"
pnpm turbo run build typecheck lint test --output-logs=new-only --concurrency=2
log "integration tests (SQLite and PostgreSQL, Redis, SMTP)"
pnpm turbo run test:integration --output-logs=new-only --concurrency=1
log "end-to-end browser tests"
pnpm turbo run test:e2e --output-logs=new-only --concurrency=1
log "all tests passed"
