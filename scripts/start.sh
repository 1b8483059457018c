#!/usr/bin/env bash
# `npm start`: services up, migrations, seed, then the worker, the notification processor and the API
# (Ctrl-C stops all three). Notices go to the in-app inbox and by email to Mailpit, a local mail catcher whose web page
# shows every email sent; set NOTIFY_CHANNELS and SMTP_URL (docs/notifications.md) to reach real people instead.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh app
source scripts/env.sh
export NOTIFY_CHANNELS="${NOTIFY_CHANNELS-email}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:$MAILPIT_SMTP_PORT}"

pids=()
# Stops every process started below, node included: `kill <this script>` (a process manager stopping it) reaches
# only `npm run`, which does not pass the signal on; Ctrl-C reaches the whole process group anyway.
descendants() { local child; for child in $(pgrep -P "$1"); do descendants "$child"; echo "$child"; done; }
cleanup() { trap - EXIT INT TERM; kill $(descendants $$) 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

# Every institution's registration and open missing report has its watch (seeded ones, or signals lost).
npm run --silent watches:sync
# Cases registered before the name search get their child's name keys (#20): found by name in any script.
npm run --silent cases:name-keys
# Inbox delivery in its own, lower-priority process: a burst of escalations is recorded first.
WORKER_DELIVERS_NOTIFICATIONS=false npm run --silent worker & pids+=($!)
npm run --silent notifications & pids+=($!)
npm run --silent api & pids+=($!)
echo "[start] API        http://127.0.0.1:${API_PORT:-3000}"
echo "[start] Web app    http://127.0.0.1:${API_PORT:-3000}/app/"
echo "[start] Swagger UI http://127.0.0.1:${API_PORT:-3000}/docs"
if [ "$SMTP_URL" = "smtp://127.0.0.1:$MAILPIT_SMTP_PORT" ]; then echo "[start] Emails     http://127.0.0.1:$MAILPIT_UI_PORT (Mailpit: every email Raksha sends, caught here; demo users are <username>@raksha.invalid)"; fi
if [ "$RAKSHA_TEMPORAL" = cluster ]; then echo "[start] Temporal UI http://127.0.0.1:$TEMPORAL_CLUSTER_UI_PORT (the Temporal server on PostgreSQL)"; else echo "[start] Temporal UI http://127.0.0.1:$TEMPORAL_UI_PORT"; fi
# A year of demo work in the demo districts (docs/demo-data.md), once: cases replayed on the worker just started, reports
# filed and matched. A second start finds it there at once. RAKSHA_DEMO_DATA=0 starts with the bodies and people only.
if [ "${RAKSHA_DEMO_DATA:-1}" != 0 ]; then npm run --silent demo:data || echo "[start] demo data not complete (npm run demo:data finishes it)"; fi
wait -n "${pids[@]}"
