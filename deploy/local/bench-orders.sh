#!/usr/bin/env bash
# Order-flow benchmark against the running stack, with a pgbench TPC-B baseline on the same
# PostgreSQL at the same concurrency, in the same run.
#
#   deploy/local/bench-orders.sh [orders] [concurrency]      (default 300 orders, 8 clients)
#   BENCH_WARMUP_SECONDS (default 90): at least this long unmeasured orders first, then on until the
#   JIT compilers of all JVMs use less than a tenth of a core in a 15 s window, at most
#   BENCH_WARMUP_MAX_SECONDS (default 600); BENCH_CUSTOMERS (default 20): the orders go round-robin
#   to that many customers (approvals of one customer's orders wait for each other's credit check);
#   BENCH_ROUNDS (default 5): the peak is measured in rounds of [orders] until a round is no more
#   than 5% faster than the one before, at most this many; the last round is reported
#
# Prints orders per second, order write requests per second, p50/p95/p99 per request type, the lag
# from the last settlement to the KPI showing every order, pgbench TPS, and the ratio of order
# write requests per second to pgbench transactions per second, and the CPU each part of the stack
# spent per order write (with the ceiling that puts on this machine); then a second order run paced at
# half the peak order rate, for the write latencies at that load. Brings the stack up if it is not.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

orders="${1:-300}"
clients="${2:-8}"
pgbench_seconds="${PGBENCH_SECONDS:-20}"
# Freshly started JVMs need a minute or more on two shared cores before the JIT has done its work.
warmup_seconds="${BENCH_WARMUP_SECONDS:-90}"
warmup_max_seconds="${BENCH_WARMUP_MAX_SECONDS:-600}"
bench_pw="${BENCH_DB_PASSWORD:-bench-local-pw}"

"$LOCAL_DIR/up.sh" >/dev/null
command -v pgbench >/dev/null || die "pgbench is missing: apt-get install postgresql-contrib (it ships with PostgreSQL)"

pg_super_psql -v pw="$bench_pw" <<'SQL'
SELECT format('CREATE ROLE bench LOGIN PASSWORD %L', :'pw') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench')
\gexec
SELECT 'CREATE DATABASE bench OWNER bench' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = 'bench')
\gexec
SQL

# Non-idle clock ticks (10 ms) of all cores since boot.
machine_busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# run_orders <warm-up seconds> <orders> <clients> [orders per second]
run_orders() {
  local warmup="$1"
  shift
  (cd "$REPO_ROOT" && mvn_locked -B -q -pl deploy/e2e test-compile exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=com.salesaffairs.e2e.bench.OrderFlowBenchmark -Dexec.args="$*" \
    -Dbench.warmup.seconds="$warmup" -Dbench.warmup.max.seconds="$warmup_max_seconds" -Dbench.pids="$PID_DIR" \
    -Dbench.customers="${BENCH_CUSTOMERS:-20}" -Dbench.rounds="${BENCH_ROUNDS:-5}")
}

info "order flow at peak: ${warmup_seconds}-${warmup_max_seconds}s warm-up, then $orders orders, $clients concurrent clients (create, submit, approve, ship, invoice, pay)"
out=$(run_orders "$warmup_seconds" "$orders" "$clients")
printf '%s\n' "$out"
writes=$(printf '%s\n' "$out" | sed -n 's/^order_write_requests_per_s=\(.*\)$/\1/p')
peak=$(printf '%s\n' "$out" | sed -n 's/^orders_per_s=\(.*\)$/\1/p')
if [ -n "$peak" ]; then
  half=$(awk -v p="$peak" 'BEGIN { printf "%.2f", p / 2 }')
  info "order flow at half the peak: $((orders / 2)) orders started at $half orders/s"
  run_orders 15 "$((orders / 2))" "$clients" "$half" | sed 's/^/half_peak: /'
fi

export PGPASSWORD="$bench_pw"
# After the order runs: the stack is warm and idle then, as PostgreSQL is for pgbench alone (run
# first, it competed with services still compiling their start-up code).
info "pgbench baseline: TPC-B, scale 10, $clients clients, ${pgbench_seconds}s"
pgbench -h 127.0.0.1 -p "$POSTGRES_PORT" -U bench -i -s 10 -q bench >/dev/null 2>&1
# Autovacuum tidying the tables the order runs churned would run inside pgbench's window: wait for
# it, a minute at most.
for _ in $(seq 1 60); do
  [ "$(pg_super_psql -Atc "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")" = 0 ] && break
  sleep 1
done
busy_before=$(machine_busy_ticks)
pgbench_out=$(pgbench -h 127.0.0.1 -p "$POSTGRES_PORT" -U bench -c "$clients" -j 2 -T "$pgbench_seconds" -n bench 2>&1)
tps=$(printf '%s\n' "$pgbench_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
lat=$(printf '%s\n' "$pgbench_out" | sed -n 's/^latency average = \(.*\)$/\1/p' | head -1)
pgbench_busy=$(( $(machine_busy_ticks) - busy_before ))

echo "pgbench_tps=$tps (latency average $lat, $clients clients)"
[ -n "$tps" ] && awk -v b="$pgbench_busy" -v t="$tps" -v s="$pgbench_seconds" \
  'BEGIN { printf "pgbench_machine_cpu_ms_per_transaction=%.2f (PostgreSQL and the pgbench client)\n", b * 10 / (t * s) }'
if [ -n "$writes" ] && [ -n "$tps" ]; then
  awk -v w="$writes" -v t="$tps" 'BEGIN { printf "ratio_order_writes_to_pgbench_tps=%.3f\n", w / t }'
fi
