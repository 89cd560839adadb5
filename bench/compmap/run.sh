#!/usr/bin/env bash
# Competency map page (/Diagnostics/Map) on SQLite: the 276-teacher demo school (25 topics) and a 5,000-teacher school
# (60 topics), each with a program, a round and realistic answers (bench/compmap/gen.py), measured with wrk as the demo curator.
# Usage: bench/compmap/run.sh [N ...]      (default: 276 5000; needs python3, wrk)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
work="$(mktemp -d /tmp/nastavnik-compmap.XXXXXX)"
app_pid=""
trap '[ -n "$app_pid" ] && kill $app_pid 2>/dev/null; rm -rf "$work"' EXIT
export Logging__LogLevel__Default=Warning
export Nastavnik__Demo__Enabled=true
dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null
dll=src/Nastavnik.Web/bin/Release/net10.0/nastavnik.dll
port=${PORT:-5198}
base="http://127.0.0.1:$port"
start() {
  dotnet "$dll" --urls "$base" >> "$work/app.log" 2>&1 & app_pid=$!
  until curl -sf "$base/health" >/dev/null; do sleep 0.5; done
}
stop() { kill "$app_pid"; wait "$app_pid" 2>/dev/null || true; app_pid=""; }
demo_ready() { python3 -c "import sqlite3,sys; c=sqlite3.connect('$1'); sys.exit(0 if c.execute(\"SELECT count(*) FROM People p JOIN Organizations o ON o.Id=p.SchoolId WHERE o.IsDemo=1\").fetchone()[0] >= 276 else 1)" 2>/dev/null; }

for n in ${@:-276 5000}; do
  topics=$([ "$n" -le 276 ] && echo 25 || echo 60)
  db="$work/map-$n.db"
  export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$db"
  start                                   # first start: migrations and the demo school (276 teachers, 25 topics)
  until demo_ready "$db"; do sleep 0.5; done
  stop
  python3 bench/compmap/gen.py "$db" "$n" "$topics"
  start

  jar="$work/cookies-$n"
  token=$(curl -s -c "$jar" "$base/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=curator" --data-urlencode "Input.Password=curator2026" \
    --data-urlencode "__RequestVerificationToken=$token" "$base/Account/Login"
  export COOKIE="$(awk '$6 ~ /^(nastavnik|\.AspNetCore)/ {printf "%s=%s; ", $6, $7}' "$jar")"
  page=$(curl -sf -H "Cookie: $COOKIE" "$base/Diagnostics/Map")
  echo "=== N=$n teachers, $topics topics: $(grep -o 'data-testid="answered">[0-9]*' <<<"$page" | grep -o '[0-9]*$') answered, page $(wc -c <<<"$page") bytes, $(grep -o '<tr' <<<"$page" | wc -l) table rows ==="
  dir=$(grep -o '<option value="[0-9]*"' <<<"$page" | head -3 | tail -1 | grep -o '[0-9]*')
  dept=$(python3 -c "import sqlite3,urllib.parse; c=sqlite3.connect('$db'); print(urllib.parse.quote(c.execute('SELECT Department FROM People WHERE Department IS NOT NULL GROUP BY Department ORDER BY count(*) DESC').fetchone()[0]))")
  mix="/Diagnostics/Map /Diagnostics/Map?p=2 /Diagnostics/Map?dir=$dir /Diagnostics/Map?dept=$dept"
  for path in $mix "/Diagnostics/Map?handler=Export" "/Diagnostics/Bases" "/Diagnostics/Bases?tab=mentees"; do
    t=$(for i in 1 2 3 4 5 6 7; do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" "$base$path"; done | sort -n | sed -n 4p)
    echo "  alone, median of 7: $path  ${t}s"
  done
  MAP_PATHS="/Diagnostics/Map" wrk -t2 -c4 -d5s -s bench/compmap/load.lua "$base" >/dev/null   # warm-up
  echo "--- /Diagnostics/Map alone: 1 user, 20 s ---"
  MAP_PATHS="/Diagnostics/Map" wrk -t1 -c1 -d20s -s bench/compmap/load.lua "$base"
  echo "--- map, mixed (first page, page 2, a direction, a department): 10 concurrent users, 20 s ---"
  MAP_PATHS="$mix" wrk -t2 -c10 -d20s -s bench/compmap/load.lua "$base"
  stop
done
