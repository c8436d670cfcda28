#!/usr/bin/env bash
# Stockroom's benchmark: build, start the service, seed it, drive it with wrk, write a report.
#
#   bench/run.sh [h2|postgres|both] [DURATION]      (default: both, 10 s per row)
#
# For each database: a fresh data directory under /tmp, free ports, the service started as
#   java $STOCKROOM_JAVA_OPTS -jar bootstrap/target/stockroom.jar server
# on the embedded H2 database, or on a throw-away PostgreSQL cluster this script creates under
# /tmp (Debian's server binaries, trust auth, 127.0.0.1 only, removed on exit). It seeds USERS
# users (registered and verified through the API, codes read from the .eml files the service
# writes) and 100 products, then runs wrk against each row (bench/README.md lists them), each
# after a curl pre-flight that must answer 2xx and a WARMUP-second warm-up. Then the raw hash
# rate of the hasher in use (bench/HashRate.java, server stopped), and a report:
#   bench/results/<UTC time>-<db>.md, raw wrk output and logs in bench/results/<UTC time>-<db>/
#
# Environment:
#   SKIP_BUILD=1          use the jar as it is (otherwise: mvn -B -q package -DskipTests)
#   STOCKROOM_JAVA_OPTS   JVM flags for the server (and for the hash-rate run)
#   WARMUP (3)            seconds of unmeasured load before each row, 0 for none
#   WARM_PASS (10)        seconds per row of a first, unreported pass over every row (the JIT
#                         compiles the hot paths for a minute or more; without it the first rows
#                         measure a half-compiled server), 0 for none
#   WRK_CONNECTIONS (16), WRK_THREADS (1)
#   USERS (32)            seeded users (at least 4)
#   PRODUCTS (100)        seeded products
#   REFRESH_POOL (3 x connections)  refresh tokens kept for the refresh row (> connections)
#   BASELINE_URL          the baseline row's URL (default: the admin port's /ping)
#   ROWS                  a subset of: baseline detail list search patch login login1 refresh
#                         register mixed import  (default: all, in that order). import is not a
#                         wrk row: CSV import and export of IMPORT_ROWS products (POST
#                         /products/import/ in both modes, a dry run, GET /products/export/),
#                         each timed with curl and its peak heap read from a JFR recording
#   IMPORT_ROWS (10000)   rows of the generated import file
#   HASHER_CLASS          hasher to measure when the log has no "Password hashing:" line
#                         (default: core's dev.stockroom.core.account.hashing.Argon2idPasswordHasher)
#   HASH_THREADS (2)      threads of the raw hash-rate measurement
#   PG_OPTS               extra postgres server options, e.g. "-c synchronous_commit=off"
#   RESULTS_DIR           where reports go (default: bench/results)
#   KEEP_TMP=1            keep the /tmp data directories (default: removed on exit)
set -euo pipefail

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit "${1:-2}"; }
case "${1:-}" in -h|--help) usage 0;; esac

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/bench
JAR=$ROOT/bootstrap/target/stockroom.jar
WHICH=${1:-both}
DURATION=${2:-10}
WARMUP=${WARMUP:-3}
WARM_PASS=${WARM_PASS:-10}
CONNS=${WRK_CONNECTIONS:-16}
THREADS=${WRK_THREADS:-1}
NUSERS=${USERS:-32}
NPRODUCTS=${PRODUCTS:-100}
NIMPORT=${IMPORT_ROWS:-10000}
POOL_SIZE=${REFRESH_POOL:-$((3 * CONNS))}
HASH_THREADS=${HASH_THREADS:-2}
DEFAULT_HASHER=dev.stockroom.core.account.hashing.Argon2idPasswordHasher
NATIVE_HASHER=dev.stockroom.adapters.hashing.NativeArgon2idPasswordHasher
ALL_ROWS="baseline detail list search patch login login1 refresh register mixed import"
ROWS=${ROWS:-$ALL_ROWS}
RESULTS=${RESULTS_DIR:-$BENCH/results}
JAVA_OPTS_STR=${STOCKROOM_JAVA_OPTS:-}
read -r -a JAVA_OPTS <<<"$JAVA_OPTS_STR"
SEARCH_WORD=lamp

say() { printf '[bench %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
is_uint() { [[ $1 =~ ^[0-9]+$ ]]; }

# --- arguments and tools ---------------------------------------------------------------------
case $WHICH in
  h2|postgres) DBS=("$WHICH") ;;
  both) DBS=(h2 postgres) ;;
  *) echo "unknown database '$WHICH' (h2, postgres or both)" >&2; usage ;;
esac
# at_least NAME VALUE MIN: VALUE must be a whole number >= MIN
at_least() {
  if ! is_uint "$2" || [ "$2" -lt "$3" ]; then die "$1 must be a whole number >= $3, not '$2'"; fi
}
at_least DURATION "$DURATION" 1
at_least WARMUP "$WARMUP" 0
at_least WARM_PASS "$WARM_PASS" 0
at_least WRK_CONNECTIONS "$CONNS" 1
at_least WRK_THREADS "$THREADS" 1
[ "$THREADS" -le "$CONNS" ] || die "WRK_THREADS ($THREADS) must not exceed WRK_CONNECTIONS ($CONNS)"
at_least "USERS (owner, one-user login, mixed login, refresh pool)" "$NUSERS" 4
at_least PRODUCTS "$NPRODUCTS" 1
at_least "REFRESH_POOL (more than WRK_CONNECTIONS)" "$POOL_SIZE" $((CONNS + 1))
for r in $ROWS; do [[ " $ALL_ROWS " == *" $r "* ]] || die "unknown row '$r' in ROWS (known: $ALL_ROWS)"; done

need() { command -v "$1" >/dev/null 2>&1 || die "$1 not found. $2"; }
need curl "Install it: apt-get install -y curl"
need wrk "Install it: apt-get install -y wrk"
need java "Install a JDK 17: apt-get install -y openjdk-17-jdk-headless"
need python3 "Install it: apt-get install -y python3 (used to find free ports)"
PGBIN=
if [[ " ${DBS[*]} " == *" postgres "* ]]; then
  PGBIN=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
  if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ] || [ ! -x "$PGBIN/postgres" ]; then
    die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin. Install them: apt-get install -y postgresql (or run: bench/run.sh h2)"
  fi
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root, but there is no 'postgres' user to run PostgreSQL as (apt-get install -y postgresql creates it)"
    need runuser "It comes with util-linux."
  fi
fi

# --- children and clean-up ---------------------------------------------------------------------
CHILDREN=()        # pids of background processes we started (server, wrk)
SERVER_PID=
PGROOT=            # a running throw-away cluster
TMPDIRS=()

as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

stop_pid() {   # stop_pid PID [SECONDS]: TERM, wait, then KILL
  local pid=$1 wait_s=${2:-15} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "[bench] pid $pid did not stop within ${wait_s}s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || true
}

pg_stop() {
  [ -n "$PGROOT" ] || return 0
  if [ -f "$PGROOT/data/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "${RAW:-}" ] && [ -d "$RAW" ] && [ -f "$PGROOT/server.log" ]; then
    cp "$PGROOT/server.log" "$RAW/postgres.log" 2>/dev/null || true
  fi
  [ "${KEEP_TMP:-0}" = 1 ] || rm -rf "$PGROOT"
  PGROOT=
}

cleanup() {
  local rc=$? pid d
  trap - EXIT INT TERM
  for pid in "${CHILDREN[@]}"; do stop_pid "$pid" 15; done
  pg_stop
  if [ "${KEEP_TMP:-0}" = 1 ]; then
    [ ${#TMPDIRS[@]} -eq 0 ] || echo "[bench] kept: ${TMPDIRS[*]}" >&2
  else
    for d in "${TMPDIRS[@]}"; do rm -rf "$d"; done
  fi
  if [ "$rc" != 0 ]; then
    echo "[bench] failed (exit $rc); children stopped, temporary files removed${RAW:+; partial output in $RAW}" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'echo "[bench] interrupted" >&2; exit 130' INT
trap 'echo "[bench] terminated" >&2; exit 143' TERM

forget_child() {
  local keep=() p
  for p in "${CHILDREN[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done
  CHILDREN=("${keep[@]}")
}

free_ports() {   # free_ports N: N distinct free TCP ports on 127.0.0.1
  python3 - "$1" <<'PY'
import socket, sys
# never the ports other tools here use by default (the service, the peer, peers/pg.sh)
avoid = {8000, 8080, 8081, 55432}
socks, ports = [], []
while len(ports) < int(sys.argv[1]):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
    if s.getsockname()[1] not in avoid:
        ports.append(s.getsockname()[1])
print(" ".join(map(str, ports)))
PY
}

# --- HTTP helpers -------------------------------------------------------------------------------
# call METHOD PATH [BODY] [TOKEN]: sets STATUS and RESP (the API base is $API)
call() {
  local method=$1 path=$2 body=${3:-} token=${4:-}
  local args=(-sS --max-time 30 -o "$WORK/last-response" -w '%{http_code}' -X "$method")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary "$body")
  [ -z "$token" ] || args+=(-H "Authorization: Bearer $token")
  STATUS=$(curl "${args[@]}" "$API$path" 2>"$WORK/curl-error") || STATUS=000
  RESP=$(cat "$WORK/last-response" 2>/dev/null || true)
  [ "$STATUS" != 000 ] || RESP="curl: $(cat "$WORK/curl-error")"
}
# expect 2xx|CODE WHAT
expect() {
  if [ "$1" = 2xx ]; then [[ $STATUS == 2?? ]] && return 0
  else [ "$STATUS" = "$1" ] && return 0; fi
  server_alive "$2"
  die "$2: expected HTTP $1, got $STATUS: $(redact "${RESP:0:300}")"
}
# server_alive WHAT: fail loudly when the server process is gone
server_alive() {
  [ -n "${SERVER_PID:-}" ] || return 0
  local st=0 why
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    # alive, but is it shutting down? (only this script's stop_server may stop it)
    grep -q 'org.eclipse.jetty.server.Server: Stopped' "$RAW/server.log" 2>/dev/null || return 0
    sleep 2
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      die "during $1: the server (pid $SERVER_PID) is shutting down, which this script did not ask for: a signal from outside (a broad pkill?). Log: $RAW/server.log"
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || st=$?
  forget_child "$SERVER_PID"
  case $st in
    143) why="SIGTERM: something outside this script stopped it (a broad pkill?)" ;;
    137) why="SIGKILL: the OOM killer or a kill -9 from outside" ;;
    130) why="SIGINT" ;;
    *) why="see the log" ;;
  esac
  SERVER_PID=
  echo "[bench] last lines of the server log (whole log: $RAW/server.log):" >&2
  grep -vE '^(127\.0\.0\.1 |! )' "$RAW/server.log" | tail -8 >&2 || true
  die "during $1: the server process exited with status $st ($why)"
}
# tokens never go to the terminal
redact() { sed -E 's/("(access_token|refresh_token)":")[^"]*/\1<redacted>/g' <<<"$1"; }
jstr() { sed -n 's/.*"'"$1"'":"\([^"]*\)".*/\1/p' <<<"$RESP" | head -1; }

# --- CSV import -----------------------------------------------------------------------------------
# import_csv FILE ROWS PRICE_CENTS: a CSV of ROWS products, SKU BENCH-000001..., every price
# PRICE_CENTS/100 + i % 90; descriptions with a comma and a quoted word, so every row is quoted
import_csv() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
path, rows, cents = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w", newline="", encoding="utf-8") as out:
    out.write("sku,name,price,quantity,description,status,category,tags\r\n")
    for i in range(1, rows + 1):
        price = cents + (i % 90) * 100
        out.write(f'BENCH-{i:06d},Imported kettle {i},{price // 100}.{price % 100:02d},{i % 500},'
                  f'"Kettle number {i}, steel, 1.7 l, a ""quiet"" boil; made by the benchmark import",'
                  f'published,Kitchen {i % 12},bench;k{i % 9}\r\n')
PY
}

# heap_peak JFR USED_AT_END_KB: the most heap used (MiB) during a recording: the largest of its GC
# heap summaries (taken before and after each collection) and the heap used when it ended (with no
# collection in between, the heap only grew, so that is the peak)
heap_peak() {
  jfr print --json --events jdk.GCHeapSummary "$1" 2>/dev/null | python3 -c '
import json, sys
end = int(sys.argv[1]) * 1024 if sys.argv[1].isdigit() else 0
try:
    used = [e["values"]["heapUsed"] for e in json.load(sys.stdin)["recording"]["events"]]
except Exception:
    used = []
peak = max(used + [end])
print(round(peak / 1048576) if peak else "?")' "$2"
}

# heap_used_kb: the heap the server uses now, in KiB (jcmd GC.heap_info's first "used")
heap_used_kb() {
  jcmd "$SERVER_PID" GC.heap_info 2>/dev/null | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1
}

# import_step NAME WHAT URL_QUERY FILE EXPECT_STATUS EXPECT_COUNTS: one timed import under JFR
import_step() {
  local name=$1 what=$2 query=$3 file=$4 want_status=$5 want=$6 jfr=$RAW/import-$1.jfr t got counts peak end_kb
  jcmd "$SERVER_PID" JFR.start name="$name" settings=default filename="$jfr" >/dev/null 2>&1 || true
  t=$(curl -sS --max-time 600 -o "$RAW/import-$name.json" -w '%{http_code} %{time_total}' \
        -H "Authorization: Bearer $IMPORT_TOKEN" -F "file=@$file" "$API/products/import/$query") || t="000 0"
  end_kb=$(heap_used_kb)
  jcmd "$SERVER_PID" JFR.stop name="$name" >/dev/null 2>&1 || true
  got=${t%% *}
  counts=$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("%d/%d/%d errors=%d" % (r["created"], r["updated"], r["unchanged"], len(r["errors"])))' \
             "$RAW/import-$name.json" 2>/dev/null || echo "unreadable answer")
  [ "$got" = "$want_status" ] && [ "$counts" = "$want errors=0" ] \
    || die "import $name: expected HTTP $want_status and created/updated/unchanged $want, got $got and $counts"
  peak=$(heap_peak "$jfr" "$end_kb")
  IMPORT_LINES+=("$(awk -v w="$what" -v s="${t#* }" -v n="$NIMPORT" -v c="$counts" -v p="$peak" \
    'BEGIN{ printf "| %s | %d | %.2f | %.0f | %s | %s |", w, n, s, n / s, c, p }')")
  say "import $name: ${t#* } s, $counts, peak heap $peak MiB"
}

run_import() {
  local csv=$WORK/import.csv csv2=$WORK/import-prices.csv t lines
  IMPORT_LINES=()
  login_user 1; expect 200 "log in for the import"; IMPORT_TOKEN=$(jstr access_token)
  import_csv "$csv" "$NIMPORT" 1000
  import_csv "$csv2" "$NIMPORT" 1050
  IMPORT_BYTES=$(stat -c %s "$csv")
  say "import: $NIMPORT rows, $IMPORT_BYTES bytes"
  import_step dry "dry run, all_or_nothing (creates, rolled back)" "?dry_run=true" "$csv" 200 "$NIMPORT/0/0"
  import_step create "all_or_nothing, creates" "" "$csv" 200 "$NIMPORT/0/0"
  import_step same "per_row, the same file again (unchanged)" "?mode=per_row" "$csv" 200 "0/0/$NIMPORT"
  import_step prices "per_row, every price changed (updates)" "?mode=per_row" "$csv2" 200 "0/$NIMPORT/0"
  import_step pricesaon "all_or_nothing, every price changed back (updates)" "" "$csv" 200 "0/$NIMPORT/0"
  t=$(curl -sS --max-time 600 -o "$RAW/export.csv" -w '%{time_total}' -H "Authorization: Bearer $IMPORT_TOKEN" \
        "$API/products/export/") || die "export failed"
  lines=$(grep -c '^BENCH-' "$RAW/export.csv" || true)
  [ "$lines" = "$NIMPORT" ] || die "export: expected $NIMPORT imported rows, got $lines"
  IMPORT_LINES+=("$(awk -v s="$t" -v n="$((NIMPORT + NPRODUCTS))" 'BEGIN{ printf "| GET /products/export/ | %d | %.2f | %.0f | (rows written) | |", n, s, n / s }')")
  say "export: $t s for $((NIMPORT + NPRODUCTS)) rows"
}

# --- one database -------------------------------------------------------------------------------
declare -A RPS P50 P99 NON2XX SOCK CODES EXTRA LABEL

wait_ready() {
  local url=$1 i
  for ((i = 0; i < 600; i++)); do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$RAW/server.log" >&2; die "the server exited during start-up (log above, whole log: $RAW/server.log)"; }
    curl -sf -o /dev/null --max-time 2 "$url" && return 0
    sleep 0.2
  done
  die "no answer from $url within 120 s (log: $RAW/server.log)"
}

start_pg() {
  local port=$1
  PGROOT=$(mktemp -d /tmp/stockroom-bench-pg.XXXXXX)
  chmod 700 "$PGROOT"
  [ "$(id -u)" != 0 ] || chown postgres:postgres "$PGROOT"
  say "postgres: initdb in $PGROOT, 127.0.0.1:$port, trust auth"
  as_pg "$PGBIN/initdb" -D "$PGROOT/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$RAW/postgres-initdb.log" 2>&1 \
    || die "initdb failed: $(tail -5 "$RAW/postgres-initdb.log")"
  # PG_OPTS is split on spaces on purpose: it is a list of server options
  as_pg "$PGBIN/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/server.log" -w -t 60 \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $PGROOT -c max_connections=200 ${PG_OPTS:-}" start >/dev/null \
    || die "PostgreSQL did not start: $(tail -5 "$PGROOT/server.log" 2>/dev/null)"
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$port" -U postgres stockroom || die "createdb stockroom failed"
  PG_VERSION=$("$PGBIN/postgres" --version)
}

start_server() {
  local db=$1 secret
  secret=$(head -c 32 /dev/urandom | base64 | tr -d '\n')
  say "$db: starting java ${JAVA_OPTS_STR:+$JAVA_OPTS_STR }-jar stockroom.jar server (API :$HTTP_PORT, admin :$ADMIN_PORT, data $WORK/data)"
  (
    cd "$WORK"
    # No inherited database or SMTP settings: H2 must mean H2, and mail must go to .eml files.
    unset STOCKROOM_DB_URL STOCKROOM_DB_USER STOCKROOM_DB_PASSWORD STOCKROOM_SMTP_HOST STOCKROOM_SMTP_PORT \
      STOCKROOM_SMTP_USERNAME STOCKROOM_SMTP_PASSWORD STOCKROOM_SMTP_TRANSPORT
    export STOCKROOM_DATA_DIR="$WORK/data" STOCKROOM_HTTP_PORT="$HTTP_PORT" STOCKROOM_ADMIN_PORT="$ADMIN_PORT" \
      STOCKROOM_JWT_SECRET="$secret"
    # wrk sends every request from 127.0.0.1: the limits per client address would measure the 429s.
    export STOCKROOM_ADDRESS_LIMITS=off
    if [ "$db" = postgres ]; then
      export STOCKROOM_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/stockroom" STOCKROOM_DB_USER=postgres STOCKROOM_DB_PASSWORD=
    fi
    exec java "${JAVA_OPTS[@]}" -jar "$JAR" server
  ) >"$RAW/server.log" 2>&1 &
  SERVER_PID=$!
  CHILDREN+=("$SERVER_PID")
  wait_ready "http://127.0.0.1:$ADMIN_PORT/ping"
  say "$db: server up (pid $SERVER_PID)"
}

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  stop_pid "$SERVER_PID" 40
  forget_child "$SERVER_PID"
  SERVER_PID=
}

rss_mib() { awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$1/status" 2>/dev/null || echo "?"; }

# mail_code EMAIL: the code of the newest .eml to EMAIL (empty if none yet)
mail_code() {
  local files f
  files=$(grep -lF -- "$1" "$WORK/data/mail/"*.eml 2>/dev/null) || return 0
  f=$(sort <<<"$files" | tail -1)
  grep -m1 -E '^[[:space:]]+[0-9]{6}[[:space:]]*$' "$f" | tr -d '[:space:]\r' || true
}

seed() {
  local run i name email pw code
  run=$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')
  USERS_FILE=$WORK/users.tsv
  : >"$USERS_FILE"
  local tokens=() emails=()
  say "seeding: registering $NUSERS users"
  for ((i = 1; i <= NUSERS; i++)); do
    name=$(printf 'bench%su%02d' "$run" "$i")
    email=$name@example.com
    pw="velvet harbor quietly $((1900 + i))"
    call POST /users/register/ "{\"first_name\":\"Bench\",\"last_name\":\"User $i\",\"username\":\"$name\",\"email\":\"$email\",\"password\":\"$pw\",\"confirm_password\":\"$pw\"}"
    expect 201 "register $name"
    tokens+=("$(jstr access_token)")
    emails+=("$email")
    printf '%s\t%s\n' "$name" "$pw" >>"$USERS_FILE"
  done
  say "seeding: verifying them with the codes from $WORK/data/mail/*.eml"
  for ((i = 0; i < NUSERS; i++)); do
    code=
    local deadline=$((SECONDS + 10))
    while :; do
      code=$(mail_code "${emails[i]}")
      [[ $code =~ ^[0-9]{6}$ ]] && break
      [ "$SECONDS" -lt "$deadline" ] || die "no verification code for ${emails[i]} in $WORK/data/mail within 10 s"
      sleep 0.2
    done
    call POST /users/verify/ "{\"code\":\"$code\"}" "${tokens[i]}"
    expect 200 "verify ${emails[i]}"
    [ "$i" != 0 ] || OWNER_TOKEN=$(jstr access_token)
  done
  OWNER_NAME=$(sed -n '1s/\t.*//p' "$USERS_FILE")
  say "seeding: $NPRODUCTS products owned by $OWNER_NAME"
  local words=(lamp chair table shelf kettle) ids=() w id
  for ((i = 1; i <= NPRODUCTS; i++)); do
    w=${words[i % ${#words[@]}]}
    call POST /products/add/ "{\"name\":\"Bench $w $i\",\"price\":\"$((i % 90 + 10)).50\",\"description\":\"A $w made by the benchmark, number $i.\",\"quantity\":$((i * 3))}" "$OWNER_TOKEN"
    expect 201 "add product $i"
    id=$(grep -oE '"id":[0-9]+' <<<"$RESP" | head -1 | cut -d: -f2)
    [ -n "$id" ] || die "add product $i: no id in the answer"
    ids+=("$id")
  done
  IDS=$(IFS=,; echo "${ids[*]}")
  FIRST_ID=${ids[0]}
}

# login_user LINE: logs user LINE of USERS_FILE in; sets STATUS/RESP
login_user() {
  local line name pw
  line=$(sed -n "${1}p" "$USERS_FILE")
  name=${line%%$'\t'*}
  pw=${line#*$'\t'}
  call POST /users/login/ "{\"username\":\"$name\",\"password\":\"$pw\"}"
}

# run_wrk NAME SCRIPT URL SECONDS [ARGS...]: one wrk run in the background (so a signal stops it)
run_wrk() {
  local name=$1 script=$2 url=$3 secs=$4 out pid rc=0
  shift 4
  out=$RAW/$name.txt
  wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s -s "$script" "$url" -- "$@" >"$out" 2>&1 &
  pid=$!
  CHILDREN+=("$pid")
  wait "$pid" || rc=$?
  forget_child "$pid"
  server_alive "row $name"
  [ "$rc" = 0 ] || die "wrk failed for $name (exit $rc): $(tail -3 "$out")"
  grep -q '^RESULT ' "$out" || die "no RESULT line from wrk for $name: $(tail -3 "$out")"
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

record() {   # record ROW RAWFILE
  local r
  r=$(grep '^RESULT ' "$2" | tail -1)
  RPS[$1]=$(field rps "$r")
  P50[$1]=$(awk -v u="$(field p50_us "$r")" 'BEGIN{printf "%.2f", u/1000}')
  P99[$1]=$(awk -v u="$(field p99_us "$r")" 'BEGIN{printf "%.2f", u/1000}')
  NON2XX[$1]=$(field non2xx "$r")
  SOCK[$1]=$(( $(field connect "$r") + $(field read "$r") + $(field write "$r") + $(field timeout "$r") ))
  CODES[$1]=$(field statuses "$r")
  EXTRA[$1]=
  if [ -n "$(field starved "$r")" ]; then EXTRA[$1]="pool starved $(field starved "$r"), tokens lost $(field lost "$r")"; fi
  printf '    %-9s %9s req/s  p50 %8s ms  p99 %8s ms  non-2xx %s  socket errors %s  statuses %s\n' \
    "$1" "${RPS[$1]}" "${P50[$1]}" "${P99[$1]}" "${NON2XX[$1]}" "${SOCK[$1]}" "${CODES[$1]}"
}

# wait_idle: until the server uses less than a quarter of a core (work queued by the previous row,
# such as hashes still running for closed connections, must not land in the next one); 20 s at most
wait_idle() {
  local hz t0 t1 i start=$SECONDS
  hz=$(getconf CLK_TCK 2>/dev/null || echo 100)
  for ((i = 0; i < 40; i++)); do
    t0=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null) || return 0
    sleep 0.5
    t1=$(awk '{print $14 + $15}' "/proc/$SERVER_PID/stat" 2>/dev/null) || return 0
    if [ $(((t1 - t0) * 100 / hz)) -lt 13 ]; then   # ticks in 0.5 s: < 0.25 core
      [ $((SECONDS - start)) -lt 2 ] || say "  (waited $((SECONDS - start)) s for the server to go idle)"
      return 0
    fi
  done
  say "  (the server is still busy after 20 s; going on)"
}

PREP=
# row NAME LABEL SCRIPT URL [ARGS...]: warm-up, then the measured run ($PREP runs before each)
row() {
  local name=$1 label=$2 script=$3 url=$4
  shift 4
  LABEL[$name]=$label
  [ "$name" = mixed ] || wait_idle
  say "row $name: $label (${WARMUP}s warm-up + ${DURATION}s)"
  if [ "$WARMUP" -gt 0 ]; then
    [ -z "$PREP" ] || $PREP
    run_wrk "$name.warmup" "$script" "$url" "$WARMUP" "$@"
  fi
  [ -z "$PREP" ] || $PREP
  run_wrk "$name" "$script" "$url" "$DURATION" "$@"
  record "$name" "$RAW/$name.txt"
}

# the refresh pool: top it up with fresh logins of users 2..USERS-2
POOL_FILE=
POOL_NEXT=0
top_up_pool() {
  local have user
  have=$(grep -c . "$POOL_FILE" 2>/dev/null || true)
  while [ "${have:-0}" -lt "$POOL_SIZE" ]; do
    user=$((2 + POOL_NEXT % (NUSERS - 3)))
    POOL_NEXT=$((POOL_NEXT + 1))
    login_user "$user"
    expect 2xx "login for the refresh pool"
    jstr refresh_token >>"$POOL_FILE"
    have=$((${have:-0} + 1))
  done
}

run_rows() {
  local r line
  for r in $ROWS; do
    case $r in
      baseline)
        local burl=${BASELINE_URL:-http://127.0.0.1:$ADMIN_PORT/ping}
        STATUS=$(curl -sS --max-time 30 -o /dev/null -w '%{http_code}' "$burl" 2>/dev/null) || STATUS=000; RESP=
        expect 2xx "pre-flight GET $burl"
        row baseline "baseline: GET ${BASELINE_URL:-admin /ping}" "$BENCH/wrk/common.lua" "$burl" ;;
      detail)
        call GET "/products/$FIRST_ID/detail/"; expect 2xx "pre-flight GET detail"
        row detail "GET /products/<id>/detail/ ($NPRODUCTS ids)" "$BENCH/wrk/detail.lua" "$API" "$IDS" ;;
      list)
        call GET "/products/?page_size=20"; expect 2xx "pre-flight GET list"
        row list "GET /products/?page_size=20" "$BENCH/wrk/common.lua" "$API/products/?page_size=20" ;;
      search)
        local q="/products/?search=$SEARCH_WORD&ordering=-price&page_size=20"
        call GET "$q"; expect 2xx "pre-flight GET search"
        grep -q '"count":[1-9]' <<<"$RESP" || die "search for '$SEARCH_WORD' found nothing: ${RESP:0:200}"
        row search "GET $q" "$BENCH/wrk/common.lua" "$API$q" ;;
      patch)
        login_user 1; expect 2xx "login of the owner"   # a fresh access token for the row
        jstr access_token >"$WORK/owner.token"
        call PATCH "/products/$FIRST_ID/update/" '{"quantity":1}' "$(cat "$WORK/owner.token")"; expect 2xx "pre-flight PATCH"
        row patch "PATCH /products/<id>/update/ {quantity} (owner)" "$BENCH/wrk/patch.lua" "$API" "$WORK/owner.token" "$IDS" ;;
      login)
        login_user 2; expect 2xx "pre-flight login"
        row login "POST /users/login/ ($NUSERS users)" "$BENCH/wrk/login.lua" "$API" "$USERS_FILE" ;;
      login1)
        login_user "$NUSERS"; expect 2xx "pre-flight login (one user)"
        row login1 "POST /users/login/ (one user)" "$BENCH/wrk/login.lua" "$API" "$USERS_FILE" "$NUSERS" ;;
      refresh)
        POOL_FILE=$WORK/refresh.pool
        : >"$POOL_FILE"
        top_up_pool
        line=$(head -1 "$POOL_FILE")
        call POST /users/token/refresh/ "{\"refresh_token\":\"$line\"}"; expect 2xx "pre-flight refresh"
        { jstr refresh_token; tail -n +2 "$POOL_FILE"; } >"$POOL_FILE.new" && mv "$POOL_FILE.new" "$POOL_FILE"
        PREP=top_up_pool
        row refresh "POST /users/token/refresh/ (pool of $POOL_SIZE)" "$BENCH/wrk/refresh.lua" "$API" "$POOL_FILE" "$THREADS"
        PREP= ;;
      register)
        local pre
        pre=bench$(head -c 3 /dev/urandom | od -An -tx1 | tr -d ' \n')p
        call POST /users/register/ "{\"first_name\":\"Pre\",\"last_name\":\"Flight\",\"username\":\"$pre\",\"email\":\"$pre@example.com\",\"password\":\"velvet harbor quietly 1987\",\"confirm_password\":\"velvet harbor quietly 1987\"}"
        expect 201 "pre-flight register"
        row register "POST /users/register/ (new user each)" "$BENCH/wrk/register.lua" "$API" "bench" ;;
      mixed)
        run_mixed ;;
      import)
        ;;   # not a wrk row: run_import, once, after the measured pass
    esac
  done
}

# detail again while a second wrk logs one user in at $CONNS connections
run_mixed() {
  local who=$((NUSERS - 1)) secs=$((WARMUP + DURATION + 3)) pid rc=0
  wait_idle
  login_user "$who"; expect 2xx "pre-flight login (mixed, one user)"
  call GET "/products/$FIRST_ID/detail/"; expect 2xx "pre-flight GET detail"
  say "row mixed: background wrk: POST /users/login/ of one user, $CONNS connections, ${secs}s"
  wrk -t"$THREADS" -c"$CONNS" -d"${secs}s" --timeout 10s -s "$BENCH/wrk/login.lua" "$API" -- "$USERS_FILE" "$who" \
    >"$RAW/mixed-login.txt" 2>&1 &
  pid=$!
  CHILDREN+=("$pid")
  sleep 1
  row mixed "GET /products/<id>/detail/ under login load" "$BENCH/wrk/detail.lua" "$API" "$IDS"
  wait "$pid" || rc=$?
  forget_child "$pid"
  server_alive "row mixed (background login)"
  if [ "$rc" != 0 ] || ! grep -q '^RESULT ' "$RAW/mixed-login.txt"; then
    die "background wrk for mixed failed (exit $rc): $(tail -3 "$RAW/mixed-login.txt")"
  fi
  LABEL[mixed_login]="  (background) POST /users/login/ (one user)"
  record mixed_login "$RAW/mixed-login.txt"
}

hasher_class() {   # from the service log, else HASHER_CLASS, else core's
  local line rest
  line=$(grep -m1 'Password hashing:' "$RAW/server.log" || true)
  if [ -n "$line" ]; then
    rest=${line#*Password hashing:}
    HASHER_LOG_LINE=$(sed -E 's/^[[:space:]]+//' <<<"$rest")
    if [[ $rest =~ (dev\.stockroom\.[A-Za-z0-9_.]+[A-Za-z0-9_]) ]]; then
      HASHER=${BASH_REMATCH[1]}; HASHER_SOURCE="the service log"; return
    elif [[ $rest == *NativeArgon2id* ]]; then
      HASHER=$NATIVE_HASHER; HASHER_SOURCE="the service log (native)"; return
    elif [[ $rest == *Argon2idPasswordHasher* ]]; then
      HASHER=$DEFAULT_HASHER; HASHER_SOURCE="the service log (core)"; return
    fi
  else
    HASHER_LOG_LINE="(no 'Password hashing:' line in the service log)"
  fi
  HASHER=${HASHER_CLASS:-$DEFAULT_HASHER}
  if [ -n "${HASHER_CLASS:-}" ]; then HASHER_SOURCE="HASHER_CLASS"; else HASHER_SOURCE="default (core's)"; fi
}

measure_hash_rate() {
  say "raw hash rate: $HASHER, $HASH_THREADS threads, ${DURATION}s (server stopped)"
  java "${JAVA_OPTS[@]}" -cp "$JAR" "$BENCH/HashRate.java" "$HASH_THREADS" "$DURATION" "$HASHER" >"$RAW/hashrate.txt" 2>&1 \
    || die "hash-rate measurement failed: $(tail -5 "$RAW/hashrate.txt")"
  HASHRATE=$(awk '/^HASHRATE /{print $2}' "$RAW/hashrate.txt" | tail -1)
  HASHER_DESC=$(sed -n 's/^hasher=\(.*\) class=.*/\1/p' "$RAW/hashrate.txt")
}

log_summary() {   # counts and distinct messages of ERROR/WARN lines of the service log
  local log=$RAW/server.log
  local errors warns
  errors=$(grep -cE '^ERROR ' "$log" || true)
  warns=$(grep -cE '^WARN ' "$log" || true)
  echo "ERROR lines: ${errors:-0}, WARN lines: ${warns:-0} (of $(wc -l <"$log") lines; the access log is part of it)."
  if [ "${errors:-0}" -gt 0 ] || [ "${warns:-0}" -gt 0 ]; then
    echo
    echo '```'
    # each ERROR/WARN line with the first line of its stack trace; time stamps and error ids dropped
    awk '/^(ERROR|WARN) / { if (m != "") print m; m = $0; next }
         m != "" && /^! / { print m " " $0; m = ""; next }
         { if (m != "") print m; m = "" }
         END { if (m != "") print m }' "$log" |
      sed -E 's/\[[0-9-]+ [0-9:,]+\] //; s/(Unexpected error) [0-9a-f]+/\1 <id>/' | cut -c1-300 |
      sort | uniq -c | sort -rn | head -10
    echo '```'
  fi
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN{ if (a == "" || b == "" || b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'; }

report() {
  local db=$1 r
  echo "# Stockroom benchmark: $db"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), commit \`$GIT_REV\`; \`bench/run.sh $db $DURATION\`: wrk -t$THREADS -c$CONNS --timeout 10s," \
       "a first unreported pass of ${WARM_PASS}s per row, then ${WARMUP}s warm-up + ${DURATION}s per row; $NUSERS users, $NPRODUCTS products." \
       "wrk runs on the same machine as the server: compare ratios and runs of one machine."
  echo
  echo "| row | req/s | p50 ms | p99 ms | non-2xx | socket errors | statuses |"
  echo "|---|---:|---:|---:|---:|---:|---|"
  for r in $ROWS; do
    [ "$r" != import ] || continue
    printf '| %s | %s | %s | %s | %s | %s | %s |\n' "${LABEL[$r]}" "${RPS[$r]}" "${P50[$r]}" "${P99[$r]}" "${NON2XX[$r]}" "${SOCK[$r]}" "${CODES[$r]}"
    if [ "$r" = mixed ]; then
      printf '| %s | %s | %s | %s | %s | %s | %s |\n' "${LABEL[mixed_login]}" "${RPS[mixed_login]}" "${P50[mixed_login]}" \
        "${P99[mixed_login]}" "${NON2XX[mixed_login]}" "${SOCK[mixed_login]}" "${CODES[mixed_login]}"
    fi
  done
  echo
  echo "## Ratios"
  echo
  [ -z "${RPS[detail]:-}" ] || [ -z "${RPS[baseline]:-}" ] || echo "- detail / baseline req/s: ${RPS[detail]} / ${RPS[baseline]} = $(ratio "${RPS[detail]}" "${RPS[baseline]}")"
  [ -z "${RPS[login1]:-}" ] || echo "- login (one user) / raw hash rate: ${RPS[login1]} / $HASHRATE = $(ratio "${RPS[login1]}" "$HASHRATE")"
  [ -z "${RPS[login]:-}" ] || echo "- login ($NUSERS users) / raw hash rate: ${RPS[login]} / $HASHRATE = $(ratio "${RPS[login]}" "$HASHRATE")"
  if [ -n "${RPS[mixed]:-}" ]; then
    echo "- mixed: detail under one-user login load: ${RPS[mixed]} req/s, p50 ${P50[mixed]} ms, p99 ${P99[mixed]} ms" \
         "(alone: ${RPS[detail]:-n/a} req/s, p50 ${P50[detail]:-n/a} ms, p99 ${P99[detail]:-n/a} ms);" \
         "p99(mixed) / p99(alone) = $(ratio "${P99[mixed]}" "${P99[detail]:-}")"
  fi
  [ -z "${EXTRA[refresh]:-}" ] || echo "- refresh: ${EXTRA[refresh]}"
  echo
  if [ ${#IMPORT_LINES[@]} -gt 0 ]; then
    echo "## CSV import"
    echo
    echo "$NIMPORT generated rows ($IMPORT_BYTES bytes, every row quoted), one request each, timed by curl;" \
         "peak heap: the most heap used in the JFR recording's GC heap summaries during the request" \
         "(max heap: the JVM's MaxHeapSize below)."
    echo
    echo "| step | rows | seconds | rows/s | created/updated/unchanged | peak heap MiB |"
    echo "|---|---:|---:|---:|---|---:|"
    printf '%s\n' "${IMPORT_LINES[@]}"
    echo
  fi
  echo "## Hashing"
  echo
  echo "- hasher: \`$HASHER\` ($HASHER_DESC), from $HASHER_SOURCE; log: $HASHER_LOG_LINE"
  echo "- raw hash rate (bench/HashRate.java, $HASH_THREADS threads, ${DURATION}s, server stopped, same JVM flags): **$HASHRATE verifies/s**"
  echo
  echo "## Memory and JVM"
  echo
  echo "- server RSS (VmRSS): idle after seeding $RSS_SEEDED MiB, after all rows $RSS_AFTER MiB"
  echo "- STOCKROOM_JAVA_OPTS: \`${JAVA_OPTS_STR:-(none)}\`"
  echo "- effective JVM flags (jcmd VM.flags): \`$JVM_FLAGS\`"
  echo
  echo "## Machine"
  echo
  echo '```'
  echo "$MACHINE"
  [ "$db" != postgres ] || echo "$PG_VERSION${PG_OPTS:+ (PG_OPTS: $PG_OPTS)}"
  echo '```'
  echo
  echo "## Service log"
  echo
  log_summary
  echo
  echo "Raw wrk output, the server log and the hash-rate output: \`${RAW#"$ROOT"/}/\` (not committed)."
}

machine_facts() {
  local model
  model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
  printf '%s\n' "nproc: $(nproc)" "cpu: ${model:-unknown}" "kernel: $(uname -r)" "free -g:" "$(free -g)" \
    "$(java -version 2>&1)" "$(wrk -v 2>&1 | head -1)"
}

bench_db() {
  local db=$1
  RAW=$RESULTS/$TS-$db
  REPORT=$RESULTS/$TS-$db.md
  mkdir -p "$RAW"
  WORK=$(mktemp -d /tmp/stockroom-bench.XXXXXX)
  TMPDIRS+=("$WORK")
  read -r HTTP_PORT ADMIN_PORT PG_PORT <<<"$(free_ports 3)"
  API=http://127.0.0.1:$HTTP_PORT
  RPS=() P50=() P99=() NON2XX=() SOCK=() CODES=() EXTRA=() LABEL=()
  PG_VERSION=
  say "===== $db: raw output in ${RAW#"$ROOT"/}/"
  [ "$db" != postgres ] || start_pg "$PG_PORT"
  start_server "$db"
  seed
  wait_idle   # let the mail relay and the JIT settle before reading memory
  RSS_SEEDED=$(rss_mib "$SERVER_PID")
  JVM_FLAGS=$(jcmd "$SERVER_PID" VM.flags 2>/dev/null | tail -n +2 | tr '\n' ' ' | sed 's/ *$//' || true)
  [ -n "$JVM_FLAGS" ] || JVM_FLAGS="(jcmd unavailable)"
  say "$db: seeded; server RSS $RSS_SEEDED MiB"
  if [ "$WARM_PASS" -gt 0 ]; then
    say "$db: warm pass, ${WARM_PASS}s per row, not reported"
    local saved_duration=$DURATION saved_warmup=$WARMUP saved_raw=$RAW
    DURATION=$WARM_PASS WARMUP=0 RAW=$RAW/warm-pass
    mkdir -p "$RAW"
    run_rows
    DURATION=$saved_duration WARMUP=$saved_warmup RAW=$saved_raw
    RPS=() P50=() P99=() NON2XX=() SOCK=() CODES=() EXTRA=() LABEL=()
    say "$db: measured pass"
  fi
  run_rows
  IMPORT_LINES=()
  if [[ " $ROWS " == *" import "* ]]; then run_import; fi
  wait_idle
  RSS_AFTER=$(rss_mib "$SERVER_PID")
  say "$db: rows done; server RSS $RSS_AFTER MiB; stopping the server"
  hasher_class
  stop_server
  [ "$db" != postgres ] || pg_stop
  measure_hash_rate
  report "$db" >"$REPORT"
  say "===== $db results"
  sed -n '/^| row /,/^## Memory/p' "$REPORT" | sed '$d'
  REPORTS+=("$REPORT")
  [ "${KEEP_TMP:-0}" = 1 ] || rm -rf "$WORK"
}

# --- main -----------------------------------------------------------------------------------------
cd "$ROOT"
if [ "${SKIP_BUILD:-0}" = 1 ]; then
  say "SKIP_BUILD=1: using $JAR as it is"
else
  need mvn "Install Maven 3.8+, or build the jar yourself and set SKIP_BUILD=1"
  say "building: mvn -B -q package -DskipTests"
  mvn -B -q package -DskipTests || die "the build failed"
fi
[ -f "$JAR" ] || die "no $JAR (build it: mvn -B -q package -DskipTests)"
GIT_REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ] || GIT_REV="$GIT_REV (with uncommitted changes)"
TS=$(date -u +%Y%m%dT%H%M%SZ)
MACHINE=$(machine_facts)
REPORTS=()
for db in "${DBS[@]}"; do bench_db "$db"; done
echo
for r in "${REPORTS[@]}"; do echo "report: ${r#"$ROOT"/}"; done
