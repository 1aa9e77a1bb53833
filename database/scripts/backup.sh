#!/usr/bin/env bash
# Backs up the Comptoir database in PostgreSQL's custom format (compressed, restorable
# table by table with pg_restore). Images are in the database, so this one file holds the
# whole shop.
#
#   database/scripts/backup.sh [output-file]
#
# Connection: the usual libpq variables, e.g.
#   PGHOST=localhost PGPORT=54320 PGUSER=comptoir_owner PGDATABASE=comptoir   (embedded server)
# or a ~/.pgpass file for the password. Run it as the owner role: the application role
# may not read every object (it cannot, on purpose, see everything the owner sees).
set -euo pipefail

: "${PGDATABASE:=comptoir}"
: "${PGUSER:=comptoir_owner}"
export PGDATABASE PGUSER

output="${1:-comptoir-$(date -u +%Y%m%dT%H%M%SZ).dump}"

pg_dump --format=custom --compress=9 --no-owner --no-privileges --file="$output"
pg_restore --list "$output" > /dev/null   # fails if the archive is unreadable
echo "Backup written to $output ($(du -h "$output" | cut -f1))"
