#!/usr/bin/env bash
# The program's final report (/Documents/Reports/{id}?handler=Final: a .docx with every indicator, the table of all pairs and groups,
# activities, SWOT, surveys and three SkiaSharp charts) on SQLite for a 5,000-teacher school with a year of pairs at work
# (bench/compmap/gen.py grows the school, bench/pairs/gen.py approves pairs and adds meetings and plans, bench/monitoring/gen.py the
# pulses, bench/reports/gen.py the pairs' quarterly reports, joint activities, a SWOT and a satisfaction survey). One curator
# downloads it one request after another: the median of 7 (target of issue 14: under 2 s), then the quarter's report and the
# practice description, with the size of each file.
# Usage: bench/reports/run.sh [N ...]      (default: 5000; needs python3; KEEP=FILE keeps the last final report)
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$0")/../lib.sh"
bench_init reports 5201

for n in ${@:-5000}; do
  db="$work/reports-$n.db"
  grow_demo "$db" "$n" bench/pairs/gen.py bench/monitoring/gen.py bench/reports/gen.py
  program=$(python3 -c "import sqlite3; c=sqlite3.connect('$db'); print(c.execute(\"SELECT p.Id FROM Programs p JOIN Organizations o ON o.Id=p.SchoolId WHERE o.IsDemo=1 AND p.Status='Active'\").fetchone()[0])")
  pairs=$(python3 -c "import sqlite3; c=sqlite3.connect('$db'); print(c.execute('SELECT count(*) FROM MentoringPairs WHERE ProgramId=$program').fetchone()[0])")
  start
  cookie="$(signin curator curator2026)"
  echo "=== N=$n teachers, program $program, $pairs pairs; load average: $(cut -d' ' -f1-3 /proc/loadavg) ==="
  for path in "/Documents/Reports/$program?handler=Final" "/Documents/Reports/$program?handler=Quarter&quarter=2026-4" \
              "/Documents/Reports/$program?handler=Practice"; do
    size=$(curl -sf -H "Cookie: $cookie" -o "$work/report.docx" -w '%{size_download}' "$base$path")
    echo "  $path: $size bytes"
    alone "$path" "$cookie" 7
  done
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ -n "${KEEP:-}" ]; then curl -sf -H "Cookie: $cookie" -o "$KEEP" "$base/Documents/Reports/$program?handler=Final"; fi
  stop
done
