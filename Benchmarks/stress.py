#!/usr/bin/env python3
"""`make stress`: `salve serve` under load while an editor saves, and live-reload clients that come and go.

    python3 Benchmarks/stress.py [--salve .build/release/salve] [--seconds 30] [--connections 64]

1. Copies the sample project into .build-stress/, starts `salve serve --port 0` on 127.0.0.1.
2. Runs wrk against the page being edited for SECONDS with CONNECTIONS connections, while a thread saves
   that page's Markdown every 200 ms. A Lua hook counts 5xx answers and bodies that are not a whole page.
3. Opens 200 live-reload (`/_salve/events`) connections at once and closes them, ROUNDS times, twice,
   reading the server's open file descriptors and resident memory from /proc before and after each batch.
Everything talks to 127.0.0.1 only, and every loop has a time limit. Exits 1 if a check fails.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-stress")
EDITED = "content/articles/ldn-fibromyalgia.md"

# Per-thread counters, summed in done(): wrk runs one Lua state per thread.
CHECK_LUA = r"""
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) server_errors = 0; incomplete = 0; checked = 0 end
function response(status, headers, body)
  checked = checked + 1
  if status >= 500 then server_errors = server_errors + 1 end
  if status ~= 200 or not string.find(body, "</html>%s*$") then incomplete = incomplete + 1 end
end
function done(summary, latency, requests)
  local errors, partial, total = 0, 0, 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("server_errors")
    partial = partial + thread:get("incomplete")
    total = total + thread:get("checked")
  end
  io.write(string.format("checked %d\nserver_errors %d\nincomplete %d\n", total, errors, partial))
  io.write(string.format("p99_us %d\n", latency:percentile(99)))
  io.write(string.format("socket_errors %d\n", summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout))
end
"""


def start_server(salve, project):
    server = subprocess.Popen([salve, "serve", "--root", project, "--port", "0"], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True)
    deadline = time.time() + 120
    while time.time() < deadline:
        line = server.stdout.readline()
        if not line:
            break
        found = re.search(r"Serving (http://127\.0\.0\.1:\d+/)", line)
        if found:
            # Keep reading the server's output so its pipe never fills up.
            threading.Thread(target=lambda: [None for _ in server.stdout], daemon=True).start()
            return server, found.group(1)
    server.kill()
    sys.exit("salve serve did not start")


def process_state(pid):
    fds = len(os.listdir("/proc/%d/fd" % pid))
    with open("/proc/%d/status" % pid) as status:
        rss = int(re.search(r"VmRSS:\s+(\d+) kB", status.read()).group(1))
    return fds, rss


def keep_saving(path, stop, saves):
    original = open(path, encoding="utf-8").read()
    n = 0
    while not stop.wait(0.2):
        n += 1
        with open(path + ".tmp", "w", encoding="utf-8") as f:  # the way editors save: write, then rename
            f.write(original + "\nSaved %d times during the stress test.\n" % n)
        os.replace(path + ".tmp", path)
        saves.append(n)
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)


def live_reload_rounds(port, clients, rounds, deadline):
    request = b"GET /_salve/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
    answered = 0
    for _ in range(rounds):
        if time.time() > deadline:
            break
        sockets = []
        for _ in range(clients):
            s = socket.create_connection(("127.0.0.1", port), timeout=5)
            s.sendall(request)
            sockets.append(s)
        for s in sockets:
            try:
                if s.recv(64).startswith(b"HTTP/1.1 200"):
                    answered += 1
            except OSError:
                pass
            s.close()
    return answered


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--salve", default=os.path.join(ROOT, ".build", "release", "salve"))
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()

    project = os.path.join(WORK, "project")
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(project)
    for part in ["salve.yml", "content", "templates"]:
        source = os.path.join(ROOT, part)
        (shutil.copytree if os.path.isdir(source) else shutil.copy)(source, os.path.join(project, part))
    server, base = start_server(os.path.abspath(args.salve), project)
    port = int(base.rsplit(":", 1)[1].strip("/"))
    failures = []
    try:
        with open(os.path.join(WORK, "check.lua"), "w") as f:
            f.write(CHECK_LUA)
        stop, saves = threading.Event(), []
        saver = threading.Thread(target=keep_saving, args=(os.path.join(project, EDITED), stop, saves))
        saver.start()
        try:
            wrk = subprocess.run(["wrk", "-t2", "-c%d" % args.connections, "-d%ds" % args.seconds, "--latency",
                                  "--timeout", "5s", "-s", os.path.join(WORK, "check.lua"),
                                  base + "articles/ldn-fibromyalgia/"],
                                 capture_output=True, text=True, timeout=args.seconds + 60)
        finally:
            stop.set()
            saver.join()
        print(wrk.stdout)
        values = dict(re.findall(r"^(\w+) (\d+)$", wrk.stdout, re.M))
        rate = re.search(r"Requests/sec:\s+([\d.]+)", wrk.stdout).group(1)
        print("wrk: %s requests/s, p99 %.1f ms, %s responses checked, %d saves during the run"
              % (rate, int(values["p99_us"]) / 1000, values["checked"], len(saves)))
        for key in ["socket_errors", "server_errors", "incomplete"]:
            print("  %s: %s" % (key, values[key]))
            if values[key] != "0":
                failures.append("%s %s" % (values[key], key))

        time.sleep(2)  # let the last rebuild finish
        # Two batches of rounds, each followed by a pause for the server's heartbeat: a leak would show as
        # growth from batch to batch, and the resident size must come back to about where it started.
        before = process_state(server.pid)
        states, answered = [], 0
        for _ in range(2):
            answered += live_reload_rounds(port, args.clients, args.rounds, time.time() + 120)
            time.sleep(15)  # the 5 s heartbeat finds closed streams, lets them go, then returns their memory
            states.append(process_state(server.pid))
        print("live reload: %d connections answered in 2 x %d rounds of %d" % (answered, args.rounds, args.clients))
        print("  open files: before %d, after batch 1 %d, after batch 2 %d" % (before[0], states[0][0], states[1][0]))
        print("  resident memory: before %d kB, after batch 1 %d kB, after batch 2 %d kB"
              % (before[1], states[0][1], states[1][1]))
        if answered != 2 * args.clients * args.rounds:
            failures.append("%d live-reload connections not answered" % (2 * args.clients * args.rounds - answered))
        if states[1][0] > before[0]:
            failures.append("file descriptors grew from %d to %d" % (before[0], states[1][0]))
        if states[1][1] > before[1] * 1.25 + 4096:
            failures.append("memory grew from %d kB to %d kB" % (before[1], states[1][1]))
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            failures.append("salve serve did not stop within 10 s of SIGTERM")
            server.kill()
    if failures:
        sys.exit("stress: FAILED: " + "; ".join(failures))
    print("stress: passed")


if __name__ == "__main__":
    main()
