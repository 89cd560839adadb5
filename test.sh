#!/usr/bin/env bash
# Runs every test of Nastavnik: unit and HTTP integration tests on SQLite and on a real PostgreSQL,
# and browser tests in Chromium. Installs what is missing (Debian packages: chromium, postgresql, npm, python3-aiosmtpd,
# libreoffice-writer-nogui, poppler-utils), starts a throwaway
# PostgreSQL on loopback for the duration of the run, and removes it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium fonts-dejavu-core)
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || missing+=(postgresql postgresql-contrib)
# npm fetches axe-core for the browser tests' accessibility walk (tests/Nastavnik.BrowserTests/*.csproj).
command -v npm >/dev/null || missing+=(npm)
# A real SMTP server on loopback for the letters' tests (tests/Nastavnik.Tests/Infrastructure/smtp_sink.py, run by /usr/bin/python3).
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
# LibreOffice converts documents to PDF (Files/Documents/PdfConverter); pdftotext reads the PDFs back in the tests.
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download"; exit 1; }

# A throwaway PostgreSQL cluster on a free loopback port. PostgreSQL refuses to run as root,
# so as root the cluster belongs to the 'postgres' user that the Debian package creates.
PGBIN="$(pg_bin)"
PGDIR="$(mktemp -d /tmp/nastavnik-pg.XXXXXX)"
PGPORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" = 0 ]; then chown postgres "$PGDIR"; fi
as_pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" -l "$PGDIR/log" -w start >/dev/null
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap cleanup EXIT
export NASTAVNIK_TEST_PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PGPORT"

# The house style (.editorconfig): the layout here; the code style (IDE rules) and the analyzers run in the build below, with
# warnings as errors (Directory.Build.props: EnforceCodeStyleInBuild), so the workspace is compiled once, not twice.
echo "Checking the format (dotnet format whitespace, .editorconfig)"
dotnet format whitespace Nastavnik.sln --verify-no-changes

# Build once, then run the three test projects side by side (MSBuild runs up to one per core). With the build inside
# `dotnet test`, a project's references are answered by the node that built them, so Nastavnik.Tests waited for the node busy
# with the browser tests and the projects ran one after another (docs/benchmarks.md, 30.11.2026).
dotnet build Nastavnik.sln -c Release
dotnet test Nastavnik.sln -c Release --no-build --logger "console;verbosity=normal" "$@"
