#!/usr/bin/env bash
# `npm run fuzz`: the schemathesis run of `npm test` (test/fuzz/schemathesis.int.ts), longer: more examples per
# operation, the coverage phase (each schema's boundaries and each kind of invalid value), then fuzzing repeated until
# RAKSHA_FUZZ_SECONDS are spent, signed in as each of RAKSHA_FUZZ_USERS in turn. Set any RAKSHA_FUZZ_* to change it
# (RAKSHA_FUZZ_SEED=<n> for another draw); extra arguments go to Jest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh test
source scripts/env.sh
export TEST_DATABASE_URL="postgresql://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$RAKSHA_TEST_DB"
export RAKSHA_FUZZ_EXAMPLES="${RAKSHA_FUZZ_EXAMPLES:-20}"
export RAKSHA_FUZZ_PHASES="${RAKSHA_FUZZ_PHASES:-examples,coverage,fuzzing}"
export RAKSHA_FUZZ_SECONDS="${RAKSHA_FUZZ_SECONDS:-180}"
# one run each, in turn; administrators last, since what they may do (reset a second step, deactivate) can end sessions
export RAKSHA_FUZZ_USERS="${RAKSHA_FUZZ_USERS:-cwc.jaipur,dcpu.jaipur,sho.jaipur,monitor.rj,admin.rj}"
# the coverage phase alone takes minutes on two cores
export RAKSHA_FUZZ_GIVE_UP_AFTER="${RAKSHA_FUZZ_GIVE_UP_AFTER:-900}"
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js test/fuzz --selectProjects integration -i "$@"
