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
#   PORT=18090 JAVA25=/usr/lib/jvm/temurin-25-jdk-amd64 JVM_OPTS=-Xmx512m
# On a shared machine: a measurement during which the server's core was more than DISTURBED=5
# points busier than the server itself, or wrk's core than wrk, is "disturbed" (someone else ran
# there); it is repeated,
# RETRIES=3 extra times per endpoint at most, and before every measurement the script waits up to
# QUIET_WAIT=20 s for both cores to be under QUIET=15 % busy. The summary uses undisturbed ones.
# As root, the server and wrk run at NICE=-10 so that other processes get little of their cores
# (NICE=0 turns this off).
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
DISTURBED=${DISTURBED:-5}
RETRIES=${RETRIES:-3}
QUIET=${QUIET:-15}
QUIET_WAIT=${QUIET_WAIT:-20}
NICE=${NICE:--10}
nice_cmd=(nice -n "$NICE")
if [ "$(id -u)" != 0 ] && [ "$NICE" -lt 0 ]; then nice_cmd=(); fi
jar="$here/target/benchmarks.jar"
out="$here/target/load/$(date +%Y%m%d-%H%M%S)"
clk_tck=$(getconf CLK_TCK)

# shellcheck source=bench/lib.sh
. "$here/lib.sh"

results="$out/results.tsv"  # server endpoint repeat rps p99_ms server_cpu% errors disturbed server_core_busy% wrk_cpu% client_core_busy%
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
    repeat=0; retries=$RETRIES; clean=0
    while [ "$clean" -lt "$REPEATS" ]; do
      repeat=$((repeat + 1))
      wait_quiet
      file="$out/$server-$(echo "$endpoint" | tr -c 'a-zA-Z0-9\n' '_')-$repeat.txt"
      before=$(cpu_ticks); core_before=$(core_ticks "$SERVER_CPU"); client_before=$(core_ticks "$CLIENT_CPU")
      run_wrk "$DURATION" "$endpoint" "$file"
      after=$(cpu_ticks); core_after=$(core_ticks "$SERVER_CPU"); client_after=$(core_ticks "$CLIENT_CPU")
      core=$(busy_percent "$core_before" "$core_after")
      client_core=$(busy_percent "$client_before" "$client_after")
      wrk_cpu=$(awk -v t="$clk_tck" -v s="$DURATION" '/^wrk-cpu-ticks:/ { printf "%.0f", 100 * $2 / t / s }' "$file")
      rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$file")
      p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$file")")
      cpu=$(awk -v d=$((after - before)) -v t="$clk_tck" -v s="$DURATION" 'BEGIN { printf "%.0f", 100 * d / t / s }')
      errors=$(awk '/Non-2xx/ {n += $NF} /Socket errors/ {gsub(/,/, ""); n += $4 + $6 + $8 + $10} END {print n + 0}' "$file")
      disturbed=$(( core - cpu > DISTURBED || client_core - wrk_cpu > DISTURBED ))
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$server" "$endpoint" "$repeat" "$rps" "$p99" "$cpu" \
        "$errors" "$disturbed" "$core" "$wrk_cpu" "$client_core" >>"$results"
      log "$server $endpoint: $rps req/s, p99 $p99 ms, server CPU $cpu % (core $SERVER_CPU busy $core %)," \
        "wrk CPU $wrk_cpu % (core $CLIENT_CPU busy $client_core %), errors $errors"
      if [ "$disturbed" -eq 0 ]; then
        clean=$((clean + 1))
      elif [ "$retries" -gt 0 ]; then
        retries=$((retries - 1)); log "disturbed (another process used a core): measuring again"
      else
        clean=$((clean + 1))  # out of retries: keep it, marked as disturbed in the summary
      fi
    done
  done
  stop_server
done

# ---- summary: per cell the median (by req/s) of the undisturbed measurements (see DISTURBED).
# Ratio = server req/s / raw Netty req/s. wrk near 100 % CPU means the client was the limit.
summary="$out/summary.md"
awk -F'\t' -v servers="$SERVERS" -v endpoints="$ENDPOINTS" -v c="$CONNECTIONS" -v d="$DURATION" -v r="$REPEATS" \
    -v limit="$DISTURBED" '
  { key = $1 SUBSEP $2; i = ++n[key]; rps[key, i] = $4; p99[key, i] = $5; cpu[key, i] = $6; err[key] += $7
    clean[key, i] = ($8 == 0); wrk[key, i] = $10; nclean[key] += clean[key, i]; runs[key] = runs[key] (i > 1 ? ", " : "") grouped($4) (clean[key, i] ? "" : "*") }
  function grouped(x,   s) { s = sprintf("%d", x); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
  function median(key,   i, j, t, idx, m, use) {
    use = nclean[key] > 0; m = 0
    for (i = 1; i <= n[key]; i++) if (!use || clean[key, i]) idx[++m] = i
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (rps[key, idx[j]] < rps[key, idx[i]]) { t = idx[i]; idx[i] = idx[j]; idx[j] = t }
    return idx[int((m + 1) / 2)]
  }
  END {
    ns = split(servers, s, " "); ne = split(endpoints, e, " ")
    printf "wrk -t1 -c%d -d%ds; %d undisturbed measurement(s) wanted per cell, the median shown;\ncells: req/s · p99 · server CPU · server CPU time per request (µs; independent of a client-bound wrk)\n\n", c, d, r
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
        row = row sprintf(" %s · %.2f ms · %d %% · %.1f µs%s%s%s |", grouped(rps[key, m]), p99[key, m], cpu[key, m],
          rps[key, m] > 0 ? cpu[key, m] * 1e4 / rps[key, m] : 0,
          wrk[key, m] >= 90 ? " (wrk " wrk[key, m] " %: client-bound)" : "",
          nclean[key] == 0 ? " ⚠ disturbed" : "", err[key] > 0 ? " ⚠ " err[key] " errors" : "")
      }
      base = 0
      for (i = 1; i <= ns; i++) if (s[i] == "netty") base = best[i]
      for (i = 1; i <= ns; i++) if (s[i] != "netty") row = row (base > 0 && best[i] > 0 ? sprintf(" %.0f %% |", 100 * best[i] / base) : " – |")
      print row
    }
    print "\nreq/s of every measurement (* = disturbed: a core more than " limit " points busier than the server or wrk on it):\n"
    for (i = 1; i <= ns; i++) for (k = 1; k <= ne; k++) if ((s[i] SUBSEP e[k]) in n) print "- " s[i] " " e[k] ": " runs[s[i] SUBSEP e[k]]
  }' "$results" >"$summary"
echo
cat "$summary"
echo
log "raw results: $results"
