#!/usr/bin/env bash
# Generates the benchmark instances and times the matching engine on them.
#
#   bench/matching.sh                 # school, district, city (scope district)
#   bench/matching.sh school city     # only these sizes
#   RUNS=3 DIRECT=1 bench/matching.sh # fewer runs; also time the one-arc-per-contract network
#
# It times `Nastavnik.Matching.Bench match --instance FILE --out FILE`, which runs
# MatchingCli.Run — the code behind `nastavnik match` — so process start and JIT are included.
# Then `profile` prints warm in-process times split into parse / build / simplex, and
# /usr/bin/time reports the peak memory (max RSS). Instances are cached in $NASTAVNIK_BENCH_DIR
# (default $TMPDIR/nastavnik-bench); the generator is $MATCHING_INSTANCE_GEN or the repository's
# tools/matching-instance-gen.py. For BenchmarkDotNet figures run:
#   dotnet bench/Nastavnik.Matching.Bench/bin/Release/net10.0/Nastavnik.Matching.Bench.dll --filter '*EndToEnd*'
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
project="$root/bench/Nastavnik.Matching.Bench"
dll="$project/bin/Release/net10.0/Nastavnik.Matching.Bench.dll"
dir="${NASTAVNIK_BENCH_DIR:-${TMPDIR:-/tmp}/nastavnik-bench}"
runs="${RUNS:-10}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(school district city)

gen="${MATCHING_INSTANCE_GEN:-$root/tools/matching-instance-gen.py}"
[ -f "$gen" ] || { echo "$gen not found; set MATCHING_INSTANCE_GEN" >&2; exit 1; }

dotnet build "$project" -c Release --nologo -v quiet >/dev/null
mkdir -p "$dir"

for size in "${sizes[@]}"; do
  instance="$dir/$size-seed1.json"    # same names as the BenchmarkDotNet project uses
  [ -f "$instance" ] || python3 "$gen" --size "$size" --seed 1 -o "$instance"
  echo "== $size ($(du -h "$instance" | cut -f1))"

  variants=("match")
  [ "${DIRECT:-0}" = "1" ] && variants+=("match --direct")
  for variant in "${variants[@]}"; do
    command="dotnet $dll $variant --instance $instance --out $dir/$size-result.json"
    if command -v hyperfine >/dev/null; then
      hyperfine --warmup 1 --runs "$runs" --style basic "$command"
    else
      for _ in $(seq "$runs"); do /usr/bin/time -f "%e s" $command >/dev/null; done
    fi
    /usr/bin/time -f "peak memory (max RSS): %M KB" $command
  done
  dotnet "$dll" profile --instance "$instance" | tail -1
  [ "${DIRECT:-0}" = "1" ] && dotnet "$dll" profile --instance "$instance" --direct | tail -1
done
