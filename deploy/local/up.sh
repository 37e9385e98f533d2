#!/usr/bin/env bash
# Starts the Sales Affairs stack on this machine without Docker.
#
#   deploy/local/up.sh [component...]
#
# Components, started in this order (default: all):
#   postgres kafka keycloak opportunity-service order-service aftersales-service
#   performance-service reporting-service
#
# Idempotent: a component that is already up (our pid file, process alive, healthy) is left
# alone. Environment:
#   SALES_CACHE            download cache (default ~/.cache/salesaffairs)
#   SALES_RESET=1          wipe Keycloak's data first, so the realm is imported again
#   POSTGRES_PORT KAFKA_PORT KAFKA_CONTROLLER_PORT KEYCLOAK_PORT
#   OPPORTUNITY_SERVICE_PORT ORDER_SERVICE_PORT AFTERSALES_SERVICE_PORT
#   PERFORMANCE_SERVICE_PORT REPORTING_SERVICE_PORT
#   <DB>_DB_PASSWORD       e.g. ORDERS_DB_PASSWORD (default orders-local-pw)
#   SERVICE_READY_TIMEOUT  seconds each service may take to become ready (default 120)
#   SERVICE_JAVA_OPTS      extra JVM options for the services
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
require_tools curl setsid
mapfile -t COMPONENTS < <(select_components "$@")
[ ${#COMPONENTS[@]} -gt 0 ] || exit 1

up_postgres() {
  postgres_setup
}

up_kafka() {
  require_java
  if is_running kafka; then
    if kafka_ready; then
      info "kafka: already up (pid $(read_pid kafka))"
    else
      info "kafka: running (pid $(read_pid kafka)) but not ready yet; waiting"
      wait_ready kafka 120 kafka_ready
    fi
  else
    check_port_free kafka "$KAFKA_PORT" KAFKA_PORT
    check_port_free kafka "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT
    kafka_fetch
    kafka_write_config
    kafka_format_if_needed
    info "kafka: starting broker on $KAFKA_BOOTSTRAP"
    start_bg kafka "$RUNTIME_DIR/kafka" \
      java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$RUNTIME_DIR/kafka/log4j2.properties" \
      -Dkafka.logs.dir="$LOG_DIR" \
      -cp "$KAFKA_HOME_DIR/libs/*" kafka.Kafka "$RUNTIME_DIR/kafka/server.properties"
    wait_ready kafka 120 kafka_ready
    info "kafka: ready in $(cat "$STATE_DIR/kafka.ready-seconds")s"
  fi
  kafka_create_topics
}

up_keycloak() {
  require_java
  if is_running keycloak && [ "${SALES_RESET:-0}" = 1 ]; then
    info "keycloak: SALES_RESET=1: restarting with fresh data"
    stop_component keycloak
  fi
  if is_running keycloak; then
    if keycloak_ready; then
      info "keycloak: already up (pid $(read_pid keycloak))"
    else
      info "keycloak: running (pid $(read_pid keycloak)) but not ready yet; waiting"
      wait_ready keycloak 180 keycloak_ready
    fi
    return 0
  fi
  check_port_free keycloak "$KEYCLOAK_PORT" KEYCLOAK_PORT
  keycloak_fetch
  if [ "${SALES_RESET:-0}" = 1 ]; then
    info "keycloak: SALES_RESET=1: wiping $RUNTIME_DIR/keycloak (realm 'sales' is imported again)"
    rm -rf "$RUNTIME_DIR/keycloak"
  fi
  mkdir -p "$KEYCLOAK_HOME_DIR/data/import" "$RUNTIME_DIR/keycloak"
  # An existing realm is not overwritten by --import-realm: SALES_RESET=1 to re-import.
  cp "$REPO_ROOT/identity-config/realm-sales.json" "$KEYCLOAK_HOME_DIR/data/import/realm-sales.json"
  info "keycloak: starting on $KEYCLOAK_URL (first start builds the server: 20-60 s)"
  start_bg keycloak "$RUNTIME_DIR/keycloak" \
    env KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}" \
    KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}" \
    JAVA_OPTS_APPEND="-Dkc.db-url-path=$RUNTIME_DIR/keycloak" \
    "$KEYCLOAK_HOME_DIR/bin/kc.sh" start-dev \
    --http-host=127.0.0.1 --http-port="$KEYCLOAK_PORT" \
    --hostname="$KEYCLOAK_URL" --import-realm
  wait_ready keycloak 180 keycloak_ready
  info "keycloak: ready in $(cat "$STATE_DIR/keycloak.ready-seconds")s"
}

build_missing_services() {
  local s missing=()
  for s in "$@"; do
    [ -f "$(service_jar "$s")" ] || missing+=("$s")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local list
  list=$(IFS=,; echo "${missing[*]}")
  info "services: no target/quarkus-app/quarkus-run.jar for ${missing[*]}"
  info "services: building them first: ./mvnw -B -q -DskipTests package -pl $list -am (takes minutes)"
  (cd "$REPO_ROOT" && mvn_locked -B -q -DskipTests package -pl "$list" -am) \
    || die "services: build failed"
  for s in "${missing[@]}"; do
    [ -f "$(service_jar "$s")" ] || die "$s: build produced no $(service_jar "$s")"
  done
}

start_service() {
  local s="$1" port db
  port=$(service_port "$s")
  db=$(service_db "$s")
  check_port_free "$s" "$port"
  info "$s: starting on http://127.0.0.1:$port"
  # shellcheck disable=SC2086 # SERVICE_JAVA_OPTS is a list of JVM options
  start_bg "$s" "$RUNTIME_DIR/work/$s" \
    env QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$port" \
    DB_URL="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$db" \
    DB_USER="$db" \
    DB_PASSWORD="$(db_password "$db")" \
    KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP" \
    OIDC_AUTH_SERVER_URL="$KEYCLOAK_URL/realms/sales" \
    java -Xmx256m ${SERVICE_JAVA_OPTS:-} -jar "$(service_jar "$s")"
}

up_services() {
  require_java
  local s pending=() failed=() still now wait_begin
  build_missing_services "$@"
  for s in "$@"; do
    if is_running "$s"; then
      if service_ready "$s"; then
        info "$s: already up (pid $(read_pid "$s"))"
        continue
      fi
      info "$s: running (pid $(read_pid "$s")) but not ready yet; waiting"
    else
      start_service "$s"
    fi
    pending+=("$s")
  done
  # wait for all of them together (they start in parallel)
  wait_begin=$(date +%s)
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for s in "${pending[@]}"; do
      now=$(date +%s)
      if service_ready "$s"; then
        record_ready "$s"
        info "$s: ready in $(cat "$STATE_DIR/$s.ready-seconds")s"
      elif ! is_running "$s"; then
        show_log_tail "$s"
        warn "$s exited during startup (log: $LOG_DIR/$s.log)"
        failed+=("$s")
      elif [ $((now - wait_begin)) -ge "$SERVICE_READY_TIMEOUT" ]; then
        show_log_tail "$s"
        warn "$s not ready after ${SERVICE_READY_TIMEOUT}s (log: $LOG_DIR/$s.log)"
        failed+=("$s")
      else
        still+=("$s")
      fi
    done
    pending=("${still[@]}")
    if [ ${#pending[@]} -gt 0 ]; then sleep 2; fi
  done
  [ ${#failed[@]} -eq 0 ] || die "not ready: ${failed[*]}"
}

print_summary() {
  local s
  cat <<EOF

Sales Affairs local stack
  PostgreSQL   127.0.0.1:$POSTGRES_PORT  databases: ${DATABASES[*]} (user = database, password <db>-local-pw)
  Kafka        $KAFKA_BOOTSTRAP  topics: ${TOPICS[*]} (+ .dlq)
  Keycloak     $KEYCLOAK_URL  realm 'sales'; admin console $KEYCLOAK_URL/admin (admin/admin)
EOF
  for s in "${SERVICES[@]}"; do
    printf '  %-20s http://localhost:%s  Swagger UI: http://localhost:%s/q/swagger-ui\n' \
      "$s" "$(service_port "$s")" "$(service_port "$s")"
  done
  cat <<EOF

Demo logins (password sales123, realm sales):
  alice, bob (sales-rep, east-1)   cindy (sales-rep, west-1)
  mike (sales-manager, east-1)     wendy (sales-manager, west-1)   diana (sales-director)
  fiona (finance)  walt (warehouse)  rita (order-reviewer)  sam (aftersales-agent)
  dora (data-steward)  paul (policy-admin)  erin (executive)  admin (admin)
  token: curl -s -d grant_type=password -d client_id=sales-cli -d username=alice -d password=sales123 \\
           $KEYCLOAK_URL/realms/sales/protocol/openid-connect/token

Logs:   $LOG_DIR
Status: deploy/local/status.sh    Stop: deploy/local/down.sh
EOF
}

services_wanted=()
for c in "${COMPONENTS[@]}"; do
  case "$c" in
    postgres) up_postgres ;;
    kafka) up_kafka ;;
    keycloak) up_keycloak ;;
    *) services_wanted+=("$c") ;;
  esac
done
if [ ${#services_wanted[@]} -gt 0 ]; then
  up_services "${services_wanted[@]}"
fi
print_summary
