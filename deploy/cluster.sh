#!/usr/bin/env bash
# Stockroom's reference multi-instance deployment, on one machine, all on 127.0.0.1:
#
#   PostgreSQL  <-  PgBouncer (transaction mode)  <-  3 Stockroom instances  <-  nginx
#
#   deploy/cluster.sh [up]          start everything, print the URL, wait for Ctrl-C, stop everything
#   deploy/cluster.sh kill-test     start, drive mixed load through nginx, SIGKILL one instance
#                                   mid-run, verify nothing acknowledged was lost (deploy/LoadDriver.java)
#   deploy/cluster.sh term-test     the same with SIGTERM (a graceful stop: health "draining" first)
#   deploy/cluster.sh --help
#
# Every process it starts runs under /tmp/stockroom-cluster.XXXXXX (or DEPLOY_DIR), on free ports,
# and is stopped, and the directory removed (unless KEEP=1), on exit, failure, Ctrl-C or SIGTERM.
#   PostgreSQL: initdb of a throw-away cluster (Debian's server binaries under /usr/lib/postgresql,
#               run as the postgres user when this runs as root), trust auth, database stockroom.
#   PgBouncer:  pool_mode = transaction, in front of it; the instances connect through it.
#   Migration:  `stockroom.jar db migrate` once, straight against PostgreSQL (not through PgBouncer),
#               then the instances start with migrateOnStart: false (deploy/stockroom.yml).
#   Stockroom:  3 instances (INSTANCES), one data directory each (mail files, logs), one shared
#               photo directory (STOCKROOM_PHOTOS_DIR), one STOCKROOM_JWT_SECRET, address limits on,
#               STOCKROOM_TRUSTED_PROXIES=127.0.0.1/32 (nginx), STOCKROOM_DRAIN_DELAY (2s).
#   nginx:      round robin over the instances, X-Forwarded-For appended, idempotent requests
#               retried on another instance when one fails (proxy_next_upstream error timeout).
#
# Environment:
#   DEPLOY_DIR      where everything lives (default: a fresh /tmp/stockroom-cluster.XXXXXX)
#   KEEP=1          keep that directory on exit
#   SKIP_BUILD=1    use bootstrap/target/stockroom.jar as it is (default: mvn -B -q -o package -DskipTests)
#   INSTANCES (3)   Stockroom instances
#   DRAIN_DELAY (2s) STOCKROOM_DRAIN_DELAY of every instance
#   STOCKROOM_JAVA_OPTS (-Xmx256m -XX:+UseSerialGC)  JVM flags of the instances
#   DURATION (40)   kill-test / term-test: seconds of load
#   KILL_AFTER (15) seconds into the load when instance 1 is killed (or sent SIGTERM)
#   WORKERS (12), USERS (8)   the load driver's threads and users
#   RESULTS_DIR     where the tests' report goes (default: bench/results/<UTC time>-<mode>)
#   PORT            nginx's port (default: a free one)
#   NGINX_DOWN_FIRST=1  term-test: mark instance 1 "down" in nginx and reload it 1 s before the SIGTERM
#   MIGRATE_VIA     postgres (the default: db migrate on a direct connection) or pgbouncer (through
#                   PgBouncer's transaction mode, prepareThreshold=0: that works too)
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
case "${1:-}" in -h|--help) usage 0;; esac
MODE=${1:-up}
case $MODE in up|kill-test|term-test) ;; *) echo "unknown mode '$MODE'" >&2; usage;; esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/bootstrap/target/stockroom.jar
N=${INSTANCES:-3}
DRAIN=${DRAIN_DELAY:-2s}
JOPTS=${STOCKROOM_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC}
read -r -a JAVA_OPTS <<<"$JOPTS"
DURATION=${DURATION:-40}
KILL_AFTER=${KILL_AFTER:-15}
WORKERS=${WORKERS:-12}
USERS=${USERS:-8}

say() { printf '[cluster %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }
need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found. $2"; }

need java "Install a JDK 17: apt-get install -y openjdk-17-jdk-headless"
need curl "apt-get install -y curl"
need python3 "apt-get install -y python3 (to find free ports)"
need nginx "apt-get install -y nginx"
need pgbouncer "apt-get install -y pgbouncer"
PGBIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: apt-get install -y postgresql"
AS_ROOT=0
if [ "$(id -u)" = 0 ]; then
  AS_ROOT=1
  id postgres >/dev/null 2>&1 || die "running as root, but there is no postgres user to run PostgreSQL and PgBouncer as"
fi
as_pg() { if [ "$AS_ROOT" = 1 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi; }

# --- children and clean-up ----------------------------------------------------------------------
declare -a PIDS=()          # every background process we started, in start order
declare -a INSTANCE_PID=()  # instance number -> pid
D=
PG_STARTED=0

stop_pid() {   # stop_pid PID [SECONDS]: TERM, wait, then KILL
  local pid=$1 wait_s=${2:-20} i
  kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$pid" 2>/dev/null && { echo "[cluster] pid $pid did not stop within ${wait_s}s; killing it" >&2; kill -KILL "$pid" 2>/dev/null || true; }
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$? i
  trap - EXIT INT TERM
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do stop_pid "${PIDS[i]}" 30; done
  if [ "$PG_STARTED" = 1 ]; then
    as_pg "$PGBIN/pg_ctl" -D "$D/pg/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PGBIN/pg_ctl" -D "$D/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$D" ] && [ -d "$D" ]; then
    if [ "${KEEP:-0}" = 1 ]; then echo "[cluster] kept $D" >&2; else rm -rf "$D"; fi
  fi
  [ "$rc" = 0 ] || echo "[cluster] exit $rc; everything started was stopped" >&2
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "[cluster] interrupted" >&2; exit 130' INT
trap 'echo "[cluster] terminated" >&2; exit 143' TERM

free_ports() {
  python3 - "$1" <<'PY'
import socket, sys
avoid = {8000, 8080, 8081, 55432, 5432, 6432}
socks, ports = [], []
while len(ports) < int(sys.argv[1]):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
    if s.getsockname()[1] not in avoid: ports.append(s.getsockname()[1])
print(" ".join(map(str, ports)))
PY
}

wait_http() {   # wait_http URL SECONDS WHAT [PID]
  local i
  for ((i = 0; i < $2 * 5; i++)); do
    [ -z "${4:-}" ] || kill -0 "$4" 2>/dev/null || die "$3 exited during start-up"
    curl -sf -o /dev/null --max-time 2 "$1" && return 0
    sleep 0.2
  done
  die "$3: no healthy answer from $1 within $2 s"
}

# --- build ----------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "building: mvn -B -q -o package -DskipTests"
  (cd "$ROOT" && mvn -B -q -o package -DskipTests) || die "build failed"
fi
[ -f "$JAR" ] || die "$JAR not found (build first, or drop SKIP_BUILD)"

# --- directory and ports --------------------------------------------------------------------------
if [ -n "${DEPLOY_DIR:-}" ]; then D=$DEPLOY_DIR; mkdir -p "$D"; else D=$(mktemp -d /tmp/stockroom-cluster.XXXXXX); fi
chmod 711 "$D"
read -r PG_PORT PGB_PORT LB_PORT_FREE <<<"$(free_ports 3)"
LB_PORT=${PORT:-$LB_PORT_FREE}
declare -a HTTP_PORT ADMIN_PORT
for ((i = 1; i <= N; i++)); do read -r HTTP_PORT[i] ADMIN_PORT[i] <<<"$(free_ports 2)"; done
say "directory $D"
# A copy: a rebuild while the cluster runs must not change the jar under running JVMs.
cp "$JAR" "$D/stockroom.jar"
JAR=$D/stockroom.jar

# --- PostgreSQL -----------------------------------------------------------------------------------
mkdir -p "$D/pg" && chmod 700 "$D/pg"
[ "$AS_ROOT" = 0 ] || chown postgres:postgres "$D/pg"
as_pg "$PGBIN/initdb" -D "$D/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$D/pg/initdb.log" 2>&1 \
  || die "initdb failed: $(tail -5 "$D/pg/initdb.log")"
as_pg "$PGBIN/pg_ctl" -D "$D/pg/data" -l "$D/pg/server.log" -w -t 60 \
  -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $D/pg -c max_connections=100" start >/dev/null \
  || die "PostgreSQL did not start: $(tail -5 "$D/pg/server.log" 2>/dev/null)"
PG_STARTED=1
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres stockroom || die "createdb failed"
say "PostgreSQL $("$PGBIN/postgres" --version | awk "{print \$3}") on 127.0.0.1:$PG_PORT"

# --- PgBouncer ------------------------------------------------------------------------------------
mkdir -p "$D/pgbouncer"
cat >"$D/pgbouncer/pgbouncer.ini" <<EOF
[databases]
stockroom = host=127.0.0.1 port=$PG_PORT dbname=stockroom

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGB_PORT
unix_socket_dir =
auth_type = trust
auth_file = $D/pgbouncer/userlist.txt
; a server connection belongs to a client for one transaction only
pool_mode = transaction
; server connections per database/user pair: what PostgreSQL sees, whatever the instances' pools hold
default_pool_size = 20
max_client_conn = 500
; pgjdbc sends it in the start-up packet; PgBouncer would refuse the connection otherwise
ignore_startup_parameters = extra_float_digits
; nothing else of a session survives a transaction in this mode
server_reset_query =
logfile = $D/pgbouncer/pgbouncer.log
pidfile = $D/pgbouncer/pgbouncer.pid
EOF
echo '"postgres" ""' >"$D/pgbouncer/userlist.txt"
[ "$AS_ROOT" = 0 ] || chown -R postgres:postgres "$D/pgbouncer"
(cd / && if [ "$AS_ROOT" = 1 ]; then exec runuser -u postgres -- pgbouncer "$D/pgbouncer/pgbouncer.ini"; else exec pgbouncer "$D/pgbouncer/pgbouncer.ini"; fi) \
  >"$D/pgbouncer/stdout.log" 2>&1 &
PIDS+=($!)
for ((i = 0; i < 50; i++)); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PGB_PORT") 2>/dev/null && break
  kill -0 "${PIDS[-1]}" 2>/dev/null || die "PgBouncer exited: $(tail -5 "$D/pgbouncer/pgbouncer.log" "$D/pgbouncer/stdout.log" 2>/dev/null)"
  sleep 0.1
done
say "PgBouncer $(pgbouncer --version | head -1 | awk '{print $2}') (transaction mode) on 127.0.0.1:$PGB_PORT"

# --- migrate, straight against PostgreSQL ---------------------------------------------------------
SECRET=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
DIRECT_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/stockroom"
POOLED_URL="jdbc:postgresql://127.0.0.1:$PGB_PORT/stockroom?prepareThreshold=0"
mkdir -p "$D/photos" "$D/migrate"
chmod 700 "$D/photos"
unset STOCKROOM_SMTP_HOST STOCKROOM_SMTP_PORT STOCKROOM_SMTP_USERNAME STOCKROOM_SMTP_PASSWORD STOCKROOM_SMTP_TRANSPORT
MIGRATE_URL=$DIRECT_URL
if [ "${MIGRATE_VIA:-postgres}" = pgbouncer ]; then
  MIGRATE_URL=$POOLED_URL
  say "migrating: stockroom.jar db migrate through PgBouncer (MIGRATE_VIA=pgbouncer)"
else
  say "migrating: stockroom.jar db migrate against PostgreSQL directly"
fi
STOCKROOM_DB_URL=$MIGRATE_URL STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD= STOCKROOM_DATA_DIR=$D/migrate \
  java -jar "$JAR" db migrate "$ROOT/deploy/stockroom.yml" >"$D/migrate/migrate.log" 2>&1 \
  || die "migration failed: $(tail -20 "$D/migrate/migrate.log")"

# --- Stockroom instances --------------------------------------------------------------------------
start_instance() {
  local i=$1
  mkdir -p "$D/instance-$i"
  (
    cd "$D/instance-$i"
    export STOCKROOM_DB_URL=$POOLED_URL STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD= \
      STOCKROOM_DATA_DIR=$D/instance-$i/data STOCKROOM_PHOTOS_DIR=$D/photos \
      STOCKROOM_HTTP_PORT=${HTTP_PORT[i]} STOCKROOM_ADMIN_PORT=${ADMIN_PORT[i]} \
      STOCKROOM_JWT_ALGORITHM=HS256 STOCKROOM_JWT_SECRET=$SECRET STOCKROOM_ADDRESS_LIMITS=on STOCKROOM_TRUSTED_PROXIES=127.0.0.1/32 \
      STOCKROOM_DRAIN_DELAY=$DRAIN
    exec java "${JAVA_OPTS[@]}" -jar "$JAR" server "$ROOT/deploy/stockroom.yml"
  ) >"$D/instance-$i/server.log" 2>&1 &
  INSTANCE_PID[$i]=$!
  PIDS+=($!)
}
for ((i = 1; i <= N; i++)); do start_instance "$i"; done
for ((i = 1; i <= N; i++)); do
  wait_http "http://127.0.0.1:${ADMIN_PORT[i]}/healthcheck" 180 "instance $i (log: $D/instance-$i/server.log)" "${INSTANCE_PID[i]}"
  say "instance $i: pid ${INSTANCE_PID[i]}, API 127.0.0.1:${HTTP_PORT[i]}, health http://127.0.0.1:${ADMIN_PORT[i]}/healthcheck"
done

# --- nginx ----------------------------------------------------------------------------------------
mkdir -p "$D/nginx/tmp"
[ "$AS_ROOT" = 0 ] || chown nobody "$D/nginx/tmp"
DOWN=0   # an instance nginx is to send nothing to ("server ... down"), 0 for none
nginx_conf() {
  echo "worker_processes 1;"
  [ "$AS_ROOT" = 0 ] || echo "user nobody nogroup;"
  cat <<EOF
pid $D/nginx/nginx.pid;
error_log $D/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$remote_addr [\$time_iso8601] "\$request" \$status \$request_time s upstream \$upstream_addr \$upstream_status';
  access_log $D/nginx/access.log upstream;
  client_body_temp_path $D/nginx/tmp/body;
  proxy_temp_path $D/nginx/tmp/proxy;
  fastcgi_temp_path $D/nginx/tmp/fastcgi;
  uwsgi_temp_path $D/nginx/tmp/uwsgi;
  scgi_temp_path $D/nginx/tmp/scgi;
  client_max_body_size 6m;          # photos: at most 5 MiB plus the form around them
  upstream stockroom {
EOF
  for ((i = 1; i <= N; i++)); do
    if [ "$i" = "$DOWN" ]; then echo "    server 127.0.0.1:${HTTP_PORT[i]} down;"
    else echo "    server 127.0.0.1:${HTTP_PORT[i]} max_fails=1 fail_timeout=10s;"; fi
  done
  cat <<EOF
  }
  server {
    listen 127.0.0.1:$LB_PORT;
    location / {
      proxy_pass http://stockroom;
      # the Host the client sent, port included: Stockroom builds photo URLs from it
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      # A failed instance: try the next one. nginx never resends a POST, PATCH or LOCK once it went out
      # (unless "non_idempotent"); a refused connection is retried for every method.
      proxy_next_upstream error timeout;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
      proxy_read_timeout 30s;
    }
  }
}
EOF
}
nginx_conf >"$D/nginx/nginx.conf"
nginx -t -p "$D/nginx" -c "$D/nginx/nginx.conf" >"$D/nginx/test.log" 2>&1 || die "nginx -t: $(cat "$D/nginx/test.log")"
nginx -p "$D/nginx" -c "$D/nginx/nginx.conf" -g 'daemon off;' >"$D/nginx/stdout.log" 2>&1 &
NGINX_PID=$!
PIDS+=($NGINX_PID)
URL=http://127.0.0.1:$LB_PORT
wait_http "$URL/products/" 30 nginx "${PIDS[-1]}"
say "nginx $(nginx -v 2>&1 | sed 's/.*nginx\///') on $URL, over $N instances"

if [ "$MODE" = up ]; then
  say "Stockroom is at $URL  (Ctrl-C stops everything; logs under $D)"
  while :; do
    for ((i = 1; i <= N; i++)); do
      kill -0 "${INSTANCE_PID[i]}" 2>/dev/null || say "instance $i (pid ${INSTANCE_PID[i]}) is gone"
    done
    sleep 5
  done
fi

# --- kill-test / term-test ------------------------------------------------------------------------
SIG=KILL; [ "$MODE" = term-test ] && SIG=TERM
OUT=${RESULTS_DIR:-$ROOT/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-$MODE}
mkdir -p "$OUT"
MAILDIRS=$(for ((i = 1; i <= N; i++)); do printf '%s:' "$D/instance-$i/data/mail"; done)
say "$MODE: load through $URL for ${DURATION}s ($WORKERS workers, $USERS users), SIG$SIG to instance 1 after ${KILL_AFTER}s"
(cd "$ROOT" && exec java deploy/LoadDriver.java "$URL" "$OUT" "$DURATION" "$WORKERS" "$USERS" "${MAILDIRS%:}") \
  >"$OUT/driver.log" 2>&1 &
DRIVER=$!
PIDS+=($DRIVER)
# the load starts after the driver's set-up line
for ((i = 0; i < 600; i++)); do
  grep -q 'witness sessions held' "$OUT/driver.log" 2>/dev/null && break
  kill -0 "$DRIVER" 2>/dev/null || { cat "$OUT/driver.log" >&2; die "the load driver exited during set-up"; }
  sleep 0.1
done
POLLER=
if [ "$SIG" = TERM ]; then
  # what instance 1's health check says from a second before the signal until it is gone
  (
    sleep $((KILL_AFTER > 1 ? KILL_AFTER - 1 : 0))
    for ((i = 0; i < 40; i++)); do
      body=$(curl -s --max-time 3 -w ' HTTP %{http_code}' "http://127.0.0.1:${ADMIN_PORT[1]}/healthcheck" || true)
      code=${body##* HTTP }
      state=healthy; ! grep -q '"draining":{"healthy":false' <<<"$body" || state=draining
      [ "$code" != 000 ] || state="no answer (ports closed)"
      echo "$(date -u +%H:%M:%S.%3N) instance 1 /healthcheck: $code $state"
      [ "$code" != 000 ] || break
      sleep 0.25
    done
  ) >"$OUT/health-during-drain.txt" 2>&1 &
  POLLER=$!
  PIDS+=($POLLER)
fi
sleep "$KILL_AFTER"
VICTIM=${INSTANCE_PID[1]}
if [ "$SIG" = TERM ] && [ "${NGINX_DOWN_FIRST:-0}" = 1 ]; then
  # the procedure behind a load balancer that reads no health checks: out of rotation first
  DOWN=1
  nginx_conf >"$D/nginx/nginx.conf"
  kill -HUP "$NGINX_PID"
  say "instance 1 marked down in nginx (configuration reloaded); SIGTERM in 1 s"
  sleep 1
fi
date +%s%3N >"$OUT/kill-at"
kill -"$SIG" "$VICTIM"
say "SIG$SIG sent to instance 1 (pid $VICTIM)"
rc=0
wait "$DRIVER" || rc=$?
[ -z "$POLLER" ] || wait "$POLLER" 2>/dev/null || true
cat "$OUT/driver.log"
upstream_errors=$(grep -c 'connect() failed\|upstream prematurely closed\|recv() failed' "$D/nginx/error.log" || true)
{
  echo
  echo "nginx error.log: $upstream_errors upstream connect/read failures (each failed over, or answered 502 for a non-idempotent request in flight)"
  printf 'signal sent at %s.%03d\n' "$(date -u -d "@$(($(cat "$OUT/kill-at") / 1000))" +%H:%M:%S)" $(($(cat "$OUT/kill-at") % 1000))
  [ ! -f "$OUT/health-during-drain.txt" ] || { echo "instance 1 health around the SIGTERM:"; cat "$OUT/health-during-drain.txt"; }
} | tee -a "$OUT/report.md"
cp "$D/nginx/error.log" "$OUT/nginx-error.log" 2>/dev/null || true
for ((i = 1; i <= N; i++)); do cp "$D/instance-$i/server.log" "$OUT/instance-$i.log" 2>/dev/null || true; done
say "report: $OUT/report.md"
exit "$rc"
