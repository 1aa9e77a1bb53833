#!/usr/bin/env bash
# Run once by the postgres image on an empty volume (/docker-entrypoint-initdb.d):
# creates the comptoir database and its two roles, then sets their passwords from the
# environment (psql variables are quoted by psql itself, so no SQL injection).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -f /comptoir/roles.sql

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$COMPTOIR_OWNER_PASSWORD" -v app_password="$COMPTOIR_APP_PASSWORD" <<'SQL'
ALTER ROLE comptoir_owner PASSWORD :'owner_password';
ALTER ROLE comptoir_app PASSWORD :'app_password';
SQL
