#!/usr/bin/env bash
# Stops what deploy/local/up.sh started.
#
#   deploy/local/down.sh [component...]
#
# Default: all components, in reverse start order. Each is stopped by its pid file: TERM to
# its process group, KILL after 20 s. Data is kept (Kafka topics, Keycloak realm, databases),
# so `up.sh <component>` brings it back as it was. PostgreSQL is stopped only when up.sh
# started it (it was down before); a server that was already running is left alone.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

case "${1:-}" in
  -h | --help)
    sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
    exit 0
    ;;
esac

ensure_dirs
mapfile -t COMPONENTS < <(select_components "$@")
[ ${#COMPONENTS[@]} -gt 0 ] || exit 1

down_postgres() {
  local flag="$STATE_DIR/postgres.started-by-us" ver name
  if [ ! -f "$flag" ]; then
    info "postgres: left running (not started by deploy/local)"
    return 0
  fi
  read -r ver name <"$flag"
  info "postgres: stopping cluster $ver/$name (up.sh started it)"
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" stop
  rm -f "$flag" "$STATE_DIR/postgres.ready-seconds" "$STATE_DIR/postgres.started-at"
}

# services first (in parallel: each may take a while to drain), then the rest in reverse order
services=()
others=()
for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
  c="${COMPONENTS[$i]}"
  if is_service "$c"; then services+=("$c"); else others+=("$c"); fi
done

if [ ${#services[@]} -gt 0 ]; then
  pids=()
  for s in "${services[@]}"; do
    stop_component "$s" &
    pids+=("$!")
  done
  for p in "${pids[@]}"; do wait "$p"; done
fi
for c in "${others[@]}"; do
  case "$c" in
    postgres) down_postgres ;;
    *) stop_component "$c" ;;
  esac
done
