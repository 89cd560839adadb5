#!/usr/bin/env bash
# The deployment of docs/deploy.md on one machine: a PostgreSQL 15 primary and a streaming-replication hot standby,
# two Nastavnik nodes with the demo school, and nginx in front of both (HTTP and HTTPS with a self-signed certificate).
#
#   deploy/local-cluster.sh up [--dir DIR] [--app DIR]   start everything (refuses when already up) and print the addresses
#   deploy/local-cluster.sh status  [--dir DIR]          what runs, and the replication state
#   deploy/local-cluster.sh promote [--dir DIR]          stop the primary (as if it failed), promote the standby, show that
#                                                        it accepts writes, and restart both nodes on it
#   deploy/local-cluster.sh down    [--dir DIR]          stop everything it started and remove its folder
#
# --dir: the cluster's folder (default /tmp/nastavnik-cluster, or $NASTAVNIK_CLUSTER_DIR); it holds the databases, logs,
# the nginx configuration and cluster.env (ports and process ids). --app: a folder with nastavnik.dll (a `dotnet publish`
# output); default src/Nastavnik.Web/bin/Release/net10.0, built with `dotnet build -c Release` when missing.
# Runs as root (PostgreSQL then runs as the `postgres` user) or as a normal user (PostgreSQL runs as that user; sudo only
# to install nginx when it is missing). Everything listens on 127.0.0.1 only, on free ports.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
DIR="${NASTAVNIK_CLUSTER_DIR:-/tmp/nastavnik-cluster}"
APP=""
CMD="${1:-}"; shift || true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --app) APP="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 1 ;;
  esac
done
STATE="$DIR/cluster.env"

say() { printf '==> %s\n' "$*"; }
die() { printf 'local-cluster: %s\n' "$*" >&2; exit 1; }

# PostgreSQL's programs run as the postgres user under root (initdb refuses root), as the caller otherwise.
if [[ $EUID -eq 0 ]]; then PGUSER_OS=postgres; as_pg() { runuser -u postgres -- "$@"; }
else PGUSER_OS="$(id -un)"; as_pg() { "$@"; }; fi
sudo_if_needed() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
TAKEN=" "
pick_port() { # pick_port VAR FIRST: the first free loopback port from FIRST on, not picked before
  local p=$2
  while ! port_free "$p" || [[ "$TAKEN" == *" $p "* ]]; do p=$((p + 1)); done
  TAKEN+="$p "; printf -v "$1" '%s' "$p"
}

alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }
psql_on() { local port=$1; shift; as_pg "$PGBIN/psql" -X -q -h "$DIR/run" -p "$port" -U postgres "$@"; }

wait_http() { # wait_http URL SECONDS: until the URL answers 200
  local i
  for ((i = 0; i < $2 * 2; i++)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]] && return 0
    sleep 0.5
  done
  return 1
}

start_node() { # start_node N PGPORT AUTOMIGRATE: a Nastavnik node on NODE<N>_PORT, its log in node<N>.log
  local n=$1 pgport=$2 migrate=$3 port_var="NODE$1_PORT" extra=()
  [[ "$migrate" == true ]] && extra=(--demo)
  mkdir -p "$DIR/node$n"
  ( # each node has a home folder of its own: nothing is shared between them but the database
    cd "$DIR/node$n"
    export HOME="$DIR/node$n"
    export Nastavnik__Database__Provider=PostgreSQL
    # Two nodes of at most 40 connections each stay below PostgreSQL's max_connections (100) with room for psql and backups.
    export Nastavnik__ConnectionStrings__Nastavnik="Host=127.0.0.1;Port=$pgport;Database=nastavnik;Username=nastavnik;Password=$DB_PASSWORD;Maximum Pool Size=40"
    export Nastavnik__Database__AutoMigrate="$migrate"
    export Logging__Format=json
    export Web__BehindProxy=true
    export Web__KnownProxies__0=127.0.0.1
    export ASPNETCORE_ENVIRONMENT=Production
    exec setsid dotnet "$APP/nastavnik.dll" --urls "http://127.0.0.1:${!port_var}" "${extra[@]}" >>"$DIR/node$n.log" 2>&1 </dev/null
  ) &
  printf -v "NODE${n}_PID" '%s' "$!"
  wait_http "http://127.0.0.1:${!port_var}/health/ready" 300 || die "node $n did not become ready; see $DIR/node$n.log"
}

write_state() {
  cat >"$STATE" <<EOF
PRIMARY_PORT=$PRIMARY_PORT
STANDBY_PORT=$STANDBY_PORT
NODE1_PORT=$NODE1_PORT
NODE2_PORT=$NODE2_PORT
HTTP_PORT=$HTTP_PORT
HTTPS_PORT=$HTTPS_PORT
NODE1_PID=${NODE1_PID:-}
NODE2_PID=${NODE2_PID:-}
DB_PASSWORD=$DB_PASSWORD
REPL_PASSWORD=$REPL_PASSWORD
APP=$APP
DB_PORT=${DB_PORT:-$PRIMARY_PORT}
PROMOTED=${PROMOTED:-no}
EOF
  chmod 600 "$STATE"
}

write_nginx_conf() {
  local n="$DIR/nginx"
  mkdir -p "$n"
  # The self-signed certificate stands in for the real one (certbot or the school's own) of docs/deploy.md.
  openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=localhost" \
    -keyout "$n/nastavnik.key" -out "$n/nastavnik.crt" 2>/dev/null
  chmod 600 "$n/nastavnik.key"
  cat >"$n/nginx.conf" <<EOF
# Written by deploy/local-cluster.sh; the server blocks are those of docs/deploy.md with loopback ports.
worker_processes 2;
pid $n/nginx.pid;
error_log $n/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log $n/access.log;
  client_body_temp_path $n/client_temp;
  proxy_temp_path $n/proxy_temp;
  fastcgi_temp_path $n/fastcgi_temp;
  uwsgi_temp_path $n/uwsgi_temp;
  scgi_temp_path $n/scgi_temp;

  upstream nastavnik {
    server 127.0.0.1:$NODE1_PORT max_fails=3 fail_timeout=10s;
    server 127.0.0.1:$NODE2_PORT max_fails=3 fail_timeout=10s;
    keepalive 32;
  }

  # Plain HTTP on loopback for the load benchmark; a server redirects HTTP to HTTPS instead (docs/deploy.md).
  server {
    listen 127.0.0.1:$HTTP_PORT;
    include $n/proxy.conf;
  }

  server {
    listen 127.0.0.1:$HTTPS_PORT ssl http2;
    ssl_certificate     $n/nastavnik.crt;
    ssl_certificate_key $n/nastavnik.key;
    ssl_protocols TLSv1.2 TLSv1.3;
    ssl_session_cache shared:SSL:10m;
    add_header Strict-Transport-Security "max-age=31536000" always;
    include $n/proxy.conf;
  }
}
EOF
  cat >"$n/proxy.conf" <<'EOF'
client_max_body_size 25m;
# add_header here, not in the location: a location with an add_header of its own drops the server's (HSTS).
add_header X-Upstream $upstream_addr always;
location / {
  proxy_pass http://nastavnik;
  proxy_http_version 1.1;
  proxy_set_header Connection "";
  proxy_set_header Host $host;
  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
  proxy_set_header X-Forwarded-Proto $scheme;
  proxy_set_header X-Forwarded-Host $host;
  proxy_next_upstream error timeout http_502 http_503;
  proxy_read_timeout 120s;
}
EOF
  nginx -t -q -p "$n" -e "$n/error.log" -c "$n/nginx.conf"
}

cmd_up() {
  [[ -e "$STATE" ]] && die "already up in $DIR (run: $0 status, or $0 down)"
  [[ -x "$PGBIN/initdb" ]] || die "PostgreSQL 15 not found in $PGBIN (apt-get install postgresql-15)"
  command -v nginx >/dev/null || { say "installing nginx"; sudo_if_needed apt-get install -y nginx >/dev/null; }
  command -v openssl >/dev/null || die "openssl is needed for the self-signed certificate"
  if [[ -z "$APP" ]]; then
    APP="$REPO/src/Nastavnik.Web/bin/Release/net10.0"
    [[ -f "$APP/nastavnik.dll" ]] || { say "building Nastavnik (dotnet build -c Release)"; dotnet build "$REPO/src/Nastavnik.Web" -c Release >/dev/null; }
  fi
  APP="$(cd "$APP" && pwd)"
  [[ -f "$APP/nastavnik.dll" ]] || die "no nastavnik.dll in $APP"

  mkdir -p "$DIR"; DIR="$(cd "$DIR" && pwd)"; STATE="$DIR/cluster.env"
  chmod 755 "$DIR"
  pick_port PRIMARY_PORT 56432; pick_port STANDBY_PORT 56433
  pick_port NODE1_PORT 58081; pick_port NODE2_PORT 58082
  pick_port HTTP_PORT 58080; pick_port HTTPS_PORT 58443
  DB_PASSWORD="$(openssl rand -hex 16)"; REPL_PASSWORD="$(openssl rand -hex 16)"
  write_state
  mkdir -p "$DIR/pg" "$DIR/run"; chown "$PGUSER_OS" "$DIR/pg" "$DIR/run"

  say "PostgreSQL primary on 127.0.0.1:$PRIMARY_PORT"
  as_pg "$PGBIN/initdb" -D "$DIR/pg/primary" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log"
  cat >>"$DIR/pg/primary/postgresql.conf" <<EOF
# deploy/local-cluster.sh (docs/deploy.md, «Горячий резерв»)
listen_addresses = '127.0.0.1'
port = $PRIMARY_PORT
unix_socket_directories = '$DIR/run'
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
hot_standby = on
EOF
  echo "host replication replicator 127.0.0.1/32 scram-sha-256" >>"$DIR/pg/primary/pg_hba.conf"
  as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/primary" -l "$DIR/pg/primary.log" -w start >/dev/null
  psql_on "$PRIMARY_PORT" -d postgres -v ON_ERROR_STOP=1 <<EOF
CREATE ROLE nastavnik LOGIN PASSWORD '$DB_PASSWORD';
CREATE DATABASE nastavnik OWNER nastavnik ENCODING 'UTF8';
CREATE ROLE replicator REPLICATION LOGIN PASSWORD '$REPL_PASSWORD';
EOF

  say "PostgreSQL hot standby on 127.0.0.1:$STANDBY_PORT (pg_basebackup -R)"
  PGPASSWORD="$REPL_PASSWORD" as_pg "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U replicator \
    -D "$DIR/pg/standby" -R -X stream -C -S nastavnik_standby
  echo "port = $STANDBY_PORT" >>"$DIR/pg/standby/postgresql.conf"
  as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/standby" -l "$DIR/pg/standby.log" -w start >/dev/null

  say "Nastavnik node 1 on 127.0.0.1:$NODE1_PORT (migrates, creates the demo school)"
  start_node 1 "$PRIMARY_PORT" true; write_state
  say "Nastavnik node 2 on 127.0.0.1:$NODE2_PORT"
  start_node 2 "$PRIMARY_PORT" false; write_state

  say "nginx on 127.0.0.1:$HTTP_PORT (HTTP) and 127.0.0.1:$HTTPS_PORT (HTTPS)"
  write_nginx_conf
  nginx -p "$DIR/nginx" -e "$DIR/nginx/error.log" -c "$DIR/nginx/nginx.conf"
  wait_http "http://127.0.0.1:$HTTP_PORT/health/ready" 30 || die "nginx does not answer; see $DIR/nginx/error.log"
  print_summary
}

print_summary() {
  cat <<EOF

Nastavnik through nginx:  http://127.0.0.1:$HTTP_PORT/   https://127.0.0.1:$HTTPS_PORT/ (self-signed)
Nodes:                    http://127.0.0.1:$NODE1_PORT/ (pid $NODE1_PID)   http://127.0.0.1:$NODE2_PORT/ (pid $NODE2_PID)
PostgreSQL:               primary 127.0.0.1:$PRIMARY_PORT, hot standby 127.0.0.1:$STANDBY_PORT (nodes use ${DB_PORT:-$PRIMARY_PORT})
                          psql: $( [[ $EUID -eq 0 ]] && echo "runuser -u postgres -- ")$PGBIN/psql -h $DIR/run -p PORT -U postgres -d nastavnik
Logs:                     $DIR/node1.log  $DIR/node2.log  $DIR/nginx/access.log  $DIR/pg/*.log
Demo logins:              admin / admin2026, curator / curator2026, teacher / teacher2026, teacher2 / teacher2026,
                          psychologist / psychologist2026
Stop and remove:          $0 down$( [[ "$DIR" != /tmp/nastavnik-cluster ]] && echo " --dir $DIR")
EOF
}

load_state() {
  [[ -f "$STATE" ]] || die "not up in $DIR"
  # shellcheck disable=SC1090
  source "$STATE"
}

cmd_status() {
  load_state
  local pg
  for pg in primary standby; do
    if [[ -f "$DIR/pg/$pg/postmaster.pid" ]] && as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/$pg" status >/dev/null 2>&1; then
      local port; port=$([[ $pg == primary ]] && echo "$PRIMARY_PORT" || echo "$STANDBY_PORT")
      echo "postgres $pg: running on $port, in recovery: $(psql_on "$port" -d postgres -Atc 'select pg_is_in_recovery()')"
    else echo "postgres $pg: stopped"; fi
  done
  local n
  for n in 1 2; do
    local pid_var="NODE${n}_PID" port_var="NODE${n}_PORT"
    if alive "${!pid_var}"; then
      echo "node $n: pid ${!pid_var}, /health/ready $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${!port_var}/health/ready")"
    else echo "node $n: stopped"; fi
  done
  if [[ -f "$DIR/nginx/nginx.pid" ]] && alive "$(cat "$DIR/nginx/nginx.pid")"; then
    echo "nginx: pid $(cat "$DIR/nginx/nginx.pid"), /health/ready $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready")"
  else echo "nginx: stopped"; fi
  if [[ "$PROMOTED" == no ]] && as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/primary" status >/dev/null 2>&1; then
    echo "pg_stat_replication on the primary:"
    psql_on "$PRIMARY_PORT" -d postgres -c "select application_name, state, sync_state, sent_lsn, replay_lsn from pg_stat_replication"
  fi
}

stop_node() {
  local pid=$1 i
  alive "$pid" || return 0
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 40; i++)); do alive "$pid" || return 0; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
}

cmd_promote() {
  load_state
  [[ "$PROMOTED" == no ]] || die "the standby is already promoted"
  say "stopping the primary (as if its machine failed)"
  as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/primary" -m fast -w stop >/dev/null
  say "promoting the standby: pg_ctl promote"
  as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/standby" -w promote
  psql_on "$STANDBY_PORT" -d nastavnik -v ON_ERROR_STOP=1 \
    -c "select pg_is_in_recovery() as in_recovery" \
    -c "create table promote_check (at timestamptz default now()); insert into promote_check default values" \
    -c "select count(*) as rows_written from promote_check" -c "drop table promote_check"
  say "restarting both nodes on 127.0.0.1:$STANDBY_PORT (the new primary)"
  stop_node "$NODE1_PID"; stop_node "$NODE2_PID"
  DB_PORT=$STANDBY_PORT; PROMOTED=yes
  start_node 1 "$STANDBY_PORT" false; write_state
  start_node 2 "$STANDBY_PORT" false; write_state
  echo "through nginx: /health/ready $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/health/ready")"
}

cmd_down() {
  [[ -d "$DIR" ]] || { echo "nothing in $DIR"; return 0; }
  [[ -f "$STATE" ]] && source "$STATE"
  if [[ -f "$DIR/nginx/nginx.pid" ]]; then
    nginx -p "$DIR/nginx" -e "$DIR/nginx/error.log" -c "$DIR/nginx/nginx.conf" -s quit 2>/dev/null || true
    local i; for ((i = 0; i < 40; i++)); do [[ -f "$DIR/nginx/nginx.pid" ]] || break; sleep 0.25; done
  fi
  stop_node "${NODE1_PID:-}"; stop_node "${NODE2_PID:-}"
  local pg
  for pg in standby primary; do
    [[ -f "$DIR/pg/$pg/postmaster.pid" ]] && as_pg "$PGBIN/pg_ctl" -D "$DIR/pg/$pg" -m fast -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$DIR"
  say "stopped and removed $DIR"
}

case "$CMD" in
  up) cmd_up ;;
  status) cmd_status ;;
  promote) cmd_promote ;;
  down) cmd_down ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 1 ;;
esac
