#!/usr/bin/env bash
# Load through nginx (issue 15): brings up deploy/local-cluster.sh (two nodes, nginx, PostgreSQL primary and hot standby), grows
# the demo school to a 5,000-teacher district on PostgreSQL (bench/load/grow.sql: teachers, answers of the open round, accounts),
# signs in TEACHERS teachers and CURATORS curators, and drives a fixed RATE of a school day's mix for SECONDS through nginx's
# plain-HTTP port (bench/load/drive.py: open loop, latency from when each request was due). Prints p50/p95/p99, errors by kind
# and each node's RSS every minute, then tears the cluster down. Targets: 0 errors, p95 < 200 ms, minute 10 within 10 % of
# minute 2.
# Usage: bench/load/run.sh [SECONDS] [RATE]     (default 600 s at 50 req/s; e.g. bench/load/run.sh 60 to try it)
#        env: TEACHERS (300), CURATORS (10), DISTRICT (5000 teachers), APP (a build folder; default: dotnet build -c Release)
# Needs PostgreSQL 15, nginx, python3 (deploy/local-cluster.sh installs nginx when missing). Run the 10-minute run in the
# background: bench/load/run.sh > /tmp/load.log 2>&1 &
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-600}"; rate="${2:-50}"
teachers="${TEACHERS:-300}"; curators="${CURATORS:-10}"; district="${DISTRICT:-5000}"
dir="$(mktemp -d /tmp/nastavnik-load.XXXXXX)"
trap 'deploy/local-cluster.sh down --dir "$dir" >/dev/null 2>&1 || true' EXIT

if [[ -z "${APP:-}" ]]; then dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null; APP=src/Nastavnik.Web/bin/Release/net10.0; fi
deploy/local-cluster.sh up --dir "$dir" --app "$APP" | grep '^==>'
# shellcheck disable=SC1091
source "$dir/cluster.env"
psql_primary() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- psql -X -q -h "$dir/run" -p "$PRIMARY_PORT" -U postgres -d nastavnik "$@"
  else psql -X -q -h "$dir/run" -p "$PRIMARY_PORT" -U postgres -d nastavnik "$@"; fi
}
echo "==> growing the demo school to $district teachers, $teachers teacher and $curators curator accounts"
psql_primary -v teachers="$district" -v accounts="$teachers" -v curators="$curators" <bench/load/grow.sql

echo "==> $rate req/s for $seconds s through nginx (http://127.0.0.1:$HTTP_PORT); load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 bench/load/drive.py "http://127.0.0.1:$HTTP_PORT" --teachers "$teachers" --curators "$curators" --rate "$rate" \
  --seconds "$seconds" --pids "$NODE1_PID,$NODE2_PID" --json "${JSON_OUT:-/dev/null}"
echo "==> load average at the end $(cut -d' ' -f1-3 /proc/loadavg); nginx's upstreams: $(grep -c . "$dir/nginx/access.log") requests logged"
echo "==> errors in the nodes' logs (the first start's probe of the migrations table left out):"
grep -h '"LogLevel":"\(Error\|Critical\)"' "$dir"/node*.log | grep -v __EFMigrationsHistory | cut -c1-400 | head -5 || true
