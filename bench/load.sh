#!/usr/bin/env bash
# Load test: raw Netty (dev.snel.bench.RawNettyServer) against Snel (dev.snel.bench.SnelBenchApp,
# default virtual-thread dispatch and all routes @NonBlocking), in one run, on the same endpoints.
#
#   bench/load.sh                      # everything, about 4 minutes
#   SERVERS="netty snel" DURATION=5 bench/load.sh
#
# Each server is pinned to core $SERVER_CPU (taskset), wrk (one thread) to core $CLIENT_CPU. Every
# server gets $WARMUP seconds of load spread over the endpoints (the JIT shares the one core), then
# per endpoint $ENDPOINT_WARMUP s more and $REPEATS measurements of $DURATION s. Prints requests/s,
# p99 (wrk's) and the server's CPU use per endpoint, and Snel's throughput as a share of raw Netty's.
# Works from any directory; builds bench/target/benchmarks.jar when sources are newer; installs
# Debian's wrk if missing. Logs and wrk output: bench/target/load/<time>/. Loopback only.
#
# Settings (environment): SERVERS="netty snel snel-nonblocking" ENDPOINTS="/plaintext /json /items/42?q=abc"
#   DURATION=10 WARMUP=24 ENDPOINT_WARMUP=3 REPEATS=1 CONNECTIONS=64 SERVER_CPU=0 CLIENT_CPU=1
#   PORT=18090 JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64 JVM_OPTS=-Xmx512m DISTURBED=5
set -euo pipefail
set -f  # the endpoints hold '?'

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
SERVERS=${SERVERS:-"netty snel snel-nonblocking"}
ENDPOINTS=${ENDPOINTS:-"/plaintext /json /items/42?q=abc"}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-24}
ENDPOINT_WARMUP=${ENDPOINT_WARMUP:-3}
REPEATS=${REPEATS:-1}
CONNECTIONS=${CONNECTIONS:-64}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PORT=${PORT:-18090}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_OPTS=${JVM_OPTS:--Xmx512m}
jar="$here/target/benchmarks.jar"
out="$here/target/load/$(date +%Y%m%d-%H%M%S)"
clk_tck=$(getconf CLK_TCK)

log() { echo "[load] $*" >&2; }

# ---- what the run needs: the jar, wrk
if [ ! -f "$jar" ] || [ -n "$(find "$root" -path '*/target' -prune -o \( -name '*.java' -o -name 'pom.xml' \) -newer "$jar" -print -quit)" ]; then
  log "building bench/target/benchmarks.jar"
  (cd "$root" && JAVA_HOME="$JAVA25" bin/mvn -B -q -pl bench -am package -DskipTests)
fi
if ! command -v wrk >/dev/null; then
  log "installing wrk (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q wrk >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
fi
mkdir -p "$out"

# ---- servers
server_pid=""
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM "$server_pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

start_server() { # start_server NAME
  local class args
  case $1 in
    netty) class=dev.snel.bench.RawNettyServer; args="" ;;
    snel) class=dev.snel.bench.SnelBenchApp; args=virtual ;;
    snel-nonblocking) class=dev.snel.bench.SnelBenchApp; args=nonblocking ;;
    *) echo "unknown server '$1' (netty, snel, snel-nonblocking)" >&2; exit 2 ;;
  esac
  # shellcheck disable=SC2086  # JVM_OPTS and args are word lists
  PORT=$PORT HOST=127.0.0.1 taskset -c "$SERVER_CPU" "$JAVA25/bin/java" $JVM_OPTS --enable-native-access=ALL-UNNAMED \
    -cp "$jar" "$class" $args >"$out/$1-server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    if curl -sf -o /dev/null "http://127.0.0.1:$PORT/plaintext"; then return 0; fi
    kill -0 "$server_pid" 2>/dev/null || { cat "$out/$1-server.log" >&2; echo "$1 died at startup" >&2; exit 1; }
    sleep 0.1
  done
  echo "$1 did not answer within 60 s" >&2
  exit 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$server_pid/stat"; }
core_ticks() { # busy and total ticks of the server's core, from /proc/stat
  awk -v c="cpu$SERVER_CPU" '$1 == c { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat
}

# run_wrk SECONDS PATH OUTFILE
run_wrk() {
  taskset -c "$CLIENT_CPU" wrk -t1 -c"$CONNECTIONS" -d"$1"s --latency --timeout 5s "http://127.0.0.1:$PORT$2" >"$3" 2>&1
}

to_ms() { # wrk's 812.00us / 1.23ms / 1.02s -> milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

results="$out/results.tsv"  # server endpoint repeat rps p99_ms server_cpu% errors core_busy%
: >"$results"
for server in $SERVERS; do
  log "$server: starting on core $SERVER_CPU"
  start_server "$server"
  set -- $ENDPOINTS
  per=$(( (WARMUP + $# - 1) / $# ))
  log "$server: warming up ${WARMUP}s over $# endpoints"
  for endpoint in $ENDPOINTS; do run_wrk "$per" "$endpoint" /dev/null; done
  for endpoint in $ENDPOINTS; do
    run_wrk "$ENDPOINT_WARMUP" "$endpoint" /dev/null
    for repeat in $(seq "$REPEATS"); do
      file="$out/$server-$(echo "$endpoint" | tr -c 'a-zA-Z0-9\n' '_')-$repeat.txt"
      before=$(cpu_ticks); core_before=$(core_ticks)
      run_wrk "$DURATION" "$endpoint" "$file"
      after=$(cpu_ticks); core_after=$(core_ticks)
      core=$(echo "$core_before $core_after" | awk '{ printf "%.0f", (($4 - $2) > 0 ? 100 * ($3 - $1) / ($4 - $2) : 0) }')
      rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
      p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
      cpu=$(awk -v d=$((after - before)) -v t="$clk_tck" -v s="$DURATION" 'BEGIN { printf "%.0f", 100 * d / t / s }')
      errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$file")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$endpoint" "$repeat" "$rps" "$p99" "$cpu" "$errors" "$core" >>"$results"
      log "$server $endpoint: $rps req/s, p99 $p99 ms, server CPU $cpu % (core $SERVER_CPU busy $core %), errors $errors"
    done
  done
  stop_server
done

# ---- summary: per cell the median (by req/s) of the undisturbed measurements; a measurement is
# disturbed when the server's core was busier than the server by more than $DISTURBED points
# (another process ran there). Ratio = server req/s / raw Netty req/s.
summary="$out/summary.md"
awk -F'\t' -v servers="$SERVERS" -v endpoints="$ENDPOINTS" -v c="$CONNECTIONS" -v d="$DURATION" -v r="$REPEATS" \
    -v limit="${DISTURBED:-5}" '
  { key = $1 SUBSEP $2; i = ++n[key]; rps[key, i] = $4; p99[key, i] = $5; cpu[key, i] = $6; err[key] += $7
    clean[key, i] = ($8 - $6 <= limit); nclean[key] += clean[key, i]; runs[key] = runs[key] (i > 1 ? ", " : "") grouped($4) (clean[key, i] ? "" : "*") }
  function grouped(x,   s) { s = sprintf("%d", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
  function median(key,   i, j, t, idx, m, use) {
    use = nclean[key] > 0; m = 0
    for (i = 1; i <= n[key]; i++) if (!use || clean[key, i]) idx[++m] = i
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (rps[key, idx[j]] < rps[key, idx[i]]) { t = idx[i]; idx[i] = idx[j]; idx[j] = t }
    return idx[int((m + 1) / 2)]
  }
  END {
    ns = split(servers, s, " "); ne = split(endpoints, e, " ")
    printf "wrk -t1 -c%d -d%ds, %d measurement(s) per cell, median of the undisturbed ones; cells: req/s · p99 · server CPU\n\n", c, d, r
    head = "| endpoint |"; line = "|---|"
    for (i = 1; i <= ns; i++) { head = head " " s[i] " |"; line = line "---|" }
    for (i = 1; i <= ns; i++) if (s[i] != "netty") { head = head " " s[i] " / netty |"; line = line "---|" }
    print head; print line
    for (k = 1; k <= ne; k++) {
      row = "| " e[k] " |"
      for (i = 1; i <= ns; i++) {
        key = s[i] SUBSEP e[k]; best[i] = 0
        if (!(key in n)) { row = row " – |"; continue }
        m = median(key); best[i] = rps[key, m]
        row = row sprintf(" %s · %.2f ms · %d %%%s%s |", grouped(rps[key, m]), p99[key, m], cpu[key, m],
          nclean[key] == 0 ? " ⚠ disturbed" : "", err[key] > 0 ? " ⚠ " err[key] " errors" : "")
      }
      base = 0
      for (i = 1; i <= ns; i++) if (s[i] == "netty") base = best[i]
      for (i = 1; i <= ns; i++) if (s[i] != "netty") row = row (base > 0 && best[i] > 0 ? sprintf(" %.0f %% |", 100 * best[i] / base) : " – |")
      print row
    }
    print "\nreq/s of every measurement (* = disturbed: core " limit "+ points busier than the server):\n"
    for (i = 1; i <= ns; i++) for (k = 1; k <= ne; k++) if ((s[i] SUBSEP e[k]) in n) print "- " s[i] " " e[k] ": " runs[s[i] SUBSEP e[k]]
  }' "$results" >"$summary"
echo
cat "$summary"
echo
log "raw results: $results"
