#!/usr/bin/env bash
# Which heap and collector for the pure-Java (Bouncy Castle) Argon2id hasher, which allocates
# ~19 MiB per hash: bench/HashBench.java under each JVM configuration, one JVM each, one table.
#
#   bench/gc.sh [SECONDS] [THREADS]     (default 5 s per measurement, threads 1..2)
#
# Environment:
#   HASHER    the class to measure (default core's dev.stockroom.core.account.hashing.Argon2idPasswordHasher)
#   CONFIGS   JVM flag sets, one per line, replacing the built-in list below
#   RESULTS_DIR  where the report goes (default bench/results): <UTC time>-gc.md, raw output in
#             <UTC time>-gc/ (not committed)
# Needs bootstrap/target/stockroom.jar (mvn -B -q package -DskipTests). Run it on a quiet machine:
# the table compares configurations of one run.
set -euo pipefail

case "${1:-}" in -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0;; esac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
JAR=$ROOT/bootstrap/target/stockroom.jar
SECS=${1:-5}
THREADS=${2:-2}
HASHER=${HASHER:-dev.stockroom.core.account.hashing.Argon2idPasswordHasher}
RESULTS=${RESULTS_DIR:-$ROOT/bench/results}
die() { printf '[gc] ERROR: %s\n' "$*" >&2; exit 1; }
say() { printf '[gc %s] %s\n' "$(date -u +%H:%M:%S)" "$*"; }
command -v java >/dev/null || die "java not found (apt-get install -y openjdk-17-jdk-headless)"
[ -f "$JAR" ] || die "no $JAR: build it first (mvn -B -q package -DskipTests)"
[[ $SECS =~ ^[0-9]+([.][0-9]+)?$ ]] || die "SECONDS must be a number, not '$SECS'"
[[ $THREADS =~ ^[0-9]+(,[0-9]+)*$ ]] || die "THREADS must be a number or a list like 1,2, not '$THREADS'"

DEFAULT_CONFIGS="-XX:+UseSerialGC -Xmx256m
-XX:+UseSerialGC -Xmx64m
-XX:+UseSerialGC -Xmx64m -Xmn48m
-XX:+UseParallelGC -Xmx256m
-XX:+UseParallelGC -Xmx64m
-XX:+UseParallelGC -Xmx64m -Xmn48m
-XX:+UseG1GC -Xmx256m
-XX:+UseG1GC -Xmx64m
-XX:+UseG1GC -Xmx256m -Xms256m -XX:+AlwaysPreTouch
-XX:+UseG1GC -Xmx64m -Xms64m -XX:+AlwaysPreTouch
-XX:+UseZGC -Xmx256m
-XX:+UseZGC -Xmx64m
-XX:+UseG1GC"
CONFIGS=${CONFIGS:-$DEFAULT_CONFIGS}

TS=$(date -u +%Y%m%dT%H%M%SZ)
RAW=$RESULTS/$TS-gc
REPORT=$RESULTS/$TS-gc.md
mkdir -p "$RAW"

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }
TABLE="| JVM flags | threads | verifies/s | mean ms | p99 ms | MiB alloc/verify | GCs | GC ms | GC % | heap committed MiB | peak RSS MiB |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
n=0
while IFS= read -r flags; do
  [ -n "${flags// /}" ] || continue
  n=$((n + 1))
  out=$RAW/config-$n.txt
  say "$n: java $flags ... HashBench $THREADS $SECS"
  read -r -a argv <<<"$flags"
  if java "${argv[@]}" -cp "$JAR" "$ROOT/bench/HashBench.java" "$THREADS" "$SECS" "$HASHER" >"$out" 2>&1 &&
     grep -q '^HASHBENCH ' "$out"; then
    while IFS= read -r line; do
      TABLE+=$'\n'"$(printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |' "\`$flags\`" \
        "$(field threads "$line")" "$(field verifies_per_s "$line")" "$(field mean_ms "$line")" "$(field p99_ms "$line")" \
        "$(field alloc_mib_per_verify "$line")" "$(field gc_count "$line")" "$(field gc_ms "$line")" \
        "$(field gc_pct "$line")" "$(field heap_committed_mib "$line")" "$(field peak_rss_mib "$line")")"
    done < <(grep '^HASHBENCH ' "$out")
  else
    why=$(grep -m1 -E 'Error|Exception' "$out" | cut -c1-120 | tr '|' '/' || true)
    TABLE+=$'\n'"| \`$flags\` | failed: ${why:-see $(basename "$out")} | | | | | | | | | |"
  fi
done <<<"$CONFIGS"
[ "$n" -gt 0 ] || die "CONFIGS is empty"

{
  echo "# HashBench under JVM configurations"
  echo
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), \`bench/gc.sh $SECS $THREADS\`, hasher \`$HASHER\`," \
       "commit \`$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)\`; $(nproc) CPUs," \
       "$(java -version 2>&1 | head -1). GC counts and times are of the measured seconds only" \
       "(ZGC: pauses); peak RSS is the JVM's high-water mark so far."
  echo
  echo "$TABLE"
  echo
  echo "Raw output: \`${RAW#"$ROOT"/}/\` (not committed)."
} >"$REPORT"
echo
echo "$TABLE"
echo
echo "report: ${REPORT#"$ROOT"/}"
