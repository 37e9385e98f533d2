#!/usr/bin/env bash
# Shows the state of the local stack: per component up/down, pid, port, the seconds it took to
# become ready (as recorded by up.sh) and its resident memory (RSS, MiB).
#
#   deploy/local/status.sh
#
# Exit status 0 when every component started by up.sh is up, 1 otherwise.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_dirs
fmt='%-20s %-9s %-8s %-6s %-8s %s\n'
# shellcheck disable=SC2059 # the format is a constant
printf "$fmt" COMPONENT STATE PID PORT READY_S RSS_MIB
result=0

ready_seconds() { cat "$STATE_DIR/$1.ready-seconds" 2>/dev/null || echo -; }

# postgres: the installed server, whoever started it
pg_state=down
pg_pid=$(postgres_pid)
if pg_server_answers 2>/dev/null; then pg_state=up; fi
pg_rss=-
[ -n "$pg_pid" ] && pg_rss=$(rss_mib "$pg_pid")
pg_ready=$(ready_seconds postgres)
pg_note="(postmaster)"
[ -f "$STATE_DIR/postgres.started-by-us" ] || pg_note="(postmaster; not started by deploy/local)"
# shellcheck disable=SC2059
printf "$fmt" postgres "$pg_state" "${pg_pid:--}" "$POSTGRES_PORT" "$pg_ready" "$pg_rss $pg_note"

healthy() {
  case "$1" in
    kafka) kafka_port_open ;;
    keycloak) keycloak_ready ;;
    *) service_ready "$1" ;;
  esac
}

for c in "${ALL_COMPONENTS[@]}"; do
  [ "$c" = postgres ] && continue
  pid=-
  rss=-
  state=down
  if is_running "$c"; then
    pid=$(read_pid "$c")
    rss=$(group_rss_mib "$pid")
    if healthy "$c" >/dev/null 2>&1; then state=up; else state=starting; result=1; fi
  elif [ -s "$(pid_file "$c")" ]; then
    state=dead
    result=1
  fi
  ready=-
  [ "$state" = down ] || ready=$(ready_seconds "$c")
  # shellcheck disable=SC2059
  printf "$fmt" "$c" "$state" "$pid" "$(component_port "$c")" "$ready" "$rss"
done

echo
echo "logs: $LOG_DIR"
exit "$result"
