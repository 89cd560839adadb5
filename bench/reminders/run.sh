#!/usr/bin/env bash
# The reminder job (`nastavnik remind`, one pass of what the job runner does every five minutes) over the demo school grown to
# N teachers (default 5,000), every one with an account, with every reminder due at once: a round opened and closing in two days,
# the choice stage opened and closing tomorrow, pairs approved today, ten roadmap events overdue. Runs the job three times:
# the first pass creates the notifications; then three passes in one process find nothing new (the steady state every five
# minutes, warm). Each line is one reminder: what it created and how long it took.
# Usage: bench/reminders/run.sh [N]      (needs python3; about 3 minutes)
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-5000}
work="$(mktemp -d /tmp/nastavnik-reminders.XXXXXX)"
trap 'rm -rf "$work"' EXIT
export Logging__LogLevel__Default=Warning
export Nastavnik__Demo__Enabled=true
export Nastavnik__ConnectionStrings__Nastavnik="Data Source=$work/r.db"
dotnet build src/Nastavnik.Web -c Release -v q -nologo >/dev/null
dll=src/Nastavnik.Web/bin/Release/net10.0/nastavnik.dll
dotnet "$dll" migrate >/dev/null
dotnet "$dll" demo reset >/dev/null                 # the demo school: 276 teachers, its program and roadmap
python3 bench/compmap/gen.py "$work/r.db" "$n" 60  # grown to N teachers with a round and answers
python3 bench/reminders/gen.py "$work/r.db" "$(date +%F)"
echo "--- first pass (a fresh process) ---"
dotnet "$dll" remind
echo "--- three more passes in one process (nothing new is due) ---"
dotnet "$dll" remind --runs 3
python3 -c "import sqlite3; c=sqlite3.connect('$work/r.db'); [print('  ', k, n) for k, n in c.execute('SELECT Kind, count(*) FROM Notifications GROUP BY Kind ORDER BY Kind')]"
