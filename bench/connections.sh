#!/usr/bin/env bash
# Memory per idle keep-alive connection: SnelBenchApp (default dispatch) pinned to one core, with
# 0, then STEP, then 2 x STEP ... connections held open by other processes, each connection having
# done one request (GET $TARGET). At every step, after a full GC:
#   heap    the live bytes of GC.class_histogram (which forces the full GC)
#   rss     ps -o rss= of the server; by default the heap is fixed and touched at startup
#           (-Xms = -Xmx, AlwaysPreTouch), so that RSS grows only by native memory and the
#           heap's growth is the live-bytes column; JVM_OPTS=-Xmx512m shows a default heap's RSS
#   slab    the kernel's slab memory (/proc/meminfo), per socket with both ends of a connection
#           counted; it is the whole machine's, so only indicative on a shared one
#   native  the JVM's native memory tracking, as a diff against step 0 (VM.native_memory)
# and the bytes per connection against step 0. The classes whose live bytes grew most between the
# first and the last step are listed per connection (what a connection costs on the heap).
#
#   bench/connections.sh                     # 0 / 5,000 / 10,000 connections, about a minute
#   STEPS=4 STEP=2500 bench/connections.sh
#
# Each client (dev.snel.bench.HoldConnections, one per step, on core $CLIENT_CPU) opens STEP
# connections in sequence and holds them until the end. The server keeps its default 60 s idle
# timeout: a step's measurement takes about 10 s. Needs STEP x STEPS + ~200 file descriptors in
# the server (its RLIMIT_NOFILE; the JVM raises its soft limit to the hard one).
# Before step 0 a client opens and closes WARMUP_CONNECTIONS (default STEP) connections, so that
# the code the steps run is compiled already (the code cache is native memory too), and before
# each measurement the script waits SETTLE=8 s: the JIT compiles during a burst of connections in
# arenas of ~20 MB that the JVM gives back after about 5 s.
# SERVER=netty measures dev.snel.bench.RawNettyServer instead, the reference (snel-nonblocking: the
# app with every route on the I/O thread).
# Settings (environment): SERVER=snel STEP=5000 STEPS=2 TARGET=/plaintext SERVER_CPU=0 CLIENT_CPU=1 PORT=18095
#   JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64 JVM_OPTS="-Xms512m -Xmx512m -XX:+AlwaysPreTouch"
#   (NMT is always added).
# Output: bench/target/connections/<time>/ (histograms, NMT diffs, client logs, results.tsv).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
SERVER=${SERVER:-snel}
STEP=${STEP:-5000}
STEPS=${STEPS:-2}
TARGET=${TARGET:-/plaintext}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PORT=${PORT:-18095}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_OPTS="${JVM_OPTS:--Xms512m -Xmx512m -XX:+AlwaysPreTouch} -XX:NativeMemoryTracking=summary"
WARMUP_CONNECTIONS=${WARMUP_CONNECTIONS:-$STEP}
SETTLE=${SETTLE:-8}
CONNECTIONS=0 QUIET=15 QUIET_WAIT=20 NICE=0 nice_cmd=()
jar="$here/target/benchmarks.jar"
out="$here/target/connections/$(date +%Y%m%d-%H%M%S)"
clk_tck=$(getconf CLK_TCK)
LOG_TAG=connections

# shellcheck source=bench/lib.sh
. "$here/lib.sh"

clients=()
holds=()
stop_all() {
  for fd in "${holds[@]}"; do eval "exec $fd>&-"; done
  for pid in "${clients[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_server
}
trap stop_all EXIT

client() { # client N LOG: a HoldConnections on the client core
  taskset -c "$CLIENT_CPU" "$JAVA25/bin/java" -Xmx256m -XX:+UseSerialGC -cp "$jar" \
    dev.snel.bench.HoldConnections "$PORT" "$1" "$TARGET" >"$2" 2>&1
}

results="$out/results.tsv"
echo -e "connections\theap_bytes\trss_kib\tfds\tslab_kib" >"$results"
measure() { # measure N
  local histogram="$out/histogram-$1.txt" heap rss fds
  sleep "$SETTLE"
  "$JAVA25/bin/jcmd" "$server_pid" GC.class_histogram >"$histogram"
  heap=$(awk '$1 == "Total" { print $3 }' "$histogram")
  rss=$(ps -o rss= -p "$server_pid" | tr -d ' ')
  fds=$(find "/proc/$server_pid/fd" -mindepth 1 | wc -l)
  slab=$(awk '$1 == "Slab:" { print $2 }' /proc/meminfo)
  if [ "$1" = 0 ]; then
    "$JAVA25/bin/jcmd" "$server_pid" VM.native_memory baseline >/dev/null
  else
    "$JAVA25/bin/jcmd" "$server_pid" VM.native_memory summary.diff >"$out/native-$1.txt"
  fi
  echo -e "$1\t$heap\t$rss\t$fds\t$slab" >>"$results"
  log "$1 connections: heap $heap B live, RSS $rss KiB, $fds descriptors"
}

log "starting $SERVER on core $SERVER_CPU ($JVM_OPTS)"
start_server "$SERVER"
log "warming up: $WARMUP_CONNECTIONS connections, one request each, closed"
client "$WARMUP_CONNECTIONS" "$out/warmup.log" </dev/null
wait_quiet
measure 0
for step in $(seq "$STEPS"); do
  n=$((step * STEP))
  fifo="$out/hold-$step"
  mkfifo "$fifo"
  client "$STEP" "$out/client-$step.log" <"$fifo" &
  clients+=($!)
  fd=$((10 + step))
  eval "exec $fd>\"$fifo\""
  holds+=("$fd")
  until grep -q '^held ' "$out/client-$step.log" 2>/dev/null; do
    kill -0 "${clients[-1]}" 2>/dev/null || { cat "$out/client-$step.log" >&2; exit 1; }
    sleep 0.2
  done
  measure "$n"
done

last=$((STEPS * STEP))
echo
echo "$SERVER ($JVM_OPTS), server on core $SERVER_CPU, each connection idle after one GET $TARGET"
awk -v base="$(awk 'NR == 2 { print $2, $3, $5 }' "$results")" '
  BEGIN { split(base, b, " ") }
  NR == 1 { printf "%12s %14s %10s %12s %12s %12s %14s\n", "connections", "heap (live)", "RSS", "descriptors", "heap B/conn", "RSS B/conn", "slab B/socket"; next }
  { h = r = k = "-"
    if ($1 > 0) { h = sprintf("%.0f", ($2 - b[1]) / $1); r = sprintf("%.0f", ($3 - b[2]) * 1024 / $1); k = sprintf("%.0f", ($5 - b[3]) * 1024 / (2 * $1)) }
    printf "%12d %12.1f MB %7.1f MB %12d %12s %12s %14s\n", $1, $2 / 1e6, $3 / 1024, $4, h, r, k }' "$results"
echo
echo "heap per connection by class, step 0 to $last connections (bytes/conn, instances/conn):"
awk -v n="$last" '
  FNR == 1 { file++ }
  $1 ~ /^[0-9]+:$/ { key = $4; if (file == 1) { b[key] = $3; i[key] = $2 } else { a[key] = $3; j[key] = $2 } }
  END { for (k in a) { d = (a[k] - b[k]) / n; if (d >= 4) printf "%10.1f %8.2f  %s\n", d, (j[k] - i[k]) / n, k } }' \
  "$out/histogram-0.txt" "$out/histogram-$last.txt" | sort -rn | head -25
echo
echo "native memory (NMT) growth, step 0 to $last connections:"
grep -E '^-? *[A-Za-z ]+\(reserved=.*committed=.*[+-]' "$out/native-$last.txt" | head -20 || true
echo
log "output: $out"
