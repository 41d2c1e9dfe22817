#!/usr/bin/env bash
# Stops and removes the cluster postgres-up.sh started.
[ -s /tmp/runops-ci-pg.dir ] || exit 0
D=$(cat /tmp/runops-ci-pg.dir)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
rm -rf "$D" /tmp/runops-ci-pg.dir
