#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests (as root): a fresh cluster in a temp dir on 127.0.0.1:$PGPORT_CI
# with trust auth and no fsync, and a database catalog_test. Prints the JDBC URL on its last line.
# Installs PostgreSQL from Debian when the machine has none. Stop it with postgres-down.sh.
set -euo pipefail
PORT=${PGPORT_CI:-55432}
# a port nobody listens on (a developer's own server may hold the default)
while (exec 3<>/dev/tcp/127.0.0.1/$PORT) 2>/dev/null; do PORT=$((PORT + 1)); done
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "ci: installing postgresql" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >&2
  apt-get install -y -q --no-install-recommends postgresql >&2
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
D=$(mktemp -d /tmp/runops-ci-pg.XXXXXX)
chown postgres: "$D"
runuser -u postgres -- "$PGBIN/initdb" -D "$D/data" -A trust -U postgres -E UTF8 --no-sync >"$D/initdb.log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -l "$D/log" -w -t 60 \
  -o "-p $PORT -k $D -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >&2
runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -q -c 'create database catalog_test' >&2
echo "$D" >> /tmp/runops-ci-pg.dir
echo "jdbc:postgresql://127.0.0.1:$PORT/catalog_test?user=postgres"
