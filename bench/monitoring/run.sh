#!/usr/bin/env bash
# The monitoring dashboard (/Monitoring/{id}) and its network data (/Monitoring/{id}/Network) on SQLite, for the 276-teacher demo
# school and a 5,000-teacher school, each with a year of pairs at work (bench/compmap/gen.py grows the school and its diagnostics,
# bench/pairs/gen.py approves pairs and adds meetings, feedback, plans and consultations, bench/monitoring/gen.py adds the pairs'
# pulses and a climate survey), measured with wrk: 20 concurrent users for 20 s per page after a 15 s warm-up (target of issue 13:
# p95 < 200 ms).
# Usage: bench/monitoring/run.sh [N ...]      (default: 276 5000; needs python3, wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
work="$(mktemp -d /tmp/nastavnik-monitoring.XXXXXX)"
app_pid=""
trap '[ -n "$app_pid" ] && kill $app_pid 2>/dev/null; rm -rf "$work"' EXIT
export Logging__LogLevel__Default=Warning
export Nastavnik__Demo__Enabled=true
export Nastavnik__Jobs__Enabled=false
dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null
dll=src/Nastavnik.Web/bin/Release/net10.0/nastavnik.dll
port=${PORT:-5199}
base="http://127.0.0.1:$port"
start() {
  dotnet "$dll" --urls "$base" >> "$work/app.log" 2>&1 & app_pid=$!
  until curl -sf "$base/health" >/dev/null; do sleep 0.5; done
}
stop() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }
demo_ready() { python3 -c "import sqlite3,sys; c=sqlite3.connect('$1'); sys.exit(0 if c.execute(\"SELECT count(*) FROM People p JOIN Organizations o ON o.Id=p.SchoolId WHERE o.IsDemo=1\").fetchone()[0] >= 276 else 1)" 2>/dev/null; }
signin() {
  local jar="$work/cookies-$1"
  token=$(curl -s -c "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  awk '$6 ~ /^(nastavnik|\.AspNetCore)/ {printf "%s=%s; ", $6, $7}' "$jar"
}
measure() { # name path cookie
  local page
  page=$(curl -sf -H "Cookie: $3" "$base$2")
  echo "--- $1 ($2): $(wc -c <<<"$page") bytes; 20 users, 20 s ---"
  # warm-up: the JIT's tiers and dynamic PGO settle after thousands of requests
  COOKIE="$3" MAP_PATHS="$2" wrk -t2 -c20 -d15s -s bench/compmap/load.lua "$base" >/dev/null
  COOKIE="$3" MAP_PATHS="$2" wrk -t2 -c20 -d20s -s bench/compmap/load.lua "$base"
}

for n in ${@:-276 5000}; do
  topics=$([ "$n" -le 276 ] && echo 25 || echo 60)
  db="$work/monitoring-$n.db"
  export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$db"
  start
  until demo_ready "$db"; do sleep 0.5; done
  stop
  python3 bench/compmap/gen.py "$db" "$n" "$topics"
  python3 bench/pairs/gen.py "$db"
  python3 bench/monitoring/gen.py "$db"
  program=$(python3 -c "import sqlite3; c=sqlite3.connect('$db'); print(c.execute(\"SELECT p.Id FROM Programs p JOIN Organizations o ON o.Id=p.SchoolId WHERE o.IsDemo=1 AND p.Status='Active'\").fetchone()[0])")
  start
  cookie="$(signin curator curator2026)"
  echo "=== N=$n teachers, program $program ==="
  measure "dashboard" "/Monitoring/$program" "$cookie"
  measure "network data" "/Monitoring/$program/Network" "$cookie"
  stop
done
