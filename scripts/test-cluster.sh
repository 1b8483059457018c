#!/usr/bin/env bash
# `npm run test:cluster`: the integration suites that run workflows on a real Temporal server (the workflow, worker and
# API suites; the time-skipping ones use the Java test server whatever the mode), against the production-shaped
# Temporal server on PostgreSQL (RAKSHA_TEMPORAL=cluster, docs/temporal-cluster.md) instead of the dev server.
# The first run on a machine builds the server (~3 minutes); `npm test` never does. Extra arguments go to Jest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
started=$(date +%s)
export RAKSHA_TEMPORAL=cluster
bash scripts/setup.sh test
source scripts/env.sh
export TEST_DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$RAKSHA_TEST_DB"
export TEMPORAL_TEST_SERVER="$RAKSHA_HOME/bin/temporal-test-server"

echo "[test:cluster] jest against the Temporal server at 127.0.0.1:$TEMPORAL_CLUSTER_PORT"
results="$(mktemp)"
set +e
# The paths first: --selectProjects takes every word after it as a project name.
node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js \
  workflows/test/ apps/api/test/ apps/worker/test/ --ci --json --outputFile="$results" "$@" --selectProjects integration
rc=$?
set -e
node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8")); console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed`)' "$results" || true
echo "[test:cluster] finished in $(( $(date +%s) - started ))s"
exit $rc
