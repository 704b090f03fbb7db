#!/usr/bin/env bash
# GET /users/{id} against PostgreSQL: examples/sql-users (snel-sql, JDBI, HikariCP) beside FastAPI's
# SQL seed app (SQLAlchemy, psycopg2; bench/fastapi-sql-users/main.py), in one run, alternating.
#
#   bench/sql-users.sh            # about 2 minutes
#
# Creates the schema $SCHEMA in the database (table users, one seeded user) and drops it at the end.
# Both servers run at the same time on core $SERVER_CPU (taskset; the one not under load is idle),
# wrk (one thread, --latency) on core $CLIENT_CPU; PostgreSQL is not pinned (its backends share both
# cores). Each server gets warm-up load, then ROUNDS x (Snel DURATION s, FastAPI DURATION s).
# Both pools: POOL_SIZE=40 connections, MAX_OVERFLOW=0, pre-ping on (fewer than 40 stalls FastAPI:
# see fastapi-sql-users/main.py); CONNECTIONS=64 wrk connections.
# Prints requests/s and wrk's p99 per measurement (with the server's and all postgres processes' CPU
# use, how busy each core was, and the 1-minute load average), and Snel / FastAPI per round and overall.
# Needs Debian's python3-fastapi python3-uvicorn python3-uvloop python3-httptools python3-sqlalchemy
# python3-psycopg2 and wrk (installed with apt-get when missing), JDK 25, psql. Loopback only.
#
# Settings (environment): PGURL=postgresql://postgres@127.0.0.1:5432/test SCHEMA=snel_sqlbench
#   POOL_SIZE=40 MAX_OVERFLOW=0 DURATION=10 ROUNDS=2 CONNECTIONS=64 WARMUP_SNEL=30 WARMUP_FASTAPI=5 SERVER_CPU=0 CLIENT_CPU=1
#   SNEL_PORT=18093 FASTAPI_PORT=18094 JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64 JVM_OPTS=-Xmx512m
#   NICE=-10 (as root; 0 turns it off) BUILD=1 (0 skips the Maven build)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
PGURL=${PGURL:-postgresql://postgres@127.0.0.1:5432/test}
SCHEMA=${SCHEMA:-snel_sqlbench}
DURATION=${DURATION:-10}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
WARMUP_SNEL=${WARMUP_SNEL:-30}
WARMUP_FASTAPI=${WARMUP_FASTAPI:-5}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
SNEL_PORT=${SNEL_PORT:-18093}
FASTAPI_PORT=${FASTAPI_PORT:-18094}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_OPTS=${JVM_OPTS:--Xmx512m}
NICE=${NICE:--10}
BUILD=${BUILD:-1}
export POOL_SIZE=${POOL_SIZE:-40} MAX_OVERFLOW=${MAX_OVERFLOW:-0}
PYTHON=/usr/bin/python3 # Debian's, where apt-get puts FastAPI and SQLAlchemy
nice_cmd=(nice -n "$NICE")
if [ "$(id -u)" != 0 ] && [ "$NICE" -lt 0 ]; then nice_cmd=(); fi
module="$root/examples/sql-users"
out="$here/target/sql-users/$(date +%Y%m%d-%H%M%S)"
path="/users/1"

log() { echo "[sql-users] $*" >&2; }
psql_() { psql -q -v ON_ERROR_STOP=1 "$PGURL" "$@"; }

# ---- what the run needs
if ! "$PYTHON" -c 'import fastapi, uvicorn, uvloop, httptools, sqlalchemy, psycopg2' 2>/dev/null || ! command -v wrk >/dev/null; then
  log "installing Debian packages"
  export DEBIAN_FRONTEND=noninteractive
  pkgs=(python3-fastapi python3-uvicorn python3-uvloop python3-httptools python3-sqlalchemy python3-psycopg2 wrk)
  apt-get install -y -q "${pkgs[@]}" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "${pkgs[@]}" >/dev/null; }
fi
if [ "$BUILD" = 1 ]; then
  log "building examples/sql-users"
  (cd "$root" && bin/mvn -B -q package -DskipTests -pl examples/sql-users -am)
fi
mkdir -p "$out"

# ---- the schema: its own, so nothing else in the database is touched
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  pids=()
  psql_ -c "DROP SCHEMA IF EXISTS $SCHEMA CASCADE" || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM
psql_ <<SQL
DROP SCHEMA IF EXISTS $SCHEMA CASCADE;
CREATE SCHEMA $SCHEMA;
CREATE TABLE $SCHEMA.users (id SERIAL PRIMARY KEY, email VARCHAR(255), hashed_password VARCHAR(255),
  is_active BOOLEAN DEFAULT TRUE);
CREATE UNIQUE INDEX ix_users_email ON $SCHEMA.users (email);
INSERT INTO $SCHEMA.users (email, hashed_password, is_active) VALUES ('alice@example.com', 'secretnotreallyhashed', TRUE);
ANALYZE $SCHEMA.users;
SQL

# ---- servers: both up for the whole run
wait_up() { # wait_up NAME PORT PID
  for _ in $(seq 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$2$path"; then return 0; fi
    kill -0 "$3" 2>/dev/null || { cat "$out/$1-server.log" >&2; log "$1 died at startup"; exit 1; }
    sleep 0.1
  done
  log "$1 did not answer within 60 s"; exit 1
}
# pgjdbc takes the schema as currentSchema, libpq as the search_path option
# shellcheck disable=SC2086  # JVM_OPTS is a word list
DATABASE_URL="$PGURL?currentSchema=$SCHEMA" PORT=$SNEL_PORT HOST=127.0.0.1 \
  "${nice_cmd[@]}" taskset -c "$SERVER_CPU" "$JAVA25/bin/java" $JVM_OPTS --enable-native-access=ALL-UNNAMED --add-opens java.base/java.lang=ALL-UNNAMED \
  -cp "$module/target/classes:$module/target/lib/*" "$here/sql-users/SnelSqlUsers.java" >"$out/snel-server.log" 2>&1 &
pids+=($!); snel_pid=$!
(cd "$here/fastapi-sql-users" && DATABASE_URL="$PGURL?options=-csearch_path%3D$SCHEMA" \
  exec "${nice_cmd[@]}" taskset -c "$SERVER_CPU" "$PYTHON" -m uvicorn main:app --host 127.0.0.1 --port "$FASTAPI_PORT" \
  --workers 1 --loop uvloop --http httptools --no-access-log --log-level warning) >"$out/fastapi-server.log" 2>&1 &
pids+=($!); fastapi_pid=$!
wait_up snel "$SNEL_PORT" "$snel_pid"
wait_up fastapi "$FASTAPI_PORT" "$fastapi_pid"
log "snel:    $(curl -s "http://127.0.0.1:$SNEL_PORT$path")"
log "pools: pool_size=$POOL_SIZE max_overflow=$MAX_OVERFLOW"
log "fastapi: $(curl -s "http://127.0.0.1:$FASTAPI_PORT$path")"

run_wrk() { # run_wrk PORT SECONDS OUTFILE
  "${nice_cmd[@]}" timeout $(($2 + 30)) taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$2"s --latency --timeout 5s \
    "http://127.0.0.1:$1$path" >"$3" 2>&1
}
load1() { cut -d' ' -f1 /proc/loadavg; }
ticks() { # ticks PID: CPU ticks (user + system) of the process
  awk '{print $14 + $15}' "/proc/$1/stat"
}
pg_ticks() { # "PID TICKS" per postgres process
  local pid
  for pid in $(pgrep -x postgres); do echo "$pid $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null)"; done
}
core_ticks() { # busy and total ticks of core $1
  awk -v c="cpu$1" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}
clk_tck=$(getconf CLK_TCK)

log "warm-up: snel ${WARMUP_SNEL}s, fastapi ${WARMUP_FASTAPI}s"
run_wrk "$SNEL_PORT" "$WARMUP_SNEL" "$out/warmup-snel.txt"
run_wrk "$FASTAPI_PORT" "$WARMUP_FASTAPI" "$out/warmup-fastapi.txt"

# ---- measurements, alternating
results="$out/results.tsv"
printf 'round\tserver\treq_s\tp99\tnon2xx\tsocket_errors\tserver_cpu%%\tpostgres_cpu%%\tcore%s_busy%%\tcore%s_busy%%\tload1_before\tload1_after\n' "$SERVER_CPU" "$CLIENT_CPU" >"$results"
for round in $(seq "$ROUNDS"); do
  for name in snel fastapi; do
    port=$SNEL_PORT; [ "$name" = fastapi ] && port=$FASTAPI_PORT
    pid=$snel_pid; [ "$name" = fastapi ] && pid=$fastapi_pid
    before=$(load1); t0=$(date +%s%N); s0=$(ticks "$pid"); pg_ticks >"$out/pg0"
    c0=$(core_ticks "$SERVER_CPU"); w0=$(core_ticks "$CLIENT_CPU")
    run_wrk "$port" "$DURATION" "$out/$round-$name.txt"
    after=$(load1); t1=$(date +%s%N); s1=$(ticks "$pid"); pg_ticks >"$out/pg1"
    c1=$(core_ticks "$SERVER_CPU"); w1=$(core_ticks "$CLIENT_CPU")
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print (b - a) / 1e9 }')
    scpu=$(awk -v d=$((s1 - s0)) -v s="$secs" -v h="$clk_tck" 'BEGIN { printf "%.0f", 100 * d / h / s }')
    # postgres processes present before and after (backends of other clients come and go)
    pd=$(awk 'NR == FNR { if ($2 != "") t[$1] = $2; next } ($1 in t) && $2 != "" { d += $2 - t[$1] } END { print d + 0 }' "$out/pg0" "$out/pg1")
    pcpu=$(awk -v d="$pd" -v s="$secs" -v h="$clk_tck" 'BEGIN { printf "%.0f", 100 * d / h / s }')
    cbusy=$(echo "$c0 $c1" | awk '{ printf "%.0f", 100 * ($3 - $1) / ($4 - $2) }')
    wbusy=$(echo "$w0 $w1" | awk '{ printf "%.0f", 100 * ($3 - $1) / ($4 - $2) }')
    f="$out/$round-$name.txt"
    rps=$(awk '/^Requests\/sec/ {print $2}' "$f")
    p99=$(awk '$1 == "99%" {print $2}' "$f")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$f"); non2xx=${non2xx:-0}
    sockerr=$(awk -F'Socket errors: ' '/Socket errors/ {print $2}' "$f"); sockerr=${sockerr:-none}
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$name" "$rps" "$p99" "$non2xx" "$sockerr" \
      "$scpu" "$pcpu" "$cbusy" "$wbusy" "$before" "$after" >>"$results"
    log "round $round $name: $rps req/s, p99 $p99, non-2xx $non2xx, server CPU $scpu %, postgres CPU $pcpu %, load $before -> $after"
  done
done

# ---- summary
echo
column -t -s $'\t' "$results"
echo
awk -F'\t' '
  function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
  NR > 1 { r[$1, $2] = $3; p[$1, $2] = ms($4); n[$2]++; sr[$2] += $3; sp[$2] += ms($4); if ($1 > R) R = $1 }
  END {
    for (i = 1; i <= R; i++)
      printf "round %d: Snel/FastAPI req/s %.2f, p99 FastAPI/Snel %.2f\n", i, r[i, "snel"] / r[i, "fastapi"], p[i, "fastapi"] / p[i, "snel"]
    printf "mean:    Snel %.0f req/s p99 %.2f ms; FastAPI %.0f req/s p99 %.2f ms; req/s ratio %.2f, p99 ratio %.2f\n",
      sr["snel"] / n["snel"], sp["snel"] / n["snel"], sr["fastapi"] / n["fastapi"], sp["fastapi"] / n["fastapi"],
      (sr["snel"] / n["snel"]) / (sr["fastapi"] / n["fastapi"]), (sp["fastapi"] / n["fastapi"]) / (sp["snel"] / n["snel"])
  }' "$results"
echo "wrk output and server logs: $out"
