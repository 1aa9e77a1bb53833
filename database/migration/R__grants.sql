-- Every right of the application role, in one place: Flyway runs this script after the
-- versioned migrations whenever it changes, and database/scripts/restore.sh runs the same
-- file after a restore (a dump keeps no privileges). Each statement can run again without
-- harm. The versioned migrations that first set these rights (V5, V8, V12, V13, V15, V16,
-- V23) stay as they were: a migration once applied is never edited.
--
-- A right added by a new migration is added here too, in the same commit: GrantsScriptTests
-- takes every right away, runs this script, and compares with the database as migrated.

-- What the default privileges of database/design/roles.sql give to every new object.
GRANT USAGE ON SCHEMA public TO ${application_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${application_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${application_role};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO ${application_role};

-- V5, V8: an invoice and the audit log are never changed nor erased; the audit log's old
-- entries go only through purge_audit_log, which keeps six months at least.
REVOKE UPDATE, DELETE, TRUNCATE ON invoice FROM ${application_role};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${application_role};
REVOKE ALL ON FUNCTION purge_audit_log(interval) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_audit_log(interval) TO ${application_role};

-- V12: the storefront's content version is written by its trigger only.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON content_version FROM ${application_role};
REVOKE ALL ON FUNCTION watch_content(regclass) FROM PUBLIC, ${application_role};

-- V13: a role changes only through change_account_role(), which writes the audit log.
REVOKE UPDATE ON account FROM ${application_role};
GRANT UPDATE (email, password_hash, first_name, last_name, phone, preferred_locale, enabled, email_verified_at,
              totp_secret, totp_last_step, mfa_enabled_at, mfa_failures, mfa_locked_at, password_changed_at,
              last_login_at, inactivity_warned_at, anonymised_at, updated_at, version)
    ON account TO ${application_role};
REVOKE ALL ON FUNCTION change_account_role(bigint, text, bigint, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION change_account_role(bigint, text, bigint, inet) TO ${application_role};

-- V15, V23: a product's price and stock are the summary its variants' trigger keeps; its
-- idempotency key is written at its creation, never changed.
REVOKE INSERT, UPDATE ON product FROM ${application_role};
GRANT INSERT (category_id, sku, name, slug, summary, description, price_cents, vat_rate, active, featured, attributes,
              created_at, updated_at, idempotency_key) ON product TO ${application_role};
GRANT UPDATE (category_id, sku, name, slug, summary, description, vat_rate, active, featured, attributes,
              updated_at, version) ON product TO ${application_role};

-- V16: a credit note, like an invoice, is never changed nor erased; the two triggers that
-- keep refunds within the invoice run as their owner.
REVOKE UPDATE, DELETE, TRUNCATE ON credit_note FROM ${application_role};
REVOKE ALL ON FUNCTION refund_within_invoice(), credit_note_within_invoice() FROM PUBLIC;

-- The modules' own schemas (module_<code>, made by ModuleSchemas at installation): their
-- tables and sequences, never their migration history.
DO $grants$
DECLARE
    module_schema text;
BEGIN
    FOR module_schema IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'module\_%' LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', module_schema, '${application_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', module_schema,
                       '${application_role}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', module_schema,
                       '${application_role}');
        IF to_regclass(format('%I.flyway_schema_history', module_schema)) IS NOT NULL THEN
            EXECUTE format('REVOKE ALL ON %I.flyway_schema_history FROM %I', module_schema, '${application_role}');
        END IF;
    END LOOP;
END
$grants$;
