#!/usr/bin/env bash
# Import of a 5,000-row Google Forms export into a 5,000-teacher school (SQLite), through `nastavnik import forms`.
# Prints the command's own split (read / match / write) and the wall time of the whole process, for a first and a repeated import
# (the command's per-teacher lines are cut; the round opened on 01.09.2026, before every answer of the file).
# Usage: bench/forms/run.sh [N]   (default 5000; needs python3)
set -euo pipefail
cd "$(dirname "$0")/../.."
n="${1:-5000}"
work="$(mktemp -d /tmp/nastavnik-forms-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$work/nastavnik.db"
export Nastavnik__Demo__Enabled=false
export Logging__LogLevel__Default=Warning
dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null
app="dotnet src/Nastavnik.Web/bin/Release/net10.0/nastavnik.dll"
$app migrate >/dev/null
school=$($app school create --name "Школа для замера" | grep -o 'with id [0-9]*' | grep -o '[0-9]*')
python3 bench/forms/gen.py "$n" "$work/staff.csv" "$work/forms.csv"
$app import staff "$work/staff.csv" --school "$school"
python3 - "$work/nastavnik.db" "$school" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1]); school = int(sys.argv[2])
cur = db.execute("INSERT INTO Programs (SchoolId, Name, StartDate, EndDate, Forms, Status, Version, CreatedAt) VALUES (?, 'Программа 2026/2027', '2026-09-01', '2027-06-30', 1, 'Active', 0, datetime('now'))", (school,))
db.execute("INSERT INTO DiagnosticsRounds (SchoolId, ProgramId, Title, OpenedAt, Deadline, Version) VALUES (?, ?, 'Диагностика', '2026-09-01 00:00:00', '2026-09-30', 0)", (school, cur.lastrowid))
db.commit()
PY
echo "--- first import of $n rows ---"
/usr/bin/time -f "wall time of the whole command (with .NET start-up): %e s (CPU: user %U s, system %S s), peak memory %M KB" $app import forms "$work/forms.csv" --school "$school" --accept-uncertain | tail -n 2
echo "--- the same file again ---"
/usr/bin/time -f "wall time of the whole command (with .NET start-up): %e s (CPU: user %U s, system %S s), peak memory %M KB" $app import forms "$work/forms.csv" --school "$school" --accept-uncertain | tail -n 2
python3 - "$work/nastavnik.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print("in the round:", *(f"{t} {db.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}" for t in ("Offers", "Needs", "RoundResponses")), "; audit entries", db.execute("SELECT count(*) FROM AuditEntries").fetchone()[0])
PY
