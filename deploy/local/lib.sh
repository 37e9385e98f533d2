# shellcheck shell=bash
# shellcheck disable=SC2034 # variables here are used by the scripts that source this file
# Shared functions for the deploy/local scripts (up.sh, down.sh, status.sh, postgres-setup.sh).
# Source it; it does nothing by itself.
#
# Layout:
#   deploy/local/.runtime/            runtime state of this checkout (gitignored)
#     logs/<component>.log            everything a component prints
#     pids/<component>.pid            pid (= process group id) of what up.sh started
#     state/                          readiness seconds, kafka cluster id, "postgres started by us"
#     kafka/ kafka-data/              broker config and log dirs
#     keycloak/data/h2/               Keycloak's dev-file database
#     work/<service>/                 working directory of each service
#   ${SALES_CACHE:-$HOME/.cache/salesaffairs}   downloaded distributions (outside the repo)

LOCAL_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$LOCAL_DIR/../.." && pwd)
RUNTIME_DIR="$LOCAL_DIR/.runtime"
LOG_DIR="$RUNTIME_DIR/logs"
PID_DIR="$RUNTIME_DIR/pids"
STATE_DIR="$RUNTIME_DIR/state"

SALES_CACHE="${SALES_CACHE:-$HOME/.cache/salesaffairs}"
# Maven runs are serialized machine-wide (2 cores): every Maven call takes this lock.
SALES_MVN_LOCK="${SALES_MVN_LOCK:-${TMPDIR:-/tmp}/salesaffairs-mvn.lock}"

KAFKA_VERSION=4.1.2
KAFKA_SCALA=2.13
LOG4J_VERSION=2.25.3
KEYCLOAK_VERSION=26.5.6
DEPENDENCY_PLUGIN=org.apache.maven.plugins:maven-dependency-plugin:3.8.1

KAFKA_HOME_DIR="$SALES_CACHE/kafka-$KAFKA_VERSION"
KEYCLOAK_HOME_DIR="$SALES_CACHE/keycloak-$KEYCLOAK_VERSION"

POSTGRES_PORT="${POSTGRES_PORT:-${PGPORT:-5432}}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KEYCLOAK_PORT="${KEYCLOAK_PORT:-8180}"
KEYCLOAK_URL="http://localhost:$KEYCLOAK_PORT"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
SERVICE_READY_TIMEOUT="${SERVICE_READY_TIMEOUT:-120}"

ALL_COMPONENTS=(postgres kafka keycloak opportunity-service order-service aftersales-service performance-service reporting-service)
SERVICES=(opportunity-service order-service aftersales-service performance-service reporting-service)
DATABASES=(opportunity orders aftersales performance reporting)
TOPICS=(sales.opportunity.events sales.order.events sales.aftersales.events sales.performance.events
        sales.reporting.events sales.policy.events)

info() { printf '[deploy/local] %s\n' "$*"; }
warn() { printf '[deploy/local] WARNING: %s\n' "$*" >&2; }
die() { printf '[deploy/local] ERROR: %s\n' "$*" >&2; exit 1; }

ensure_dirs() { mkdir -p "$LOG_DIR" "$PID_DIR" "$STATE_DIR"; }

require_tools() {
  local t
  for t in "$@"; do
    command -v "$t" >/dev/null 2>&1 || die "'$t' is required but not installed"
  done
}

# --- components ----------------------------------------------------------------------------

is_component() {
  local c
  for c in "${ALL_COMPONENTS[@]}"; do [ "$c" = "$1" ] && return 0; done
  return 1
}

# Prints the requested components (or all) in the canonical start order; dies on unknown names.
select_components() {
  local c a wanted
  for a in "$@"; do
    is_component "$a" || die "unknown component '$a' (known: ${ALL_COMPONENTS[*]})"
  done
  for c in "${ALL_COMPONENTS[@]}"; do
    if [ $# -eq 0 ]; then echo "$c"; continue; fi
    for wanted in "$@"; do
      if [ "$wanted" = "$c" ]; then echo "$c"; break; fi
    done
  done
}

is_service() {
  local s
  for s in "${SERVICES[@]}"; do [ "$s" = "$1" ] && return 0; done
  return 1
}

service_port() {
  case "$1" in
    opportunity-service) echo "${OPPORTUNITY_SERVICE_PORT:-8081}" ;;
    order-service) echo "${ORDER_SERVICE_PORT:-8082}" ;;
    aftersales-service) echo "${AFTERSALES_SERVICE_PORT:-8083}" ;;
    performance-service) echo "${PERFORMANCE_SERVICE_PORT:-8084}" ;;
    reporting-service) echo "${REPORTING_SERVICE_PORT:-8085}" ;;
    *) die "not a service: $1" ;;
  esac
}

service_db() {
  case "$1" in
    opportunity-service) echo opportunity ;;
    order-service) echo orders ;;
    aftersales-service) echo aftersales ;;
    performance-service) echo performance ;;
    reporting-service) echo reporting ;;
    *) die "not a service: $1" ;;
  esac
}

# Password of a service database user: $<NAME>_DB_PASSWORD, default <name>-local-pw.
db_password() {
  local var
  var="$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')_DB_PASSWORD"
  printf '%s\n' "${!var:-$1-local-pw}"
}

component_port() {
  case "$1" in
    postgres) echo "$POSTGRES_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;;
    keycloak) echo "$KEYCLOAK_PORT" ;;
    *) service_port "$1" ;;
  esac
}

# Name of the variable that overrides a component's port (for error messages).
component_port_var() {
  case "$1" in
    postgres) echo POSTGRES_PORT ;;
    kafka) echo KAFKA_PORT ;;
    keycloak) echo KEYCLOAK_PORT ;;
    *) printf '%s_PORT\n' "$(printf '%s' "$1" | tr '[:lower:]-' '[:upper:]_')" ;;
  esac
}

# --- processes -----------------------------------------------------------------------------

pid_file() { echo "$PID_DIR/$1.pid"; }

read_pid() {
  local f
  f=$(pid_file "$1")
  [ -s "$f" ] && tr -dc '0-9' <"$f"
  return 0
}

# True when the process recorded for component $1 is alive and was started by these scripts
# (each started process carries SALES_COMPONENT=<component> in its environment).
is_running() {
  local pid
  pid=$(read_pid "$1")
  [ -n "$pid" ] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  grep -qxzF "SALES_COMPONENT=$1" "/proc/$pid/environ" 2>/dev/null
}

# True when something accepts connections (or listens) on 127.0.0.1:$1.
port_in_use() {
  if command -v ss >/dev/null 2>&1; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ] && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Dies when port $2 (for component $1) is taken by a process that these scripts did not start.
check_port_free() {
  local c="$1" port="$2" var="${3:-}"
  [ -n "$var" ] || var=$(component_port_var "$c")
  if port_in_use "$port"; then
    die "port $port is in use by another process (not started by deploy/local); free it or set $var"
  fi
}

# start_bg <component> <workdir> <command...>: runs the command in its own session and process
# group, output appended to logs/<component>.log; the pid (= process group id) goes to pids/.
start_bg() {
  local c="$1" dir="$2" log pidf
  shift 2
  log="$LOG_DIR/$c.log"
  pidf=$(pid_file "$c")
  rm -f "$pidf" "$STATE_DIR/$c.ready-seconds"
  mkdir -p "$dir"
  printf '\n===== %s: starting %s =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$c" >>"$log"
  date +%s >"$STATE_DIR/$c.started-at"
  (
    cd "$dir" || exit 1
    # The child writes its own pid after setsid, so the pid is also the process group id.
    # shellcheck disable=SC2016 # $$, $0 and $@ belong to the inner bash
    SALES_COMPONENT="$c" exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidf" "$@" \
      </dev/null >>"$log" 2>&1
  ) &
  local i
  for i in $(seq 1 50); do
    [ -s "$pidf" ] && return 0
    sleep 0.1
  done
  die "$c did not start (see $log)"
}

# Sum of the resident memory (MiB) of the process group $1.
group_rss_mib() {
  local pgid="$1" total=0 p kb
  local pids
  pids=$(pgrep -g "$pgid" 2>/dev/null || echo "$pgid")
  for p in $pids; do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

rss_mib() {
  local kb
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
  echo $(( ${kb:-0} / 1024 ))
}

# stop_component <component>: TERM to the process group, KILL after 20 s.
stop_component() {
  local c="$1" pid i
  if ! is_running "$c"; then
    rm -f "$(pid_file "$c")" "$STATE_DIR/$c.ready-seconds"
    info "$c: not running"
    return 0
  fi
  pid=$(read_pid "$c")
  info "$c: stopping (pid $pid)"
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
  for i in $(seq 1 40); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$c did not stop within 20 s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    sleep 1
  fi
  rm -f "$(pid_file "$c")" "$STATE_DIR/$c.ready-seconds"
  printf '===== %s: stopped %s =====\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$c" >>"$LOG_DIR/$c.log"
  info "$c: stopped"
}

# Records how many seconds component $1 took from start to ready (once per start).
record_ready() {
  local c="$1" started now
  [ -s "$STATE_DIR/$c.ready-seconds" ] && return 0
  started=$(cat "$STATE_DIR/$c.started-at" 2>/dev/null || date +%s)
  now=$(date +%s)
  echo $((now - started)) >"$STATE_DIR/$c.ready-seconds"
}

show_log_tail() {
  printf -- '----- last 30 lines of %s -----\n' "$LOG_DIR/$1.log" >&2
  tail -n 30 "$LOG_DIR/$1.log" >&2 || true
  printf -- '-----\n' >&2
}

# wait_ready <component> <timeout seconds> <check command...>: polls the check every second
# for up to <timeout> seconds from now; records the seconds from start to ready.
wait_ready() {
  local c="$1" timeout="$2" started now
  shift 2
  started=$(date +%s)
  while true; do
    if "$@" >/dev/null 2>&1; then
      record_ready "$c"
      return 0
    fi
    if ! is_running "$c"; then
      show_log_tail "$c"
      die "$c exited during startup (log: $LOG_DIR/$c.log)"
    fi
    now=$(date +%s)
    if [ $((now - started)) -ge "$timeout" ]; then
      show_log_tail "$c"
      die "$c not ready after ${timeout}s (log: $LOG_DIR/$c.log)"
    fi
    sleep 1
  done
}

http_ok() { curl -fs -o /dev/null --max-time 5 "$1" 2>/dev/null; }

require_java() {
  require_tools java
  local v
  v=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${v%%.*}" -ge 17 ] 2>/dev/null || die "Java 17+ is required (found ${v:-none})"
}

# Runs the project's Maven wrapper under the machine-wide Maven lock.
mvn_locked() {
  if command -v flock >/dev/null 2>&1; then
    mkdir -p "$(dirname "$SALES_MVN_LOCK")"
    flock "$SALES_MVN_LOCK" "$REPO_ROOT/mvnw" "$@"
  else
    "$REPO_ROOT/mvnw" "$@"
  fi
}

# --- postgres ------------------------------------------------------------------------------

# Prints "<version> <cluster> <status> <data dir>" of the Debian cluster on POSTGRES_PORT.
pg_cluster_line() {
  pg_lsclusters -h 2>/dev/null | awk -v port="$POSTGRES_PORT" '$3 == port {print $1, $2, $4, $6; exit}'
}

pg_server_answers() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h 127.0.0.1 -p "$POSTGRES_PORT"
  else
    port_in_use "$POSTGRES_PORT"
  fi
}

# Makes sure a PostgreSQL 15+ server answers on 127.0.0.1:$POSTGRES_PORT; starts the Debian
# cluster when it is down (as root), and records that we started it.
pg_ensure_running() {
  if ! command -v psql >/dev/null 2>&1; then
    die "PostgreSQL 15+ is required: apt-get install postgresql"
  fi
  if pg_server_answers; then return 0; fi
  command -v pg_lsclusters >/dev/null 2>&1 \
    || die "no PostgreSQL server answers on 127.0.0.1:$POSTGRES_PORT (PostgreSQL 15+ is required: apt-get install postgresql)"
  local line ver name status
  line=$(pg_cluster_line)
  [ -n "$line" ] || die "no PostgreSQL cluster on port $POSTGRES_PORT (pg_lsclusters); create one: pg_createcluster 15 main --start, or set POSTGRES_PORT"
  read -r ver name status _ <<<"$line"
  [ "${ver%%.*}" -ge 15 ] 2>/dev/null || die "PostgreSQL 15+ is required (cluster $ver/$name found): apt-get install postgresql"
  if [ "$status" != online ]; then
    if [ "$(id -u)" -ne 0 ]; then
      die "PostgreSQL cluster $ver/$name is down; start it as root: pg_ctlcluster --skip-systemctl-redirect $ver $name start"
    fi
    info "postgres: starting cluster $ver/$name"
    date +%s >"$STATE_DIR/postgres.started-at"
    pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start
    echo "$ver $name" >"$STATE_DIR/postgres.started-by-us"
  fi
  local _
  for _ in $(seq 1 60); do
    if pg_server_answers; then
      [ -f "$STATE_DIR/postgres.started-by-us" ] && record_ready postgres
      return 0
    fi
    sleep 1
  done
  die "PostgreSQL on port $POSTGRES_PORT did not become ready (see /var/log/postgresql/)"
}

# Runs psql as a superuser, reading SQL from stdin. Tries the postgres user over loopback
# (trust, or PGPASSWORD), then the postgres OS user through peer authentication.
PG_SUPER_MODE=""
pg_super_psql() {
  if [ -z "$PG_SUPER_MODE" ]; then
    if psql -X -w -q -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres -c 'select 1' >/dev/null 2>&1; then
      PG_SUPER_MODE=tcp
    elif [ "$(id -un)" = postgres ]; then
      PG_SUPER_MODE=self
    elif [ "$(id -u)" -eq 0 ] && command -v runuser >/dev/null 2>&1; then
      PG_SUPER_MODE=runuser
    else
      die "cannot connect to PostgreSQL as superuser: run as root, as the postgres user, or set PGPASSWORD for user postgres"
    fi
  fi
  case "$PG_SUPER_MODE" in
    tcp) psql -X -w -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$POSTGRES_PORT" -U postgres -d postgres "$@" ;;
    self) psql -X -q -v ON_ERROR_STOP=1 -p "$POSTGRES_PORT" -d postgres "$@" ;;
    runuser) (cd / && runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$POSTGRES_PORT" -d postgres "$@") ;;
  esac
}

# Creates (idempotently) one user and database per service, plus <db>_test owned by the same
# user; (re)sets the user's password to the configured one.
pg_create_databases() {
  local db pw
  for db in "${DATABASES[@]}"; do
    pw=$(db_password "$db")
    pg_super_psql -v u="$db" -v pw="$pw" -v d="$db" -v t="${db}_test" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'u', :'pw')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'u') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'u', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'d', :'u')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'d') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'t', :'u')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'t') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'d', :'u') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'t', :'u') \gexec
SQL
  done
}

# The services update rows all day (orders, outbox, stock, KPIs): without autovacuum their tables
# bloat and the planner never learns their sizes (measured: order writes cost PostgreSQL about 30%
# more CPU after a few thousand orders). Some machines run PostgreSQL with it switched off; the
# stack turns it back on, as every production server has it.
pg_ensure_autovacuum() {
  [ "$(pg_super_psql -Atc 'SHOW autovacuum')" = on ] && return 0
  info "postgres: autovacuum is off on this server; turning it on (ALTER SYSTEM SET autovacuum = on, reload)"
  pg_super_psql -q -c 'ALTER SYSTEM SET autovacuum = on' >/dev/null
  pg_super_psql -q -c 'SELECT pg_reload_conf()' >/dev/null
}

postgres_setup() {
  ensure_dirs
  pg_ensure_running
  pg_ensure_autovacuum
  pg_create_databases
  info "postgres: databases ${DATABASES[*]} (and *_test) ready on 127.0.0.1:$POSTGRES_PORT"
}

postgres_pid() {
  local line ver name data
  line=$(pg_cluster_line 2>/dev/null || true)
  [ -n "$line" ] || return 0
  read -r ver name _ data <<<"$line"
  [ -r "$data/postmaster.pid" ] && head -n 1 "$data/postmaster.pid"
  return 0
}

# --- kafka ---------------------------------------------------------------------------------

kafka_fetch() {
  local libs="$KAFKA_HOME_DIR/libs"
  [ -f "$KAFKA_HOME_DIR/.complete" ] && return 0
  info "kafka: fetching Apache Kafka $KAFKA_VERSION jars by Maven coordinates into $libs"
  mkdir -p "$KAFKA_HOME_DIR/fetch"
  rm -rf "$libs"
  cat >"$KAFKA_HOME_DIR/fetch/pom.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<!-- generated by deploy/local/lib.sh: the runtime classpath of a single-node Kafka broker -->
<project>
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.salesaffairs</groupId>
  <artifactId>kafka-broker-libs</artifactId>
  <version>$KAFKA_VERSION</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_$KAFKA_SCALA</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-server</artifactId><version>$KAFKA_VERSION</version></dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId><version>$KAFKA_VERSION</version>
      <exclusions>
        <exclusion><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId></exclusion>
        <exclusion><groupId>com.fasterxml.jackson.jakarta.rs</groupId><artifactId>jackson-jakarta-rs-json-provider</artifactId></exclusion>
      </exclusions>
    </dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-api</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-core</artifactId><version>$LOG4J_VERSION</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId><artifactId>log4j-slf4j-impl</artifactId><version>$LOG4J_VERSION</version></dependency>
  </dependencies>
</project>
EOF
  mvn_locked -q -B -f "$KAFKA_HOME_DIR/fetch/pom.xml" "$DEPENDENCY_PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$libs" >&2 \
    || die "kafka: could not fetch the Kafka jars (see the Maven output above)"
  touch "$KAFKA_HOME_DIR/.complete"
}

kafka_write_config() {
  local dir="$RUNTIME_DIR/kafka"
  mkdir -p "$dir" "$RUNTIME_DIR/kafka-data"
  cat >"$dir/server.properties" <<EOF
# generated by deploy/local/up.sh: single-node KRaft (combined broker + controller)
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
log.dirs=$RUNTIME_DIR/kafka-data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
group.initial.rebalance.delay.ms=0
log.retention.hours=168
EOF
  cat >"$dir/log4j2.properties" <<'EOF'
status = warn
appender.out.type = Console
appender.out.name = OUT
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.out.ref = OUT
logger.state.name = state.change.logger
logger.state.level = WARN
logger.request.name = kafka.request.logger
logger.request.level = WARN
# per-partition chatter and config dumps
logger.config.name = org.apache.kafka.common.config.AbstractConfig
logger.config.level = WARN
logger.storage.name = org.apache.kafka.storage
logger.storage.level = WARN
logger.log.name = kafka.log
logger.log.level = WARN
logger.partition.name = kafka.cluster
logger.partition.level = WARN
logger.coordinator.name = org.apache.kafka.coordinator
logger.coordinator.level = WARN
logger.replication.name = org.apache.kafka.controller.ReplicationControlManager
logger.replication.level = WARN
logger.partitionchange.name = org.apache.kafka.controller.PartitionChangeBuilder
logger.partitionchange.level = WARN
EOF
  cat >"$dir/tools-log4j2.properties" <<'EOF'
status = error
appender.err.type = Console
appender.err.name = ERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = ERR
EOF
}

# kafka_tool <main class> <args...>: a Kafka command-line tool on the broker's classpath.
kafka_tool() {
  local main="$1"
  shift
  java -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto \
    -Dlog4j2.configurationFile="$RUNTIME_DIR/kafka/tools-log4j2.properties" \
    -cp "$KAFKA_HOME_DIR/libs/*" "$main" "$@"
}

kafka_format_if_needed() {
  local data="$RUNTIME_DIR/kafka-data" idf="$STATE_DIR/kafka-cluster-id" id
  [ -f "$data/meta.properties" ] && return 0
  if [ -s "$idf" ]; then
    id=$(cat "$idf")
  else
    id=$(kafka_tool kafka.tools.StorageTool random-uuid | tail -n 1)
    [ -n "$id" ] || die "kafka: could not generate a cluster id"
    echo "$id" >"$idf"
  fi
  info "kafka: formatting log dirs (cluster id $id)"
  kafka_tool kafka.tools.StorageTool format --standalone -t "$id" \
    -c "$RUNTIME_DIR/kafka/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 \
    || { show_log_tail kafka; die "kafka: storage format failed"; }
}

kafka_list_topics() {
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --list
}

kafka_port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; }

kafka_ready() { kafka_port_open && kafka_list_topics >/dev/null; }

kafka_create_topics() {
  local existing t name missing=() pids=() p failed=0
  existing=$(kafka_list_topics) || die "kafka: cannot list topics"
  for t in "${TOPICS[@]}"; do
    for name in "$t" "$t.dlq"; do
      grep -qx -- "$name" <<<"$existing" || missing+=("$name")
    done
  done
  if [ ${#missing[@]} -eq 0 ]; then
    info "kafka: all ${#TOPICS[@]} topics and their .dlq exist"
    return 0
  fi
  info "kafka: creating topics ${missing[*]}"
  # two at a time (2 cores): each tool run is a JVM start
  for t in "${missing[@]}"; do
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
      --create --if-not-exists --topic "$t" --partitions 3 --replication-factor 1 >/dev/null &
    pids+=("$!")
    if [ ${#pids[@]} -ge 2 ]; then
      for p in "${pids[@]}"; do wait "$p" || failed=1; done
      pids=()
    fi
  done
  for p in "${pids[@]}"; do wait "$p" || failed=1; done
  [ "$failed" -eq 0 ] || die "kafka: topic creation failed"
}

# --- keycloak ------------------------------------------------------------------------------

keycloak_fetch() {
  [ -x "$KEYCLOAK_HOME_DIR/bin/kc.sh" ] && return 0
  info "keycloak: fetching org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip into $SALES_CACHE"
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && mvn_locked -q -B "$DEPENDENCY_PLUGIN:copy" \
    -Dartifact="org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip" -DoutputDirectory="$tmp" >&2) \
    || { rm -rf "$tmp"; die "keycloak: could not fetch the distribution"; }
  mkdir -p "$SALES_CACHE"
  if command -v unzip >/dev/null 2>&1; then
    unzip -q -o "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" -d "$SALES_CACHE"
  else
    # The JDK's jar tool unpacks zips too, but drops the execute bits.
    (cd "$SALES_CACHE" && jar xf "$tmp/keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
    chmod +x "$KEYCLOAK_HOME_DIR"/bin/*.sh
  fi
  rm -rf "$tmp"
}

keycloak_ready() { http_ok "http://127.0.0.1:$KEYCLOAK_PORT/realms/sales/.well-known/openid-configuration"; }

# --- services ------------------------------------------------------------------------------

service_jar() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

service_ready() { http_ok "http://127.0.0.1:$(service_port "$1")/q/health/ready"; }
