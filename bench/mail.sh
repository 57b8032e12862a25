#!/usr/bin/env bash
# Mail list benchmark (issue 5), side by side with a bare Angus Mail client on the same IMAP server in the same run:
#   the first page (50 newest) of a 10,000-message folder through GET /api/mail/accounts/{id}/messages, cache missed
#   (a new message arrives before each round), versus a bare Angus Mail fetch of the same page (same FETCH items, and
#   envelope only); then the same page again from the workspace's page cache (NOOP + STATUS), and the second page.
#   The workspace keeps the folder selected on its pooled connection between requests (a SELECT makes Dovecot scan
#   the mailbox); the bare client opens and closes it each time, as a stateless client would.
# The IMAP server is Debian's Dovecot (apt-get install dovecot-imapd) on a Maildir made by make_maildir.py.
# Prints a table; asserts nothing. Needs: a built workspace (mvn -DskipTests package), dovecot, python3, java, mvn.
#   bench/mail.sh                        # 10,000 messages, 15 rounds
#   MESSAGES=2000 ROUNDS=5 WARMUP=20 bench/mail.sh   # WARMUP: untimed rounds first (JIT warm-up of both JVMs)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-/tmp/cw-mail-bench}"
APP_PORT="${BENCH_APP_PORT:-19870}"
IMAP_PORT="${BENCH_IMAP_PORT:-19873}"
SMTP_PORT="${BENCH_SMTP_PORT:-19874}"
MESSAGES="${MESSAGES:-10000}"
ROUNDS="${ROUNDS:-15}"
WARMUP="${WARMUP:-100}"
MAKE_MAILDIR="${MAKE_MAILDIR:-$ROOT/../shared/tools/make_maildir.py}"
[ -f "$MAKE_MAILDIR" ] || MAKE_MAILDIR=/work/shared/tools/make_maildir.py

command -v dovecot >/dev/null || { echo "bench needs dovecot (apt-get install dovecot-imapd)" >&2; exit 1; }
rm -rf "$WORK" && mkdir -p "$WORK/run" "$WORK/state" "$WORK/home" "$WORK/data"
chmod 755 "$WORK"
echo "Making a Maildir of $MESSAGES messages…"
python3 "$MAKE_MAILDIR" "$WORK/Maildir" "$MESSAGES" >/dev/null
chown -R nobody:nogroup "$WORK/Maildir" "$WORK/home"
printf 'bench@example.test:{PLAIN}bench-password::::::\n' >"$WORK/users"

cat >"$WORK/dovecot.conf" <<CONF
protocols = imap
listen = 127.0.0.1
base_dir = $WORK/run
state_dir = $WORK/state
log_path = $WORK/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $WORK/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=$WORK/home/%u
}
mail_location = maildir:$WORK/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $IMAP_PORT
  }
  inet_listener imaps {
    port = 0
  }
}
CONF

pw="$(head -c 30 /dev/urandom | base64 | tr -d '\n/+=')"
cleanup() {
  dovecot -c "$WORK/dovecot.conf" stop 2>/dev/null || true
  WORKSPACE_DATA_DIR="$WORK/data" "$ROOT/liberty-config/bin/workspace" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

dovecot -c "$WORK/dovecot.conf"
WORKSPACE_DATA_DIR="$WORK/data" WORKSPACE_HTTP_PORT="$APP_PORT" RUNNER_HTTP_PORT="$((APP_PORT + 1))" \
  ADMIN_PASSWORD="$pw" MAIL_ALLOWED_INTERNAL_HOSTS="127.0.0.1/32" MAIL_ALLOWED_SECURITY_MODES="ssl,starttls,none" \
  "$ROOT/liberty-config/bin/workspace" start >/dev/null

classpath="$(cd "$ROOT" && mvn -q -B -pl ejb-module dependency:build-classpath -Dmdep.outputFile=/dev/stdout \
  -Dmdep.includeGroupIds=org.eclipse.angus,jakarta.mail,jakarta.activation)"
java -cp "$classpath" "$ROOT/bench/MailBench.java" "http://127.0.0.1:$APP_PORT" "$pw" "$IMAP_PORT" "$SMTP_PORT" "$ROUNDS" "$WARMUP"
