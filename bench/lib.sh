# Shared by the page benchmarks on SQLite (bench/compmap, bench/pairs, bench/monitoring): sourced, not run.
# bench_init NAME PORT: goes to the repository's root, installs wrk when missing, makes a work folder (removed on exit, with the
# app stopped), builds the app (or takes $APP/nastavnik.dll, a build made before), and sets $work, $dll, $base. Then:
#   grow_demo FILE N [gen.py ...]: a fresh SQLite file with the demo school (the app's first start), grown to N teachers by
#                                  bench/compmap/gen.py (25 topics up to 276 teachers, 60 above), then each further generator run on it;
#   start / stop:                  the app on $base over $Nastavnik__ConnectionStrings__Nastavnik (set by grow_demo);
#   signin LOGIN PASSWORD:         prints the cookie header of a signed-in session;
#   alone PATH COOKIE [N]:         the median time of N (7) requests one after another;
#   measure NAME PATH COOKIE:      20 users for 20 s on PATH after a 15 s warm-up, with wrk (requests/s, p50, p90, p95, p99);
#                                  the script is bench/compmap/load.lua (it keeps the cookie the app renews) or $LOAD_LUA.
# shellcheck shell=bash

bench_init() {
  set -euo pipefail
  cd "$(dirname "${BASH_SOURCE[0]}")/.."
  command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
  work="$(mktemp -d "/tmp/nastavnik-$1.XXXXXX")"
  app_pid=""
  trap '[ -n "$app_pid" ] && kill $app_pid 2>/dev/null; rm -rf "$work"' EXIT
  export Logging__LogLevel__Default=Warning
  export Nastavnik__Demo__Enabled=true
  export Nastavnik__Jobs__Enabled=false
  if [ -n "${APP:-}" ]; then dll="$APP/nastavnik.dll"    # a build made before (an A/B of two commits)
  else
    dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null
    dll=src/Nastavnik.Web/bin/Release/net10.0/nastavnik.dll
  fi
  base="http://127.0.0.1:${PORT:-$2}"
}

start() {
  dotnet "$dll" --urls "$base" >> "$work/app.log" 2>&1 & app_pid=$!
  until curl -sf "$base/health" >/dev/null; do sleep 0.5; done
}

stop() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }

demo_ready() { python3 -c "import sqlite3,sys; c=sqlite3.connect('$1'); sys.exit(0 if c.execute(\"SELECT count(*) FROM People p JOIN Organizations o ON o.Id=p.SchoolId WHERE o.IsDemo=1\").fetchone()[0] >= 276 else 1)" 2>/dev/null; }

topics_for() { [ "$1" -le 276 ] && echo 25 || echo 60; }

grow_demo() { # file n [generator ...]
  local db="$1" n="$2"; shift 2
  export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$db"
  start                                   # first start: migrations and the demo school (276 teachers, 25 topics)
  until demo_ready "$db"; do sleep 0.5; done
  stop
  python3 bench/compmap/gen.py "$db" "$n" "$(topics_for "$n")"
  local gen
  for gen in "$@"; do python3 "$gen" "$db"; done
}

signin() { # login password
  local jar="$work/cookies-$1" token
  token=$(curl -s -c "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=$1" --data-urlencode "Input.Password=$2" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  awk '$6 ~ /^(nastavnik|\.AspNetCore)/ {printf "%s=%s; ", $6, $7}' "$jar"
}

alone() { # path cookie [n]
  local n="${3:-7}" t
  t=$(for _ in $(seq "$n"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$base$1"; done | sort -n | sed -n "$(( (n + 1) / 2 ))p")
  echo "  alone, median of $n: $1  ${t}s"
}

measure() { # name path cookie
  local page
  page=$(curl -sf -H "Cookie: $3" "$base$2")
  echo "--- $1 ($2): page $(wc -c <<<"$page") bytes; 20 users, 20 s ---"
  # warm-up: the JIT's tiers and dynamic PGO settle after thousands of requests (a 5 s warm-up left the first page measured at a
  # third of its warm throughput)
  COOKIE="$3" MAP_PATHS="$2" wrk -t2 -c20 -d15s -s "${LOAD_LUA:-bench/compmap/load.lua}" "$base" >/dev/null
  COOKIE="$3" MAP_PATHS="$2" wrk -t2 -c20 -d20s -s "${LOAD_LUA:-bench/compmap/load.lua}" "$base"
}
