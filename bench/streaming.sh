#!/usr/bin/env bash
# Streaming load test: static files, Server-Sent Events and WebSocket echo, raw Netty
# (dev.snel.bench.RawNettyServer) against Snel (dev.snel.bench.SnelBenchApp), in one run.
#
#   bench/streaming.sh                 # everything, about 4-6 minutes
#   SERVERS=snel WORKLOADS="sse ws" DURATION=5 bench/streaming.sh
#
# Workloads:
#   file-4k   wrk -t1 -c$CONNECTIONS on GET /static/4k.bin    (a 4 KiB file: request-bound)
#   file-1m   wrk -t1 -c$FILE_1M_CONNECTIONS on GET /static/1m.bin (1 MiB: bandwidth-bound)
#             Snel: StaticFiles.of($dir) mounted at /static; Netty: a DefaultFileRegion (sendfile)
#   sse       StreamClient sse: $SSE_CONNECTIONS connections, each GET /sse?n=10^12, events counted
#             (data: {"message":"Hello, World!"}, 35 bytes, one flushed HTTP chunk each, both servers)
#   ws        StreamClient ws: $WS_CONNECTIONS WebSockets to /ws, $WS_WINDOW 13-byte text messages
#             in flight on each, every echo sends the next
# The servers are pinned to core $SERVER_CPU (both running, on ports $PORT and $PORT+1), the client
# (wrk, or the Java StreamClient on one Netty event loop) to core $CLIENT_CPU. Every server gets
# $WARMUP s of load spread over the workloads, then per workload $ENDPOINT_WARMUP s more and
# $REPEATS measurements of $DURATION s, alternating between the servers (the Java
# client first runs $ENDPOINT_WARMUP s unmeasured on its connections, for its own JIT). Reported per
# cell: items/s (requests, events, echoed messages), MB/s of body, the server's CPU use and CPU
# time per item (independent of a client-bound run), and the client's CPU use.
# Shares load.sh's helpers (bench/lib.sh): the same quiet-wait (QUIET, QUIET_WAIT), disturbed-run
# repeats (DISTURBED; RETRIES per measurement), NICE, PORT, JAVA25, JVM_OPTS. Output: bench/target/streaming/<time>/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
SERVERS=${SERVERS:-"netty snel"}
WORKLOADS=${WORKLOADS:-"file-4k file-1m sse ws"}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-24}
ENDPOINT_WARMUP=${ENDPOINT_WARMUP:-3}
REPEATS=${REPEATS:-1}
CONNECTIONS=${CONNECTIONS:-64}
FILE_1M_CONNECTIONS=${FILE_1M_CONNECTIONS:-16}
SSE_CONNECTIONS=${SSE_CONNECTIONS:-4}
WS_CONNECTIONS=${WS_CONNECTIONS:-16}
WS_WINDOW=${WS_WINDOW:-16}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PORT=${PORT:-18091}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JVM_OPTS=${JVM_OPTS:--Xmx512m}
DISTURBED=${DISTURBED:-5}
RETRIES=${RETRIES:-3}
QUIET=${QUIET:-15}
QUIET_WAIT=${QUIET_WAIT:-20}
NICE=${NICE:--10}
LOG_TAG=streaming
nice_cmd=(nice -n "$NICE")
if [ "$(id -u)" != 0 ] && [ "$NICE" -lt 0 ]; then nice_cmd=(); fi
jar="$here/target/benchmarks.jar"
out="$here/target/streaming/$(date +%Y%m%d-%H%M%S)"
clk_tck=$(getconf CLK_TCK)

# shellcheck source=bench/lib.sh
. "$here/lib.sh"

# the files both servers serve (fixed bytes, so every run sends the same)
export STATIC_DIR="$out/static"
mkdir -p "$STATIC_DIR"
head -c 4096 /dev/zero | tr '\0' 'a' >"$STATIC_DIR/4k.bin"
head -c 1048576 /dev/zero | tr '\0' 'b' >"$STATIC_DIR/1m.bin"

# run_client MODE CONNECTIONS WINDOW WARMUP_S DURATION_S OUTFILE; appends "client-cpu-ticks: N"
# and "client-wall: S" (the client JVM's whole life, start-up included)
run_client() {
  (
    start=$(date +%s.%N)
    "${nice_cmd[@]}" taskset -c "$CLIENT_CPU" "$JAVA25/bin/java" -Xmx256m --enable-native-access=ALL-UNNAMED \
      -cp "$jar" dev.snel.bench.StreamClient "$1" "$PORT" "$2" "$3" "$4" "$5"
    awk '{print "client-cpu-ticks: " $16 + $17}' "/proc/$BASHPID/stat"
    echo "client-wall: $(echo "$start $(date +%s.%N)" | awk '{ printf "%.3f", $2 - $1 }')"
  ) >"$6" 2>&1
}

# run_workload WORKLOAD SECONDS OUTFILE: one run of the workload's client
run_workload() {
  case $1 in
    file-4k) run_wrk "$2" /static/4k.bin "$3" ;;
    file-1m) CONNECTIONS=$FILE_1M_CONNECTIONS run_wrk "$2" /static/1m.bin "$3" ;;
    sse) run_client sse "$SSE_CONNECTIONS" 0 "$4" "$2" "$3" ;;
    ws) run_client ws "$WS_CONNECTIONS" "$WS_WINDOW" "$4" "$2" "$3" ;;
    *) echo "unknown workload '$1' (file-4k file-1m sse ws)" >&2; exit 2 ;;
  esac
}

mb() { # wrk's Transfer/sec (e.g. 512.3MB) -> MB/s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /GB$/) n *= 1024; else if (v ~ /KB$/) n /= 1024; else if (v ~ /B$/ && v !~ /MB$/) n /= 1048576; printf "%.1f", n }'
}

# Both servers run at once, each on its own port, both pinned to the server core (an idle one
# costs nothing), and the measurements alternate between them workload by workload: on a shared
# machine whose load changes by the minute, the two sides of a ratio are then measured minutes
# apart at most, not one whole server phase apart.
declare -A pids ports
base_port=$PORT
n=0
for server in $SERVERS; do
  PORT=$((base_port + n)); n=$((n + 1)); ports[$server]=$PORT
  log "$server: starting on core $SERVER_CPU, port $PORT"
  start_server "$server"
  pids[$server]=$server_pid
done
use() { PORT=${ports[$1]}; server_pid=${pids[$1]}; }
stop_all() { for s in $SERVERS; do server_pid=${pids[$s]:-}; stop_server; done; }
trap stop_all EXIT
trap 'stop_all; exit 130' INT TERM

set -- $WORKLOADS
per=$(( (WARMUP + $# - 1) / $# ))
for server in $SERVERS; do
  use "$server"
  log "$server: warming up ${WARMUP}s over $# workloads"
  for workload in $WORKLOADS; do run_workload "$workload" "$per" /dev/null 0; done
done

results="$out/results.tsv"  # server workload repeat items/s MB/s server_cpu% server_us_per_item errors disturbed server_core% client_cpu% client_core%
: >"$results"
declare -A count
for workload in $WORKLOADS; do
  for server in $SERVERS; do
    use "$server"
    case $workload in file-*) run_workload "$workload" "$ENDPOINT_WARMUP" /dev/null 0 ;; esac
  done
  for _ in $(seq "$REPEATS"); do
    for server in $SERVERS; do
      use "$server"
      tries=0
      while :; do
        count[$server.$workload]=$(( ${count[$server.$workload]:-0} + 1 ))
        repeat=${count[$server.$workload]}
        wait_quiet
        file="$out/$server-$workload-$repeat.txt"
        before=$(cpu_ticks); core_before=$(core_ticks "$SERVER_CPU"); client_before=$(core_ticks "$CLIENT_CPU")
        run_workload "$workload" "$DURATION" "$file" "$ENDPOINT_WARMUP"
        after=$(cpu_ticks); core_after=$(core_ticks "$SERVER_CPU"); client_after=$(core_ticks "$CLIENT_CPU")
        core=$(busy_percent "$core_before" "$core_after")
        client_core=$(busy_percent "$client_before" "$client_after")
        ticks=$((after - before))
        case $workload in
          file-*)
            rate=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
            mbps=$(mb "$(awk '/^Transfer\/sec:/ {print $2}' "$file")")
            wall=$DURATION; items=$(awk -v r="$rate" -v d="$DURATION" 'BEGIN { printf "%.0f", r * d }')
            client_cpu=$(awk -v t="$clk_tck" -v s="$DURATION" '/^wrk-cpu-ticks:/ { printf "%.0f", 100 * $2 / t / s }' "$file")
            errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$file")
            ;;
          *)
            line=$(grep '^count=' "$file" || true)
            if [ -z "$line" ]; then cat "$file" >&2; echo "$server $workload: the client failed" >&2; exit 1; fi
            val() { echo "$line" | tr ' ' '\n' | awk -F= -v k="$1" '$1 == k { print $2 }'; }
            rate=$(val rate); items=$(val total)
            mbps=$(awk -v b="$(val bytes_per_s)" 'BEGIN { printf "%.1f", b / 1048576 }')
            wall=$(awk '/^client-wall:/ {print $2}' "$file")
            # the client's CPU over its whole life against its core's, for the disturbed check
            client_cpu=$(awk -v t="$clk_tck" -v s="$wall" '/^client-cpu-ticks:/ { printf "%.0f", 100 * $2 / t / s }' "$file")
            errors=0
            ;;
        esac
        cpu=$(awk -v d="$ticks" -v t="$clk_tck" -v s="$wall" 'BEGIN { printf "%.0f", 100 * d / t / s }')
        us=$(awk -v d="$ticks" -v t="$clk_tck" -v n="$items" 'BEGIN { printf "%.2f", (n > 0 ? 1e6 * d / t / n : 0) }')
        disturbed=$(( core - cpu > DISTURBED || client_core - client_cpu > DISTURBED ))
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$workload" "$repeat" "$rate" "$mbps" "$cpu" \
          "$us" "$errors" "$disturbed" "$core" "$client_cpu" "$client_core" >>"$results"
        log "$server $workload: $rate /s, $mbps MB/s, server CPU $cpu % ($us µs per item; core $SERVER_CPU busy $core %)," \
          "client CPU $client_cpu % (core $CLIENT_CPU busy $client_core %), errors $errors"
        [ "$disturbed" -eq 0 ] && break
        tries=$((tries + 1))
        [ "$tries" -gt "$RETRIES" ] && break  # out of retries: kept, marked as disturbed in the summary
        log "disturbed (another process used a core): measuring again"
      done
    done
  done
done
stop_all

# ---- summary: per cell the median (by items/s) of the undisturbed measurements
summary="$out/summary.md"
awk -F'\t' -v servers="$SERVERS" -v workloads="$WORKLOADS" -v d="$DURATION" -v limit="$DISTURBED" '
  { key = $1 SUBSEP $2; i = ++n[key]; rate[key, i] = $4; mbps[key, i] = $5; cpu[key, i] = $6; us[key, i] = $7
    err[key] += $8; clean[key, i] = ($9 == 0); ccpu[key, i] = $11; nclean[key] += clean[key, i]
    runs[key] = runs[key] (i > 1 ? ", " : "") $4 (clean[key, i] ? "" : "*") }
  function median(key,   i, j, t, idx, m, use) {
    use = nclean[key] > 0; m = 0
    for (i = 1; i <= n[key]; i++) if (!use || clean[key, i]) idx[++m] = i
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (rate[key, idx[j]] < rate[key, idx[i]]) { t = idx[i]; idx[i] = idx[j]; idx[j] = t }
    return idx[int((m + 1) / 2)]
  }
  END {
    ns = split(servers, s, " "); nw = split(workloads, w, " ")
    printf "%d s per measurement; cells: items/s · MB/s of body · server CPU · server CPU µs per item · client CPU\n\n", d
    head = "| workload |"; line = "|---|"
    for (i = 1; i <= ns; i++) { head = head " " s[i] " |"; line = line "---|" }
    for (i = 1; i <= ns; i++) if (s[i] != "netty") { head = head " " s[i] " / netty: items/s, CPU per item |"; line = line "---|" }
    print head; print line
    for (k = 1; k <= nw; k++) {
      row = "| " w[k] " |"
      for (i = 1; i <= ns; i++) {
        key = s[i] SUBSEP w[k]; best[i] = 0; per[i] = 0
        if (!(key in n)) { row = row " – |"; continue }
        m = median(key); best[i] = rate[key, m]; per[i] = us[key, m]
        row = row sprintf(" %d/s · %.1f MB/s · %d %% · %.2f µs · client %d %%%s%s%s |", rate[key, m], mbps[key, m], cpu[key, m],
          us[key, m], ccpu[key, m], ccpu[key, m] >= 90 ? " (client-bound)" : "",
          nclean[key] == 0 ? " ⚠ disturbed" : "", err[key] > 0 ? " ⚠ " err[key] " errors" : "")
      }
      b = 0; bu = 0
      for (i = 1; i <= ns; i++) if (s[i] == "netty") { b = best[i]; bu = per[i] }
      for (i = 1; i <= ns; i++) if (s[i] != "netty")
        row = row (b > 0 && best[i] > 0 && bu > 0 ? sprintf(" %.0f %%, %.2f× |", 100 * best[i] / b, per[i] / bu) : " – |")
      print row
    }
    print "\nitems/s of every measurement (* = disturbed: a core more than " limit " points busier than the server or the client on it):\n"
    for (i = 1; i <= ns; i++) for (k = 1; k <= nw; k++) if ((s[i] SUBSEP w[k]) in n) print "- " s[i] " " w[k] ": " runs[s[i] SUBSEP w[k]]
  }' "$results" >"$summary"
echo
cat "$summary"
echo
log "raw results: $results"
