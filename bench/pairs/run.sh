#!/usr/bin/env bash
# The teacher's cabinet (the home page of a teacher in pairs) and the curator's board (/Pairs/Board) on SQLite, for the 276-teacher
# demo school and a 5,000-teacher school, each with pairs at work for a year (bench/compmap/gen.py grows the school and its
# diagnostics, bench/pairs/gen.py approves pairs and adds meetings, feedback, plans and consultations), measured with wrk:
# 20 concurrent users for 20 s per page after a 15 s warm-up (target of issue 12: p95 < 100 ms).
# Usage: bench/pairs/run.sh [N ...]      (default: 276 5000; needs python3, wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
work="$(mktemp -d /tmp/nastavnik-pairs.XXXXXX)"
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
  echo "--- $1 ($2): page $(wc -c <<<"$page") bytes; 20 users, 20 s ---"
  # warm-up: the JIT's tiers and dynamic PGO settle after thousands of requests (a 5 s warm-up left the first page measured at a
  # third of its warm throughput)
  COOKIE="$3" MAP_PATHS="$2" wrk -t2 -c20 -d15s -s bench/compmap/load.lua "$base" >/dev/null
  COOKIE="$3" MAP_PATHS="$2" wrk -t2 -c20 -d20s -s bench/compmap/load.lua "$base"
}

for n in ${@:-276 5000}; do
  topics=$([ "$n" -le 276 ] && echo 25 || echo 60)
  db="$work/pairs-$n.db"
  export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$db"
  start
  until demo_ready "$db"; do sleep 0.5; done
  stop
  python3 bench/compmap/gen.py "$db" "$n" "$topics"
  python3 bench/pairs/gen.py "$db"
  start
  echo "=== N=$n teachers ==="
  measure "teacher's cabinet, mentor of 3" "/" "$(signin teacher teacher2026)"
  measure "teacher's cabinet, mentee of 2" "/" "$(signin teacher2 teacher2026)"
  measure "curator's board" "/Pairs/Board" "$(signin curator curator2026)"
  stop
done
