#!/usr/bin/env bash
# reporting-service benchmark (issue 15): ingest through the real consumer path against a plain Kafka
# consumer reading the same topic in the same run, then p50/p99 of the dashboard queries over a year.
#
#   deploy/local/bench-reporting.sh [order-lines]          (default 1000000: 250000 four-line orders)
#
# Brings up only PostgreSQL, Kafka and Keycloak (up.sh postgres kafka keycloak); builds the
# reporting-service jar if it is missing (BENCH_BUILD=1 rebuilds it). Each run gets a fresh database
# reporting_bench (owner reporting; dropped and created again) and fresh topics
# bench.reporting.<run>.{orders,opportunities,performance,empty} (3 partitions, deleted afterwards
# unless BENCH_KEEP_TOPICS=1). The benchmark (com.salesaffairs.e2e.bench.ReportingBenchmark, compiled
# from deploy/e2e's test sources with javac: no other module needs building) produces the events, times
# the plain consumer, starts the packaged jar on port BENCH_PORT (default 8095) with the channels'
# topics overridden by system properties, waits until every order is a fact, then times the queries.
# Environment:
#   BENCH_QUERIES (200)         timed calls per query (after 20 untimed)
#   BENCH_PROFILE=1             the service records a JFR profile (settings=profile) into
#                               deploy/local/.runtime/bench/reporting-<run>.jfr
#   BENCH_SERVICE_HEAP (256m)   the service's -Xmx (the stack's services run with 256m)
#   BENCH_SERVICE_JAVA_OPTS     extra JVM options for the service
#   BENCH_JAR                   another reporting-service jar (default reporting-service/target/quarkus-app/quarkus-run.jar)
# Leaves the components it started running; deploy/local/down.sh stops them.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lines="${1:-1000000}"
run="$(date -u +%Y%m%d%H%M%S)"
prefix="bench.reporting.$run"
bench_dir="$RUNTIME_DIR/bench"
jar="${BENCH_JAR:-$(service_jar reporting-service)}"
port="${BENCH_PORT:-8095}"
db=reporting_bench
pw="$(db_password reporting)"

require_java
require_tools psql javac
"$LOCAL_DIR/up.sh" postgres kafka keycloak >/dev/null
check_port_free reporting-bench "$port" BENCH_PORT
mkdir -p "$bench_dir"

if [ ! -f "$jar" ] || [ "${BENCH_BUILD:-0}" = 1 ]; then
  info "building reporting-service: ./mvnw -B -q -DskipTests package -pl reporting-service -am"
  (cd "$REPO_ROOT" && mvn_locked -B -q -DskipTests package -pl reporting-service -am) || die "build failed"
fi

# The benchmark's classpath (kafka-clients, Jackson, ...) from deploy/e2e's test scope; the class itself
# is compiled here, so the generated API clients of the other services (and their builds) are not needed.
cp_file="$bench_dir/classpath.txt"
if [ ! -s "$cp_file" ] || [ "$REPO_ROOT/deploy/e2e/pom.xml" -nt "$cp_file" ] || [ "$REPO_ROOT/pom.xml" -nt "$cp_file" ]; then
  (cd "$REPO_ROOT" && mvn_locked -B -q -o -pl deploy/e2e "$DEPENDENCY_PLUGIN:build-classpath" -Dmdep.includeScope=test \
    -Dmdep.outputFile="$cp_file" >/dev/null) \
    || (cd "$REPO_ROOT" && mvn_locked -B -q -pl deploy/e2e "$DEPENDENCY_PLUGIN:build-classpath" -Dmdep.includeScope=test \
      -Dmdep.outputFile="$cp_file" >/dev/null) || die "could not resolve deploy/e2e's test classpath"
fi
classes="$bench_dir/classes"
rm -rf "$classes" && mkdir -p "$classes"
javac -nowarn -d "$classes" -cp "$(cat "$cp_file")" \
  "$REPO_ROOT/deploy/e2e/src/test/java/com/salesaffairs/e2e/bench/ReportingBenchmark.java" \
  || die "could not compile ReportingBenchmark"

info "database $db: dropped and created again (owner reporting)"
pg_super_psql -q -v d="$db" <<'SQL' >/dev/null
SELECT format('DROP DATABASE IF EXISTS %I WITH (FORCE)', :'d') \gexec
SELECT format('CREATE DATABASE %I OWNER reporting', :'d') \gexec
SQL

topics=("$prefix.orders" "$prefix.opportunities" "$prefix.performance" "$prefix.empty")
for t in "${topics[@]}"; do
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" \
    --create --if-not-exists --topic "$t" --partitions 3 --replication-factor 1 >/dev/null
done
cleanup() {
  [ "${BENCH_KEEP_TOPICS:-0}" = 1 ] && return 0
  for t in "${topics[@]}"; do
    kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA_BOOTSTRAP" --delete --topic "$t" \
      >/dev/null 2>&1 || true
  done
}
trap cleanup EXIT

service_opts="${BENCH_SERVICE_JAVA_OPTS:-}"
if [ "${BENCH_PROFILE:-0}" = 1 ]; then
  service_opts="$service_opts -XX:StartFlightRecording=filename=$bench_dir/reporting-$run.jfr,settings=profile,dumponexit=true"
  info "profiling the service: $bench_dir/reporting-$run.jfr"
fi

info "reporting benchmark: $lines order lines ($((lines / 4)) four-line orders) over one year, run $run"
(cd "$REPO_ROOT" && java -Xmx2g -cp "$classes:$(cat "$cp_file")" \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.bootstrap="$KAFKA_BOOTSTRAP" -Dbench.keycloak="$KEYCLOAK_URL/realms/sales" \
  -Dbench.topic="$prefix.orders" -Dbench.opportunityTopic="$prefix.opportunities" \
  -Dbench.performanceTopic="$prefix.performance" -Dbench.emptyTopic="$prefix.empty" \
  -Dbench.jar="$jar" -Dbench.port="$port" -Dbench.pgPort="$POSTGRES_PORT" \
  -Dbench.dbUrl="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/$db" -Dbench.dbName="$db" \
  -Dbench.dbUser=reporting -Dbench.dbPassword="$pw" \
  -Dbench.serviceHeap="${BENCH_SERVICE_HEAP:-256m}" -Dbench.serviceJavaOpts="$service_opts" \
  -Dbench.queries="${BENCH_QUERIES:-200}" -Dbench.log="$bench_dir/reporting-$run.log" \
  com.salesaffairs.e2e.bench.ReportingBenchmark "$lines")
