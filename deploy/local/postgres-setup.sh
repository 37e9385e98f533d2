#!/usr/bin/env bash
# Makes sure the installed PostgreSQL (15+) runs and has, for each service, a user and a
# database of the same name plus a <db>_test database for the @QuarkusTest tier:
#   opportunity, orders, aftersales, performance, reporting
# Passwords: $<NAME>_DB_PASSWORD, default <name>-local-pw (e.g. ORDERS_DB_PASSWORD, orders-local-pw).
# Idempotent; also run by `up.sh postgres` and by the test command before Maven runs.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

postgres_setup
