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

# The server's typecheck alongside the web app's and the lint: each is one process on one core, so on 2 cores the
# three take about as long as the largest alone.
echo "[test] typecheck and lint"
checks="$(mktemp -d)"
npx tsc -p tsconfig.json > "$checks/typecheck" 2>&1 & typecheck=$!
{ npx tsc -p apps/web/tsconfig.json && npx eslint --max-warnings=0 .; } > "$checks/web-and-lint" 2>&1 & web_and_lint=$!
failed=0
wait $typecheck || { echo "[test] typecheck failed:"; cat "$checks/typecheck"; failed=1; }
wait $web_and_lint || { echo "[test] the web app's typecheck or the lint failed:"; cat "$checks/web-and-lint"; failed=1; }
rm -rf "$checks"
[ "$failed" = 0 ] || exit 1
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
