-- Found by attacking the shop from outside (issue 23): what the database itself now refuses
-- or forgets.

-- 1. The demo orders of earlier versions had idempotency keys anyone could compute
--    (md5('comptoir-demo-order-' || n)); a key replayed at the checkout showed its order.
--    They get random keys; nothing else ever had such a key.
UPDATE customer_order SET idempotency_key = gen_random_uuid()
WHERE idempotency_key IN (SELECT md5('comptoir-demo-order-' || n)::uuid FROM generate_series(1, 100000) AS n);

-- 2. Second-factor failures, counted per account rather than per session: whoever knows
--    the password may open as many sessions as they like. At 10 the factor is locked until
--    the owner chooses a new password (fr.dwwm.comptoir.account.SecondFactor).
ALTER TABLE account
    ADD COLUMN mfa_failures integer NOT NULL DEFAULT 0 CHECK (mfa_failures BETWEEN 0 AND 10),
    ADD COLUMN mfa_locked_at timestamptz;

-- 3. An account's role changes through one path only, which the database enforces and
--    audits: the application role may update every column of an account but role_code, and
--    calls change_account_role(), which runs with its owner's rights, accepts the change only
--    from an enabled administrator other than the account itself (so one always remains),
--    and writes the audit entry in the same transaction. Neither an SQL injection nor a forgotten check in a
--    controller can make a customer an administrator by an UPDATE.
REVOKE UPDATE ON account FROM ${application_role};
GRANT UPDATE (email, password_hash, first_name, last_name, phone, preferred_locale, enabled, email_verified_at,
              totp_secret, totp_last_step, mfa_enabled_at, mfa_failures, mfa_locked_at, password_changed_at,
              last_login_at, anonymised_at, updated_at, version)
    ON account TO ${application_role};

CREATE FUNCTION change_account_role(changed bigint, new_role text, actor bigint, actor_ip inet)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
AS $$
DECLARE
    old_role text;
BEGIN
    IF changed = actor THEN
        RAISE EXCEPTION 'an account cannot change its own role' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM account WHERE id = actor AND role_code = 'ADMIN' AND enabled) THEN
        RAISE EXCEPTION 'only an enabled administrator changes roles' USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT role_code INTO old_role FROM account WHERE id = changed AND anonymised_at IS NULL FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such account' USING ERRCODE = 'no_data_found';
    END IF;
    UPDATE account SET role_code = new_role WHERE id = changed;
    INSERT INTO audit_log (action, outcome, actor_account_id, ip, target, details)
    VALUES ('ROLE_CHANGE', 'SUCCESS', actor, actor_ip, 'account:' || changed,
            jsonb_build_object('from', old_role, 'to', new_role));
END;
$$;
REVOKE ALL ON FUNCTION change_account_role(bigint, text, bigint, inet) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION change_account_role(bigint, text, bigint, inet) TO ${application_role};
