"""Measures the workspace's Files API against nginx on the same machine; called by bench/files.sh."""
import http.client
import json
import os
import shutil
import statistics
import subprocess
import threading
import time
import urllib.parse

import webdav_bench
from jit import compiler_cpu_ms

WORK = os.environ["BENCH_WORK"]
APP = urllib.parse.urlsplit(os.environ["APP_URL"])
NGINX = urllib.parse.urlsplit(os.environ["NGINX_URL"])
BIG_MIB = int(os.environ["BIG_MIB"])
SMALL_COUNT = int(os.environ["SMALL_COUNT"])
SMALL_KIB = int(os.environ["SMALL_KIB"])
APP_PID = os.environ.get("APP_PID", "")
APP_PIDS = [APP_PID] if APP_PID else []
CHUNK = 1 << 20
WARM_UP_PUTS = int(os.environ.get("WARM_UP_PUTS", "500"))
WARM_UP_ROUNDS = int(os.environ.get("WARM_UP_ROUNDS", "12"))
UPLOAD_ROUNDS = int(os.environ.get("UPLOAD_ROUNDS", "3"))
DOWNLOAD_ROUNDS = int(os.environ.get("DOWNLOAD_ROUNDS", "5"))


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

    def window(self):
        return [mib for t, mib in HEAP_LOG.samples if self.began <= t <= (self.ended or time.monotonic())]

    def summary(self):
        return HeapSampler.summary_of([self])

    @staticmethod
    def summary_of(samplers):
        window = [mib for sampler in samplers for mib in sampler.window()]
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


def tus_upload(url, path, headers, name):
    """Creates a tus upload and sends the whole file in one PATCH (as tus-js-client does up to its chunk size)."""
    import base64
    conn = connect(url)
    size = os.path.getsize(path)
    start = time.perf_counter()
    meta = "filename " + base64.b64encode(name.encode()).decode()
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


def fresh_pages(source):
    """Writes BIG_MIB of scratch beside the data, syncs and deletes it. The next upload's page cache then comes from
    just-freed pages on either side. Otherwise the order decides: on this VM, writing into memory the guest has not
    touched for a while costs about 2.4 s/GiB against 0.45 s/GiB for recycled pages, and whichever side uploads right
    after a delete gets the fast pages."""
    scratch = os.path.join(WORK, "scratch.bin")
    with open(source, "rb") as src, open(scratch, "wb") as dst:
        shutil.copyfileobj(src, dst, CHUNK)
    os.sync()
    os.remove(scratch)


def durable_copy(source):
    """The disk's floor for a crash-safe upload: dd of the same bytes from a local file with conv=fdatasync, no
    network, no hashing (MiB/s)."""
    target = os.path.join(WORK, "dd.bin")
    start = time.perf_counter()
    subprocess.run(["dd", f"if={source}", f"of={target}", "bs=1M", "conv=fdatasync"], check=True,
                   capture_output=True)
    elapsed = time.perf_counter() - start
    size = os.path.getsize(target)
    os.remove(target)
    return size / elapsed / (1 << 20)


def request_time(url, path, headers, count):
    """Mean milliseconds of a GET over one keep-alive connection: count untimed requests, then count timed ones."""
    conn = connect(url)

    def gets():
        for _ in range(count):
            conn.request("GET", path, headers=headers)
            resp = conn.getresponse()
            resp.read()
            assert resp.status == 200, (path, resp.status)

    gets()
    start = time.perf_counter()
    gets()
    return (time.perf_counter() - start) * 1000 / count


def durable_small_files(count):
    """The disk's floor for crash-safe small files, done the workspace's way without HTTP or a database: write a temp
    file, fsync, rename, fsync the folder (files/s)."""
    folder = os.path.join(WORK, "floor")
    os.makedirs(folder, exist_ok=True)
    payload = os.urandom(SMALL_KIB * 1024)
    dir_fd = os.open(folder, os.O_RDONLY)
    start = time.perf_counter()
    for i in range(count):
        temp = os.path.join(folder, f".f{i}.tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.write(fd, payload)
        os.fsync(fd)
        os.close(fd)
        os.rename(temp, os.path.join(folder, f"f{i}"))
        os.fsync(dir_fd)
    elapsed = time.perf_counter() - start
    os.close(dir_fd)
    shutil.rmtree(folder)
    return count / elapsed


def empty_trash(auth):
    conn = connect(APP)
    conn.request("DELETE", "/api/files/trash", headers=auth)
    resp = conn.getresponse()
    resp.read()
    assert resp.status == 204, resp.status


def delete_app_file(dav_auth, name, auth):
    """Deletes a big upload for good (WebDAV DELETE moves it to the trash, which is then emptied)."""
    conn = connect(APP)
    conn.request("DELETE", f"/dav/files/admin/{name}", headers=dav_auth)
    resp = conn.getresponse()
    resp.read()
    assert resp.status == 204, resp.status
    empty_trash(auth)


def median(values):
    return statistics.median(values)


def spread(values):
    return f"{min(values):.0f}–{max(values):.0f}"


def jit_quiet_warm_up(put_round, rounds_max=WARM_UP_ROUNDS):
    """Untimed rounds of small PUTs until the app server's JIT compiler threads use less than 3 % of the round's time
    in two rounds in a row (at most rounds_max rounds): a server that runs for days is past its JIT warm-up."""
    quiet = 0
    rounds = 0
    while rounds < rounds_max and quiet < 2:
        before = compiler_cpu_ms(APP_PIDS)
        start = time.perf_counter()
        put_round(rounds)
        elapsed_ms = (time.perf_counter() - start) * 1000
        quiet = quiet + 1 if compiler_cpu_ms(APP_PIDS) - before < 0.03 * elapsed_ms else 0
        rounds += 1
    return rounds


def run():
    token = sign_in()
    auth = {"Authorization": f"Bearer {token}"}
    dav_auth = webdav_bench.app_password(connect, APP, token)
    path = big_file()
    os.link(path, os.path.join(WORK, "www", "big.bin"))
    octets = {"Content-Type": "application/octet-stream"}

    conn = connect(APP)
    conn.request("POST", "/api/files/folders/root/folders", json.dumps({"name": "bench-small"}),
                 {**auth, "Content-Type": "application/json"})
    resp = conn.getresponse()
    folder = json.loads(resp.read())
    assert resp.status == 201, folder

    # One untimed upload of each kind first, so that the streaming paths are compiled before the timed rounds.
    warm = os.path.join(WORK, "warm.bin")
    with open(path, "rb") as src, open(warm, "wb") as dst:
        dst.write(src.read(min(BIG_MIB, 256) << 20))
    put_stream(APP, warm, "/api/files/folders/root/files/warm-rest.bin", {**auth, **octets})
    tus_upload(APP, warm, auth, "warm-tus.bin")
    put_stream(APP, warm, "/dav/files/admin/warm-dav.bin", {**dav_auth, **octets})
    for name in ("warm-rest.bin", "warm-tus.bin", "warm-dav.bin"):
        delete_app_file(dav_auth, name, auth)
    os.remove(warm)

    # Timed rounds, each upload after fresh_pages(): nginx, then the workspace's REST PUT, tus and WebDAV PUT. Every
    # upload is deleted right after (nginx's file, and the workspace's file for good), except the last REST one,
    # which the downloads read.
    nginx_up, rest_up, tus_up, dav_up, floor_up = [], [], [], [], []
    heaps = {"rest": [], "tus": [], "dav": []}
    file_id = None
    for r in range(UPLOAD_ROUNDS):
        fresh_pages(path)
        target = os.path.join(WORK, "dav", f"big-upload-{r}.bin")
        nginx_up.append(put_stream(NGINX, path, f"/dav/big-upload-{r}.bin", {})[0])
        os.remove(target)

        fresh_pages(path)
        floor_up.append(durable_copy(path))

        fresh_pages(path)
        heap = HeapSampler()
        heap.start()
        speed, body = put_stream(APP, path, f"/api/files/folders/root/files/big-{r}.bin", {**auth, **octets})
        heap.join()
        rest_up.append(speed)
        heaps["rest"].append(heap)
        if r < UPLOAD_ROUNDS - 1:
            delete_app_file(dav_auth, f"big-{r}.bin", auth)
        else:
            file_id = json.loads(body)["id"]

        fresh_pages(path)
        heap = HeapSampler()
        heap.start()
        tus_up.append(tus_upload(APP, path, auth, f"big-tus-{r}.bin"))
        heap.join()
        heaps["tus"].append(heap)
        delete_app_file(dav_auth, f"big-tus-{r}.bin", auth)

        fresh_pages(path)
        heap = HeapSampler()
        heap.start()
        dav_up.append(put_stream(APP, path, f"/dav/files/admin/big-webdav-{r}.bin", {**dav_auth, **octets})[0])
        heap.join()
        heaps["dav"].append(heap)
        delete_app_file(dav_auth, f"big-webdav-{r}.bin", auth)

    nginx_put = median(nginx_up)
    nginx_text = f"{nginx_put:.0f} MiB/s (dav PUT)"
    rows = []
    for label, speeds, key in ((f"{BIG_MIB} MiB upload (REST PUT)", rest_up, "rest"),
                               (f"{BIG_MIB} MiB upload (tus, one PATCH)", tus_up, "tus"),
                               (f"{BIG_MIB} MiB upload (WebDAV PUT)", dav_up, "dav")):
        rows.append((label, f"{median(speeds):.0f} MiB/s", nginx_text, median(speeds) / nginx_put, "≥ 0.8×",
                     HeapSampler.summary_of(heaps[key])))

    # Downloads: nginx and the workspace take turns; both files are in the page cache.
    nginx_down, app_down = [], []
    down_heaps = []
    for _ in range(DOWNLOAD_ROUNDS):
        nginx_down.append(get_stream(NGINX, "/static/big.bin", {}))
        heap = HeapSampler()
        heap.start()
        app_down.append(get_stream(APP, f"/api/files/{file_id}/content", auth))
        heap.join()
        down_heaps.append(heap)
    rows.append((f"{BIG_MIB} MiB download", f"{median(app_down):.0f} MiB/s", f"{median(nginx_down):.0f} MiB/s (static)",
                 median(app_down) / median(nginx_down), "≥ 0.9×", HeapSampler.summary_of(down_heaps)))

    # The big transfers left dirty pages; write them out first, or the workspace's fsyncs of the small files (nginx
    # makes none) would measure that writeback rather than the uploads.
    os.sync()
    conn = connect(APP)
    conn.request("POST", "/api/files/folders/root/folders", json.dumps({"name": "bench-warm-up"}),
                 {**auth, "Content-Type": "application/json"})
    resp = conn.getresponse()
    warm_folder = json.loads(resp.read())
    assert resp.status == 201, warm_folder
    small_puts(NGINX, "/dav/warm-up/", {}, WARM_UP_PUTS)
    warm_rounds = jit_quiet_warm_up(
        lambda r: small_puts(APP, f"/api/files/folders/{warm_folder['id']}/files/r{r}-", auth, WARM_UP_PUTS))
    nginx_small = small_puts(NGINX, "/dav/small/", {})
    floor_small = durable_small_files(SMALL_COUNT)
    app_small = small_puts(APP, f"/api/files/folders/{folder['id']}/files/", auth)
    # What bounds a small PUT here, measured right after it: Liberty's bare request (MicroProfile Health, no token,
    # no database) and the cheapest authenticated API call that reads the database, as every upload must (the quota).
    bare_ms = request_time(APP, "/health/live", {}, SMALL_COUNT)
    read_ms = request_time(APP, "/api/files/usage", auth, SMALL_COUNT)
    rows.append((f"{SMALL_COUNT} × {SMALL_KIB} KiB PUT, one keep-alive connection", f"{app_small:.0f} files/s",
                 f"{nginx_small:.0f} files/s", app_small / nginx_small, "≥ 800 files/s", ""))

    rows.extend(webdav_bench.rows(connect, APP, NGINX, dav_auth, SMALL_COUNT,
                                  os.environ.get("NGINX_PROPFIND") == "true", WARM_UP_PUTS))

    print(f"this disk's floor for crash-safe writes, measured in the same rounds: {median(floor_up):.0f} MiB/s for"
          f" {BIG_MIB} MiB (dd conv=fdatasync, {median(floor_up) / nginx_put:.2f}× nginx's PUT, which never fsyncs);"
          f" {floor_small:.0f} files/s of {SMALL_KIB} KiB (write, fsync, rename, fsync of the folder; no HTTP, no"
          f" database)")
    floor_ms = 1000 / floor_small
    bare_limit = 1000 / (bare_ms + floor_ms)
    read_limit = 1000 / (read_ms + floor_ms)
    print(f"what bounds the small PUTs on this machine, measured after them: Liberty's bare request (GET /health/live)"
          f" {bare_ms:.2f} ms, an authenticated read (GET /api/files/usage) {read_ms:.2f} ms, the disk's crash-safe"
          f" write of one file {floor_ms:.2f} ms; so, done one after the other, one connection can reach at most"
          f" {bare_limit:.0f} files/s with no token, no database and no JAX-RS, and {read_limit:.0f} files/s for a"
          f" request that authenticates and reads the database like every API call, before any row is written")
    print(f"uploads: median of {UPLOAD_ROUNDS} rounds, each after fresh_pages() (nginx {spread(nginx_up)}, REST"
          f" {spread(rest_up)}, tus {spread(tus_up)}, WebDAV {spread(dav_up)} MiB/s); downloads: median of"
          f" {DOWNLOAD_ROUNDS} (nginx {spread(nginx_down)}, workspace {spread(app_down)} MiB/s); small PUTs after"
          f" {warm_rounds} warm-up rounds of {WARM_UP_PUTS}")
    print(f"{'measure':48} {'workspace':>14} {'nginx':>26} {'ratio':>7}  {'target':14} heap during transfer")
    for name, ours, theirs, ratio, target, heap_text in rows:
        print(f"{name:48} {ours:>14} {theirs:>26} {ratio:>6.2f}×  {target:14} {heap_text}")


if __name__ == "__main__":
    main()
