#!/usr/bin/env bash
# `npm run backup` / `npm run restore`: the environment of scripts/env.sh, the tools they use (pg_dump and pg_restore
# come with PostgreSQL, redis-cli with Redis; sqlite3 from Debian's packages), then scripts/backup/cli.ts.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
if ! command -v sqlite3 >/dev/null; then
  echo "[backup] installing sqlite3 from Debian's packages" >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends sqlite3 >/dev/null; fi
fi
exec node --import @swc-node/register/esm-register scripts/backup/cli.ts "$@"
