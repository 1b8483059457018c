#!/usr/bin/env bash
# What both README commands need first, on a fresh machine or a warm one:
# dependencies, services, the Prisma client, migrations and seed data.
# Usage: scripts/setup.sh app|test   (app: database raksha; test: database raksha_test)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/env.sh
target="${1:-app}"

node -e 'const [a,b]=process.versions.node.split(".").map(Number); if (a<20||(a===20&&b<19)) { console.error("Raksha needs Node.js >= 20.19, found "+process.version); process.exit(1) }'

# npm ci when the lockfile changed since the last install (npm records it in node_modules/.package-lock.json)
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
fi

bash scripts/services.sh up
# `npm start` sends email to a local mail catcher; the tests have their own SMTP server and do not build it.
if [ "$target" = app ]; then bash scripts/services.sh mail-up; fi

# The web app (apps/web), which the API serves at /app/; browser tests drive Debian's chromium
echo "[setup] building the web app into apps/web/dist"
npm run --silent web:build
# (with a Devanagari font, so the app's Hindi renders in the browser as on a person's phone).
if [ "$target" = test ] && { [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-lohit-deva >/dev/null 2>&1; }; then
  echo "[setup] installing chromium and a Devanagari font from Debian's packages (browser tests)"
  root=(); [ "$(id -u)" -eq 0 ] || root=(sudo)
  "${root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${root[@]}" apt-get install -y -qq chromium fonts-lohit-deva >/dev/null
fi

# schemathesis (PyPI, pinned) fuzzes the API against its OpenAPI document in the tests (test/fuzz), from a venv of its own.
if [ "$target" = test ] && ! "$SCHEMATHESIS_VENV/bin/schemathesis" --version >/dev/null 2>&1; then
  echo "[setup] installing schemathesis $SCHEMATHESIS_VERSION into $SCHEMATHESIS_VENV (PyPI)"
  rm -rf "$SCHEMATHESIS_VENV"
  if ! python3 -m venv "$SCHEMATHESIS_VENV" >/dev/null 2>&1; then
    # Debian's own python3 makes venvs only with python3-venv
    root=(); [ "$(id -u)" -eq 0 ] || root=(sudo)
    "${root[@]}" apt-get update -qq && DEBIAN_FRONTEND=noninteractive "${root[@]}" apt-get install -y -qq python3-venv >/dev/null
    rm -rf "$SCHEMATHESIS_VENV" && python3 -m venv "$SCHEMATHESIS_VENV"
  fi
  "$SCHEMATHESIS_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
fi

if [ -z "${RAKSHA_TOKEN_SECRET:-}" ] && [ ! -s "$RAKSHA_HOME/token-secret" ]; then
  echo "[setup] generating a token secret in $RAKSHA_HOME/token-secret"
  (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' >"$RAKSHA_HOME/token-secret")
fi
if [ -z "${RAKSHA_DATA_KEY:-}" ] && [ ! -s "$RAKSHA_HOME/data-key" ]; then
  echo "[setup] generating a data key in $RAKSHA_HOME/data-key (back it up, apart from the backups: sealed fields and workflow payloads cannot be read without it; docs/sealed-fields.md)"
  (umask 077 && node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("base64"))' >"$RAKSHA_HOME/data-key")
fi

db="$RAKSHA_DB"; [ "$target" = test ] && db="$RAKSHA_TEST_DB"
export DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$db"
echo "[setup] generating the Prisma client"
npx prisma generate >/dev/null
if [ "$target" = test ]; then bash scripts/services.sh fresh-test-db; fi
echo "[setup] migrating $db"
npm run --silent db:migrate
if [ "$target" = app ]; then npm run --silent db:seed; fi
