"""WebDAV rows of bench/files.sh: 1 GiB PUT through WebDAV and PROPFIND Depth 1 of a 1,000-file folder, each beside
nginx on the same machine (nginx's dav_methods PUT, and its dav-ext module's PROPFIND when Debian's
libnginx-mod-http-dav-ext is installed)."""
import base64
import http.client
import json
import statistics
import time

PROPFIND_BODY = (
    '<?xml version="1.0" encoding="utf-8"?><d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/>'
    "<d:getcontentlength/><d:getlastmodified/><d:getetag/><d:displayname/></d:prop></d:propfind>"
).encode()


def app_password(connect, app, token):
    """Creates an app password for the admin through the API; answers the Basic authorization header."""
    conn = connect(app)
    conn.request("POST", "/api/me/app-passwords", json.dumps({"name": "bench"}),
                 {"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    resp = conn.getresponse()
    data = json.loads(resp.read())
    assert resp.status == 201, data
    pair = f"{data['username']}:{data['password']}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode()}


def propfind_ms(connect, url, target, headers, runs=30, warmup=200):
    """Median and best time of PROPFIND Depth 1 over one keep-alive connection, in milliseconds, after untimed warm-up
    rounds (the app server compiles the listing path only after some hundred runs)."""
    conn = connect(url)
    times = []
    entries = 0
    for i in range(warmup + runs):
        start = time.perf_counter()
        conn.request("PROPFIND", target, PROPFIND_BODY,
                     {**headers, "Depth": "1", "Content-Type": "application/xml; charset=utf-8"})
        resp = conn.getresponse()
        body = resp.read()
        elapsed = (time.perf_counter() - start) * 1000
        assert resp.status == 207, (resp.status, body[:300])
        if i >= warmup:
            times.append(elapsed)
        entries = body.count(b"<d:response>") + body.count(b"<D:response>")
    return statistics.median(times), min(times), entries


def rows(connect, app, nginx, token, big_path, nginx_put_mib_s, put_stream, heap_sampler, big_mib, small_count,
         nginx_has_propfind, warm_up_puts=0):
    """The WebDAV rows: (measure, workspace, nginx, ratio, target, heap)."""
    auth = app_password(connect, app, token)
    result = []
    # Untimed WebDAV PUTs of small files first (JIT warm-up of the WebDAV write path), then the timed rows.
    conn = connect(app)
    for i in range(warm_up_puts):
        conn.request("PUT", f"/dav/files/admin/bench-warm-up/dav-{i:05d}.bin", b"x" * 4096,
                     {**auth, "Content-Type": "application/octet-stream"})
        resp = conn.getresponse()
        resp.read()
        assert resp.status in (201, 204), resp.status
    heap = heap_sampler()
    heap.start()
    dav_up, _ = put_stream(app, big_path, "/dav/files/admin/big-webdav.bin",
                           {**auth, "Content-Type": "application/octet-stream"})
    heap.stop.set()
    heap.join()
    result.append((f"{big_mib} MiB upload (WebDAV PUT)", f"{dav_up:.0f} MiB/s", f"{nginx_put_mib_s:.0f} MiB/s (dav PUT)",
                   dav_up / nginx_put_mib_s, "≥ 0.8×", heap.summary()))

    median, best, entries = propfind_ms(connect, app, "/dav/files/admin/bench-small/", auth)
    assert entries == small_count + 1, entries
    if nginx_has_propfind:
        n_median, n_best, n_entries = propfind_ms(connect, nginx, "/davx/small/", {})
        assert n_entries == small_count + 1, n_entries
        result.append((f"PROPFIND Depth 1, {small_count} files (median)", f"{median:.1f} ms (best {best:.1f})",
                       f"{n_median:.1f} ms (dav-ext)", n_median / median, "≤ 12 ms", ""))
    else:
        result.append((f"PROPFIND Depth 1, {small_count} files (median)", f"{median:.1f} ms (best {best:.1f})",
                       "n/a (no dav-ext)", float("nan"), "≤ 12 ms", ""))
    return result
