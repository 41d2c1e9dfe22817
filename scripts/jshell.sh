#!/usr/bin/env bash
# Opens jshell with the whole runops library on the class path and the usual imports.
#   scripts/jshell.sh            (builds examples/target/runops.jar first if it is missing)
#   scripts/jshell.sh --rebuild  (always rebuilds)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=examples/target/runops.jar
if [ "${1:-}" = "--rebuild" ] || [ ! -f "$jar" ]; then
  ./mvnw -q -pl examples -am package -DskipTests
  shift || true
fi
exec jshell --class-path "$jar" --startup DEFAULT --startup scripts/explore.jsh "$@"
