#!/usr/bin/env bash
# Stops and removes the clusters postgres-up.sh started.
[ -s /tmp/runops-ci-pg.dir ] || exit 0
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
while read -r D; do
  [ -d "$D" ] || continue
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
  rm -rf "$D"
done < /tmp/runops-ci-pg.dir
rm -f /tmp/runops-ci-pg.dir
