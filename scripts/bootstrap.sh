#!/usr/bin/env bash
# Sourced by ./autocase: makes sure Node >= 24 and pnpm are on PATH and the dependencies
# are installed. Everything comes from the npm registry; nothing is asked interactively.
set -euo pipefail
AUTOCASE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_DIR="$AUTOCASE_ROOT/.tools"
NODE_VERSION="24.21.0"
PNPM_VERSION="12.21.0"

log() { printf '\033[36m[autocase]\033[0m %s\n' "$*" >&2; }

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ "$(node_major)" -ge 24 ]; then return; fi
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64|arm64) arch=arm64 ;;
    *) log "unsupported CPU $(uname -m): install Node 24 yourself"; exit 1 ;;
  esac
  local node_dir="$TOOLS_DIR/node/node_modules/node-linux-$arch"
  if [ ! -x "$node_dir/bin/node" ] || [ "$("$node_dir/bin/node" -v)" != "v$NODE_VERSION" ]; then
    log "installing Node $NODE_VERSION from the npm registry into .tools/ (local node is $(node -v 2>/dev/null || echo missing))"
    mkdir -p "$TOOLS_DIR/node"
    npm install --prefix "$TOOLS_DIR/node" --no-save --no-audit --no-fund --loglevel=error "node-linux-$arch@$NODE_VERSION" >&2
  fi
  export PATH="$node_dir/bin:$PATH"
}

ensure_pnpm() {
  local pnpm_bin="$TOOLS_DIR/pnpm/node_modules/.bin"
  if [ ! -x "$pnpm_bin/pnpm" ]; then
    log "installing pnpm $PNPM_VERSION into .tools/"
    mkdir -p "$TOOLS_DIR/pnpm"
    npm install --prefix "$TOOLS_DIR/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
  fi
  export PATH="$pnpm_bin:$PATH"
}

ensure_dependencies() {
  local stamp="$AUTOCASE_ROOT/node_modules/.autocase-install-stamp"
  local lock="$AUTOCASE_ROOT/pnpm-lock.yaml"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ] && [ "$stamp" -nt "$AUTOCASE_ROOT/package.json" ]; then return; fi
  log "installing dependencies with pnpm"
  (cd "$AUTOCASE_ROOT" && pnpm install --prefer-offline >&2)
  touch "$stamp"
}

ensure_node
# Native addons (better-sqlite3) must compile against the headers of the Node that runs them.
export npm_config_nodedir="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
ensure_pnpm
export TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
ensure_dependencies
