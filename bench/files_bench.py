"""Measures the workspace's Files API against nginx on the same machine; called by bench/files.sh."""
import http.client
import json
import os
import subprocess
import threading
import time
import urllib.parse

import webdav_bench

WORK = os.environ["BENCH_WORK"]
APP = urllib.parse.urlsplit(os.environ["APP_URL"])
NGINX = urllib.parse.urlsplit(os.environ["NGINX_URL"])
BIG_MIB = int(os.environ["BIG_MIB"])
SMALL_COUNT = int(os.environ["SMALL_COUNT"])
SMALL_KIB = int(os.environ["SMALL_KIB"])
APP_PID = os.environ.get("APP_PID", "")
CHUNK = 1 << 20
WARM_UP_PUTS = int(os.environ.get("WARM_UP_PUTS", "500"))


def connect(url):
    return http.client.HTTPConnection(url.hostname, url.port, timeout=600)


def sign_in():
    conn = connect(APP)
    body = json.dumps({"username": "admin", "password": os.environ["ADMIN_PASSWORD"]})
    conn.request("POST", "/api/auth/login", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = json.loads(resp.read())
    assert resp.status == 200, data
    return data["accessToken"]


class HeapLog(threading.Thread):
    """One `jstat -gc <pid> 500` for the whole run: the app server's used heap every half second. A single long-lived
    process, so that sampling costs the same little during the workspace's and nginx's transfers (a jcmd per sample
    would start a JVM twice a second on the benchmark's cores, during the workspace's transfers only)."""

    def __init__(self):
        super().__init__(daemon=True)
        self.samples = []  # (time, used MiB)
        self.process = None

    def run(self):
        if not APP_PID:
            return
        try:
            self.process = subprocess.Popen(["jstat", "-gc", APP_PID, "500"], stdout=subprocess.PIPE, text=True,
                                            stderr=subprocess.DEVNULL)
        except OSError:
            return
        header = None
        for line in self.process.stdout:
            fields = line.split()
            if not fields:
                continue
            if fields[0] == "S0C":
                header = fields
                continue
            if header is None or len(fields) != len(header):
                continue
            try:
                values = dict(zip(header, (float(f) for f in fields)))
            except ValueError:
                continue
            used_kib = sum(values.get(k, 0.0) for k in ("S0U", "S1U", "EU", "OU"))
            self.samples.append((time.monotonic(), used_kib / 1024))

    def close(self):
        if self.process:
            self.process.terminate()


HEAP_LOG = HeapLog()


class HeapSampler:
    """The used heap between start() and stop.set(), from the shared jstat log."""

    def __init__(self):
        self.stop = threading.Event()
        self.began = None
        self.ended = None

    def start(self):
        self.began = time.monotonic()

    def join(self):
        self.ended = time.monotonic()

    def summary(self):
        window = [mib for t, mib in HEAP_LOG.samples if self.began <= t <= (self.ended or time.monotonic())]
        if not window:
            return "n/a"
        return f"{min(window):.0f}–{max(window):.0f} MiB used ({len(window)} samples)"


def big_file():
    path = os.path.join(WORK, "big.bin")
    with open(path, "wb") as f:
        block = os.urandom(CHUNK)
        for _ in range(BIG_MIB):
            f.write(block)
    return path


def put_stream(url, path, target, headers):
    conn = connect(url)
    size = os.path.getsize(path)
    start = time.perf_counter()
    conn.putrequest("PUT", target)
    for k, v in {**headers, "Content-Length": str(size)}.items():
        conn.putheader(k, v)
    conn.endheaders()
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            conn.send(chunk)
    resp = conn.getresponse()
    body = resp.read()
    elapsed = time.perf_counter() - start
    assert resp.status in (200, 201, 204), (resp.status, body[:300])
    return size / elapsed / (1 << 20), body


def tus_upload(url, path, headers):
    """Creates a tus upload and sends the whole file in one PATCH (as tus-js-client does up to its chunk size)."""
    import base64
    conn = connect(url)
    size = os.path.getsize(path)
    start = time.perf_counter()
    meta = "filename " + base64.b64encode(b"big-tus.bin").decode()
    conn.request("POST", "/api/files/uploads", b"", {**headers, "Tus-Resumable": "1.0.0", "Upload-Length": str(size),
                                                     "Upload-Metadata": meta})
    resp = conn.getresponse()
    resp.read()
    assert resp.status == 201, resp.status
    location = urllib.parse.urlsplit(resp.getheader("Location")).path
    conn.putrequest("PATCH", location)
    for k, v in {**headers, "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Length": str(size),
                 "Content-Type": "application/offset+octet-stream"}.items():
        conn.putheader(k, v)
    conn.endheaders()
    with open(path, "rb") as f:
        while True:
            chunk = f.read(CHUNK)
            if not chunk:
                break
            conn.send(chunk)
    resp = conn.getresponse()
    body = resp.read()
    elapsed = time.perf_counter() - start
    assert resp.status == 204, (resp.status, body[:300])
    return size / elapsed / (1 << 20)


def get_stream(url, target, headers):
    conn = connect(url)
    start = time.perf_counter()
    conn.request("GET", target, headers=headers)
    resp = conn.getresponse()
    assert resp.status == 200, resp.status
    total = 0
    while True:
        chunk = resp.read(CHUNK)
        if not chunk:
            break
        total += len(chunk)
    elapsed = time.perf_counter() - start
    return total / elapsed / (1 << 20)


def small_puts(url, prefix, headers, count=None):
    conn = connect(url)
    payload = os.urandom(SMALL_KIB * 1024)
    count = SMALL_COUNT if count is None else count
    start = time.perf_counter()
    for i in range(count):
        conn.request("PUT", f"{prefix}small-{i:05d}.bin", payload, {**headers, "Content-Type": "application/octet-stream"})
        resp = conn.getresponse()
        resp.read()
        assert resp.status in (200, 201, 204), resp.status
    return count / (time.perf_counter() - start)


def main():
    HEAP_LOG.start()
    try:
        run()
    finally:
        HEAP_LOG.close()


def run():
    token = sign_in()
    auth = {"Authorization": f"Bearer {token}"}
    path = big_file()
    os.link(path, os.path.join(WORK, "www", "big.bin"))

    conn = connect(APP)
    conn.request("POST", "/api/files/folders/root/folders", json.dumps({"name": "bench-small"}),
                 {**auth, "Content-Type": "application/json"})
    resp = conn.getresponse()
    folder = json.loads(resp.read())
    assert resp.status == 201, folder

    rows = []
    nginx_up, _ = put_stream(NGINX, path, "/dav/big-upload.bin", {})
    heap = HeapSampler()
    heap.start()
    app_up, body = put_stream(APP, path, "/api/files/folders/root/files/big.bin",
                              {**auth, "Content-Type": "application/octet-stream"})
    heap.stop.set()
    heap.join()
    file_id = json.loads(body)["id"]
    rows.append((f"{BIG_MIB} MiB upload (REST PUT)", f"{app_up:.0f} MiB/s", f"{nginx_up:.0f} MiB/s (dav PUT)",
                 app_up / nginx_up, "≥ 0.8×", heap.summary()))

    heap = HeapSampler()
    heap.start()
    app_tus = tus_upload(APP, path, auth)
    heap.stop.set()
    heap.join()
    rows.append((f"{BIG_MIB} MiB upload (tus, one PATCH)", f"{app_tus:.0f} MiB/s", f"{nginx_up:.0f} MiB/s (dav PUT)",
                 app_tus / nginx_up, "≥ 0.8×", heap.summary()))

    nginx_down = get_stream(NGINX, "/static/big.bin", {})
    heap = HeapSampler()
    heap.start()
    app_down = get_stream(APP, f"/api/files/{file_id}/content", auth)
    heap.stop.set()
    heap.join()
    rows.append((f"{BIG_MIB} MiB download", f"{app_down:.0f} MiB/s", f"{nginx_down:.0f} MiB/s (static)",
                 app_down / nginx_down, "≥ 0.9×", heap.summary()))

    # The big transfers left gigabytes of dirty pages; write them out first, or the workspace's fsyncs of the small
    # files (nginx makes none) would measure that writeback rather than the uploads.
    os.sync()
    # Untimed warm-up rounds on both sides (into other folders), so that the timed rounds measure the steady state
    # rather than the app server's JIT compiling the upload path.
    conn = connect(APP)
    conn.request("POST", "/api/files/folders/root/folders", json.dumps({"name": "bench-warm-up"}),
                 {**auth, "Content-Type": "application/json"})
    resp = conn.getresponse()
    warm_folder = json.loads(resp.read())
    assert resp.status == 201, warm_folder
    small_puts(NGINX, "/dav/warm-up/", {}, WARM_UP_PUTS)
    small_puts(APP, f"/api/files/folders/{warm_folder['id']}/files/", auth, WARM_UP_PUTS)
    nginx_small = small_puts(NGINX, "/dav/small/", {})
    app_small = small_puts(APP, f"/api/files/folders/{folder['id']}/files/", auth)
    rows.append((f"{SMALL_COUNT} × {SMALL_KIB} KiB PUT, one keep-alive connection", f"{app_small:.0f} files/s",
                 f"{nginx_small:.0f} files/s", app_small / nginx_small, "≥ 800 files/s", ""))

    rows.extend(webdav_bench.rows(connect, APP, NGINX, token, path, nginx_up, put_stream, HeapSampler, BIG_MIB,
                                  SMALL_COUNT, os.environ.get("NGINX_PROPFIND") == "true", WARM_UP_PUTS))

    print(f"{'measure':48} {'workspace':>14} {'nginx':>26} {'ratio':>7}  {'target':14} heap during transfer")
    for name, ours, theirs, ratio, target, heap_text in rows:
        print(f"{name:48} {ours:>14} {theirs:>26} {ratio:>6.2f}×  {target:14} {heap_text}")


if __name__ == "__main__":
    main()
