"""WebDAV parts of bench/files.sh: an app password for the admin, and PROPFIND Depth 1 of a 1,000-file folder beside
nginx's dav-ext module's PROPFIND (when Debian's libnginx-mod-http-dav-ext is installed). The 1 GiB WebDAV PUT is
timed with the other uploads in files_bench.py."""
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


def rows(connect, app, nginx, auth, small_count, nginx_has_propfind, warm_up=200):
    """The PROPFIND row: (measure, workspace, nginx, ratio, target, heap)."""
    median, best, entries = propfind_ms(connect, app, "/dav/files/admin/bench-small/", auth, warmup=warm_up)
    assert entries == small_count + 1, entries
    if nginx_has_propfind:
        n_median, n_best, n_entries = propfind_ms(connect, nginx, "/davx/small/", {}, warmup=warm_up)
        assert n_entries == small_count + 1, n_entries
        return [(f"PROPFIND Depth 1, {small_count} files (median)", f"{median:.1f} ms (best {best:.1f})",
                 f"{n_median:.1f} ms (dav-ext)", n_median / median, "≤ 12 ms", "")]
    return [(f"PROPFIND Depth 1, {small_count} files (median)", f"{median:.1f} ms (best {best:.1f})",
             "n/a (no dav-ext)", float("nan"), "≤ 12 ms", "")]
