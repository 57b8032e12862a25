#!/usr/bin/env python3
"""The measuring half of bench/ide.sh (see there). Talks to the app's REST API like the SPA does."""
import json, os, queue, re, statistics, subprocess, sys, threading, time, urllib.request

from jit import compiler_cpu_ms

APP = os.environ["APP_URL"]
WORK = os.environ["BENCH_WORK"]
KEYS = int(os.environ["KEYS"])
STARTS = int(os.environ["STARTS"])
WARMUP_KEYS = int(os.environ.get("WARMUP_KEYS", "1000"))
WARMUP_ROUNDS = int(os.environ.get("WARMUP_ROUNDS", "25"))
START_WARMUP = int(os.environ.get("START_WARMUP", "3"))
BLOCKS = int(os.environ.get("BLOCKS", "4"))
ECHO_RTT, IMAGE, REF, CLIENT = os.environ["ECHO_RTT"], os.environ["IMAGE"], os.environ["REF"], os.environ["CLIENT"]


def call(method, path, body=None, token=None, expect=(200, 201, 202, 204)):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(APP + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            text = response.read().decode()
            status = response.status
    except urllib.error.HTTPError as e:
        text, status = e.read().decode(), e.code
    if status not in expect:
        sys.exit(f"{method} {path} answered {status}: {text}")
    return json.loads(text) if text else None


def sign_in(username, password):
    return call("POST", "/api/auth/login", {"username": username, "password": password})["accessToken"]


def wait_running(token, wid):
    while True:
        w = call("GET", f"/api/ide/workspaces/{wid}", token=token)
        if w["status"] == "running":
            return
        if w["status"] == "failed":
            sys.exit("workspace failed: " + str(w.get("statusDetail")))
        time.sleep(0.02)


class StatusEvents:
    """The browser's view of status changes: GET /api/ide/events (server-sent events), as the SPA reads them."""

    def __init__(self, token):
        request = urllib.request.Request(APP + "/api/ide/events", headers={"Authorization": "Bearer " + token,
                                                                            "Accept": "text/event-stream"})
        self.response = urllib.request.urlopen(request, timeout=300)
        self.events = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()
        self.next_event("ready")

    def _read(self):
        name = None
        for raw in self.response:
            line = raw.decode().rstrip("\r\n")
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                self.events.put((name, line[5:].strip()))

    def drain(self):
        while True:
            try:
                self.events.get_nowait()
            except queue.Empty:
                return

    def next_event(self, wanted):
        while True:
            name, data = self.events.get(timeout=120)
            if name == wanted:
                return data

    def await_status(self, wid, status):
        while True:
            change = json.loads(self.next_event("workspace"))
            if change["workspaceId"] == wid and change["status"] == status:
                return
            if change["workspaceId"] == wid and change["status"] == "failed":
                sys.exit("workspace failed: " + str(change.get("statusDetail")))


def jvm_pids():
    """The local app and runner JVMs (Liberty servers named workspace and runner), when they run on this machine."""
    pids = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if any(a.endswith(b"ws-server.jar") for a in args) and (b"workspace" in args or b"runner" in args):
            pids.append(pid)
    return pids


def docker(*args):
    return subprocess.run(["docker", *args], check=True, capture_output=True, text=True).stdout.strip()


def rtt(command, keys=KEYS):
    out = subprocess.run(["python3", ECHO_RTT, str(keys), "--", *command], capture_output=True, text=True,
                         timeout=600)
    match = re.search(r"p50 ([\d.]+) ms\s+p99 ([\d.]+) ms", out.stdout)
    if not match:
        sys.exit("echo_rtt failed: " + out.stdout + out.stderr)
    samples = re.search(r"samples: ([\d. ]+)", out.stdout)
    return float(match.group(1)), float(match.group(2)), \
        [float(x) for x in samples.group(1).split()] if samples else []


def percentiles(samples):
    """p50 and p99 of pooled samples, as echo_rtt computes them."""
    ordered = sorted(samples)
    return ordered[len(ordered) // 2], ordered[int(len(ordered) * 0.99) - 1]


def main():
    admin = sign_in("admin", os.environ["ADMIN_PASSWORD"])
    user, password = "bench-" + os.urandom(3).hex(), "bench-" + os.urandom(8).hex()
    call("POST", "/api/admin/users", {"username": user, "password": password, "role": "user",
                                      "displayName": "Bench", "email": "bench@example.org",
                                      "mustChangePassword": False}, token=admin)
    token = sign_in(user, password)
    wid = call("POST", "/api/ide/workspaces", {"name": "bench", "template": "default"}, token=token)["id"]
    with open(os.path.join(WORK, "workspace-id"), "w") as f:
        f.write(wid)

    # Start-to-ready: the first start creates the volume and container; then timed stop/start cycles.
    call("POST", f"/api/ide/workspaces/{wid}/start", token=token)
    wait_running(token, wid)
    # A few untimed cycles first, for the JIT of the just-started JVMs (the docker reference gets one, below).
    for _ in range(START_WARMUP):
        call("POST", f"/api/ide/workspaces/{wid}/stop", token=token)
        call("POST", f"/api/ide/workspaces/{wid}/start", token=token)
        wait_running(token, wid)
    # Ready as the browser learns it (the pushed status event), and as a client polling GET every 20 ms sees it.
    events = StatusEvents(token)
    ide_starts, polled_starts = [], []
    for i in range(2 * STARTS):
        call("POST", f"/api/ide/workspaces/{wid}/stop", token=token)
        events.drain()  # earlier cycles' events (the polled ones are never read)
        t = time.perf_counter()
        call("POST", f"/api/ide/workspaces/{wid}/start", token=token)
        if i % 2 == 0:
            events.await_status(wid, "starting")  # skips the events of earlier cycles still queued
            events.await_status(wid, "running")
            ide_starts.append((time.perf_counter() - t) * 1000)
        else:
            wait_running(token, wid)
            polled_starts.append((time.perf_counter() - t) * 1000)

    container = f"cw-ws-{wid}"
    flags = ["--network", "none", "--user", "1000:1000", "--cap-drop", "ALL", "--security-opt", "no-new-privileges",
             "--pids-limit", "512", "--memory", "512m", "--memory-swap", "512m", "--cpus", "1", "--init",
             # as the runner makes them: a volume at /workspace, a tmpfs at /tmp, the same environment
             "--hostname", "workspace", "-w", "/workspace", "-e", "HOME=/workspace", "-e", "LANG=C.UTF-8",
             "-e", "TERM=xterm-256color", "--tmpfs", "/tmp:rw,nosuid,nodev,size=256m",
             "--mount", f"type=volume,source={REF}-home,target=/workspace"]
    docker("create", "--name", REF, *flags, IMAGE, "/bin/sleep", "infinity")
    plain_starts, exec_starts = [], []
    docker("start", REF)
    for _ in range(STARTS):
        docker("stop", "-t", "5", REF)
        t = time.perf_counter()
        docker("start", REF)
        plain_starts.append((time.perf_counter() - t) * 1000)
        docker("exec", REF, "true")
        exec_starts.append((time.perf_counter() - t) * 1000)

    # Keystroke echo: the same container, a login bash on both paths.
    terminal = call("POST", f"/api/ide/workspaces/{wid}/terminals", {"cols": 80, "rows": 24}, token=token)["id"]

    def full_path(keys):
        ticket = call("POST", f"/api/ide/workspaces/{wid}/terminals/{terminal}/ticket", token=token)
        return rtt(["python3", CLIENT, APP.replace("http", "ws", 1) + ticket["path"], APP], keys)

    direct_command = ["docker", "exec", "-it", "-u", "1000:1000", "-w", "/workspace", container, "/bin/bash", "-l"]
    # Untimed warm-up first. The app and the runner JVMs were just started: HotSpot compiles a method with C2 only
    # after thousands of calls, and the echo path's methods run once or twice per keystroke, so for the first ~10,000
    # keystrokes the compiler threads keep taking CPU from the very threads being timed (measured: 0.5-1.6 s of C2
    # time per 500-2,000 keystrokes until then, nothing after). A server that runs for days is past that within
    # minutes of use, so warm-up rounds continue until the compilers are quiet (under 3 % of one CPU during two rounds in a row),
    # and the compiler time during the timed run is printed to show it.
    pids = jvm_pids()
    warmup_keys, rounds, quiet = 0, 0, 0
    while rounds < max(1, WARMUP_ROUNDS) and WARMUP_KEYS > 0 and quiet < 2:
        before, t = compiler_cpu_ms(pids), time.perf_counter()
        full_path(WARMUP_KEYS)
        warmup_keys, rounds = warmup_keys + WARMUP_KEYS, rounds + 1
        quiet = quiet + 1 if not pids or compiler_cpu_ms(pids) - before < 0.03 * (time.perf_counter() - t) * 1000 else 0
    if WARMUP_KEYS > 0:
        rtt(direct_command, min(WARMUP_KEYS, 300))
    load_before = os.getloadavg()
    compiled_before = compiler_cpu_ms(pids)
    # The two paths take turns in blocks, so that both see the same moments of the machine (a quiet or a busy
    # minute would otherwise favour whichever path ran in it); each path's blocks are pooled.
    blocks = max(1, BLOCKS)
    full_samples, direct_samples, block_p99 = [], [], []
    for _ in range(blocks):
        f = full_path(max(100, KEYS // blocks))
        d = rtt(direct_command, max(100, KEYS // blocks))
        full_samples += f[2]
        direct_samples += d[2]
        block_p99.append((f[1], d[1]))
    compiled_during = compiler_cpu_ms(pids) - compiled_before
    if not full_samples or not direct_samples:
        sys.exit("the echo tool printed no samples (ECHO_RTT must be bench/ide_echo_rtt.py or print them alike)")
    full, direct = percentiles(full_samples), percentiles(direct_samples)
    load_after = os.getloadavg()

    med = statistics.median
    print()
    print(f"IDE benchmark ({KEYS} keystrokes on each path in {blocks} interleaved blocks, {STARTS} timed starts after"
          f" {START_WARMUP} untimed; image {IMAGE})")
    print(f"warm-up: {warmup_keys} untimed keystrokes through the full path ({rounds} rounds"
          f"{', until the JIT compilers were quiet' if pids else '; JVMs not local, compilers not watched'}),"
          f" {min(WARMUP_KEYS, 300) if WARMUP_KEYS > 0 else 0} through docker exec")
    if pids:
        print(f"JIT compiler CPU in the app and runner JVMs during the timed runs: {compiled_during:.0f} ms")
    print("echo p99 of each block, full / direct (ms): "
          + ", ".join(f"{a:.2f} / {b:.2f}" for a, b in block_p99))
    print(f"load average during the echo runs: {load_before[0]:.2f} -> {load_after[0]:.2f}"
          f" ({os.cpu_count()} CPUs)")
    print(f"{'measure':44} {'workspace':>12} {'reference':>12} {'ratio':>7}  target")
    print(f"{'keystroke echo p50 (ms)':44} {full[0]:12.2f} {direct[0]:12.2f} {full[0] / direct[0]:7.2f}")
    print(f"{'keystroke echo p99 (ms)':44} {full[1]:12.2f} {direct[1]:12.2f} {full[1] / direct[1]:7.2f}"
          f"  <= 1.5x + 2 ms = {1.5 * direct[1] + 2:.2f} ms"
          f" ({'met' if full[1] <= 1.5 * direct[1] + 2 else 'NOT met'})")
    print(f"{'start-to-ready median (ms) vs docker start':44} {med(ide_starts):12.1f} {med(plain_starts):12.1f}"
          f" {med(ide_starts) / med(plain_starts):7.2f}  <= 1.2x")
    print(f"{'  vs docker start + first docker exec':44} {med(ide_starts):12.1f} {med(exec_starts):12.1f}"
          f" {med(ide_starts) / med(exec_starts):7.2f}")
    print(f"{'start-to-ready, polling GET every 20 ms (ms)':44} {med(polled_starts):12.1f} {med(plain_starts):12.1f}"
          f" {med(polled_starts) / med(plain_starts):7.2f}")
    print(f"(reference for echo: docker exec -it into the same container; full path: WebSocket client -> app -> "
          f"runner -> docker exec)")
    print(f"(start-to-ready: POST start until the status event 'running' reaches the client, as in the browser;"
          f" the polled line adds the GET's resource sample)")


main()
