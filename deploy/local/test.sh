#!/usr/bin/env bash
# The project's test command (README, .ci/run):
#   1. PostgreSQL up, with each service's database, user and <db>_test database;
#   2. unit and @QuarkusTest service tests: real PostgreSQL, a Kafka broker inside each test JVM,
#      signed test tokens;
#   3. end-to-end tests (Failsafe *IT) against the packaged services, a KRaft broker and Keycloak
#      with the sales realm, brought up and down by deploy/local/up.sh and down.sh;
#   4. once Maven's verify has passed (it writes <service>/target/openapi/openapi.json), the contract
#      checks, with Node.js and npm: every service's asyncapi.yaml validated by the AsyncAPI CLI
#      (deploy/contracts/check-asyncapi.sh), and a TypeScript client generated from order-service's
#      OpenAPI document and type-checked (clients/typescript/check.sh).
# Extra arguments go to Maven, e.g. deploy/local/test.sh -DskipITs
# Fails (non-zero) when Maven or either contract check fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
deploy/local/postgres-setup.sh
./mvnw -B -ntp verify "$@"
echo "== contract check: AsyncAPI documents (deploy/contracts/check-asyncapi.sh)"
deploy/contracts/check-asyncapi.sh
echo "== contract check: TypeScript client from order-service's OpenAPI document (clients/typescript/check.sh)"
clients/typescript/check.sh
