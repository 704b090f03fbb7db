#!/usr/bin/env python3
"""Process start to first 200, as bench/peers measures it, repeated; prints the median.

    bench/startup.py [--runs 10] [--cpu 0] [--path /items/1] [--port 18099] \
        -- LABEL COMMAND ARGS... [-- LABEL COMMAND ARGS...]

Several commands are measured interleaved (run 1 of each, then run 2 of each...), so that load
from elsewhere on a shared machine spreads over all of them alike. Each COMMAND is spawned pinned to --cpu (taskset) with PORT set, GET --path is polled every 5 ms
until it answers 200, then the process is stopped with SIGTERM (SIGKILL after 10 s). Each run's
time and the median, min and max are printed, with the median CPU time the process had used
(user + system, all threads: less sensitive to other load than the wall time) and its RSS at the
first 200. Standard library only.
"""
import argparse
import http.client
import os
import signal
import statistics
import subprocess
import sys
import time


def first_200(port, path, proc, timeout):
    t_end = time.monotonic() + timeout
    while time.monotonic() < t_end:
        if proc.poll() is not None:
            return False
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        try:
            conn.request("GET", path)
            if conn.getresponse().status == 200:
                return True
        except (ConnectionError, OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        time.sleep(0.005)
    return False


def cpu_ms(pid):
    """User + system CPU time of the process so far (all its threads), in ms."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except OSError:
        return float("nan")


def rss_mib(pid):
    out = subprocess.run(["ps", "-o", "rss=", "-p", str(pid)], capture_output=True, text=True)
    return int(out.stdout.strip()) / 1024 if out.stdout.strip() else float("nan")


def once(args, env, cmd, times, rss, cpu):
    """One start: appends the time to the first 200 and the RSS then; stops the process."""
    t0 = time.monotonic()
    proc = subprocess.Popen(["taskset", "-c", args.cpu] + cmd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        if not first_200(args.port, args.path, proc, args.timeout):
            sys.exit(f"no 200 on {args.path}: {' '.join(cmd)}")
        times.append((time.monotonic() - t0) * 1000)
        cpu.append(cpu_ms(proc.pid))
        rss.append(rss_mib(proc.pid))
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    time.sleep(0.2)



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cpu", default="0")
    ap.add_argument("--path", default="/items/1")
    ap.add_argument("--port", type=int, default=18099)
    ap.add_argument("--timeout", type=float, default=60)
    ap.add_argument("rest", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    groups, cur = [], None
    for a in args.rest:
        if a == "--":
            cur = []
            groups.append(cur)
        elif cur is None:
            ap.error("commands start with --")
        else:
            cur.append(a)
    groups = [g for g in groups if len(g) >= 2]
    if not groups:
        ap.error("no command")
    env = dict(os.environ, PORT=str(args.port))
    results = {g[0]: ([], [], []) for g in groups}
    for _ in range(args.runs):
        for g in groups:
            once(args, env, g[1:], *results[g[0]])
    for label, (times, rss, cpu) in results.items():
        print(f"{label}: median {statistics.median(times):.0f} ms "
              f"(min {min(times):.0f}, max {max(times):.0f}, n={len(times)}); "
              f"CPU {statistics.median(cpu):.0f} ms; "
              f"RSS at first 200 {statistics.median(rss):.0f} MiB; runs "
              + " ".join(f"{t:.0f}" for t in times), flush=True)


if __name__ == "__main__":
    main()
