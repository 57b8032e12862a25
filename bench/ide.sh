#!/usr/bin/env bash
# IDE benchmark, side by side with plain Docker on the same machine in the same run (issue 4):
#   - keystroke echo round trip through the whole path (a WebSocket client like the browser's -> app -> runner ->
#     docker exec with a TTY -> bash, and back) versus `docker exec -it` into the same container, p50 and p99
#     (measured with bench/ide_echo_rtt.py, the shared echo_rtt.py's method printing every sample), KEYS (2000)
#     keystrokes each, in BLOCKS (4) blocks that alternate between the paths and are pooled per path. Before that,
#     untimed rounds of WARMUP_KEYS (1000) keystrokes through the full path, until the JIT compiler threads of the
#     just-started app and runner JVMs are quiet (at most WARMUP_ROUNDS, 25; typically ~10,000 keystrokes), and 300
#     through docker exec: otherwise the benchmark measures C2 compiling the echo path, not a running server;
#   - workspace start-to-ready, after START_WARMUP (3) untimed cycles (POST start until the pushed status event says
#     running, as the SPA learns it; and, on alternate starts, until a GET polled every 20 ms says so) versus `docker start` of a container of the same image
#     and settings (and `docker start` + the first `docker exec`).
# Prints a table (with the load average during the echo runs and whether the echo target is met); asserts nothing.
# Needs: a built workspace (mvn -DskipTests package), the image cloudworkspace/workspace:1
# (runner-module/image/build-workspace-image.sh), docker, python3.
#   bench/ide.sh                       # 2000 keystrokes, 5 starts
#   KEYS=200 STARTS=3 BENCH_APP_PORT=27091 bench/ide.sh
#   BENCH_APP_URL=http://127.0.0.1:27080 BENCH_ADMIN_PASSWORD=... bench/ide.sh   # against a running workspace
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-/tmp/cw-bench-ide}"
APP_PORT="${BENCH_APP_PORT:-19791}"
KEYS="${KEYS:-2000}"
STARTS="${STARTS:-5}"
ECHO_RTT="${ECHO_RTT:-$ROOT/bench/ide_echo_rtt.py}"
IMAGE="${IDE_DEFAULT_IMAGE:-cloudworkspace/workspace:1}"
REF="cw-bench-ref-$$"

[ -f "$ECHO_RTT" ] || { echo "bench needs echo_rtt.py (ECHO_RTT=...)" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "bench needs the image $IMAGE" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/data"
pw="$(head -c 30 /dev/urandom | base64 | tr -d '\n/+=')"

cleanup() {
  docker rm -f "$REF" >/dev/null 2>&1 || true
  docker volume rm "$REF-home" >/dev/null 2>&1 || true
  [ -f "$WORK/workspace-id" ] && docker rm -f "cw-ws-$(cat "$WORK/workspace-id")" >/dev/null 2>&1 || true
  [ -f "$WORK/workspace-id" ] && docker volume rm "cw-ws-$(cat "$WORK/workspace-id")-home" >/dev/null 2>&1 || true
  WORKSPACE_DATA_DIR="$WORK/data" "$ROOT/liberty-config/bin/workspace" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ -n "${BENCH_APP_URL:-}" ]; then
  # A running workspace (its admin password in BENCH_ADMIN_PASSWORD) instead of starting one.
  app_url="$BENCH_APP_URL"
  pw="${BENCH_ADMIN_PASSWORD:?set BENCH_ADMIN_PASSWORD with BENCH_APP_URL}"
else
  app_url="http://127.0.0.1:$APP_PORT"
  WORKSPACE_DATA_DIR="$WORK/data" WORKSPACE_HTTP_PORT="$APP_PORT" RUNNER_HTTP_PORT="$((APP_PORT + 1))" \
    IDE_MEMORY_MB=512 IDE_CPUS=1 IDE_DEFAULT_IMAGE="$IMAGE" ADMIN_PASSWORD="$pw" \
    WORKSPACE_SKIP_BUILD="${WORKSPACE_SKIP_BUILD:-false}" "$ROOT/liberty-config/bin/workspace" start >/dev/null
fi

APP_URL="$app_url" ADMIN_PASSWORD="$pw" BENCH_WORK="$WORK" KEYS="$KEYS" STARTS="$STARTS" \
  ECHO_RTT="$ECHO_RTT" IMAGE="$IMAGE" REF="$REF" CLIENT="$ROOT/bench/ide_terminal_client.py" \
  python3 "$ROOT/bench/ide_bench.py"
