#!/usr/bin/env bash
# `npm run fuzz`: the schemathesis run of `npm test` (test/fuzz/schemathesis.int.ts), longer: the coverage phase (each
# schema's boundaries and each kind of invalid value), then RAKSHA_FUZZ_EXAMPLES generated requests per operation,
# signed in as each of RAKSHA_FUZZ_USERS in turn. Set any RAKSHA_FUZZ_* to change it (RAKSHA_FUZZ_SEED=<n> for another
# draw; RAKSHA_FUZZ_SECONDS=<s> to fuzz until that budget for the whole run is spent instead); extra arguments go to Jest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh test
source scripts/env.sh
export TEST_DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$RAKSHA_TEST_DB"
export RAKSHA_FUZZ_EXAMPLES="${RAKSHA_FUZZ_EXAMPLES:-10}"
export RAKSHA_FUZZ_PHASES="${RAKSHA_FUZZ_PHASES:-examples,coverage,fuzzing}"
# one run each, in turn; administrators last, since what they may do (reset a second step, deactivate) can end sessions
export RAKSHA_FUZZ_USERS="${RAKSHA_FUZZ_USERS:-cwc.jaipur,dcpu.jaipur,sho.jaipur,monitor.rj,admin.rj}"
# a role's run takes 10-15 minutes on two busy cores (the coverage phase 4-8 of them)
export RAKSHA_FUZZ_GIVE_UP_AFTER="${RAKSHA_FUZZ_GIVE_UP_AFTER:-1800}"
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js test/fuzz --selectProjects integration -i "$@"
