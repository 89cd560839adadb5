#!/usr/bin/env bash
# Competency map page (/Diagnostics/Map) on SQLite: the 276-teacher demo school (25 topics) and a 5,000-teacher school
# (60 topics), each with a program, a round and realistic answers (bench/compmap/gen.py), measured with wrk as the demo curator.
# Usage: bench/compmap/run.sh [N ...]      (default: 276 5000; needs python3, wrk)
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$0")/../lib.sh"
bench_init compmap 5198

for n in ${@:-276 5000}; do
  db="$work/map-$n.db"
  grow_demo "$db" "$n"
  start
  export COOKIE="$(signin curator curator2026)"
  page=$(curl -sf -H "Cookie: $COOKIE" "$base/Diagnostics/Map")
  echo "=== N=$n teachers, $(topics_for "$n") topics: $(grep -o 'data-testid="answered">[0-9]*' <<<"$page" | grep -o '[0-9]*$') answered, page $(wc -c <<<"$page") bytes, $(grep -o '<tr' <<<"$page" | wc -l) table rows ==="
  dir=$(grep -o '<option value="[0-9]*"' <<<"$page" | head -3 | tail -1 | grep -o '[0-9]*')
  dept=$(python3 -c "import sqlite3,urllib.parse; c=sqlite3.connect('$db'); print(urllib.parse.quote(c.execute('SELECT Department FROM People WHERE Department IS NOT NULL GROUP BY Department ORDER BY count(*) DESC').fetchone()[0]))")
  mix="/Diagnostics/Map /Diagnostics/Map?p=2 /Diagnostics/Map?dir=$dir /Diagnostics/Map?dept=$dept"
  for path in $mix "/Diagnostics/Map?handler=Export" "/Diagnostics/Bases" "/Diagnostics/Bases?tab=mentees"; do
    alone "$path" "$COOKIE"
  done
  MAP_PATHS="/Diagnostics/Map" wrk -t2 -c4 -d5s -s bench/compmap/load.lua "$base" >/dev/null   # warm-up
  echo "--- /Diagnostics/Map alone: 1 user, 20 s ---"
  MAP_PATHS="/Diagnostics/Map" wrk -t1 -c1 -d20s -s bench/compmap/load.lua "$base"
  echo "--- map, mixed (first page, page 2, a direction, a department): 10 concurrent users, 20 s ---"
  MAP_PATHS="$mix" wrk -t2 -c10 -d20s -s bench/compmap/load.lua "$base"
  stop
done
