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

# Privileges were not dumped (--no-privileges): grant them as the migrations do. Keep this
# list in step with every GRANT and REVOKE of database/migration/ (V5, V8, V12, V13, V15, V16).
psql -X -v ON_ERROR_STOP=1 <<'SQL'
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO comptoir_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO comptoir_app;
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM comptoir_app;
REVOKE UPDATE, DELETE, TRUNCATE ON invoice FROM comptoir_app;
REVOKE ALL ON FUNCTION purge_audit_log(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_audit_log(interval) TO comptoir_app;
-- V12: the storefront's content version is written by its trigger only.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON content_version FROM comptoir_app;
REVOKE ALL ON FUNCTION watch_content(regclass) FROM PUBLIC, comptoir_app;
-- V13: a role changes only through change_account_role(), which writes the audit log.
REVOKE UPDATE ON account FROM comptoir_app;
GRANT UPDATE (email, password_hash, first_name, last_name, phone, preferred_locale, enabled, email_verified_at,
              totp_secret, totp_last_step, mfa_enabled_at, mfa_failures, mfa_locked_at, password_changed_at,
              last_login_at, anonymised_at, updated_at, version)
    ON account TO comptoir_app;
REVOKE ALL ON FUNCTION change_account_role(bigint, text, bigint, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION change_account_role(bigint, text, bigint, inet) TO comptoir_app;
-- V15: a product's price and stock are the summary its variants' trigger keeps.
REVOKE INSERT, UPDATE ON product FROM comptoir_app;
GRANT INSERT (category_id, sku, name, slug, summary, description, price_cents, vat_rate, active, featured, attributes,
              created_at, updated_at) ON product TO comptoir_app;
GRANT UPDATE (category_id, sku, name, slug, summary, description, vat_rate, active, featured, attributes,
              updated_at, version) ON product TO comptoir_app;
-- V23: a product's idempotency key is written at its creation, never changed.
GRANT INSERT (idempotency_key) ON product TO comptoir_app;
-- V16: a credit note, like an invoice, is never changed nor deleted.
REVOKE UPDATE, DELETE, TRUNCATE ON credit_note FROM comptoir_app;
REVOKE ALL ON FUNCTION refund_within_invoice(), credit_note_within_invoice() FROM PUBLIC;
SQL
echo "Restored $1 into $PGDATABASE"
