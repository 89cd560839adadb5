#!/usr/bin/env bash
# Follows docs/deploy.md as written on three clean Debian 12 machines (systemd-nspawn, systemd as PID 1, one bridge):
#   app 10.0.0.11 (nginx, two nodes), db1 10.0.0.21 (primary), db2 10.0.0.22 (standby).
# Every block of docs/deploy.md marked <!-- follow: on=MACHINE [write=PATH|append=PATH] [before=HOOK] --> runs in order on
# its machine (on=build: in the repository); only CHANGE-ME and CHANGE-ME-TOO are replaced, by generated passwords.
#
#   deploy/follow-deploy-md.sh            make the machines, follow the guide, check the result (the machines stay up)
#   deploy/follow-deploy-md.sh on M CMD   run a shell command as root on machine M (app, db1, db2)
#   deploy/follow-deploy-md.sh down       stop and remove the machines, the bridge and the NAT rule (the Debian root stays)
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${FOLLOW_DIR:-/var/tmp/nastavnik-follow}"
MIRROR="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
BRIDGE=br-nfollow
MACHINES=(app:11 db1:21 db2:22)
HOST=nastavnik.school.ru
CURL=(curl -sk --resolve "$HOST:443:10.0.0.11" --resolve "$HOST:80:10.0.0.11")

say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
die() { printf '\033[31mFAILED: %s\033[0m\n' "$*" >&2; exit 1; }

on() { # on MACHINE COMMAND: a root shell inside the machine, with a clean environment
  local m=$1; shift
  nsenter -t "$(cat "$DIR/$m.pid")" -a env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    TERM=dumb LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive bash -c "$*"
}

down() {
  for m in "${MACHINES[@]}"; do
    m=${m%%:*}
    [[ -f "$DIR/$m.pid" ]] && { on "$m" 'systemctl poweroff' 2>/dev/null || true; }
  done
  sleep 3
  pkill -f "systemd-nspawn -D $DIR/" 2>/dev/null || true
  for m in "${MACHINES[@]}"; do ip netns del "nf-${m%%:*}" 2>/dev/null || true; done
  ip link del "$BRIDGE" 2>/dev/null || true
  iptables -t nat -D POSTROUTING -s 10.0.0.0/24 ! -d 10.0.0.0/24 -j MASQUERADE 2>/dev/null || true
  # The clean Debian root stays for the next run (debootstrap takes a minute); rm -rf the folder to drop it too.
  find "$DIR" -mindepth 1 -maxdepth 1 ! -name base -exec rm -rf {} + 2>/dev/null || true
}

case "${1:-}" in
  down) down; exit 0 ;;
  on) shift; on "$@"; exit $? ;;
  "") ;;
  *) sed -n '2,10p' "$0"; exit 2 ;;
esac

[[ $EUID -eq 0 ]] || die "run as root (debootstrap, network namespaces, systemd-nspawn)"
for tool in debootstrap:debootstrap systemd-nspawn:systemd-container iptables:iptables; do
  command -v "${tool%%:*}" >/dev/null || apt-get install -y "${tool##*:}" >/dev/null
done

say "A clean Debian 12 (minbase with systemd) from $MIRROR"
mkdir -p "$DIR"
if [[ ! -x "$DIR/base/usr/lib/systemd/systemd" ]]; then
  rm -rf "$DIR/base"
  debootstrap --variant=minbase --include=systemd,systemd-sysv,dbus,iproute2,ca-certificates bookworm "$DIR/base" "$MIRROR" \
    > "$DIR/debootstrap.log" 2>&1 || die "debootstrap; see $DIR/debootstrap.log"
fi

say "Three machines on $BRIDGE (10.0.0.0/24)"
ip link add "$BRIDGE" type bridge 2>/dev/null || true
ip addr add 10.0.0.1/24 dev "$BRIDGE" 2>/dev/null || true
ip link set "$BRIDGE" up
sysctl -qw net.ipv4.ip_forward=1
iptables -t nat -C POSTROUTING -s 10.0.0.0/24 ! -d 10.0.0.0/24 -j MASQUERADE 2>/dev/null \
  || iptables -t nat -A POSTROUTING -s 10.0.0.0/24 ! -d 10.0.0.0/24 -j MASQUERADE
for entry in "${MACHINES[@]}"; do
  m=${entry%%:*} a=${entry##*:} ns="nf-${entry%%:*}"
  [[ -f "$DIR/$m.pid" ]] && die "machine $m exists: run '$0 down' first"
  ip netns add "$ns"
  ip link add "vf-$m" type veth peer name eth0 netns "$ns"
  ip link set "vf-$m" master "$BRIDGE" up
  ip -n "$ns" addr add "10.0.0.$a/24" dev eth0
  ip -n "$ns" link set eth0 up
  ip -n "$ns" link set lo up
  ip -n "$ns" route add default via 10.0.0.1
  rm -rf "${DIR:?}/$m"
  cp -a "$DIR/base" "$DIR/$m"
  echo "$m" > "$DIR/$m/etc/hostname"
  printf '127.0.0.1 localhost\n127.0.1.1 %s\n' "$m" > "$DIR/$m/etc/hosts"
  cp /etc/resolv.conf "$DIR/$m/etc/resolv.conf"
  setsid systemd-nspawn -D "$DIR/$m" -M "nf-$m" -b --register=no --keep-unit --network-namespace-path="/run/netns/$ns" \
    --resolv-conf=off --console=passive > "$DIR/$m.console" 2>&1 < /dev/null &
  nspawn=$!
  for _ in $(seq 1 100); do child=$(pgrep -P "$nspawn" -x systemd | head -1 || true); [[ -n "$child" ]] && break; sleep 0.2; done
  [[ -n "$child" ]] || die "machine $m did not boot; see $DIR/$m.console"
  echo "$child" > "$DIR/$m.pid"
done
for m in app db1 db2; do
  for _ in $(seq 1 60); do
    state=$(on "$m" 'systemctl is-system-running' 2>/dev/null || true)
    [[ "$state" == running || "$state" == degraded ]] && break
    sleep 1
  done
  echo "$m: $state, $(on "$m" 'ip -br addr show eth0')"
done

PW=$(openssl rand -hex 24)
RPW=$(openssl rand -hex 24)
BLOCKS="$DIR/blocks"
rm -rf "$BLOCKS" && mkdir -p "$BLOCKS"
# Each marked block becomes NNN.meta (line, attributes) and NNN.body (its text, passwords in).
awk -v out="$BLOCKS" '
  /^<!-- follow: .* -->$/ { meta = $0; sub(/^<!-- follow: /, "", meta); sub(/ -->$/, "", meta); line = NR; armed = 1; next }
  armed && /^```/ { n++; f = sprintf("%s/%03d", out, n); print "line=" line " " meta > (f ".meta"); printf "" > (f ".body"); inblock = 1; armed = 0; next }
  inblock && /^```$/ { inblock = 0; next }
  inblock { print > (f ".body"); next }
  armed && NF { armed = 0 }
' "$REPO/docs/deploy.md"
for body in "$BLOCKS"/*.body; do sed -i "s/CHANGE-ME-TOO/$RPW/g; s/CHANGE-ME/$PW/g" "$body"; done
echo "$(ls "$BLOCKS"/*.meta | wc -l) marked blocks in docs/deploy.md"

signed_in_checks() { # through nginx from outside: redirect, HSTS, both nodes, a session alternating between them, /metrics refused
  local jar="$DIR/jar" h="$DIR/h" b="$DIR/b" token seen
  rm -f "$jar"
  [[ "$("${CURL[@]}" -o /dev/null -w '%{http_code} %{redirect_url}' "http://$HOST/Account/Login")" == "301 https://$HOST/Account/Login" ]] \
    || die "HTTP is not redirected to HTTPS"
  "${CURL[@]}" -c "$jar" -D "$h" -o "$b" "https://$HOST/Account/Login"
  grep -q '<title>Вход' "$b" || die "no sign-in page through nginx"
  [[ $(grep -ci '^strict-transport-security: max-age=31536000' "$h") == 1 ]] || die "HSTS not exactly once"
  grep -qi '^set-cookie: .*; secure' "$h" || die "cookies not Secure behind nginx"
  [[ "$("${CURL[@]}" -o /dev/null -w '%{http_code}' "https://$HOST/metrics")" == 403 ]] || die "/metrics open through nginx"
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$b" | head -1 | sed 's/.*value="//; s/"$//')
  "${CURL[@]}" -b "$jar" -c "$jar" -D "$h" -o "$b" "https://$HOST/Account/Login" --data-urlencode "Input.UserName=director" \
    --data-urlencode "Input.Password=Vremennyi2026" --data-urlencode "__RequestVerificationToken=$token"
  grep -qi '^location: /' "$h" || die "the director could not sign in with the password of deploy.md §4"
  seen=$(grep -i '^x-upstream' "$h")
  "${CURL[@]}" -b "$jar" -c "$jar" -D "$h" -o "$b" "https://$HOST/Account/ChangePassword"
  seen+=$(grep -i '^x-upstream' "$h")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$b" | head -1 | sed 's/.*value="//; s/"$//')
  "${CURL[@]}" -b "$jar" -c "$jar" -D "$h" -o "$b" "https://$HOST/Account/ChangePassword" --data-urlencode "Input.Current=Vremennyi2026" \
    --data-urlencode "Input.New=Shkola7Nastavnik" --data-urlencode "Input.Confirm=Shkola7Nastavnik" --data-urlencode "__RequestVerificationToken=$token"
  grep -qi '^location: /' "$h" || die "the new password was not taken"
  seen+=$(grep -i '^x-upstream' "$h")
  "${CURL[@]}" -b "$jar" -D "$h" -o "$b" "https://$HOST/"
  grep -q '<h1>ГБОУ СОШ № 7' "$b" || die "the home page does not show the school"
  seen+=$(grep -i '^x-upstream' "$h")
  [[ "$seen" == *5081* && "$seen" == *5082* ]] || die "the session did not reach both nodes: $seen"
  echo "checked: HTTP→HTTPS, HSTS once, Secure cookies, /metrics 403 through nginx, the director's session on both nodes"
  on db1 "runuser -u postgres -- psql -Atc \"select state from pg_stat_replication\"" | grep -qx streaming || die "the standby does not stream"
  echo "checked: the standby streams"
}

hook() { # what the guide leaves to the reader at this point, or a check of what came before
  case "$1" in
    certificate)
      say "Not from deploy.md: a self-signed certificate at certbot's paths (no internet here for certbot)"
      on app "mkdir -p /etc/letsencrypt/live/$HOST && cd /etc/letsencrypt/live/$HOST && openssl req -x509 -newkey rsa:2048 -nodes \
        -days 30 -subj /CN=$HOST -addext subjectAltName=DNS:$HOST -keyout privkey.pem -out fullchain.pem 2>/dev/null" ;;
    lose-primary)
      say "Check of §1–§7 through nginx, then the primary is lost (its PostgreSQL stopped)"
      signed_in_checks
      on db1 'systemctl stop postgresql' ;;
    *) die "unknown hook $1" ;;
  esac
}

for meta in "$BLOCKS"/*.meta; do
  body="${meta%.meta}.body" line="" on="" write="" append="" before=""
  for kv in $(cat "$meta"); do
    case "$kv" in line=*) line=${kv#line=} ;; on=*) on=${kv#on=} ;; write=*) write=${kv#write=} ;; append=*) append=${kv#append=} ;;
      before=*) before=${kv#before=} ;; *) die "docs/deploy.md:$line: unknown attribute $kv" ;; esac
  done
  [[ -n "$before" ]] && hook "$before"
  if [[ -n "$write" || -n "$append" ]]; then
    say "docs/deploy.md:$line on $on: ${write:+write $write}${append:+append to $append}"
    if [[ -n "$write" ]]; then on "$on" "cat > '$write'" < "$body"; else on "$on" "cat >> '$append'" < "$body"; fi
    continue
  fi
  say "docs/deploy.md:$line on $on"
  sed 's/^/  $ /' "$body" | sed "s/$PW/CHANGE-ME/g; s/$RPW/CHANGE-ME-TOO/g"
  if [[ "$on" == build ]]; then
    (cd "$REPO" && bash -euo pipefail "$body") > "$DIR/build.log" 2>&1 || { tail -20 "$DIR/build.log"; die "docs/deploy.md:$line"; }
    say "Copy out/nastavnik to /opt/nastavnik on app"
    rm -rf "$DIR/app/opt/nastavnik" && mkdir -p "$DIR/app/opt" && cp -a "$REPO/out/nastavnik" "$DIR/app/opt/nastavnik"
  else
    on "$on" "set -euo pipefail; $(cat "$body")" > "$DIR/last.log" 2>&1 || { tail -30 "$DIR/last.log"; die "docs/deploy.md:$line on $on"; }
    grep -v '^\(Get:\|Hit:\|Ign:\|Selecting\|Preparing\|Unpacking\|Setting up\|Processing\|Reading\|Building\|Fetched\|debconf\|update-alternatives\|Adding\|Creating\|Need to\|After this\|The following\|  \|Suggested\|Recommended\|[0-9]* upgraded\|Done\|\s*$\)' \
      "$DIR/last.log" | tail -8 || true
  fi
done

say "After the promotion: a write through nginx lands on the new primary"
jar="$DIR/jar"
status=$("${CURL[@]}" -b "$jar" -o "$DIR/b" -w '%{http_code}' -H 'Content-Type: application/json' \
  --data '{"lastName":"Ёлкина","firstName":"Анна","middleName":"Петровна","position":"Учитель математики"}' \
  "https://$HOST/api/v1/staff")
[[ "$status" == 201 ]] || { cat "$DIR/b"; die "POST /api/v1/staff answered $status"; }
[[ $(on db2 "runuser -u postgres -- psql -d nastavnik -Atc \"select count(*) from \\\"People\\\" where \\\"LastName\\\" = 'Ёлкина'\"") == 1 ]] \
  || die "the new teacher is not in the promoted database"
[[ $(on db2 "runuser -u postgres -- psql -Atc 'select pg_is_in_recovery()'") == f ]] || die "db2 is still a standby"
echo "checked: 201, the row is on db2, which is a primary now"
say "docs/deploy.md followed to its end: every marked block ran, every check passed"
echo "The machines stay up: $0 on app 'systemctl status nastavnik@5081'; https://$HOST via 10.0.0.11; $0 down removes them."
