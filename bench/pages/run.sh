#!/usr/bin/env bash
# Throughput per page on the demo school (SQLite, 276 teachers as `demo` creates them), signed in as the demo curator: the
# curator's home (/), the competency map (/Diagnostics/Map), the registry (/Staff) and the matching page (/Matching), each with
# wrk, 20 connections for 20 s after a 15 s warm-up (bench/lib.sh `measure`). Targets of issue 15: home, map and registry at
# least 500 req/s, matching at least 200 req/s on two cores.
# Usage: bench/pages/run.sh [PATH ...]      (default: the four pages; needs wrk)
set -euo pipefail
# shellcheck source=../lib.sh
source "$(dirname "$0")/../lib.sh"
bench_init pages 5198

db="$work/pages.db"
export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$db"
start
until demo_ready "$db"; do sleep 0.5; done
cookie="$(signin curator curator2026)"
echo "=== demo school, curator; load average $(cut -d' ' -f1-3 /proc/loadavg) ==="
for path in ${@:-/ /Diagnostics/Map /Staff /Matching}; do
  measure "curator" "$path" "$cookie"
  alone "$path" "$cookie"
done
echo "=== load average $(cut -d' ' -f1-3 /proc/loadavg) ==="
