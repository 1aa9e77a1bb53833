#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY comptoir database (created by
# database/design/roles.sql), then gives the application role back its rights.
#
#   database/scripts/restore.sh backup-file
#
# Same connection variables as backup.sh. The shop must be stopped during the restore.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
  echo "usage: $0 backup-file" >&2
  exit 2
fi
: "${PGDATABASE:=comptoir}"
: "${PGUSER:=comptoir_owner}"
export PGDATABASE PGUSER

tables=$(psql -XAtc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "The database $PGDATABASE is not empty ($tables tables): restore into a fresh one." >&2
  exit 1
fi

# The extensions are created by the first migration, which the dump replays.
pg_restore --exit-on-error --single-transaction --no-owner --role="$PGUSER" --dbname="$PGDATABASE" "$1"

# Privileges were not dumped (--no-privileges): the migrations' own grants script gives
# them back, the same file Flyway runs (database/migration/R__grants.sql).
sed 's/${application_role}/comptoir_app/g' "$(dirname "$0")/../migration/R__grants.sql" |
  psql -X -v ON_ERROR_STOP=1
echo "Restored $1 into $PGDATABASE"
