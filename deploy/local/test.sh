#!/usr/bin/env bash
# The project's test command (README, .ci/run):
#   1. PostgreSQL up, with each service's database, user and <db>_test database;
#   2. unit and @QuarkusTest service tests: real PostgreSQL, a Kafka broker inside each test JVM,
#      signed test tokens;
#   3. end-to-end tests (Failsafe *IT) against the packaged services, a KRaft broker and Keycloak
#      with the sales realm, brought up and down by deploy/local/up.sh and down.sh.
# Extra arguments go to Maven, e.g. deploy/local/test.sh -DskipITs
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
deploy/local/postgres-setup.sh
exec ./mvnw -B -ntp verify "$@"
