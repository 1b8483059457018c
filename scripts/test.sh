#!/usr/bin/env bash
# `npm test`: set up (fresh machine or warm), then typecheck, lint and every Jest test
# (unit, integration against real PostgreSQL/Redis/Temporal, time-skipping workflow tests).
# Extra arguments go to Jest, e.g. `npm test -- --selectProjects unit`.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
bash scripts/setup.sh test
source scripts/env.sh
export TEST_DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$RAKSHA_TEST_DB"
export TEMPORAL_TEST_SERVER="$RAKSHA_HOME/bin/temporal-test-server"

echo "[test] typecheck"
npx tsc -p tsconfig.json
npx tsc -p apps/web/tsconfig.json
echo "[test] lint"
npx eslint --max-warnings=0 .
echo "[test] dependency audit (npm audit, high and critical)"
npm run --silent audit:deps

echo "[test] jest"
results="$(mktemp)"
set +e
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  --ci --json --outputFile="$results" "$@"
rc=$?
set -e
# The plain closing line CI reads: "N passed, N failed".
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$results" || true
echo "[test] finished in $(( $(date +%s) - started ))s"
exit $rc
