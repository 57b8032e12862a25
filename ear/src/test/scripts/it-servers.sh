#!/usr/bin/env bash
# Starts and stops the servers the integration tests run against, through the real launcher:
#   - runner + app on H2, data folder $IT_DIR/it-data; its InventoryPro is the tests' stand-in on 127.0.0.1:$IT_INVENTORYPRO_PORT
#     (tickets live 3 s so that the expiry test is quick); its Document Server is the tests' simulator on
#     127.0.0.1:$IT_ONLYOFFICE_PORT
#   - when IT_POSTGRES=true, a second app on PostgreSQL (fresh schema), data folder $IT_DIR/it-data-pg, sharing the runner
# Each data folder gets a random admin password in it-admin-password (owner-only), read by the tests.
set -euo pipefail

: "${IT_DIR:?}" "${LAUNCHER:?}"
h2_data="$IT_DIR/it-data"
pg_data="$IT_DIR/it-data-pg"

common_env() {
  export WORKSPACE_SKIP_BUILD=true
  export WORKSPACE_TRUSTED_PROXIES="127.0.0.1,::1"
  export AUTH_THROTTLE_LOCK_SECONDS=2
  export AUTH_THROTTLE_ACCOUNT_FAILURES=5
  export AUTH_THROTTLE_ADDRESS_FAILURES=20
  export AUTH_TOKEN_CHECK_CACHE_SECONDS=5
  export ADMIN_USERNAME=admin
  export FILES_UPLOAD_EXPIRY_SECONDS=30 # resumable uploads abandoned for 30 s expire (ResumableUploadIT waits for it)
  # Mail: the tests' GreenMail listens on loopback without TLS, which production refuses by default.
  export MAIL_ALLOWED_INTERNAL_HOSTS="127.0.0.1/32"
  export MAIL_ALLOWED_SECURITY_MODES="ssl,starttls,none"
  export MAIL_MAX_ATTACHMENT_BYTES=1048576
  # Key rotation test: passwords sealed under this previous key still open and are re-encrypted on request.
  export MAIL_CREDENTIALS_KEY_PREVIOUS="it-previous-mail-credentials-key-0123456789"
  # IDE: small workspaces, a low process limit (the fork-bomb test), a quick idle sweep, the locally built image.
  export RUNNER_PIDS_LIMIT=128
  export IDE_MEMORY_MB=256
  export IDE_CPUS=1
  export IDE_SWEEP_SECONDS=5
  export IDE_DEFAULT_IMAGE="${IT_IDE_IMAGE:-cloudworkspace/workspace:1}"
}

admin_password() { # a fresh random password kept in the data folder for the tests
  local dir="$1" pw
  mkdir -p "$dir"
  pw="$(head -c 30 /dev/urandom | base64 | tr -d '\n/+=')"
  (umask 077 && printf '%s' "$pw" >"$dir/it-admin-password")
  printf '%s' "$pw"
}

stop_all() {
  export WORKSPACE_SKIP_BUILD=true
  WORKSPACE_DATA_DIR="$pg_data" WORKSPACE_RUNNER=off "$LAUNCHER" stop >/dev/null 2>&1 || true
  WORKSPACE_DATA_DIR="$h2_data" "$LAUNCHER" stop >/dev/null 2>&1 || true
}

case "${1:-}" in
  start)
    stop_all
    rm -rf "$h2_data" "$pg_data"
    common_env
    pw="$(admin_password "$h2_data")"
    WORKSPACE_DATA_DIR="$h2_data" WORKSPACE_HTTP_PORT="$IT_APP_PORT" RUNNER_HTTP_PORT="$IT_RUNNER_PORT" \
      INVENTORY_PRO_URL="http://127.0.0.1:${IT_INVENTORYPRO_PORT:-19090}" INVENTORY_PRO_TICKET_SECONDS=3 \
      ONLYOFFICE_URL="http://127.0.0.1:${IT_ONLYOFFICE_PORT:-19095}" \
      ADMIN_PASSWORD="$pw" "$LAUNCHER" start
    if [ "${IT_POSTGRES:-true}" = "true" ]; then
      : "${IT_POSTGRES_URL:?}" "${IT_POSTGRES_USER:?}" "${IT_POSTGRES_PASSWORD:?}"
      hostport="${IT_POSTGRES_URL#jdbc:postgresql://}"
      hostport="${hostport%%/*}"
      database="${IT_POSTGRES_URL##*/}"
      # A fresh database for this build, created through the maintenance database (the role needs CREATEDB).
      for statement in "DROP DATABASE IF EXISTS \"$database\" WITH (FORCE)" "CREATE DATABASE \"$database\""; do
        PGPASSWORD="$IT_POSTGRES_PASSWORD" psql -q -h "${hostport%%:*}" -p "${hostport##*:}" -U "$IT_POSTGRES_USER" \
          -d "${IT_POSTGRES_MAINTENANCE_DB:-workspace_it}" -v ON_ERROR_STOP=1 -c "$statement" \
          || { echo "PostgreSQL is not usable at $IT_POSTGRES_URL (see .ci/run; or pass -Dit.postgres=false)" >&2; exit 1; }
      done
      runner_secret="$(grep -E '^RUNNER_SHARED_SECRET=' "$h2_data/secrets.env" | cut -d= -f2-)"
      pw="$(admin_password "$pg_data")"
      WORKSPACE_DATA_DIR="$pg_data" WORKSPACE_HTTP_PORT="$IT_APP_PG_PORT" WORKSPACE_RUNNER=off \
        RUNNER_URL="http://127.0.0.1:$IT_RUNNER_PORT" RUNNER_SHARED_SECRET="$runner_secret" \
        WORKSPACE_DB_URL="$IT_POSTGRES_URL" WORKSPACE_DB_USER="$IT_POSTGRES_USER" \
        WORKSPACE_DB_PASSWORD="$IT_POSTGRES_PASSWORD" ADMIN_PASSWORD="$pw" \
        ONLYOFFICE_URL="http://127.0.0.1:${IT_ONLYOFFICE_PORT:-19095}" "$LAUNCHER" start
    fi
    ;;
  stop)
    stop_all
    ;;
  *)
    echo "usage: it-servers.sh start|stop" >&2
    exit 2
    ;;
esac
