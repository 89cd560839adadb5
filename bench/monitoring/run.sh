#!/usr/bin/env bash
# The monitoring dashboard (/Monitoring/{id}) and its network data (/Monitoring/{id}/Network) on SQLite, for the 276-teacher demo
# school and a 5,000-teacher school, each with a year of pairs at work (bench/compmap/gen.py grows the school and its diagnostics,
# bench/pairs/gen.py approves pairs and adds meetings, feedback, plans and consultations, bench/monitoring/gen.py adds the pairs'
# pulses and a climate survey), measured with wrk: 20 concurrent users for 20 s per page after a 15 s warm-up (target of issue 13:
# p95 < 200 ms).
# Usage: bench/monitoring/run.sh [N ...]      (default: 276 5000; needs python3, wrk)
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$0")/../lib.sh"
bench_init monitoring 5199

for n in ${@:-276 5000}; do
  db="$work/monitoring-$n.db"
  grow_demo "$db" "$n" bench/pairs/gen.py bench/monitoring/gen.py
  program=$(python3 -c "import sqlite3; c=sqlite3.connect('$db'); print(c.execute(\"SELECT p.Id FROM Programs p JOIN Organizations o ON o.Id=p.SchoolId WHERE o.IsDemo=1 AND p.Status='Active'\").fetchone()[0])")
  start
  cookie="$(signin curator curator2026)"
  echo "=== N=$n teachers, program $program ==="
  measure "dashboard" "/Monitoring/$program" "$cookie"
  measure "network data" "/Monitoring/$program/Network" "$cookie"
  stop
done
