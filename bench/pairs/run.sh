#!/usr/bin/env bash
# The teacher's cabinet (the home page of a teacher in pairs) and the curator's board (/Pairs/Board) on SQLite, for the 276-teacher
# demo school and a 5,000-teacher school, each with pairs at work for a year (bench/compmap/gen.py grows the school and its
# diagnostics, bench/pairs/gen.py approves pairs and adds meetings, feedback, plans and consultations), measured with wrk:
# 20 concurrent users for 20 s per page after a 15 s warm-up (target of issue 12: p95 < 100 ms).
# Usage: bench/pairs/run.sh [N ...]      (default: 276 5000; needs python3, wrk)
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$0")/../lib.sh"
bench_init pairs 5199

for n in ${@:-276 5000}; do
  grow_demo "$work/pairs-$n.db" "$n" bench/pairs/gen.py
  start
  echo "=== N=$n teachers ==="
  measure "teacher's cabinet, mentor of 3" "/" "$(signin teacher teacher2026)"
  measure "teacher's cabinet, mentee of 2" "/" "$(signin teacher2 teacher2026)"
  measure "curator's board" "/Pairs/Board" "$(signin curator curator2026)"
  stop
done
