#!/usr/bin/env bash
# Generates TypeScript from order-service's OpenAPI document and type-checks the example client
# (src/order-example.ts) against it: fails when the document no longer describes what a frontend
# relies on (a request field, a parameter, a response schema).
# Usage: clients/typescript/check.sh [openapi document: path or URL]
#   default: order-service/target/openapi/openapi.json, written by the Maven build
#   (e.g. ./mvnw -pl order-service -am package -DskipTests), or a running service's
#   http://localhost:8082/q/openapi?format=json
# Needs Node.js 20+ and npm; installs from package-lock.json with `npm ci` (no install scripts).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
doc="${1:-}"
case "$doc" in
    "" | http://* | https://* | /*) ;;
    *) doc="$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")" ;;
esac
cd "$here"

npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
if [ -z "$doc" ]; then
    if [ ! -f ../../order-service/target/openapi/openapi.json ]; then
        echo "check.sh: order-service/target/openapi/openapi.json is missing: build order-service first" >&2
        exit 1
    fi
    npm run --silent generate
else
    npx --no -- openapi-typescript "$doc" -o src/generated/order-service.ts
fi
npx --no -- tsc --noEmit
echo "clients/typescript: order-example.ts type-checks against ${doc:-order-service/target/openapi/openapi.json}"
