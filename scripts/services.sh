#!/usr/bin/env bash
# Brings up the services Raksha needs on a Debian machine, from package registries only:
# PostgreSQL and Redis (apt), the Temporal CLI dev server (go install, cached), and the
# Temporal Java test server for time-skipping tests (Maven Central, cached); for `npm start` only, Mailpit, a local
# mail catcher (go install, cached: `mail-up`).
# Idempotent: `up` twice is the same as once. Usage: scripts/services.sh up|mail-up|down|status
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/env.sh
source "$ROOT/scripts/env.sh"

TEMPORAL_CLI_VERSION="v1.5.1" # v1.6.0+ cannot be `go install`ed (replace directive in go.mod)
TEMPORAL_TEST_SERVER_VERSION="1.38.0" # keep in step with scripts/temporal-test-server/pom.xml
TEMPORAL_BIN="$RAKSHA_HOME/bin/temporal-$TEMPORAL_CLI_VERSION"
TEST_SERVER_DIR="$RAKSHA_HOME/temporal-test-server/$TEMPORAL_TEST_SERVER_VERSION"
LOGS="$RAKSHA_HOME/logs"
# Custom search attributes the case workflows set, so Temporal's UI and visibility queries
# can find a case by its statutory position.
SEARCH_ATTRIBUTES=(CaseId=Keyword Track=Keyword CaseState=Keyword CasePhase=Keyword DistrictCode=Keyword StateCode=Keyword)

log() { printf '[services] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root (or sudo) to run: $*"
  fi
}

wait_for() { # wait_for <description> <seconds> <command...>
  local what="$1" secs="$2"; shift 2
  for _ in $(seq 1 "$((secs * 5))"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  die "$what did not become ready within ${secs}s"
}

apt_install() { # installs Debian packages that are missing; runs apt-get update once
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]} from Debian's packages"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

pg_version() { ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1; }

# Runs a command without the descriptors this script inherited: a server started under a lock held around the script
# (`flock /tmp/x.lock scripts/services.sh up`) would otherwise hold that lock for as long as it runs.
without_inherited_fds() {
  ( for fd in /proc/$BASHPID/fd/*; do fd="${fd##*/}"; [ "$fd" -gt 2 ] && eval "exec $fd>&-"; done 2>/dev/null; "$@" )
}

app_databases_answer() {
  command -v psql >/dev/null || return 1
  for db in "$RAKSHA_DB" "$RAKSHA_TEST_DB"; do
    psql -h 127.0.0.1 -p "$PGPORT" -d "$db" -qAtc 'select 1' >/dev/null 2>&1 || return 1
  done
}

# PostgreSQL's memory: shared_buffers a quarter of the machine's RAM (PostgreSQL's own guidance for a dedicated
# server), at least the default 128 MB and at most 8 GB. The default holds a few percent of the ChildReport table at a
# million reports (2 GB with its indexes), so each candidate search re-read its rows from the OS cache (a syscall and a
# copy a page, one page a candidate). Only for the Debian cluster this script manages; restarts it when the value changes.
postgres_memory() {
  local v="$1" conf="/etc/postgresql/$1/main/conf.d/raksha-memory.conf" mem_kb mb want
  [ -d "/etc/postgresql/$v/main/conf.d" ] || return 0
  mem_kb="$(awk '/^MemTotal:/ {print $2}' /proc/meminfo)"
  mb=$(( mem_kb / 4 / 1024 )); [ "$mb" -lt 128 ] && mb=128; [ "$mb" -gt 8192 ] && mb=8192
  want="# written by scripts/services.sh: a quarter of RAM, 128 MB to 8 GB
shared_buffers = ${mb}MB"
  [ "$(cat "$conf" 2>/dev/null)" = "$want" ] && return 0
  log "PostgreSQL shared_buffers = ${mb}MB"
  printf '%s\n' "$want" | as_root tee "$conf" >/dev/null
  if pg_lsclusters -h | awk -v v="$v" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "restarting PostgreSQL $v for the new shared_buffers"
    without_inherited_fds as_root pg_ctlcluster "$v" main restart
    wait_for "PostgreSQL" 30 pg_isready -h 127.0.0.1 -p "$PGPORT"
  fi
}

postgres_up() {
  local v
  # Already served (a previous `up`, or docker/compose.yaml): nothing to do but the memory of a cluster of ours.
  if app_databases_answer; then
    v="$(pg_version)"; [ -z "$v" ] || postgres_memory "$v"
    return 0
  fi
  apt_install postgresql
  v="$(pg_version)"; [ -n "$v" ] || die "PostgreSQL is not installed"
  if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$v main$"; then
    as_root pg_createcluster "$v" main >/dev/null
  fi
  # Bind to loopback only; the data is about children.
  as_root sed -i "s/^#\?listen_addresses.*/listen_addresses = '127.0.0.1'/" "/etc/postgresql/$v/main/postgresql.conf"
  postgres_memory "$v"
  if ! pg_lsclusters -h | awk -v v="$v" '$1==v && $2=="main" {print $4}' | grep -q online; then
    log "starting PostgreSQL $v"
    without_inherited_fds as_root pg_ctlcluster "$v" main start
  fi
  wait_for "PostgreSQL" 30 pg_isready -h 127.0.0.1 -p "$PGPORT"
  if [ "$(pg_admin -c "select 1 from pg_roles where rolname='$PGUSER'")" != "1" ]; then
    pg_admin -c "create role \"$PGUSER\" login createdb password '$PGPASSWORD'"
  fi
  for db in "$RAKSHA_DB" "$RAKSHA_TEST_DB"; do create_db "$db"; done
}

# psql as PostgreSQL's superuser, over the local socket.
pg_admin() {
  as_root runuser -u postgres -- env -u PGUSER -u PGPASSWORD -u PGHOST psql -U postgres -v ON_ERROR_STOP=1 -qAt -h /var/run/postgresql -p "$PGPORT" "$@"
}

create_db() {
  if [ "$(pg_admin -c "select 1 from pg_database where datname='$1'")" != "1" ]; then
    log "creating database $1"
    pg_admin -c "create database \"$1\" owner \"$PGUSER\""
  fi
  pg_admin -d "$1" -c 'create extension if not exists pg_trgm' >/dev/null
}

# The test database, empty: each test run starts from what its own set-up writes, not from rows earlier runs left.
fresh_test_db() {
  log "emptying database $RAKSHA_TEST_DB"
  pg_admin -c "drop database if exists \"$RAKSHA_TEST_DB\" with (force)"
  create_db "$RAKSHA_TEST_DB"
}

redis_up() {
  if command -v redis-cli >/dev/null && redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return 0; fi
  apt_install redis-server
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then return 0; fi
  log "starting Redis"
  mkdir -p "$REDIS_DIR" "$LOGS"
  # appendonly: queued notifications survive a restart (a restored dump.rdb alone is read, then kept as the AOF's base)
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$REDIS_DIR" \
    --appendonly yes --logfile "$LOGS/redis.log" --pidfile "$RAKSHA_HOME/redis.pid"
  wait_for "Redis" 15 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping
}

temporal_cli_build() {
  [ -x "$TEMPORAL_BIN" ] && return 0
  command -v go >/dev/null || apt_install golang-go
  log "building the Temporal CLI $TEMPORAL_CLI_VERSION with go install (first time only; takes minutes)"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && CGO_ENABLED=0 GOBIN="$tmp" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION")
  mkdir -p "$(dirname "$TEMPORAL_BIN")"
  mv "$tmp/temporal" "$TEMPORAL_BIN"
  rm -rf "$tmp"
}

temporal_ready() { "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_PORT" 2>/dev/null | grep -q SERVING; }

temporal_up() {
  temporal_cli_build
  if temporal_ready; then return 0; fi
  mkdir -p "$RAKSHA_HOME/data" "$LOGS"
  log "starting Temporal dev server (gRPC :$TEMPORAL_PORT, Web UI :$TEMPORAL_UI_PORT)"
  local sa=()
  for a in "${SEARCH_ATTRIBUTES[@]}"; do sa+=(--search-attribute "$a"); done
  # Loopback only, the Web UI too: it has no sign-in (payloads are encrypted, but workflow ids, search attributes and
  # timers show); deployments put it behind their sign-in (docs/security.md).
  nohup "$TEMPORAL_BIN" server start-dev \
    --db-filename "$TEMPORAL_DB_FILE" \
    --ip 127.0.0.1 --port "$TEMPORAL_PORT" --ui-ip 127.0.0.1 --ui-port "$TEMPORAL_UI_PORT" \
    --namespace "$TEMPORAL_NAMESPACE" \
    --sqlite-pragma journal_mode=WAL --sqlite-pragma synchronous=NORMAL \
    --log-level warn "${sa[@]}" >"$LOGS/temporal.log" 2>&1 &
  echo $! >"$RAKSHA_HOME/temporal.pid"
  wait_for "Temporal" 90 temporal_ready
}

temporal_test_server_fetch() {
  local wrapper="$RAKSHA_HOME/bin/temporal-test-server"
  # @temporalio/testing starts `<path> <port> [extra args]` and waits only 5 s for the port: the JVM is told to start
  # fast (no optimising compiler tier, the serial collector), which a test server of minutes needs no more than that.
  local content
  content="$(printf '#!/bin/sh\nexec java -Xmx512m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto -cp "%s/lib/*" io.temporal.testserver.TestServer "$@"' "$TEST_SERVER_DIR")"
  if [ -f "$TEST_SERVER_DIR/lib/temporal-test-server-$TEMPORAL_TEST_SERVER_VERSION.jar" ]; then
    if [ -x "$wrapper" ] && [ "$(cat "$wrapper")" = "$content" ]; then return 0; fi
  else
    command -v java >/dev/null || apt_install openjdk-17-jre-headless
    command -v mvn >/dev/null || apt_install maven
    log "fetching the Temporal Java test server $TEMPORAL_TEST_SERVER_VERSION from Maven Central"
    mkdir -p "$TEST_SERVER_DIR/lib" "$RAKSHA_HOME/bin"
    mvn -q -B -f "$ROOT/scripts/temporal-test-server/pom.xml" dependency:copy-dependencies \
      -DoutputDirectory="$TEST_SERVER_DIR/lib" >"$LOGS/maven.log" 2>&1 || { cat "$LOGS/maven.log" >&2; die "maven fetch failed"; }
  fi
  mkdir -p "$RAKSHA_HOME/bin"
  printf '%s\n' "$content" >"$wrapper"
  chmod +x "$wrapper"
}

# ---- Mailpit: the local mail catcher of `npm start` ----------------------------------------------------------------------
# Email Raksha sends under `npm start` (escalations, reminders, digests, invitations) is caught here and shown on its web
# page, never delivered; bound to 127.0.0.1. Built like the Temporal CLI, only on the `npm start` path (setup.sh app).
MAILPIT_VERSION="v1.33.1"
MAILPIT_BIN="$RAKSHA_HOME/bin/mailpit-$MAILPIT_VERSION"
MAILPIT_PID="$RAKSHA_HOME/mailpit.pid"

mailpit_build() {
  [ -x "$MAILPIT_BIN" ] && return 0
  command -v go >/dev/null || apt_install golang-go
  log "building Mailpit $MAILPIT_VERSION with go install (first time only; takes minutes)"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && CGO_ENABLED=0 GOBIN="$tmp" go install "github.com/axllent/mailpit@$MAILPIT_VERSION")
  mkdir -p "$RAKSHA_HOME/bin"
  mv "$tmp/mailpit" "$MAILPIT_BIN"
  rm -rf "$tmp"
}

mailpit_ready() { (exec 3<>"/dev/tcp/127.0.0.1/$MAILPIT_SMTP_PORT") 2>/dev/null && (exec 3<>"/dev/tcp/127.0.0.1/$MAILPIT_UI_PORT") 2>/dev/null; }

mailpit_up() {
  mailpit_build
  if mailpit_ready; then return 0; fi
  mkdir -p "$RAKSHA_HOME/data" "$LOGS"
  log "starting Mailpit (SMTP 127.0.0.1:$MAILPIT_SMTP_PORT, web page http://127.0.0.1:$MAILPIT_UI_PORT)"
  nohup "$MAILPIT_BIN" --smtp "127.0.0.1:$MAILPIT_SMTP_PORT" --listen "127.0.0.1:$MAILPIT_UI_PORT" \
    --database "$RAKSHA_HOME/data/mailpit.db" --max 2000 --disable-version-check --quiet \
    >"$LOGS/mailpit.log" 2>&1 &
  echo $! >"$MAILPIT_PID"
  wait_for "Mailpit" 30 mailpit_ready
}

mailpit_down() {
  if [ -f "$MAILPIT_PID" ] && kill -0 "$(cat "$MAILPIT_PID")" 2>/dev/null; then
    log "stopping Mailpit"; kill "$(cat "$MAILPIT_PID")"; rm -f "$MAILPIT_PID"
  fi
}

# ---- Production-shaped Temporal (opt-in: RAKSHA_TEMPORAL=cluster) ------------------------------------------------------
# The Temporal server itself, built with go install and pinned like the CLI, on the same PostgreSQL: history and
# executions in database $TEMPORAL_CLUSTER_DB, SQL visibility (with the case search attributes) in
# $TEMPORAL_CLUSTER_VISIBILITY_DB, both owned by a role of its own that cannot read Raksha's tables, their schemas set up
# and upgraded by Temporal's own temporal-sql-tool. Its ports (gRPC :$TEMPORAL_CLUSTER_PORT and the block around it)
# never clash with the dev server's, so the two can run side by side. docs/temporal-cluster.md says how it is laid out.
TEMPORAL_SERVER_VERSION="v1.29.1"
TEMPORAL_SERVER_BIN="$RAKSHA_HOME/bin/temporal-server-$TEMPORAL_SERVER_VERSION"
TEMPORAL_SQL_TOOL_BIN="$RAKSHA_HOME/bin/temporal-sql-tool-$TEMPORAL_SERVER_VERSION"
TEMPORAL_UI_SERVER_VERSION="v2.41.0" # the Web UI, its built pages inside the Go module
TEMPORAL_UI_SERVER_BIN="$RAKSHA_HOME/bin/temporal-ui-server-$TEMPORAL_UI_SERVER_VERSION"
export TEMPORAL_CLUSTER_DB="${TEMPORAL_CLUSTER_DB:-temporal_cluster}"
export TEMPORAL_CLUSTER_VISIBILITY_DB="${TEMPORAL_CLUSTER_VISIBILITY_DB:-temporal_cluster_visibility}"
export TEMPORAL_CLUSTER_DB_USER="${TEMPORAL_CLUSTER_DB_USER:-temporal}"
export TEMPORAL_CLUSTER_DB_PASSWORD="${TEMPORAL_CLUSTER_DB_PASSWORD:-temporal}"
# Fixed once the database exists (Temporal cannot reshard); 4 suits one 2-core machine, docs/temporal-cluster.md sizes more.
export TEMPORAL_CLUSTER_SHARDS="${TEMPORAL_CLUSTER_SHARDS:-4}"
export TEMPORAL_CLUSTER_RETENTION="${TEMPORAL_CLUSTER_RETENTION:-30d}" # how long a closed case's history is kept
export TEMPORAL_CLUSTER_LOG_LEVEL="${TEMPORAL_CLUSTER_LOG_LEVEL:-warn}"
export TEMPORAL_CLUSTER_HTTP_PORT="${TEMPORAL_CLUSTER_HTTP_PORT:-$((TEMPORAL_CLUSTER_PORT + 10))}"
export TEMPORAL_CLUSTER_HISTORY_PORT="$((TEMPORAL_CLUSTER_PORT + 1))" TEMPORAL_CLUSTER_MATCHING_PORT="$((TEMPORAL_CLUSTER_PORT + 2))"
export TEMPORAL_CLUSTER_WORKER_PORT="$((TEMPORAL_CLUSTER_PORT + 6))"
export TEMPORAL_CLUSTER_FRONTEND_MEMBERSHIP_PORT="$((TEMPORAL_CLUSTER_PORT - 1000))"
export TEMPORAL_CLUSTER_HISTORY_MEMBERSHIP_PORT="$((TEMPORAL_CLUSTER_PORT - 999))"
export TEMPORAL_CLUSTER_MATCHING_MEMBERSHIP_PORT="$((TEMPORAL_CLUSTER_PORT - 998))"
export TEMPORAL_CLUSTER_WORKER_MEMBERSHIP_PORT="$((TEMPORAL_CLUSTER_PORT - 994))"
export TEMPORAL_CLUSTER_METRICS_PORT="${TEMPORAL_CLUSTER_METRICS_PORT:-$((TEMPORAL_CLUSTER_PORT + 57))}"
export TEMPORAL_CLUSTER_DYNAMIC_CONFIG="$ROOT/scripts/temporal-cluster/dynamicconfig.yaml"
CLUSTER_PID="$RAKSHA_HOME/temporal-cluster.pid"
CLUSTER_UI_PID="$RAKSHA_HOME/temporal-cluster-ui.pid"

temporal_cluster_build() {
  [ -x "$TEMPORAL_SERVER_BIN" ] && [ -x "$TEMPORAL_SQL_TOOL_BIN" ] && return 0
  command -v go >/dev/null || apt_install golang-go
  log "building the Temporal server $TEMPORAL_SERVER_VERSION and its SQL tool with go install (first time only; ~3 minutes)"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && CGO_ENABLED=0 GOBIN="$tmp" go install "go.temporal.io/server/cmd/server@$TEMPORAL_SERVER_VERSION" \
    "go.temporal.io/server/cmd/tools/sql@$TEMPORAL_SERVER_VERSION")
  mkdir -p "$RAKSHA_HOME/bin"
  mv "$tmp/server" "$TEMPORAL_SERVER_BIN"
  mv "$tmp/sql" "$TEMPORAL_SQL_TOOL_BIN"
  rm -rf "$tmp"
}

temporal_cluster_ui_build() {
  [ -x "$TEMPORAL_UI_SERVER_BIN" ] && return 0
  log "building the Temporal UI server $TEMPORAL_UI_SERVER_VERSION with go install (first time only; ~1 minute)"
  local tmp; tmp="$(mktemp -d)"
  (cd "$tmp" && CGO_ENABLED=0 GOBIN="$tmp" go install "github.com/temporalio/ui-server/v2/cmd/server@$TEMPORAL_UI_SERVER_VERSION")
  mv "$tmp/server" "$TEMPORAL_UI_SERVER_BIN"
  rm -rf "$tmp"
}

temporal_cluster_ui_ready() { (exec 3<>"/dev/tcp/127.0.0.1/$TEMPORAL_CLUSTER_UI_PORT") 2>/dev/null; }

temporal_sql_tool() { # temporal_sql_tool <database> <command...>
  local db="$1"; shift
  "$TEMPORAL_SQL_TOOL_BIN" --plugin postgres12 --ep "$PGHOST" -p "$PGPORT" \
    -u "$TEMPORAL_CLUSTER_DB_USER" --pw "$TEMPORAL_CLUSTER_DB_PASSWORD" --db "$db" "$@"
}

# The databases (created by PostgreSQL's superuser, as a DBA would) and their schemas (Temporal's tool: versioned,
# so a newer server pinned above upgrades them in place on the next `up`).
temporal_cluster_databases() {
  if [ "$(pg_admin -c "select 1 from pg_roles where rolname='$TEMPORAL_CLUSTER_DB_USER'")" != "1" ]; then
    pg_admin -c "create role \"$TEMPORAL_CLUSTER_DB_USER\" login password '$TEMPORAL_CLUSTER_DB_PASSWORD'"
  fi
  local db schema
  for db in "$TEMPORAL_CLUSTER_DB" "$TEMPORAL_CLUSTER_VISIBILITY_DB"; do
    if [ "$(pg_admin -c "select 1 from pg_database where datname='$db'")" != "1" ]; then
      log "creating database $db"
      pg_admin -c "create database \"$db\" owner \"$TEMPORAL_CLUSTER_DB_USER\""
    fi
    schema=temporal; [ "$db" = "$TEMPORAL_CLUSTER_VISIBILITY_DB" ] && schema=visibility
    if [ "$(pg_admin -d "$db" -c "select to_regclass('public.schema_version') is not null")" != "t" ]; then
      temporal_sql_tool "$db" setup-schema -v 0.0 >>"$LOGS/temporal-cluster-schema.log" 2>&1 || { tail -20 "$LOGS/temporal-cluster-schema.log" >&2; die "temporal-sql-tool setup-schema $db failed"; }
    fi
    temporal_sql_tool "$db" update-schema --schema-name "postgresql/v12/$schema" >>"$LOGS/temporal-cluster-schema.log" 2>&1 \
      || { tail -20 "$LOGS/temporal-cluster-schema.log" >&2; die "temporal-sql-tool update-schema $db failed"; }
  done
}

temporal_cluster_ready() { "$TEMPORAL_BIN" operator cluster health --address "127.0.0.1:$TEMPORAL_CLUSTER_PORT" 2>/dev/null | grep -q SERVING; }
temporal_cluster_cli() { "$TEMPORAL_BIN" --address "127.0.0.1:$TEMPORAL_CLUSTER_PORT" "$@"; }
# Visibility accepts a query on every case search attribute (the frontend's cache has caught up with their creation).
temporal_cluster_attributes_ready() {
  temporal_cluster_cli workflow count --namespace "$TEMPORAL_NAMESPACE" --query "CaseId = 'ready' AND StateCode = 'ready' AND DistrictCode = 'ready' AND Track = 'ready' AND CaseState = 'ready' AND CasePhase = 'ready'"
}

temporal_cluster_up() {
  temporal_cli_build
  temporal_cluster_build
  if ! temporal_cluster_ready; then
    temporal_cluster_databases
    mkdir -p "$LOGS"
    log "starting the Temporal server $TEMPORAL_SERVER_VERSION on PostgreSQL (gRPC :$TEMPORAL_CLUSTER_PORT, $TEMPORAL_CLUSTER_SHARDS history shards)"
    nohup "$TEMPORAL_SERVER_BIN" --root "$ROOT/scripts/temporal-cluster" --config config --env raksha \
      --allow-no-auth start >>"$LOGS/temporal-cluster.log" 2>&1 &
    echo $! >"$CLUSTER_PID"
    wait_for "Temporal server" 120 temporal_cluster_ready
  fi
  # The namespace and the case search attributes (idempotent: also on a server that is already up).
  if ! temporal_cluster_cli operator namespace describe --namespace "$TEMPORAL_NAMESPACE" >/dev/null 2>&1; then
    log "registering namespace $TEMPORAL_NAMESPACE (retention $TEMPORAL_CLUSTER_RETENTION)"
    temporal_cluster_cli operator namespace create --namespace "$TEMPORAL_NAMESPACE" --retention "$TEMPORAL_CLUSTER_RETENTION" >/dev/null
  fi
  # A new namespace reaches the frontend's cache within ~10 s; its search attributes can be added only then.
  wait_for "namespace $TEMPORAL_NAMESPACE on the Temporal server" 60 temporal_cluster_cli operator search-attribute list --namespace "$TEMPORAL_NAMESPACE"
  local a existing
  existing="$(temporal_cluster_cli operator search-attribute list --namespace "$TEMPORAL_NAMESPACE")"
  for a in "${SEARCH_ATTRIBUTES[@]}"; do
    grep -qw "${a%%=*}" <<<"$existing" && continue
    temporal_cluster_cli operator search-attribute create --namespace "$TEMPORAL_NAMESPACE" --name "${a%%=*}" --type "${a#*=}" >/dev/null
  done
  wait_for "the case search attributes on the Temporal server" 120 temporal_cluster_attributes_ready
  temporal_cluster_ui_build
  if ! temporal_cluster_ui_ready; then
    log "starting the Temporal UI (http://127.0.0.1:$TEMPORAL_CLUSTER_UI_PORT)"
    nohup "$TEMPORAL_UI_SERVER_BIN" --root "$ROOT/scripts/temporal-cluster" --config ui --env raksha start \
      >>"$LOGS/temporal-cluster-ui.log" 2>&1 &
    echo $! >"$CLUSTER_UI_PID"
    wait_for "Temporal UI" 30 temporal_cluster_ui_ready
  fi
}

temporal_cluster_down() {
  if [ -f "$CLUSTER_UI_PID" ] && kill -0 "$(cat "$CLUSTER_UI_PID")" 2>/dev/null; then
    log "stopping the Temporal UI"; kill "$(cat "$CLUSTER_UI_PID")"; rm -f "$CLUSTER_UI_PID"
  fi
  if [ -f "$CLUSTER_PID" ] && kill -0 "$(cat "$CLUSTER_PID")" 2>/dev/null; then
    log "stopping the Temporal server"; kill "$(cat "$CLUSTER_PID")"; rm -f "$CLUSTER_PID"
  fi
}

temporal_cluster_status() {
  if [ -x "$TEMPORAL_SERVER_BIN" ] && temporal_cluster_ready; then
    echo "temporal-cluster up  127.0.0.1:$TEMPORAL_CLUSTER_PORT  ui http://127.0.0.1:$TEMPORAL_CLUSTER_UI_PORT  (PostgreSQL $TEMPORAL_CLUSTER_DB, $TEMPORAL_CLUSTER_VISIBILITY_DB)"
  elif [ "$RAKSHA_TEMPORAL" = cluster ]; then echo "temporal-cluster down"; return 1; fi
}
# ---- end of the production-shaped Temporal --------------------------------------------------------------------------

up() {
  mkdir -p "$RAKSHA_HOME" "$LOGS"
  postgres_up
  redis_up
  if [ "$RAKSHA_TEMPORAL" = cluster ]; then temporal_cluster_up; else temporal_up; fi
  temporal_test_server_fetch
  if [ "$RAKSHA_TEMPORAL" = cluster ]; then
    log "up: PostgreSQL 127.0.0.1:$PGPORT ($RAKSHA_DB, $RAKSHA_TEST_DB), Redis 127.0.0.1:$REDIS_PORT, Temporal server 127.0.0.1:$TEMPORAL_CLUSTER_PORT (UI http://127.0.0.1:$TEMPORAL_CLUSTER_UI_PORT)"
  else
    log "up: PostgreSQL 127.0.0.1:$PGPORT ($RAKSHA_DB, $RAKSHA_TEST_DB), Redis 127.0.0.1:$REDIS_PORT, Temporal 127.0.0.1:$TEMPORAL_PORT (UI http://127.0.0.1:$TEMPORAL_UI_PORT)"
  fi
}

down() {
  if [ -f "$RAKSHA_HOME/temporal.pid" ] && kill -0 "$(cat "$RAKSHA_HOME/temporal.pid")" 2>/dev/null; then
    log "stopping Temporal"; kill "$(cat "$RAKSHA_HOME/temporal.pid")"; rm -f "$RAKSHA_HOME/temporal.pid"
  fi
  temporal_cluster_down
  mailpit_down
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
    log "stopping Redis"; redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
  fi
  local v; v="$(pg_version)"
  if [ -n "$v" ] && pg_isready -h 127.0.0.1 -p "$PGPORT" >/dev/null 2>&1; then
    log "stopping PostgreSQL"; as_root pg_ctlcluster "$v" main stop
  fi
}

status() {
  local rc=0
  if pg_isready -h 127.0.0.1 -p "$PGPORT" >/dev/null 2>&1; then echo "postgres  up    127.0.0.1:$PGPORT"; else echo "postgres  down"; rc=1; fi
  if redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then echo "redis     up    127.0.0.1:$REDIS_PORT"; else echo "redis     down"; rc=1; fi
  if [ -x "$TEMPORAL_BIN" ] && temporal_ready; then echo "temporal  up    127.0.0.1:$TEMPORAL_PORT  ui http://127.0.0.1:$TEMPORAL_UI_PORT"; elif [ "$RAKSHA_TEMPORAL" = cluster ]; then echo "temporal  (dev server not used: RAKSHA_TEMPORAL=cluster)"; else echo "temporal  down"; rc=1; fi
  temporal_cluster_status || rc=1
  if [ -x "$MAILPIT_BIN" ]; then
    if mailpit_ready; then echo "mailpit   up    127.0.0.1:$MAILPIT_SMTP_PORT  web http://127.0.0.1:$MAILPIT_UI_PORT"; else echo "mailpit   down  (scripts/services.sh mail-up; npm start starts it)"; fi
  fi
  if [ -x "$RAKSHA_HOME/bin/temporal-test-server" ]; then echo "test-server ready  $RAKSHA_HOME/bin/temporal-test-server"; else echo "test-server missing"; rc=1; fi
  return $rc
}

case "${1:-}" in
  up) up ;;
  mail-up) mailpit_up ;;
  down) down ;;
  status) status ;;
  fresh-test-db) fresh_test_db ;;
  *) echo "usage: $0 up|mail-up|down|status|fresh-test-db" >&2; exit 2 ;;
esac
