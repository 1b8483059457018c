# Defaults shared by the scripts; every value can be overridden from the environment.
# The same names and defaults are validated by libs/config at API and worker start-up.
export RAKSHA_HOME="${RAKSHA_HOME:-$HOME/.cache/raksha}"
export PGHOST="${PGHOST:-127.0.0.1}"
export PGPORT="${PGPORT:-5432}"
export PGUSER="${PGUSER:-raksha}"
export PGPASSWORD="${PGPASSWORD:-raksha}"
export RAKSHA_DB="${RAKSHA_DB:-raksha}"
export RAKSHA_TEST_DB="${RAKSHA_TEST_DB:-raksha_test}"
export REDIS_PORT="${REDIS_PORT:-6379}"
# Redis's data (AOF and RDB); `npm run restore` writes a fresh one.
export REDIS_DIR="${REDIS_DIR:-$RAKSHA_HOME/data/redis}"
export TEMPORAL_PORT="${TEMPORAL_PORT:-7233}"
export TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"
# Mailpit, the local mail catcher `npm start` sends email to (scripts/services.sh mail-up): SMTP and its web page.
export MAILPIT_SMTP_PORT="${MAILPIT_SMTP_PORT:-1025}"
export MAILPIT_UI_PORT="${MAILPIT_UI_PORT:-8025}"
export TEMPORAL_NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
# The dev server's store (SQLite); `npm run backup` copies it, `npm run restore` writes a fresh one.
export TEMPORAL_DB_FILE="${TEMPORAL_DB_FILE:-$RAKSHA_HOME/data/temporal.sqlite}"
# Which Temporal the services and the stack use: `dev` (the CLI's dev server above) or `cluster` (the Temporal server
# on PostgreSQL, docs/temporal-cluster.md), whose frontend listens on TEMPORAL_CLUSTER_PORT.
export RAKSHA_TEMPORAL="${RAKSHA_TEMPORAL:-dev}"
export TEMPORAL_CLUSTER_PORT="${TEMPORAL_CLUSTER_PORT:-7633}"
export TEMPORAL_CLUSTER_UI_PORT="${TEMPORAL_CLUSTER_UI_PORT:-8633}"
# The API fuzzer the tests run (test/fuzz), in a Python venv of its own that scripts/setup.sh test makes; the
# version is part of the path, so changing it here installs the new one.
export SCHEMATHESIS_VERSION="${SCHEMATHESIS_VERSION:-4.32.5}"
export SCHEMATHESIS_VENV="${SCHEMATHESIS_VENV:-$RAKSHA_HOME/venv/schemathesis-$SCHEMATHESIS_VERSION}"
export PRISMA_HIDE_UPDATE_MESSAGE=1
export CHECKPOINT_DISABLE=1 # Prisma: no telemetry call home
# Signs access tokens. scripts/setup.sh writes a random one here on first run; deployments set their own.
if [ -z "${RAKSHA_TOKEN_SECRET:-}" ] && [ -f "$RAKSHA_HOME/token-secret" ]; then
  RAKSHA_TOKEN_SECRET="$(cat "$RAKSHA_HOME/token-secret")"
  export RAKSHA_TOKEN_SECRET
fi
# Seals personal data at rest (docs/sealed-fields.md) and encrypts Temporal workflow payloads (API and worker); losing it loses them,
# so deployments keep it in their secret store. RAKSHA_RETIRED_DATA_KEYS keeps rotated-out keys readable.
if [ -z "${RAKSHA_DATA_KEY:-}" ] && [ -f "$RAKSHA_HOME/data-key" ]; then
  RAKSHA_DATA_KEY="$(cat "$RAKSHA_HOME/data-key")"
  export RAKSHA_DATA_KEY
fi
# Keys `npm run keys:rotate` retired, comma-separated: kept to open what they sealed (docs/sealed-fields.md).
if [ -z "${RAKSHA_RETIRED_DATA_KEYS:-}" ] && [ -f "$RAKSHA_HOME/retired-data-keys" ]; then
  RAKSHA_RETIRED_DATA_KEYS="$(cat "$RAKSHA_HOME/retired-data-keys")"
  export RAKSHA_RETIRED_DATA_KEYS
fi
