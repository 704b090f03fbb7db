#!/usr/bin/env bash
# Snel against the peer harness's raw Netty app, measured in alternation: both servers run at once
# on the server core, and each round loads one, then the other, for DURATION seconds, so that a
# shared machine's slow drift (on these VMs, whole minutes 20-35 % slower than others) falls on both
# alike. Prints each round's requests/s and the median of the per-round ratios.
#
#   bench/paired.sh                                   # items and users, 6 rounds of 5 s each
#   WORKLOADS="plaintext json items users" ROUNDS=8 bench/paired.sh
#
# Needs the peer harness copy that bench/peers.sh makes ($PEERS_DIR, default /tmp/snel-peers) with
# its Netty app built (bench/peers.sh netty, or its --build-only), and bench/target/benchmarks.jar.
# Snel runs with the production flags that bench/peers.sh gives it (SNEL_JVM_OPTS), Netty with the
# harness's JVM_OPTS (-Xmx512m); wrk as the harness runs it (one thread, 64 connections, its Lua
# script). Each server first gets WARMUP seconds per workload. Loopback only.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORKLOADS=${WORKLOADS:-"items users"}
ROUNDS=${ROUNDS:-6}
DURATION=${DURATION:-5}
WARMUP=${WARMUP:-20}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PEERS_DIR=${PEERS_DIR:-/tmp/snel-peers}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_OPTS=${JVM_OPTS:--Xmx512m}
# shellcheck source=bench/snel-flags.sh
. "$here/snel-flags.sh"
SNEL_JVM_OPTS=${SNEL_JVM_OPTS-"$SNEL_PRODUCTION_FLAGS"}
jar="$here/target/benchmarks.jar"
netty="$PEERS_DIR/apps/netty"
[ -f "$jar" ] || { echo "bench/target/benchmarks.jar is missing: bin/mvn -pl bench -am package -DskipTests" >&2; exit 1; }
[ -f "$netty/target/netty-peer-1.jar" ] || { echo "no built Netty peer in $netty: run bench/peers.sh netty first" >&2; exit 1; }

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
# shellcheck disable=SC2086  # option lists are lists of words
PORT=18201 taskset -c "$SERVER_CPU" "$JAVA25/bin/java" $JVM_OPTS --enable-native-access=ALL-UNNAMED \
  $SNEL_JVM_OPTS -cp "$jar" dev.snel.bench.SnelBenchApp virtual >/dev/null 2>&1 &
pids+=($!)
# shellcheck disable=SC2086
(cd "$netty" && PORT=18202 exec taskset -c "$SERVER_CPU" "$JAVA25/bin/java" $JVM_OPTS \
  -cp 'target/classes:target/lib/*' peers.Main) >/dev/null 2>&1 &
pids+=($!)
for port in 18201 18202; do
  for _ in $(seq 200); do curl -sf "http://127.0.0.1:$port/plaintext" >/dev/null && break; sleep 0.1; done
done

load() { # load PORT WORKLOAD SECONDS -> requests/s
  local port=$1 path=/$2 method=GET body=""
  case $2 in
    json256) path=/json ;;
    items) path="/items/42?q=abc" ;;
    users) method=POST body='{"username":"alice","email":"alice@example.com","password":"secret123"}' ;;
  esac
  local connections=64
  [ "$2" = json256 ] && connections=256
  WRK_METHOD=$method WRK_BODY=$body taskset -c "$CLIENT_CPU" wrk -t1 -c"$connections" -d"$3"s \
    --timeout 5s -s "$PEERS_DIR/lib/wrk.lua" "http://127.0.0.1:$port$path" |
    awk '/Requests\/sec/ {print $2}'
}

for workload in $WORKLOADS; do
  load 18201 "$workload" "$WARMUP" >/dev/null
  load 18202 "$workload" "$WARMUP" >/dev/null
  ratios=()
  for round in $(seq "$ROUNDS"); do
    snel=$(load 18201 "$workload" "$DURATION")
    raw=$(load 18202 "$workload" "$DURATION")
    ratio=$(awk -v a="$snel" -v b="$raw" 'BEGIN {printf "%.3f", a / b}')
    ratios+=("$ratio")
    echo "$workload round $round: Snel $snel, raw Netty $raw req/s, ratio $ratio"
  done
  median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}')
  echo "$workload: median Snel / raw Netty over $ROUNDS rounds: $median"
done
