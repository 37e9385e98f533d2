#!/usr/bin/env bash
# Validates every service's AsyncAPI document (<service>/src/main/resources/asyncapi.yaml) with the
# AsyncAPI CLI pinned in package.json: the AsyncAPI 3 schema, the JSON Schemas its relative $refs
# point at (schemas/*.json beside it) and that every $ref resolves. Prints one line per document;
# exits non-zero when any document has an error (governance warnings and infos are counted, not fatal).
# Usage: deploy/contracts/check-asyncapi.sh [asyncapi.yaml ...]   (default: all services' documents)
# Needs Node.js 20+ and npm; installs the CLI from package-lock.json with `npm ci` (no install scripts).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

docs=()
if [ "$#" -gt 0 ]; then
    for doc in "$@"; do
        [ -f "$doc" ] || { echo "check-asyncapi: no such file: $doc" >&2; exit 1; }
        docs+=("$(cd "$(dirname "$doc")" && pwd)/$(basename "$doc")")
    done
else
    cd "$root"
    docs=(*/src/main/resources/asyncapi.yaml)
    [ -e "${docs[0]}" ] || { echo "check-asyncapi: no */src/main/resources/asyncapi.yaml under $root" >&2; exit 1; }
fi

cd "$here"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# No usage analytics: the CLI reads its switch from this file (the same file that
# `asyncapi config analytics --disable` writes, normally ~/.asyncapi-analytics); CI=true also turns
# them off. No check for a newer CLI release either.
printf '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"disabled"}\n' >"$work/analytics.json"
export ASYNCAPI_METRICS_CONFIG_PATH="$work/analytics.json"
export ASYNCAPI_SKIP_NEW_VERSION_CHECK=true
export CI=true

failed=0
for doc in "${docs[@]}"; do
    case "$doc" in /*) path="$doc" ;; *) path="$root/$doc" ;; esac   # default list is relative to $root
    log="$work/validate.log"
    if "$here/node_modules/.bin/asyncapi" validate "$path" --fail-severity error >"$log" 2>&1; then
        # Non-fatal findings, e.g. " 1:11  information  asyncapi-latest-version  The latest version ...":
        # listed by severity and rule name.
        notes="$(awk '$1 ~ /^[0-9]+:[0-9]+$/ && $2 ~ /^(warning|information|hint)$/ { print $2 " " $3 }' "$log" \
            | sort | uniq -c | awk '{ print $2 " " $3 (($1 > 1) ? " x" $1 : "") }' | paste -sd, - | sed 's/,/, /g')"
        echo "ok    $doc${notes:+ (governance: $notes)}"
        # A schema file beside the document that no $ref names is never validated: say so (not fatal).
        dir="$(dirname "$path")"
        for schema in "$dir"/schemas/*.json; do
            [ -e "$schema" ] || continue
            others=()
            for f in "$dir"/schemas/*.json; do [ "$f" = "$schema" ] || others+=("$f"); done
            if ! grep -qF "$(basename "$schema")" "$path" "${others[@]}"; then
                echo "warn  $(dirname "$doc")/schemas/$(basename "$schema"): no \$ref names it, so it is not validated"
            fi
        done
    else
        failed=1
        echo "FAIL  $doc"
        sed -e '/^[[:space:]]*$/d' -e 's/^/      /' "$log"
    fi
done
if [ "$failed" -ne 0 ]; then
    echo "check-asyncapi: invalid AsyncAPI document(s), see above" >&2
    exit 1
fi
echo "check-asyncapi: ${#docs[@]} document(s) valid"
