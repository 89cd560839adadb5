#!/usr/bin/env bash
# Registry list and search on a 50,000-person PostgreSQL database, 20 concurrent users, measured with wrk.
# Usage: bench/registry/run.sh   (needs postgresql, wrk; installs them when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$PWD"
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
PGBIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
work="$(mktemp -d /tmp/nastavnik-bench.XXXXXX)"; chown postgres "$work" 2>/dev/null || true
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
as_pg "$PGBIN/initdb" -D "$work/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$work/pg" -o "-p 55499 -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" -l "$work/pg.log" -w start >/dev/null
app_pid=""
trap '[ -n "$app_pid" ] && kill $app_pid 2>/dev/null; as_pg "$PGBIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1; rm -rf "$work"' EXIT
"$PGBIN/psql" -h 127.0.0.1 -p 55499 -U postgres -qc "CREATE DATABASE nastavnik" >/dev/null

export Nastavnik__Database__Provider=PostgreSQL
export Nastavnik__ConnectionStrings__Nastavnik="Host=127.0.0.1;Port=55499;Username=postgres;Database=nastavnik;Maximum Pool Size=50"
export Logging__LogLevel__Default=Warning
dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null
app="dotnet src/Nastavnik.Web/bin/Release/net10.0/nastavnik.dll"
$app migrate
python3 bench/registry/staff50k.py 50000 "$work/staff50k.csv" >/dev/null
# First start creates the demo school (id 3); then 50,000 more teachers go into it through the real import.
$app --demo --urls http://127.0.0.1:5199 > "$work/app.log" 2>&1 & app_pid=$!
until curl -sf http://127.0.0.1:5199/health >/dev/null; do sleep 0.5; done
/usr/bin/time -f "import of 50,000 rows: %e s, peak memory %M KB" $app import staff "$work/staff50k.csv" --school 3
"$PGBIN/psql" -h 127.0.0.1 -p 55499 -U postgres -d nastavnik -qc 'ANALYZE' >/dev/null
"$PGBIN/psql" -h 127.0.0.1 -p 55499 -U postgres -d nastavnik -tAc 'SELECT count(*) || '"' people in the database'"' FROM "People"'

# Sign in as the demo curator and keep the cookie.
jar="$work/cookies"
token=$(curl -s -c "$jar" http://127.0.0.1:5199/Account/Login | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//;s/"$//')
curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "Input.UserName=curator" --data-urlencode "Input.Password=curator2026" \
  --data-urlencode "__RequestVerificationToken=$token" http://127.0.0.1:5199/Account/Login
export COOKIE="$(awk '$6 ~ /^(nastavnik|\.AspNetCore)/ {printf "%s=%s; ", $6, $7}' "$jar")"
curl -sf -H "Cookie: $COOKIE" "http://127.0.0.1:5199/Staff?q=%D1%81%D0%B5%D0%BC%D0%B5%D0%BD%D0%BE%D0%B2%D0%B0" | grep -o 'Найдено: [^<]*' 

psql_() { "$PGBIN/psql" -h 127.0.0.1 -p 55499 -U postgres -d nastavnik -qtA "$@"; }
psql_ -c 'VACUUM ANALYZE' >/dev/null
single() {  # one user alone: median of 5 requests per page, to see which page costs what
  for path in "/Staff" "/Staff?p=40" "/Staff?sort=-exp&p=3" "/Staff?q=%D1%81%D0%B5%D0%BC%D0%B5%D0%BD%D0%BE%D0%B2%D0%B0" "/Staff?q=%D0%B0%D0%BB%D0%B5%D0%BD%D0%B0"; do
    t=$(for i in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' -H "Cookie: $COOKIE" "http://127.0.0.1:5199$path"; done | sort -n | sed -n 3p)
    echo "  alone: $path  ${t}s"
  done
}
wrk -t2 -c20 -d10s -s bench/registry/load.lua http://127.0.0.1:5199 >/dev/null   # warm-up
single
echo "--- stress: all 50,276 people in the curator's one school; 20 concurrent users, 30 s ---"
wrk -t2 -c20 -d30s -s bench/registry/load.lua http://127.0.0.1:5199

# The city shape: the same 50,000 people spread over 700 schools of the district; the demo school keeps its 276.
psql_ -c "INSERT INTO \"Organizations\" (\"Kind\", \"Name\", \"ParentId\", \"IsDemo\", \"CreatedAt\")
          SELECT 'School', 'Школа № ' || g, 2, false, now() FROM generate_series(1, 699) g" >/dev/null
psql_ -c "WITH s AS (SELECT \"Id\", row_number() OVER (ORDER BY \"Id\") - 1 AS n FROM \"Organizations\" WHERE \"Kind\" = 'School' AND NOT \"IsDemo\")
          UPDATE \"People\" p SET \"SchoolId\" = s.\"Id\" FROM s WHERE p.\"SchoolId\" = 3 AND p.\"Id\" > 276 AND p.\"Id\" % 699 = s.n" >/dev/null
psql_ -c 'VACUUM ANALYZE' >/dev/null
echo "$(psql_ -c 'SELECT count(*) FROM "People"') people in $(psql_ -c "SELECT count(*) FROM \"Organizations\" WHERE \"Kind\" = 'School'") schools; the curator's school has $(psql_ -c 'SELECT count(*) FROM "People" WHERE "SchoolId" = 3')"
wrk -t2 -c20 -d10s -s bench/registry/load.lua http://127.0.0.1:5199 >/dev/null   # warm-up
single
echo "--- city: 50,276 people in 700 schools; 20 concurrent users, 30 s ---"
wrk -t2 -c20 -d30s -s bench/registry/load.lua http://127.0.0.1:5199
