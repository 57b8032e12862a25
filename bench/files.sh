#!/usr/bin/env bash
# Files benchmark, side by side with nginx on the same machine in the same run (issue 3):
#   1 GiB download (workspace REST vs nginx static), 1 GiB upload (workspace REST PUT vs nginx dav_methods PUT),
#   1,000 small files PUT over one keep-alive connection, and the app server's heap during the 1 GiB transfers.
#   WebDAV: 1 GiB PUT (vs nginx dav_methods PUT) and PROPFIND Depth 1 of the 1,000-file folder (vs nginx's dav-ext
#   PROPFIND when Debian's libnginx-mod-http-dav-ext is installed; otherwise only the workspace's figure).
# Uploads: one untimed upload of each kind, then UPLOAD_ROUNDS (3) timed rounds of nginx, REST PUT, tus and WebDAV
# PUT, each upload right after writing, syncing and deleting a scratch file of the same size, so that every side gets
# recycled pages (on this VM, untouched memory costs ~2.4 s/GiB to write into, recycled pages ~0.45 s/GiB, and
# otherwise whoever uploads right after a delete wins); medians are compared. Downloads: DOWNLOAD_ROUNDS (5) turns
# each, medians. Small PUTs: untimed rounds of WARM_UP_PUTS (500) until the app server's JIT compilers are quiet (at
# most WARM_UP_ROUNDS, 12), and a sync first, so that their fsyncs do not wait for the writeback of the big uploads.
# Also prints this disk's floor for crash-safe writes in the same run (dd conv=fdatasync of the big file; small files
# written, fsynced, renamed and their folder fsynced, without HTTP or a database): nginx never fsyncs.
# Prints a table; asserts nothing. Needs: a built workspace (mvn -DskipTests package), nginx, curl, python3, jcmd.
#   bench/files.sh            # defaults: 1 GiB, 1,000 small files of 4 KiB
#   BIG_MIB=256 SMALL_COUNT=200 bench/files.sh
#   BENCH_JFR=1 bench/files.sh  # also records a JFR profile of the app server: $BENCH_DIR/bench.jfr (jfr print …)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-/tmp/cw-bench}"
APP_PORT="${BENCH_APP_PORT:-19780}"
NGINX_PORT="${BENCH_NGINX_PORT:-19790}"
export BIG_MIB="${BIG_MIB:-1024}" SMALL_COUNT="${SMALL_COUNT:-1000}" SMALL_KIB="${SMALL_KIB:-4}"

command -v nginx >/dev/null || { echo "bench needs nginx (apt-get install nginx-light)" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/www" "$WORK/dav" "$WORK/nginx-tmp" "$WORK/data"
# nginx workers run as an unprivileged user: let them read the static file and write the DAV folders.
chmod 755 "$WORK" "$WORK/www" && chmod 777 "$WORK/dav" "$WORK/nginx-tmp"
pw="$(head -c 30 /dev/urandom | base64 | tr -d '\n/+=')"

dav_ext_so=/usr/lib/nginx/modules/ngx_http_dav_ext_module.so
dav_ext_load="" dav_ext_location="" NGINX_PROPFIND=false
if [ -f "$dav_ext_so" ]; then
  dav_ext_load="load_module $dav_ext_so;"
  dav_ext_location="location /davx/ { alias $WORK/dav/; dav_ext_methods PROPFIND OPTIONS; }"
  NGINX_PROPFIND=true
fi

cat >"$WORK/nginx.conf" <<NGINX
$dav_ext_load
worker_processes 1;
error_log $WORK/nginx-error.log;
pid $WORK/nginx.pid;
events { worker_connections 256; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $WORK/nginx-tmp;
  client_max_body_size 0;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location /static/ { alias $WORK/www/; }
    location /dav/ { alias $WORK/dav/; dav_methods PUT; create_full_put_path on; }
    $dav_ext_location
  }
}
NGINX

cleanup() {
  nginx -c "$WORK/nginx.conf" -s stop 2>/dev/null || true
  WORKSPACE_DATA_DIR="$WORK/data" "$ROOT/liberty-config/bin/workspace" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

nginx -c "$WORK/nginx.conf"
WORKSPACE_DATA_DIR="$WORK/data" WORKSPACE_HTTP_PORT="$APP_PORT" RUNNER_HTTP_PORT="$((APP_PORT + 1))" \
  ADMIN_PASSWORD="$pw" "$ROOT/liberty-config/bin/workspace" start >/dev/null

app_pid="$(pgrep -f "ws-javaagent.*workspace" | while read -r p; do
  if tr '\0' '\n' </proc/"$p"/environ 2>/dev/null | grep -qx "WORKSPACE_DATA_DIR=$WORK/data"; then echo "$p"; fi
done | head -n 1 || true)"

if [ -n "${BENCH_JFR:-}" ] && [ -n "$app_pid" ]; then
  jcmd "$app_pid" JFR.start name=bench settings=profile filename="$WORK/bench.jfr" >/dev/null
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
BENCH_WORK="$WORK" APP_URL="http://127.0.0.1:$APP_PORT" NGINX_URL="http://127.0.0.1:$NGINX_PORT" \
  ADMIN_PASSWORD="$pw" APP_PID="$app_pid" NGINX_PROPFIND="$NGINX_PROPFIND" python3 "$ROOT/bench/files_bench.py"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BENCH_JFR:-}" ] && [ -n "$app_pid" ]; then
  jcmd "$app_pid" JFR.stop name=bench >/dev/null && echo "JFR profile: $WORK/bench.jfr"
fi
